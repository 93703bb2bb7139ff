using Almanac.Core;
using Microsoft.Extensions.Time.Testing;

namespace Almanac.Core.Tests;

public sealed class ReaderDayTests
{
    [Theory]
    [InlineData("06-04", 6, 4)]
    [InlineData("02-29", 2, 29)]
    [InlineData("12-31", 12, 31)]
    public void ParseMonthDay_CalendarDay_IsParsed(string text, int month, int day)
    {
        var parsed = ReaderDay.ParseMonthDay(text);
        Assert.Equal(new NodaTime.AnnualDate(month, day), parsed);
    }

    [Theory]
    [InlineData("13-01")]
    [InlineData("02-30")]
    [InlineData("6-4")]
    [InlineData("00-10")]
    [InlineData("06/04")]
    public void ParseMonthDay_NotACalendarDay_IsNull(string text) => Assert.Null(ReaderDay.ParseMonthDay(text));

    [Fact]
    public void Today_IsTheReadersLocalDay_NotUtc()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 4, 23, 30, 0, TimeSpan.Zero));
        var tokyo = TimeZoneInfo.CreateCustomTimeZone("UTC+9", TimeSpan.FromHours(9), "UTC+9", "UTC+9");
        Assert.Equal(new NodaTime.AnnualDate(6, 5), ReaderDay.Today(clock, tokyo));
        Assert.Equal(new NodaTime.AnnualDate(6, 4), ReaderDay.Today(clock, TimeZoneInfo.Utc));
    }
}

public sealed class ReaderDayCalendarTests
{
    [Fact]
    public void AllDays_Are366InOrderWithLeapDay()
    {
        var days = ReaderDay.AllDays().ToList();
        Assert.Equal(366, days.Count);
        Assert.Contains(new NodaTime.AnnualDate(2, 29), days);
        Assert.Equal(days.OrderBy(d => d.Month).ThenBy(d => d.Day), days);
        Assert.All(days, d => Assert.Equal(d, ReaderDay.ParseMonthDay(ReaderDay.Format(d))));
    }
}
