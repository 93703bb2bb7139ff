using Almanac.Core;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Almanac.Storage;

namespace Almanac.Curation;

/// <summary>
/// The anniversaries as an iCalendar (RFC 5545) subscription: one all-day event a year for each
/// event listed on a calendar day under its best-supported date, optionally only those a query matches.
/// </summary>
public static class Anniversaries
{
    private const int MaxSummaryLength = 200;

    /// <summary>The primary Gregorian listings among a day's entries: each event recurs once a year, on the day of its best-supported date.</summary>
    public static IEnumerable<(HistoricalEvent Event, HistoricalDate Listed)> Listings(IEnumerable<DayEntry> entries) =>
        entries.Where(IsAnniversary).Select(e => (e.Event, e.ListedDate));

    /// <summary>The listings as an iCalendar; each event links to its page under <paramref name="origin"/> when there is one.</summary>
    public static string Write(IEnumerable<(HistoricalEvent Event, HistoricalDate Listed)> listings, string name, string? origin, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Almanac//Anniversaries//EN", Scale = "GREGORIAN" };
        calendar.AddProperty("X-WR-CALNAME", Clean(name));
        var stamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId);
        foreach (var (e, listed) in listings)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{e.Id}-{listed.Month:D2}{listed.Day:D2}@almanac",
                DtStamp = stamp,
                DtStart = FirstOccurrence(listed),
                RecurrenceRule = new RecurrencePattern(Ical.Net.FrequencyType.Yearly),
                Summary = Clean(TextCut.AtWord($"{DateDisplay.Year(listed.Year)}: {e.Text}", MaxSummaryLength)),
                Description = Clean($"{e.Text} ({DateDisplay.Of(e.Date, e.EndDate)})"),
                Url = origin is null ? null : new Uri(origin + Urls.Event(e.Id)),
                Transparency = Ical.Net.TransparencyType.Transparent,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>Every day's primary listings, read in one query: an event appears once, on the Gregorian day of its best-supported date.</summary>
    public static IEnumerable<(HistoricalEvent Event, HistoricalDate Listed)> All(IAlmanacStore store) => Listings(store.GetPrimaryListings());

    /// <summary>The day-precision events among <paramref name="events"/> (a search's hits), each on the Gregorian day of its date, in calendar order.</summary>
    public static IEnumerable<(HistoricalEvent Event, HistoricalDate Listed)> Matching(IEnumerable<HistoricalEvent> events) =>
        events
            .Where(e => e.Date.Precision == Precision.Day)
            .Select(e => (e, e.Date.ToGregorian()))
            .OrderBy(p => p.Item2.Month).ThenBy(p => p.Item2.Day);

    private static bool IsAnniversary(DayEntry entry) => entry.IsPrimaryDate && entry.ListedDate.Calendar == CalendarKind.Gregorian;

    /// <summary>
    /// The first occurrence: the event's own day when it has a Gregorian date iCalendar can write
    /// (years 1583–9999), else the same day in 2000 (a leap year, so 29 February still recurs).
    /// </summary>
    private static CalDateTime FirstOccurrence(HistoricalDate listed) =>
        new(listed.Year is >= 1583 and <= 9999 ? listed.Year : 2000, listed.Month!.Value, listed.Day!.Value);

    /// <summary>Document text without control characters, which iCalendar text cannot carry (the library escapes the rest).</summary>
    private static string Clean(string text) => string.Concat(text.ReplaceLineEndings("\n").Where(c => c == '\n' || !char.IsControl(c)));
}
