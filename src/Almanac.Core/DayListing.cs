namespace Almanac.Core;

/// <summary>
/// The calendar days an event is listed under: every day-precision date its sources give (a
/// disputed event appears on each claimed day, marked). A Julian day before the Gregorian reform of
/// 1582 is listed under its stated day only; an Old Style day after it under its Gregorian day and
/// its stated day, each saying which calendar it is in (<see cref="CalendarNote"/>).
/// Month- or year-precision dates are never listed on a day. An event an editor hid is listed nowhere, and one whose date
/// an editor corrected under that date only.
/// </summary>
public static class DayListing
{
    public static IReadOnlyList<(HistoricalDate Listed, bool IsPrimary)> DaysOf(HistoricalEvent e)
    {
        var days = new List<(HistoricalDate, bool)>();
        if (e.Editorial?.Hidden == true)
            return days;
        Add(e.Date, isPrimary: true);
        if (e.Editorial?.DateCorrected == true)
            return days;
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
            // The Gregorian day first: in a country that had not yet changed, that is the day the rest of the world kept.
            if (DateDisplay.IsOldStyle(date))
                Include(date.ToGregorian(), isPrimary);
            Include(date, isPrimary);
        }

        void Include(HistoricalDate date, bool isPrimary)
        {
            var key = HistoricalDateJsonConverter.Format(date);
            if (days.All(d => HistoricalDateJsonConverter.Format(d.Item1) != key))
                days.Add((date, isPrimary));
        }
    }

    /// <summary>
    /// The documents a listing cites: those of the mentions that state the day the event is listed under (its start or its
    /// end, in either calendar), each once in mention order; all the mentions' documents when none states it (the day comes
    /// from a claim the event resolved otherwise).
    /// </summary>
    public static IReadOnlyList<string> CitedDocuments(IEnumerable<(string DocumentId, HistoricalDate Date, HistoricalDate? EndDate)> mentions, HistoricalDate listed)
    {
        var all = mentions.ToList();
        var stating = all.Where(m => StatesDay(m.Date, m.EndDate, listed)).ToList();
        return (stating.Count > 0 ? stating : all).Select(m => m.DocumentId).Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool StatesDay(HistoricalDate date, HistoricalDate? end, HistoricalDate listed) =>
        date.Precision == Precision.Day
        && (date.ToGregorian() == listed.ToGregorian() || date == listed || end is { } e && e.ToGregorian() == listed.ToGregorian());

    /// <summary>
    /// Which calendar a listed day is in and why, for the page and the API; null for an ordinary Gregorian day.
    /// </summary>
    public static string? CalendarNote(HistoricalEvent e, HistoricalDate listed)
    {
        if (listed.Precision != Precision.Day)
            return null;
        if (listed.Calendar == CalendarKind.Julian)
            return listed.Year < HistoricalDate.GregorianReformYear
                ? "Julian calendar, the day as the source states it (before the Gregorian reform of 1582)"
                : $"Old Style (Julian calendar), the day the source states; {DateDisplay.Of(listed.ToGregorian())} in the Gregorian calendar";
        var oldStyle = e.DateClaims.Select(c => c.Date).Append(e.Date)
            .Where(d => DateDisplay.IsOldStyle(d) && d.ToGregorian() == listed).Select(d => (HistoricalDate?)d).FirstOrDefault();
        return oldStyle is { } stated
            ? $"Gregorian calendar (New Style) day of {DateDisplay.Of(stated)}, the Old Style date the source states"
            : null;
    }
}
