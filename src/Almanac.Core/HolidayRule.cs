using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Almanac.Core;

/// <summary>
/// When a moving holiday falls, as the BSD calendar files write it: days from Easter ("Easter-2", "Easter+49") or from
/// Orthodox Easter ("Paskha+49"), or a weekday of a month ("05/MonLast", "09/MonFirst", "Nov/ThuFourth", "10/SundayLast",
/// "May Sun+2" for the second Sunday, "SunThird Sep"), optionally moved by days ("11/SunLast+3"). <see cref="In"/> gives its day in a year.
/// </summary>
public sealed record HolidayRule(string Text, HolidayRule.Anchor From, int Month, IsoDayOfWeek Weekday, int Nth, int Offset)
{
    public enum Anchor
    {
        WesternEaster,
        OrthodoxEaster,
        /// <summary>The <see cref="Nth"/> <see cref="Weekday"/> of <see cref="Month"/>; -1 is the last.</summary>
        WeekdayOfMonth,
    }

    // The names of Easter the files use: English and Dutch (calendar.dutch) for the western feast; Paskha (BSD's name)
    // and the Russian and Ukrainian names for the Orthodox one (ru_RU and uk_UA files date their feasts from it).
    private static readonly Dictionary<string, Anchor> EasterNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Easter"] = Anchor.WesternEaster, ["Pasen"] = Anchor.WesternEaster,
        ["Paskha"] = Anchor.OrthodoxEaster, ["Пасха"] = Anchor.OrthodoxEaster, ["Великдень"] = Anchor.OrthodoxEaster,
    };

    private static readonly string[] Ordinals = ["First", "Second", "Third", "Fourth", "Fifth"];

    private static readonly Regex FromEaster = new(@"^(?<name>\p{L}+)(?<offset>[+-]\d{1,3})?$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
    // "05/MonLast", "May Sun+2", "11/SunLast+3", and the same with the month last: "SunThird Sep".
    private static readonly Regex WeekdayOfMonth = new(
        @"^(?:(?<month>\d{1,2}|\p{L}{3,9})[/ ]+(?<weekday>\p{L}{3,9}?)(?<nth>First|Second|Third|Fourth|Fifth|Last|[+-][1-5])(?<offset>[+-]\d{1,2})?"
        + @"|(?<weekday>\p{L}{3,9}?)(?<nth>First|Second|Third|Fourth|Fifth|Last|[+-][1-5]) +(?<month>\p{L}{3,9}))$",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>The rule a calendar file's date field writes, or null when it is no moving date Almanac can compute.</summary>
    public static HolidayRule? Parse(string field)
    {
        var text = field.Trim().TrimEnd('*');
        if (FromEaster.Match(text) is { Success: true } easter && EasterNames.TryGetValue(easter.Groups["name"].Value, out var anchor))
            return new HolidayRule(text, anchor, 0, IsoDayOfWeek.None, 0, Number(easter.Groups["offset"].Value));
        if (WeekdayOfMonth.Match(text) is not { Success: true } weekday
            || MonthNumber(weekday.Groups["month"].Value) is not { } month
            || DayOfWeek(weekday.Groups["weekday"].Value) is not { } day)
            return null;
        var nthText = weekday.Groups["nth"].Value;
        var nth = nthText.Equals("Last", StringComparison.OrdinalIgnoreCase) ? -1
            : nthText[0] is '+' or '-' ? Number(nthText)
            : Array.FindIndex(Ordinals, o => o.Equals(nthText, StringComparison.OrdinalIgnoreCase)) + 1;
        return nth == 0 ? null : new HolidayRule(text, Anchor.WeekdayOfMonth, month, day, nth, Number(weekday.Groups["offset"].Value));
    }

    /// <summary>The day the holiday falls on in <paramref name="year"/> (Gregorian), or null when it does not fall that year (a fifth Monday).</summary>
    public LocalDate? In(int year)
    {
        if (year is < 1583 or > 9999)
            return null;
        LocalDate? day = From switch
        {
            Anchor.WesternEaster => Computus.WesternEaster(year),
            Anchor.OrthodoxEaster => Computus.OrthodoxEaster(year),
            _ => NthWeekday(year),
        };
        return day?.PlusDays(Offset);
    }

    private LocalDate? NthWeekday(int year)
    {
        LocalDate day;
        if (Nth < 0)
        {
            var last = new LocalDate(year, Month, 1).PlusMonths(1).PlusDays(-1);
            day = (last.DayOfWeek == Weekday ? last : last.Previous(Weekday)).PlusWeeks(Nth + 1);
        }
        else
        {
            var first = new LocalDate(year, Month, 1);
            day = (first.DayOfWeek == Weekday ? first : first.Next(Weekday)).PlusWeeks(Nth - 1);
        }
        return day.Month == Month ? day : null;
    }

    private static int Number(string text) => text.Length == 0 ? 0 : int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static int? MonthNumber(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number is >= 1 and <= 12 ? number : null;
        var index = Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[..12],
            m => text.StartsWith(m, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + 1;
    }

    private static IsoDayOfWeek? DayOfWeek(string text)
    {
        if (text.Length < 3)
            return null;
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
            if (day.ToString().StartsWith(text, StringComparison.OrdinalIgnoreCase))
                return day;
        return null;
    }
}

/// <summary>A holiday a document gives by a rule rather than a day (Easter-2, the last Monday of May): of whatever day the rule gives each year.</summary>
public sealed record MovingObservance(string DocumentId, string Rule, string Name);
