using Almanac.Core;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almanac.Events.Tests;

public sealed class SharedTermsTests
{
    private static readonly string[] Words = ["speech", "congress", "stalin", "secret", "budapest", "troops", "landing", "theater"];
    private static readonly string[] Names = ["Khrushchev", "Imre Nagy", "Eisenhower"];
    private static readonly string[] PlaceNames = ["Moscow", "Hungary"];
    private static readonly HistoricalDate Day = HistoricalDate.OnDay(1956, 2, 25);
    private static readonly HistoricalDate Year = HistoricalDate.InYear(1956);

    private static Gen<EventMention> Mentions(MentionKind kind) =>
        from words in Gen.SubListOf(Words)
        from people in Gen.SubListOf(Names)
        from places in Gen.SubListOf(PlaceNames)
        from coarse in Gen.Elements(true, false)
        from document in Gen.Elements("a", "b", "c")
        select new EventMention(document, kind, coarse ? Year : Day, null, "1956", string.Join(" ", words), 0, 10,
            people.ToList(), places.ToList(), words.ToList());

    private static Gen<List<EventMention>> Events() =>
        from kind in Gen.Elements(MentionKind.Event, MentionKind.Death)
        from mentions in Mentions(kind).NonEmptyListOf()
        select mentions.Take(3).ToList();

    [Property(MaxTest = 300)]
    public Property With_AnEventSharingNoTerm_MeetsNoneOfTheMentions() =>
        Prop.ForAll(Events().NonEmptyListOf().ToArbitrary(), Gen.Elements(MentionKind.Event, MentionKind.Death).SelectMany(Mentions).NonEmptyListOf().ToArbitrary(),
            (events, mentions) =>
            {
                var stored = events.Select(e => (IReadOnlyList<EventMention>)e).ToList();
                var meets = new EventResolver().MentionsMeeting(stored, mentions.ToList());
                var shared = new SharedTerms(mentions);
                return stored.Select((e, i) => shared.With(e) || meets[i].Count == 0).All(x => x);
            });

    [Fact]
    public void With_AnEventOfAnotherKindSharingWords_IsFalse()
    {
        var death = new EventMention("a", MentionKind.Death, Year, null, "1956", "speech", 0, 6, [], [], ["speech", "stalin"]);
        var speech = new EventMention("b", MentionKind.Event, Day, null, "1956", "speech", 0, 6, ["Khrushchev"], [], ["speech", "stalin"]);

        Assert.False(new SharedTerms([death]).With([speech]));
        Assert.True(new SharedTerms([speech with { DocumentId = "c", People = [] }]).With([speech]));
    }
}
