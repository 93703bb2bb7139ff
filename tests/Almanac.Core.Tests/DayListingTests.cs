using NodaTime;

namespace Almanac.Core.Tests;

public sealed class DayListingTests
{
    private static HistoricalEvent EventOn(HistoricalDate date) =>
        new("e1", MentionKind.Event, "A battle", "A battle is fought", date, null,
            [new DateClaim(date, null, ["d1"], 1)], [], [], [], 1, []);

    [Fact]
    public void DaysOf_JulianDayBeforeTheReform_IsListedOnlyUnderItsStatedDay()
    {
        var battle = EventOn(HistoricalDate.OnDay(1066, 10, 14, CalendarKind.Julian));

        var listed = Assert.Single(DayListing.DaysOf(battle));

        Assert.Equal(new AnnualDate(10, 14), listed.Listed.Anniversary);
        Assert.Equal(CalendarKind.Julian, listed.Listed.Calendar);
        Assert.Contains("Julian", DayListing.CalendarNote(battle, listed.Listed), StringComparison.Ordinal);
    }

    [Fact]
    public void DaysOf_OldStyleDayAfterTheReform_IsListedUnderItsGregorianDayFirstAndItsOldStyleDay()
    {
        var rising = EventOn(HistoricalDate.OnDay(1917, 10, 25, CalendarKind.Julian));

        var days = DayListing.DaysOf(rising);

        Assert.Equal([new AnnualDate(11, 7), new AnnualDate(10, 25)], days.Select(d => d.Listed.Anniversary!.Value));
        Assert.Equal([CalendarKind.Gregorian, CalendarKind.Julian], days.Select(d => d.Listed.Calendar));
        Assert.Contains("25 October 1917 (O.S.)", DayListing.CalendarNote(rising, days[0].Listed), StringComparison.Ordinal);
        Assert.Contains("7 November 1917 in the Gregorian calendar", DayListing.CalendarNote(rising, days[1].Listed), StringComparison.Ordinal);
    }

    [Fact]
    public void CalendarNote_OrdinaryGregorianDay_IsNone()
    {
        var landing = EventOn(HistoricalDate.OnDay(1969, 7, 20));

        Assert.Null(DayListing.CalendarNote(landing, DayListing.DaysOf(landing)[0].Listed));
    }

    [Theory]
    [InlineData(1066, CalendarKind.Julian)]
    [InlineData(1581, CalendarKind.Julian)]
    [InlineData(1582, CalendarKind.Gregorian)]
    [InlineData(1969, CalendarKind.Gregorian)]
    public void TryOnStatedDay_YearWithoutACalendar_IsJulianBeforeTheReform(int year, CalendarKind expected) =>
        Assert.Equal(expected, HistoricalDate.TryOnStatedDay(year, 10, 14)!.Value.Calendar);
}
