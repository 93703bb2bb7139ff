using Almanac.Core;

namespace Almanac.Events.Tests;

/// <summary>A person's profile: the events naming them, and their birth and death from the lines that say so.</summary>
public sealed class PeopleTests(SeedPipeline seeds) : IClassFixture<SeedPipeline>
{
    private static HistoricalEvent Event(string id, MentionKind kind, HistoricalDate date, string text, params string[] people)
    {
        var mention = new EventMention($"doc-{id}", kind, date, null, date.ToTimex(), text, 0, text.Length, people, [], []);
        return new HistoricalEvent(id, kind, text, text, date, null, [new DateClaim(date, null, [$"doc-{id}"], 1)], people, [], [], 1, [mention]);
    }

    [Fact]
    public void Of_Seeds_IsTheTimelineOfTheFullNameTheSourcesUse()
    {
        var person = People.Of(seeds.Events, "khrushchev");
        Assert.NotNull(person);
        Assert.Equal("Nikita Khrushchev", person.Name);
        Assert.Equal(Timeline.Of(seeds.Events, "khrushchev").Select(e => e.Id), person.Events.Select(e => e.Id));
        Assert.Contains(seeds.Speech.Id, person.Events.Select(e => e.Id));
        Assert.Equal(person.Events.SelectMany(e => e.DocumentIds).Distinct().Order(), person.DocumentIds.Order());
        // The seeds give neither his birth nor his death: nothing is guessed.
        Assert.Null(person.Born);
        Assert.Null(person.Died);
    }

    [Fact]
    public void Of_BirthsEntryWithDeathNote_GivesTheBirthDayAndTheDeathYear()
    {
        var birth = Event("b", MentionKind.Birth, HistoricalDate.OnDay(1894, 4, 15), "Nikita Khrushchev, Soviet politician (d. 1971)", "Nikita Khrushchev");
        var person = People.Of([birth], "Khrushchev")!;
        Assert.Equal(new LifeDate(HistoricalDate.OnDay(1894, 4, 15), "b"), person.Born);
        Assert.Equal(new LifeDate(HistoricalDate.InYear(1971), null), person.Died);
    }

    [Fact]
    public void Of_ProseLinesWhoseSubjectTheyAre_GiveBirthAndDeath_OthersDoNot()
    {
        var events = new[]
        {
            Event("son", MentionKind.Event, HistoricalDate.OnDay(1935, 7, 2), "Sergei, the son of Nikita Khrushchev, was born in Moscow", "Nikita Khrushchev"),
            Event("killed", MentionKind.Event, HistoricalDate.OnDay(1950, 1, 1), "Nikita Khrushchev killed time in Kyiv", "Nikita Khrushchev"),
            Event("born", MentionKind.Event, HistoricalDate.OnDay(1894, 4, 15), "Khrushchev was born in Kalinovka", "Nikita Khrushchev"),
            Event("dies", MentionKind.Event, HistoricalDate.OnDay(1971, 9, 11), "Nikita Khrushchev, former Soviet leader, dies in Moscow", "Nikita Khrushchev"),
        };
        var person = People.Of(events, "Nikita Khrushchev")!;
        Assert.Equal("born", person.Born?.EventId);
        Assert.Equal("dies", person.Died?.EventId);
        Assert.Equal(["born", "son", "killed", "dies"], person.Events.Select(e => e.Id));
    }

    [Fact]
    public void Of_DeathEntryOfAnotherPerson_IsNotTheirDeath()
    {
        var events = new[]
        {
            Event("stalin", MentionKind.Death, HistoricalDate.OnDay(1953, 3, 5), "Joseph Stalin, Soviet leader, mourned by Nikita Khrushchev (b. 1878)", "Joseph Stalin", "Nikita Khrushchev"),
        };
        var person = People.Of(events, "Khrushchev")!;
        Assert.Null(person.Died);
        Assert.Null(person.Born);
    }

    [Fact]
    public void Of_NobodyByThatName_IsNull() => Assert.Null(People.Of(seeds.Events, "Bonaparte"));
}
