using Almanac.Core;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almanac.Core.Tests;

public sealed class HistoricalDateTests
{
    [Theory]
    [InlineData(1956, 2, 25, "1956-02-25")]
    [InlineData(-43, 3, 15, "BC0044-03-15")]
    [InlineData(1, 1, 1, "0001-01-01")]
    public void ToTimex_DayPrecision_WritesIsoWithBcPrefix(int year, int month, int day, string expected) =>
        Assert.Equal(expected, HistoricalDate.OnDay(year, month, day).ToTimex());

    [Fact]
    public void ToTimex_CoarserPrecisions_FollowTimex3Conventions()
    {
        Assert.Equal("1956-06", HistoricalDate.InMonth(1956, 6).ToTimex());
        Assert.Equal("1956-SU", HistoricalDate.InSeason(1956, Season.Summer).ToTimex());
        Assert.Equal("193", HistoricalDate.InDecade(1935).ToTimex());
        Assert.Equal("19", HistoricalDate.InCentury(1956).ToTimex());
        Assert.Equal("1", HistoricalDate.InMillennium(1956).ToTimex());
        Assert.Equal("BC0044", HistoricalDate.InYear(-43).ToTimex());
        Assert.Equal("BC02", HistoricalDate.InCentury(-250).ToTimex());
    }

    [Fact]
    public void InCentury_ThirdCenturyBc_StartsAtItsEarliestYear()
    {
        var century = HistoricalDate.InCentury(-250);
        Assert.Equal((-298, -199), century.YearSpan);
        Assert.True(HistoricalDate.InYear(-250).IsWithin(century));
    }

    [Fact]
    public void ToGregorian_OctoberRevolutionOldStyle_IsSeventhNovember()
    {
        var oldStyle = HistoricalDate.OnDay(1917, 10, 25, CalendarKind.Julian);
        Assert.Equal(HistoricalDate.OnDay(1917, 11, 7), oldStyle.ToGregorian());
    }

    [Fact]
    public void OnDay_DayMissingFromCalendar_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HistoricalDate.OnDay(1900, 2, 29));
        Assert.Equal(29, HistoricalDate.OnDay(1900, 2, 29, CalendarKind.Julian).Day);
    }

    [Fact]
    public void IsWithin_DayInsideMonthAndDecade_ButNotOtherMonth()
    {
        var day = HistoricalDate.OnDay(1956, 2, 25);
        Assert.True(day.IsWithin(HistoricalDate.InMonth(1956, 2)));
        Assert.True(day.IsWithin(HistoricalDate.InDecade(1950)));
        Assert.False(day.IsWithin(HistoricalDate.InMonth(1956, 6)));
        Assert.False(HistoricalDate.InYear(1956).IsWithin(day));
    }

    [Fact]
    public void CompareTo_OrdersBcBeforeAdAndCoarseBeforeFine()
    {
        var dates = new[]
        {
            HistoricalDate.OnDay(1956, 2, 25), HistoricalDate.InYear(-43), HistoricalDate.InYear(1956), HistoricalDate.InDecade(1930),
        };
        Assert.Equal(["BC0044", "193", "1956", "1956-02-25"], dates.Order().Select(d => d.ToTimex()));
    }

    [Property(MaxTest = 500)]
    public Property TimexValue_RoundTrips_ForEveryPrecision() =>
        Prop.ForAll(Dates().ToArbitrary(), date =>
            HistoricalDate.TryParseTimex(date.ToTimex(), out var parsed) && parsed == date);

    [Property(MaxTest = 300)]
    public Property StoredForm_RoundTrips_WithModifierAndCalendar() =>
        Prop.ForAll(Dates().ToArbitrary(), Gen.Elements(Enum.GetValues<DateModifier>()).ToArbitrary(), (date, modifier) =>
        {
            var modified = date.With(modifier);
            return HistoricalDateJsonConverter.Parse(HistoricalDateJsonConverter.Format(modified)) == modified;
        });

    [Property(MaxTest = 300)]
    public Property JulianDay_ConvertsToAGregorianDayWithinThirteenDays() =>
        Prop.ForAll(Gen.Choose(1000, 2000).ToArbitrary(), Gen.Choose(1, 12).ToArbitrary(), Gen.Choose(1, 28).ToArbitrary(), (year, month, day) =>
        {
            var julian = HistoricalDate.OnDay(year, month, day, CalendarKind.Julian);
            var gregorian = julian.ToGregorian();
            var apart = NodaTime.Period.Between(new NodaTime.LocalDate(year, month, day),
                new NodaTime.LocalDate(gregorian.Year, gregorian.Month!.Value, gregorian.Day!.Value), NodaTime.PeriodUnits.Days).Days;
            return apart is >= 4 and <= 13 || year < 1100;
        });

    [Fact]
    public void TryParseTimex_Garbage_ReturnsFalse()
    {
        foreach (var value in new[] { "", "XXXX-06-04", "1956-13", "1956-02-30", "BC", "abcd", "PRESENT_REF", "P2Y" })
            Assert.False(HistoricalDate.TryParseTimex(value, out _), value);
    }

    private static Gen<HistoricalDate> Dates() =>
        from kind in Gen.Choose(0, 6)
        from year in Gen.Choose(-2999, 2999)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, 28)
        from season in Gen.Elements(Enum.GetValues<Season>())
        select kind switch
        {
            0 => HistoricalDate.OnDay(year, month, day),
            1 => HistoricalDate.InMonth(year, month),
            2 => HistoricalDate.InSeason(year, season),
            3 => HistoricalDate.InYear(year),
            4 => HistoricalDate.InDecade(year),
            5 => HistoricalDate.InCentury(year),
            _ => HistoricalDate.InMillennium(year),
        };
}
