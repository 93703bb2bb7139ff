namespace Almanac.Core;

/// <summary>
/// The calendar days an event is listed under: every day-precision date its sources give (a
/// disputed event appears on each claimed day, marked), and for a Julian date also its Gregorian day.
/// Month- or year-precision dates are never listed on a day.
/// </summary>
public static class DayListing
{
    public static IReadOnlyList<(HistoricalDate Listed, bool IsPrimary)> DaysOf(HistoricalEvent e)
    {
        var days = new List<(HistoricalDate, bool)>();
        Add(e.Date, isPrimary: true);
        foreach (var claim in e.DateClaims)
        {
            Add(claim.Date, isPrimary: false);
            if (claim.EndDate is { } end)
                Add(end, isPrimary: false);
        }
        return days;

        void Add(HistoricalDate date, bool isPrimary)
        {
            if (date.Precision != Precision.Day)
                return;
            Include(date, isPrimary);
            if (date.Calendar == CalendarKind.Julian)
                Include(date.ToGregorian(), isPrimary);
        }

        void Include(HistoricalDate date, bool isPrimary)
        {
            var key = HistoricalDateJsonConverter.Format(date);
            if (days.All(d => HistoricalDateJsonConverter.Format(d.Item1) != key))
                days.Add((date, isPrimary));
        }
    }
}
