using Almanac.Core;

namespace Almanac.Events.Tests;

/// <summary>What the whole pipeline makes of the seeds: one event for the speech, its disputed date, title, people and summary.</summary>
public sealed class SeedResolutionTests(SeedPipeline seeds) : IClassFixture<SeedPipeline>
{
    [Fact]
    public void Resolve_Seeds_SpeechIsOneEventDatedTwentyFifthWithEveryClaim()
    {
        var speech = seeds.Speech;
        Assert.Equal("1956-02-25", speech.DateValue);
        var claims = speech.DateClaims.ToDictionary(c => c.Value, c => c.DocumentIds.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(new[] { seeds.IdOf("000"), seeds.IdOf("003") }.Order(StringComparer.Ordinal), claims["1956-02-25"]);
        Assert.Equal([seeds.IdOf("002")], claims["1956-02-24"]);
        Assert.Equal([seeds.IdOf("001")], claims["1956-02-24/1956-02-25"]);
        Assert.Equal(2, speech.DateClaims.Single(c => c.Value == "1956-02-25").Lineages);
        Assert.True(speech.HasDateConflict);
    }

    [Fact]
    public void Resolve_Seeds_NoOtherEventClaimsTheSpeechDays()
    {
        var others = seeds.Events.Where(e => e.Id != seeds.Speech.Id);
        Assert.DoesNotContain(others, e => e.DateClaims.Any(c => c.Value.StartsWith("1956-02-2", StringComparison.Ordinal)));
        Assert.All(seeds.Store.GetEventsOnDay(2, 25), entry => Assert.Equal(seeds.Speech.Id, entry.Event.Id));
    }

    [Fact]
    public void GetEventsOnDay_JuneFourth_ListsThePublicationApartFromTheSpeech()
    {
        var entry = Assert.Single(seeds.Store.GetEventsOnDay(6, 4));
        Assert.NotEqual(seeds.Speech.Id, entry.Event.Id);
        Assert.Equal("1956-06-04", entry.Event.DateValue);
        Assert.Equal([seeds.IdOf("000")], entry.Event.DocumentIds);
        Assert.Contains("made public", entry.Event.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_Speech_IsTheNameTheSourcesUse()
    {
        Assert.Equal("Khrushchev's Secret Speech", seeds.Speech.Title);
        Assert.All(seeds.Events, e => Assert.DoesNotContain(" :", e.Title, StringComparison.Ordinal));
    }

    [Fact]
    public void People_Speech_AreMergedPeopleOnly()
    {
        var people = seeds.Speech.People;
        Assert.Contains("Nikita Khrushchev", people);
        Assert.Contains("Joseph Stalin", people);
        Assert.DoesNotContain("Nikita S. Khrushchev", people);
        Assert.DoesNotContain(seeds.Events.SelectMany(e => e.People), p => p.Contains("Speech", StringComparison.Ordinal) || p.Contains("Point", StringComparison.Ordinal));
    }

    [Fact]
    public void InShort_Speech_AtMostThreeWholeSentencesEachFoundInItsSource()
    {
        var summary = seeds.Speech.Summary;
        Assert.InRange(summary.Count, 2, 3);
        Assert.Equal(summary.Count, summary.Select(s => s.Text).Distinct().Count());
        foreach (var sentence in summary)
        {
            Assert.Contains(sentence.DocumentId, seeds.Speech.DocumentIds);
            Assert.Contains(sentence.Text, seeds.Documents.Single(d => d.Id == sentence.DocumentId).Text, StringComparison.Ordinal);
            Assert.Matches(@"[.!][”""’)]?$", sentence.Text);
        }
        Assert.Contains(summary, s => s.Text.Contains("1956", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_Seeds_BoilerplateMakesNoEvent()
    {
        string[] boilerplate = ["Popular Posts", "Subscribe", "Copyright", "©", "Leave a Reply", "Onegin", "Nazdrovia", "Akismet"];
        foreach (var mention in seeds.Events.SelectMany(e => e.Mentions))
            Assert.DoesNotContain(boilerplate, b => mention.Sentence.Contains(b, StringComparison.Ordinal));
    }

    [Fact]
    public void Aftermath_Speech_HasHungarysUprisingAndThe1989Publication()
    {
        var aftermath = seeds.Speech.Aftermath;
        Assert.Contains(aftermath, a => a.DateValue.StartsWith("1956-1", StringComparison.Ordinal) && a.Title.Contains("Hungar", StringComparison.Ordinal));
        Assert.Contains(aftermath, a => a.DateValue == "1989");
        Assert.All(aftermath, a => Assert.True(string.CompareOrdinal(a.DateValue, "1956-02-25") > 0, a.DateValue));
    }

    [Fact]
    public void RelatedReading_Speech_NamesTaubmansBook()
    {
        Assert.Contains(seeds.Speech.RelatedReading, r => r.Title == "Khrushchev: The Man and His Era" && r.Author == "William Taubman");
    }

    [Fact]
    public void Significance_Seeds_SpeechRanksFirst()
    {
        Assert.Equal(seeds.Speech.Id, seeds.Events.MaxBy(e => e.Significance)!.Id);
    }
}
