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

    [Fact]
    public void Resolve_TwoDaysOfOneEventInOneDocumentsTwoSentences_AreTwoEvents()
    {
        EventMention Ligny(string document) => Mention(document, HistoricalDate.OnDay(1815, 6, 16), "Battle fought Prussian army Blucher defeated Napoleon");
        EventMention Waterloo(string document) => Mention(document, HistoricalDate.OnDay(1815, 6, 18), "Blucher defeated Prussian army survived Battle Waterloo", sentenceStart: 200);

        var fromTwoSources = new EventResolver().Resolve([Ligny("a"), Waterloo("b")], new Dictionary<string, SourceDocument>()).Events;
        var fromOneSource = new EventResolver().Resolve([Ligny("a"), Waterloo("a")], new Dictionary<string, SourceDocument>()).Events;

        Assert.Single(fromTwoSources);
        Assert.Equal(["1815-06-16", "1815-06-18"], fromOneSource.Select(e => e.Date.ToTimex()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Resolve_TwoBattlesNamedApartOnOneDay_AreTwoEvents()
    {
        var day = HistoricalDate.OnDay(1815, 6, 16);
        var quatreBras = Mention("a", day, "The Battle of Quatre Bras was fought by the French army of the Armee du Nord under Marshal Ney");
        var ligny = Mention("b", day, "The Battle of Ligny was fought by the French army of the Armee du Nord under Napoleon");
        var unnamed = Mention("c", day, "The French army of the Armee du Nord fought under Marshal Ney");

        Assert.Equal(2, new EventResolver().Resolve([quatreBras, ligny], new Dictionary<string, SourceDocument>()).Events.Count);
        Assert.Single(new EventResolver().Resolve([quatreBras, unnamed], new Dictionary<string, SourceDocument>()).Events);
    }

    [Fact]
    public void Resolve_OneSentenceGivingTwoDaysOfAnEvent_IsOneEvent()
    {
        const string attack = "Japanese attack Pearl Harbor Pacific fleet";
        var events = new EventResolver().Resolve(
            [Mention("a", HistoricalDate.OnDay(1941, 12, 7), attack), Mention("a", HistoricalDate.OnDay(1941, 12, 8), attack)],
            new Dictionary<string, SourceDocument>()).Events;
        Assert.Single(events);
    }

    [Fact]
    public void Resolve_DayInsideARangeTheSameDocumentGives_JoinsIt()
    {
        var range = Mention("a", HistoricalDate.OnDay(1863, 7, 1), "Meade defeated Lee Battle Gettysburg bloodiest battle") with
        {
            EndDate = HistoricalDate.OnDay(1863, 7, 3),
        };
        var lastDay = Mention("a", HistoricalDate.OnDay(1863, 7, 3), "Pickett Charge Battle Gettysburg Lee defeated", sentenceStart: 120);
        var events = new EventResolver().Resolve([range, lastDay], new Dictionary<string, SourceDocument>()).Events;
        Assert.Single(events);
    }

    [Fact]
    public void Resolve_TwoEventsLedFromOneSentenceAmongMany_TakeTheirIdsInResolutionOrder()
    {
        // Events are built on every core; their ids, which tell apart two led from one sentence and date, are given after, in order.
        var day = HistoricalDate.OnDay(1815, 6, 16);
        var quatreBras = Mention("a", day, "The Battle of Quatre Bras was fought by the French army of the Armee du Nord under Marshal Ney");
        var ligny = quatreBras with { Clause = "The Battle of Ligny was fought by the Prussian army under Blucher", Keywords = ["ligny", "prussian", "blucher"] };
        var others = Enumerable.Range(1, 300).Select(i => Mention($"doc{i}", HistoricalDate.OnDay(1700 + i, 1 + i % 12, 1 + i % 28), $"Treaty number {i} signed at Town{i}")).ToList();
        var alone = Assert.Single(new EventResolver().Resolve([quatreBras], new Dictionary<string, SourceDocument>()).Events);

        var events = new EventResolver().Resolve([.. others, quatreBras, ligny], new Dictionary<string, SourceDocument>()).Events;

        var fromTheSentence = events.Where(e => e.DocumentIds.SequenceEqual(["a"])).ToList();
        Assert.Equal(2, fromTheSentence.Count);
        Assert.Equal(alone.Id, fromTheSentence[0].Id);
        Assert.NotEqual(alone.Id, fromTheSentence[1].Id);
        Assert.Equal(302, events.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Resolve_BuildingOneDocumentsEventsThrows_LeavesThatDocumentOutAndResolvesTheRestAsWithoutIt()
    {
        var mentions = Enumerable.Range(1, 200).Select(i => Mention($"doc{i}", HistoricalDate.OnDay(1800 + i, 1 + i % 12, 1 + i % 28), $"Bridge number {i} opened at Town{i}")).ToList();
        Func<string, string> lineageOf = id => id == "doc150" ? throw new InvalidOperationException("unreadable lineage") : id;

        var resolution = new EventResolver(lineageOf).Resolve(mentions, new Dictionary<string, SourceDocument>());

        var failure = Assert.Single(resolution.Failures);
        Assert.Equal("doc150", failure.DocumentId);
        Assert.Contains("building an event", failure.Reason, StringComparison.Ordinal);
        var without = new EventResolver().Resolve(mentions.Where(m => m.DocumentId != "doc150").ToList(), new Dictionary<string, SourceDocument>());
        Assert.Equal(without.Events.Select(e => (e.Id, e.Text)), resolution.Events.Select(e => (e.Id, e.Text)));
    }

    private static HistoricalDate Day(HistoricalDate start, int offset)
    {
        var date = new NodaTime.LocalDate(start.Year, start.Month!.Value, start.Day!.Value).PlusDays(offset);
        return HistoricalDate.OnDay(date.Year, date.Month, date.Day);
    }

    private static EventMention Mention(string document, HistoricalDate date, string text, int sentenceStart = 0) =>
        new(document, MentionKind.Event, date, null, date.ToTimex(), text + ".", sentenceStart, sentenceStart + text.Length + 1, [], [],
            Words.Keywords(text).Distinct().ToList());
}
