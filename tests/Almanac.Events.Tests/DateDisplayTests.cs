using Almanac.Core;

namespace Almanac.Events.Tests;

public sealed class DateDisplayTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "1956-02-25", "1956-02-25" },
        { "1956-10", "1956-10" },
        { "1956", "1956" },
        { "195", "1950s" },
        { "19", "20th century" },
        { "BC0044", "44 BC" },
        { "BC004", "40s BC" },
        { "BC0044-03-15", "0044-03-15 BC" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_Precision_ShowsWhatTheSourcesGive(string timex, string expected)
    {
        Assert.True(HistoricalDate.TryParseTimex(timex, out var date), timex);
        Assert.Equal(expected, DateDisplay.Of(date));
    }

    [Fact]
    public void Of_ApproximateAndMid_Prefixed()
    {
        Assert.Equal("c. 1450", DateDisplay.Of(HistoricalDate.InYear(1450).With(DateModifier.Approximate)));
        Assert.Equal("mid-1930s", DateDisplay.Of(HistoricalDate.InDecade(1935).With(DateModifier.Mid)));
    }
}
