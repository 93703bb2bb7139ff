using System.Globalization;
using System.Text;
using Almanac.Core;
using Almanac.Storage;

namespace Almanac.Web.Feeds;

/// <summary>
/// The anniversaries as an iCalendar (RFC 5545) subscription: one all-day event a year for each
/// event listed on a calendar day under its best-supported date, optionally only those a query matches.
/// </summary>
public static class Anniversaries
{
    private const int MaxLineOctets = 75;
    private const int MaxSummaryLength = 200;

    public static string Calendar(IAlmanacStore store, string? query, string origin, DateTimeOffset now)
    {
        var listings = string.IsNullOrWhiteSpace(query) ? AllListings(store) : MatchingListings(store, query);
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//Almanac//Anniversaries//EN");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "X-WR-CALNAME:" + Escape(string.IsNullOrWhiteSpace(query) ? "Almanac anniversaries" : $"Almanac anniversaries: {query}"));
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var (e, listed) in listings)
        {
            var summary = $"{DateDisplay.Year(listed.Year)}: {e.Text}";
            Line(text, "BEGIN:VEVENT");
            Line(text, $"UID:{Escape(e.Id)}-{listed.Month:D2}{listed.Day:D2}@almanac");
            Line(text, "DTSTAMP:" + stamp);
            Line(text, "DTSTART;VALUE=DATE:" + StartDate(listed));
            Line(text, "RRULE:FREQ=YEARLY");
            Line(text, "SUMMARY:" + Escape(TextCut.AtWord(summary, MaxSummaryLength)));
            Line(text, "DESCRIPTION:" + Escape($"{e.Text} ({DateDisplay.Of(e.Date, e.EndDate)})"));
            Line(text, "URL:" + origin + Urls.Event(e.Id));
            Line(text, "TRANSP:TRANSPARENT");
            Line(text, "END:VEVENT");
        }
        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>Every day's primary listings: an event appears once, on the Gregorian day of its best-supported date.</summary>
    private static IEnumerable<(HistoricalEvent Event, HistoricalDate Listed)> AllListings(IAlmanacStore store)
    {
        foreach (var day in ReaderDay.AllDays())
            foreach (var entry in store.GetEventsOnDay(day.Month, day.Day).Where(IsAnniversary))
                    yield return (entry.Event, entry.ListedDate);
    }

    private static IEnumerable<(HistoricalEvent Event, HistoricalDate Listed)> MatchingListings(IAlmanacStore store, string query) =>
        store.SearchEvents(query, Timelines.MaxResults)
            .Where(e => e.Date.Precision == Precision.Day)
            .Select(e => (e, e.Date.ToGregorian()))
            .OrderBy(p => p.Item2.Month).ThenBy(p => p.Item2.Day);

    private static bool IsAnniversary(DayEntry entry) => entry.IsPrimaryDate && entry.ListedDate.Calendar == CalendarKind.Gregorian;

    /// <summary>
    /// The first occurrence: the event's own day when it has a Gregorian date iCalendar can write
    /// (years 1583–9999), else the same day in 2000 (a leap year, so 29 February still recurs).
    /// </summary>
    private static string StartDate(HistoricalDate listed)
    {
        var year = listed.Year is >= 1583 and <= 9999 ? listed.Year : 2000;
        return FormattableString.Invariant($"{year:D4}{listed.Month:D2}{listed.Day:D2}");
    }

    /// <summary>RFC 5545 text: backslash, semicolon and comma escaped, line breaks as \n, control characters dropped.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings("\n"))
        {
            if (c is '\\' or ';' or ',')
                escaped.Append('\\').Append(c);
            else if (c == '\n')
                escaped.Append("\\n");
            else if (!char.IsControl(c))
                escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>Writes a content line folded at 75 octets (never inside a UTF-8 sequence or a surrogate pair), ending in CRLF.</summary>
    private static void Line(StringBuilder text, string line)
    {
        var octets = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + size > MaxLineOctets)
            {
                text.Append("\r\n ");
                octets = 1;
            }
            text.Append(line.AsSpan(i, width));
            octets += size;
            i += width - 1;
        }
        text.Append("\r\n");
    }
}
