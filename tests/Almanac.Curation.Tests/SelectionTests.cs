using Almanac.Core;
using Almanac.Storage;

namespace Almanac.Curation.Tests;

public sealed class SelectionTests
{
    [Theory]
    [InlineData(1956, 2026, true)]
    [InlineData(1966, 2026, true)]
    [InlineData(1961, 2026, false)]
    [InlineData(1776, 2026, true)]
    [InlineData(1786, 2026, false)]
    [InlineData(2026, 2026, false)]
    public void IsRoundAnniversary_TensForRecentTwentyFivesForOld(int year, int current, bool round) =>
        Assert.Equal(round, Selection.IsRoundAnniversary(year, current));

    [Fact]
    public void Select_TakesAtMostFiveMixingCenturies()
    {
        var day = new[] { 1901, 1902, 1903, 1904, 1905, 1906, 1510, 1066 }
            .Select((year, i) => Entry(year, significance: 10 - i)).ToList();
        var chosen = Selection.Select(day, 2026).Select(s => s.Entry.ListedDate.Year).ToList();
        Assert.Equal(5, chosen.Count);
        Assert.Equal([1901, 1902, 1510, 1066, 1903], chosen);
    }

    [Fact]
    public void Select_AtEqualSignificance_PrefersRoundAnniversaries()
    {
        var chosen = Selection.Select([Entry(1961, 1), Entry(1956, 1)], 2026);
        Assert.Equal(1956, chosen[0].Entry.ListedDate.Year);
        Assert.Contains("70 years ago today", chosen[0].Why);
        Assert.True(chosen[0].Score.RoundAnniversary);
        Assert.Equal(70, chosen[0].Score.YearsAgo);
    }

    [Fact]
    public void Reason_NamesIndependentSourcesAndCopies_WithoutScores()
    {
        var copied = Entry(1956, 2.4567, documents: ["a", "b", "c", "d"], lineages: 3);
        var chosen = Assert.Single(Selection.Select([copied], 2026));
        Assert.Equal("Reported by 3 independent sources and one copy of them; 70 years ago today", chosen.Why);
        Assert.DoesNotContain("2.4", chosen.Why);
        Assert.Equal((4, 3, 2.4567), (chosen.Score.Sources, chosen.Score.IndependentSources, chosen.Score.Significance));
    }

    [Fact]
    public void Reason_OfTheTopEventAmongSeveral_SaysItLeadsTheDay()
    {
        var chosen = Selection.Select([Entry(1961, 3), Entry(1962, 1)], 2026);
        Assert.Equal("Reported by one source; the day's most significant event", chosen[0].Why);
        Assert.Equal("Reported by one source", chosen[1].Why);
    }

    [Fact]
    public void Reason_OfAnEventTakenForTheEraMix_NamesItsCentury()
    {
        var day = new[] { 1901, 1902, 1903, 1904, 1905, 1906, 1510 }.Select((year, i) => Entry(year, significance: 10 - i)).ToList();
        var old = Selection.Select(day, 2026).Single(s => s.Entry.ListedDate.Year == 1510);
        Assert.True(old.Score.ForEraMix);
        Assert.EndsWith("chosen to include the 16th century", old.Why);
    }

    /// <summary>Whatever the figures, the reason a reader sees holds whole numbers only (sources, years): no score.</summary>
    [FsCheck.Xunit.Property]
    public bool Reason_ForAnyFigures_HasNoScore(FsCheck.PositiveInt independent, FsCheck.NonNegativeInt copies, FsCheck.PositiveInt rank, int age, double significance, bool eraMix) =>
        !Selection.Reason(new SelectionScore(rank.Get, rank.Get + 1, significance, independent.Get + copies.Get, independent.Get, age,
            Selection.IsRoundAnniversary(2026 - age, 2026), eraMix), 2026 - age).Contains('.', StringComparison.Ordinal);

    [Fact]
    public void Select_LeavesOutBirthsAndDeaths()
    {
        var birth = Entry(1900, 5) with { Event = Entry(1900, 5).Event with { Kind = MentionKind.Birth } };
        Assert.Empty(Selection.Select([birth], 2026));
    }

    private static DayEntry Entry(int year, double significance, string[]? documents = null, int lineages = 1)
    {
        var date = HistoricalDate.OnDay(year, 6, 4);
        documents ??= ["doc"];
        var e = new HistoricalEvent($"e{year}", MentionKind.Event, $"Event of {year}", $"Something in {year}.", date, null,
            [new DateClaim(date, null, documents, lineages)], [], [], [], significance, [])
        { SourceCount = documents.Length };
        return new DayEntry(e, date, IsPrimaryDate: true);
    }
}
