using Almanac.Core;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;

namespace Almanac.Core.Tests;

public sealed class HolidayRuleTests
{
    // Dates the churches published (western: the Book of Common Prayer's tables and later calendars; Orthodox: the
    // Moscow Patriarchate's), spread over the range so each term of the computus is exercised.
    [Theory]
    [InlineData(1583, 4, 10)]
    [InlineData(1818, 3, 22)] // the earliest possible
    [InlineData(1943, 4, 25)] // the latest possible
    [InlineData(1961, 4, 2)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2038, 4, 25)]
    public void WesternEaster_IsThePublishedDate(int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), Computus.WesternEaster(year));

    [Theory]
    [InlineData(2008, 4, 27)]
    [InlineData(2010, 4, 4)] // the same day as the western feast
    [InlineData(2021, 5, 2)]
    [InlineData(2023, 4, 16)]
    [InlineData(2024, 5, 5)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 12)]
    public void OrthodoxEaster_IsThePublishedGregorianDate(int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), Computus.OrthodoxEaster(year));

    /// <summary>For every year: a Sunday, between 22 March and 25 April, the rule's limits.</summary>
    [Property(MaxTest = 2000)]
    public bool WesternEaster_AnyYear_IsASundayBetween22MarchAnd25April(PositiveInt offset)
    {
        var easter = Computus.WesternEaster(1583 + offset.Get % 8000);
        return easter.DayOfWeek == IsoDayOfWeek.Sunday
            && easter >= new LocalDate(easter.Year, 3, 22) && easter <= new LocalDate(easter.Year, 4, 25);
    }

    /// <summary>
    /// For every year while the calendars differ by 10 to 13 days (1583–2099): the Orthodox feast is a Sunday, on its own
    /// calendar between 22 March and 25 April, and the same day as the western one or 1, 4 or 5 weeks after it.
    /// </summary>
    [Property(MaxTest = 2000)]
    public bool OrthodoxEaster_AnyYear_IsASundayAtOrAfterTheWesternFeast(PositiveInt offset)
    {
        var year = 1583 + offset.Get % 517;
        var orthodox = Computus.OrthodoxEaster(year);
        var julian = orthodox.WithCalendar(CalendarSystem.Julian);
        var weeks = Period.Between(Computus.WesternEaster(year), orthodox, PeriodUnits.Days).Days;
        return orthodox.DayOfWeek == IsoDayOfWeek.Sunday
            && julian >= new LocalDate(julian.Year, 3, 22, CalendarSystem.Julian) && julian <= new LocalDate(julian.Year, 4, 25, CalendarSystem.Julian)
            && weeks is 0 or 7 or 28 or 35;
    }

    [Theory]
    [InlineData("Easter-2", 2026, 4, 3)]      // Good Friday
    [InlineData("Easter+49", 2026, 5, 24)]    // Pentecost
    [InlineData("Easter-47", 2026, 2, 17)]    // Shrove Tuesday
    [InlineData("Paskha+49", 2026, 5, 31)]
    [InlineData("Пасха-7", 2026, 4, 5)]
    [InlineData("05/MonLast", 2026, 5, 25)]   // Memorial Day
    [InlineData("11/ThuFourth", 2026, 11, 26)] // Thanksgiving
    [InlineData("09/MonFirst", 2026, 9, 7)]
    [InlineData("10/SundayLast", 2026, 10, 25)]
    [InlineData("May Sun+2", 2026, 5, 10)]    // Mother's Day
    [InlineData("Nov/TueFirst", 2026, 11, 3)]
    [InlineData("SunThird Sep", 2026, 9, 20)]
    [InlineData("11/SunLast+3", 2026, 12, 2)]
    [InlineData("03/Sun-2", 2026, 3, 22)]     // the second last Sunday of March
    public void In_TheRuleOfACalendarFile_GivesItsDay(string field, int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), HolidayRule.Parse(field)!.In(year));

    [Fact]
    public void In_AFifthWeekdayAMonthLacks_IsNoDay() => Assert.Null(HolidayRule.Parse("02/MonFifth")!.In(2026));

    [Theory]
    [InlineData("06/04")]
    [InlineData("037MonSecond")]
    [InlineData("Christmas+1")]
    [InlineData("10/LastSun")]
    [InlineData("")]
    public void Parse_NotAMovingDate_IsNull(string field) => Assert.Null(HolidayRule.Parse(field));

    /// <summary>Every moving rule of Debian's calendar files that parses gives, for every year, a day in the right place.</summary>
    [Fact]
    public void Parse_TheInstalledCalendarFiles_EveryWeekdayRuleFallsInItsMonth()
    {
        if (!Directory.Exists("/usr/share/calendar"))
            return;
        var rules = Directory.EnumerateFiles("/usr/share/calendar", "*", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines).Where(l => l.Contains('\t') && !l.StartsWith('\t'))
            .Select(l => HolidayRule.Parse(l[..l.IndexOf('\t')])).OfType<HolidayRule>().ToList();
        Assert.True(rules.Count > 100, $"{rules.Count} rules");
        foreach (var rule in rules.Where(r => r.From == HolidayRule.Anchor.WeekdayOfMonth && r.Offset == 0))
            foreach (var year in new[] { 1990, 2026, 2100 })
                if (rule.In(year) is { } day)
                    Assert.True(day.Month == rule.Month && day.DayOfWeek == rule.Weekday, rule.Text);
    }
}
