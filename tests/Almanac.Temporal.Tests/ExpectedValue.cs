using Almanac.Core;

namespace Almanac.Temporal.Tests;

/// <summary>
/// Checks a timex against an expectation written in the case files: "1956-02-25", "193 MID",
/// "1948..1950" (a range: Date and RangeEnd), "P1Y EVERY" (quant), "XXXX-06-04 date=null".
/// </summary>
internal static class ExpectedValue
{
    public static void Check(string expected, Timex timex)
    {
        var words = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var value = words[0];
        var dateNull = words.Contains("date=null");
        var attribute = words.Skip(1).FirstOrDefault(w => w != "date=null");
        if (value.Contains("..", StringComparison.Ordinal))
        {
            var ends = value.Split("..");
            Assert.Equal(ends[0], timex.Value);
            Assert.Equal(ends[0], timex.Date?.ToTimex());
            Assert.Equal(ends[1], timex.RangeEnd?.ToTimex());
        }
        else
        {
            Assert.Equal(value, timex.Value);
            Assert.Null(timex.RangeEnd);
        }
        if (dateNull)
            Assert.Null(timex.Date);
        Assert.Equal(attribute, timex.Mod ?? timex.Quant);
    }
}
