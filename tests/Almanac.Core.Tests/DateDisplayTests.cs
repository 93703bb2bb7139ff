using System.Text.RegularExpressions;
using Almanac.Core;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almanac.Core.Tests;

public sealed class DateDisplayTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "1956-02-25", "25 February 1956" },
        { "1956-10", "October 1956" },
        { "1968-SP", "spring 1968" },
        { "1956", "1956" },
        { "196", "the 1960s" },
        { "190", "the 1900s" },
        { "19", "the 20th century" },
        { "1", "the 2nd millennium" },
        { "BC0044", "44 BC" },
        { "BC0001", "1 BC" },
        { "BC004", "the 40s BC" },
        { "BC00", "the 1st century BC" },
        { "BC0044-03-15", "15 March 44 BC" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_EachPrecision_ReadsAsHistoriansWriteIt(string timex, string expected)
    {
        Assert.True(HistoricalDate.TryParseTimex(timex, out var date), timex);
        Assert.Equal(expected, DateDisplay.Of(date));
    }

    [Fact]
    public void Of_Modifiers_ReadAsHistoriansWriteThem()
    {
        Assert.Equal("c. 1450", DateDisplay.Of(HistoricalDate.InYear(1450).With(DateModifier.Approximate)));
        Assert.Equal("the mid-1930s", DateDisplay.Of(HistoricalDate.InDecade(1935).With(DateModifier.Mid)));
        Assert.Equal("the early 20th century", DateDisplay.Of(HistoricalDate.InCentury(1901).With(DateModifier.Early)));
        Assert.Equal("late 1956", DateDisplay.Of(HistoricalDate.InYear(1956).With(DateModifier.Late)));
    }

    [Fact]
    public void Of_JulianDayAfterTheReform_IsMarkedOldStyle() =>
        Assert.Equal("25 October 1917 (O.S.)", DateDisplay.Of(HistoricalDate.OnDay(1917, 10, 25, CalendarKind.Julian)));

    [Fact]
    public void Of_JulianDayBeforeTheReform_IsNotMarked() =>
        Assert.Equal("14 October 1066", DateDisplay.Of(HistoricalDate.OnDay(1066, 10, 14, CalendarKind.Julian)));

    [Fact]
    public void Of_Range_JoinsBothEnds() =>
        Assert.Equal("24 February 1956 – 25 February 1956", DateDisplay.Of(HistoricalDate.OnDay(1956, 2, 24), HistoricalDate.OnDay(1956, 2, 25)));

    [Theory]
    [InlineData("1956-02-24/1956-02-25", "24 February 1956 – 25 February 1956")]
    [InlineData("BC0044-03-15", "15 March 44 BC")]
    [InlineData("PRESENT_REF", "PRESENT_REF")]
    public void OfTimexValue_ValueOrRange_ReadsAsADate(string value, string expected) => Assert.Equal(expected, DateDisplay.OfTimexValue(value));

    [Fact]
    public void Century_OfAYear_NamesTheCentury()
    {
        Assert.Equal("the 20th century", DateDisplay.Century(1956));
        Assert.Equal("the 1st century BC", DateDisplay.Century(-43));
    }

    [Property(MaxTest = 1000)]
    public Property Of_AnyDate_ShowsNoTimexAndNoAstronomicalYear() =>
        Prop.ForAll(Dates().ToArbitrary(), date =>
        {
            var shown = DateDisplay.Of(date);
            return shown.Length > 0
                && !shown.StartsWith('-')
                && !Regex.IsMatch(shown, @"BC\d|\b\d{4}-\d\d|\b(SP|SU|FA|WI)\b|\b0 BC|\d{3,} (century|millennium)")
                && shown.Contains("BC", StringComparison.Ordinal) == date.IsBeforeCommonEra;
        });

    [Property(MaxTest = 500)]
    public Property Of_YearPrecision_ReadsBackAsTheSameYear() =>
        Prop.ForAll(Gen.Choose(-2999, 2999).ToArbitrary(), year =>
        {
            var shown = DateDisplay.Of(HistoricalDate.InYear(year));
            var match = Regex.Match(shown, @"^(\d+)( BC)?$");
            var stated = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return match.Success && (match.Groups[2].Success ? 1 - stated : stated) == year;
        });

    [Property(MaxTest = 500)]
    public Property Of_DecadeAndCentury_NeverReadAlike() =>
        Prop.ForAll(Gen.Choose(-2999, 2999).ToArbitrary(), year =>
            DateDisplay.Of(HistoricalDate.InDecade(year)) != DateDisplay.Of(HistoricalDate.InCentury(year)));

    [Property(MaxTest = 500)]
    public Property HistoricalYear_HasNoYearZeroAndKeepsTheEra() =>
        Prop.ForAll(Gen.Choose(-2999, 2999).ToArbitrary(), year =>
        {
            var historical = DateDisplay.HistoricalYear(year);
            return historical != 0 && (historical < 0) == (year <= 0) && DateDisplay.Year(year).StartsWith(Math.Abs(historical).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        });

    [Property(MaxTest = 500)]
    public Property Of_Approximate_ReadsAsCircaOrAround() =>
        Prop.ForAll(Dates().ToArbitrary(), date =>
        {
            var shown = DateDisplay.Of(date.With(DateModifier.Approximate));
            return shown.StartsWith("c. ", StringComparison.Ordinal) || shown.StartsWith("around the ", StringComparison.Ordinal);
        });

    private static Gen<HistoricalDate> Dates() =>
        from kind in Gen.Choose(0, 7)
        from year in Gen.Choose(-2999, 2999)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, 28)
        from season in Gen.Elements(Enum.GetValues<Season>())
        from modifier in Gen.Elements(Enum.GetValues<DateModifier>())
        select (kind switch
        {
            0 => HistoricalDate.OnDay(year, month, day),
            1 => HistoricalDate.InMonth(year, month),
            2 => HistoricalDate.InSeason(year, season),
            3 => HistoricalDate.InYear(year),
            4 => HistoricalDate.InDecade(year),
            5 => HistoricalDate.InCentury(year),
            6 => HistoricalDate.OnDay(year, month, day, CalendarKind.Julian),
            _ => HistoricalDate.InMillennium(year),
        }).With(modifier);
}
