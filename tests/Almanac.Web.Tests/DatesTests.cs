using Almanac.Core;
using NodaTime;

namespace Almanac.Web.Tests;

public sealed class DatesTests
{
    [Theory]
    [InlineData(12, 31, 1, 1, 1)]
    [InlineData(3, 1, -1, 2, 29)]
    [InlineData(2, 28, 1, 2, 29)]
    public void Neighbour_CountsInALeapYear(int month, int day, int offset, int expectedMonth, int expectedDay) =>
        Assert.Equal(new AnnualDate(expectedMonth, expectedDay), Dates.Neighbour(new AnnualDate(month, day), offset));

    [Theory]
    [InlineData("6", "4", 6, 4)]
    [InlineData("06", "04", 6, 4)]
    public void FromParts_AcceptsThePickersNumbers(string month, string day, int expectedMonth, int expectedDay) =>
        Assert.Equal(new AnnualDate(expectedMonth, expectedDay), Dates.FromParts(month, day));

    [Theory]
    [InlineData("2", "30")]
    [InlineData("13", "1")]
    [InlineData("", "")]
    [InlineData("x", "1")]
    [InlineData("123", "1")]
    public void FromParts_NotACalendarDay_IsNull(string month, string day) => Assert.Null(Dates.FromParts(month, day));
}
