using System.Globalization;
using System.Text.RegularExpressions;
using Almanac.Core;

namespace Almanac.Ingest;

/// <summary>One entry of a BSD calendar file: its line number, the date field as written, and its text with continuation lines joined.</summary>
public sealed record CalendarEntry(int Line, string DateField, string Text);

/// <summary>What an entry says once read: a day-precision date, or the reason it cannot be dated.</summary>
public sealed record CalendarReading(CalendarEntry Entry, HistoricalDate? Date, string? YearText, string? Undated);

/// <summary>
/// The BSD `calendar` format (the files of Debian's `calendar` package): an entry is a line
/// "DATE&lt;TAB&gt;text", a line starting with a tab continues the previous entry; C-style comments
/// and preprocessor lines (#include, #ifndef, #define, #endif) and "LANG=" settings are not
/// entries. A date is "MM/DD" (a trailing '*' marks a moving date), "Mon DD", "DD Mon" or
/// "mon/DD"; other forms ("05/SunSecond", "Easter+2") move from year to year. An entry has a
/// year when its text ends with one ("Normandy landing, 1944"); only then is it a dated event.
/// </summary>
public static class CalendarFiles
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[..12];

    private static readonly Regex NumericDate = new(@"^(?<month>\d{1,2})/(?<day>\d{1,2})$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
    private static readonly Regex MonthFirst = new(@"^(?<month>[A-Za-z]{3,9})[ /]+(?<day>\d{1,2})$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
    private static readonly Regex DayFirst = new(@"^(?<day>\d{1,2}) +(?<month>[A-Za-z]{3,9})$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    // "…, 1944", "… 1944.", "… (1944)", "… 44 BC": the year an entry ends with.
    private static readonly Regex TrailingYear = new(
        @"(?:^|[\s,(])(?<year>\d{1,4})(?:\s*(?<era>BC|B\.C\.|BCE|AD|A\.D\.|CE))?\)?\.?\s*$",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    /// <summary>The entries of a calendar file, and the files it includes by name.</summary>
    public static (IReadOnlyList<CalendarEntry> Entries, IReadOnlyList<string> Includes) Parse(string text)
    {
        var entries = new List<CalendarEntry>();
        var includes = new List<string>();
        var inComment = false;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (inComment || line.TrimStart().StartsWith("/*", StringComparison.Ordinal))
            {
                inComment = !line.Contains("*/", StringComparison.Ordinal);
                continue;
            }
            if (line.StartsWith('#'))
            {
                if (line.StartsWith("#include", StringComparison.Ordinal))
                    includes.Add(line["#include".Length..].Trim().Trim('<', '>', '"'));
                continue;
            }
            if (line.Trim().Length == 0 || line.StartsWith("LANG=", StringComparison.Ordinal) || line.StartsWith("//", StringComparison.Ordinal))
                continue;
            if (line.StartsWith('\t') && entries.Count > 0)
            {
                var previous = entries[^1];
                entries[^1] = previous with { Text = previous.Text + " " + line.Trim() };
                continue;
            }
            var tab = line.IndexOf('\t');
            if (tab <= 0)
                continue;
            entries.Add(new CalendarEntry(i + 1, line[..tab].Trim(), line[(tab + 1)..].Trim()));
        }
        return (entries, includes);
    }

    public static CalendarReading Read(CalendarEntry entry)
    {
        var field = entry.DateField.TrimEnd('*');
        if (MonthDay(field) is not var (month, day))
            return new CalendarReading(entry, null, null, "moving date (" + entry.DateField + ")");
        var match = TrailingYear.Match(entry.Text);
        if (!match.Success)
            return new CalendarReading(entry, null, null, "no year at the end of the entry");
        // "Apollo 11" ends with a number, not a year: without an era a year has three or four digits.
        if (match.Groups["year"].Value.Length < 3 && !match.Groups["era"].Success)
            return new CalendarReading(entry, null, null, "no year at the end of the entry");
        var stated = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var year = match.Groups["era"].Value.StartsWith('B') ? 1 - stated : stated;
        // "10/14 Battle of Hastings, 1066" gives the day as historians state it: Julian before 1582, as documents do.
        return HistoricalDate.TryOnStatedDay(year, month, day) is { } date
            ? new CalendarReading(entry, date, match.Value.Trim(' ', ',', '(', ')', '.'), null)
            : new CalendarReading(entry, null, null, $"no such day {month:D2}/{day:D2} in {stated}");
    }

    /// <summary>The month and day a date field writes ("06/04", "Jun 4", "4 Jun", "jun/04"), or null for a moving date.</summary>
    public static (int Month, int Day)? MonthDay(string field)
    {
        if (NumericDate.Match(field) is { Success: true } numeric)
            return Checked(int.Parse(numeric.Groups["month"].Value, CultureInfo.InvariantCulture), int.Parse(numeric.Groups["day"].Value, CultureInfo.InvariantCulture));
        var named = MonthFirst.Match(field);
        if (!named.Success)
            named = DayFirst.Match(field);
        if (!named.Success)
            return null;
        var name = named.Groups["month"].Value;
        var month = Array.FindIndex(MonthNames, m => name.StartsWith(m, StringComparison.OrdinalIgnoreCase)) + 1;
        return month == 0 ? null : Checked(month, int.Parse(named.Groups["day"].Value, CultureInfo.InvariantCulture));
    }

    private static (int, int)? Checked(int month, int day) => month is >= 1 and <= 12 && day is >= 1 and <= 31 ? (month, day) : null;
}
