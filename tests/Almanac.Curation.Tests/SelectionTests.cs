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
        Assert.Contains("round anniversary: 70 years", chosen[0].Why);
    }

    [Fact]
    public void Select_LeavesOutBirthsAndDeaths()
    {
        var birth = Entry(1900, 5) with { Event = Entry(1900, 5).Event with { Kind = MentionKind.Birth } };
        Assert.Empty(Selection.Select([birth], 2026));
    }

    private static DayEntry Entry(int year, double significance)
    {
        var date = HistoricalDate.OnDay(year, 6, 4);
        var e = new HistoricalEvent($"e{year}", MentionKind.Event, $"Event of {year}", $"Something in {year}.", date, null,
            [new DateClaim(date, null, ["doc"], 1)], [], [], [], significance, []);
        return new DayEntry(e, date, IsPrimaryDate: true);
    }
}
