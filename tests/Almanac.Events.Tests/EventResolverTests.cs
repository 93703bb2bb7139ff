using Almanac.Core;

namespace Almanac.Events.Tests;

public sealed class EventResolverTests
{
    [Fact]
    public void Resolve_DailyRunOfSimilarEvents_DoesNotChainIntoOne()
    {
        var mentions = Enumerable.Range(0, 6)
            .Select(i => Mention($"doc{i}", Day(HistoricalDate.OnDay(1956, 10, 28), i), "Hungarian revolution Soviet troops Budapest fighting"))
            .ToList();
        var events = new EventResolver().Resolve(mentions, new Dictionary<string, SourceDocument>()).Events;
        Assert.True(events.Count >= 2, $"{events.Count} event(s)");
        Assert.All(events, e => Assert.True(e.DateClaims.Count <= 3, string.Join(", ", e.DateClaims.Select(c => c.Value))));
    }

    [Fact]
    public void Resolve_SameEventTwoDaysApartInTwoSources_IsOneEventWithBothClaims()
    {
        var events = new EventResolver().Resolve(
            [Mention("a", HistoricalDate.OnDay(1956, 2, 24), "Khrushchev denounces Stalin secret speech congress"),
             Mention("b", HistoricalDate.OnDay(1956, 2, 25), "secret speech Khrushchev congress Stalin denounced")],
            new Dictionary<string, SourceDocument>()).Events;
        var e = Assert.Single(events);
        Assert.Equal(["1956-02-24", "1956-02-25"], e.DateClaims.Select(c => c.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Resolve_DifferentEventsOnOneDay_StayApart()
    {
        var day = HistoricalDate.OnDay(1944, 6, 6);
        var events = new EventResolver().Resolve(
            [Mention("a", day, "Normandy landing Allied troops beaches"), Mention("b", day, "first drive-in movie theater opens Camden")],
            new Dictionary<string, SourceDocument>()).Events;
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void Resolve_DecadeMentionAndOneDaysEvent_StayApart()
    {
        var events = new EventResolver().Resolve(
            [Mention("a", HistoricalDate.OnDay(1937, 6, 11), "Great Purge Stalin executes army leaders"),
             Mention("b", HistoricalDate.InDecade(1930).With(DateModifier.Mid), "Great Purge Stalin executes army leaders and communists")],
            new Dictionary<string, SourceDocument>()).Events;
        Assert.Equal(2, events.Count);
    }

    private static HistoricalDate Day(HistoricalDate start, int offset)
    {
        var date = new NodaTime.LocalDate(start.Year, start.Month!.Value, start.Day!.Value).PlusDays(offset);
        return HistoricalDate.OnDay(date.Year, date.Month, date.Day);
    }

    private static EventMention Mention(string document, HistoricalDate date, string text) =>
        new(document, MentionKind.Event, date, null, date.ToTimex(), text + ".", 0, text.Length + 1, [], [],
            Words.Keywords(text).Distinct().ToList());
}
