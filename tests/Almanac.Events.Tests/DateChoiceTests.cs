using Almanac.Core;

namespace Almanac.Events.Tests;

public sealed class DateChoiceTests
{
    private static readonly HistoricalDate Feb24 = HistoricalDate.OnDay(1956, 2, 24);
    private static readonly HistoricalDate Feb25 = HistoricalDate.OnDay(1956, 2, 25);

    [Fact]
    public void BestClaim_RangeAndDayEquallySupported_PrefersTheDay()
    {
        var best = EventResolver.BestClaim([new DateClaim(Feb24, Feb25, ["a"], 1), new DateClaim(Feb24, null, ["b"], 1)]);
        Assert.Equal("1956-02-24", best.Value);
    }

    [Fact]
    public void BestClaim_MoreLineages_WinsOverEarlierDay()
    {
        var best = EventResolver.BestClaim([new DateClaim(Feb24, null, ["a"], 1), new DateClaim(Feb25, null, ["b", "c"], 2)]);
        Assert.Equal("1956-02-25", best.Value);
    }

    [Fact]
    public void BestClaim_CopiesCountOnce_SoDocumentsDoNotOutvoteLineages()
    {
        var best = EventResolver.BestClaim([new DateClaim(Feb24, null, ["a", "a-copy", "a-copy2"], 1), new DateClaim(Feb25, null, ["b", "c"], 2)]);
        Assert.Equal("1956-02-25", best.Value);
    }

    [Fact]
    public void BestClaim_CoarserClaimWithMoreSupport_DoesNotDisplaceTheDay()
    {
        var best = EventResolver.BestClaim([new DateClaim(HistoricalDate.InYear(1956), null, ["a", "b", "c"], 3), new DateClaim(Feb25, null, ["d"], 1)]);
        Assert.Equal("1956-02-25", best.Value);
    }
}
