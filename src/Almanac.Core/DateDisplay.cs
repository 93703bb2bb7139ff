using System.Globalization;
using NodaTime;

namespace Almanac.Core;

/// <summary>
/// The one way a date is written for people — the CLI, the web pages, the API's display fields
/// and the feeds all use it: historians' years ("44 BC", never year 0), the precision the source
/// gives in words ("15 March 44 BC", "March 1956", "spring 1968", "the 1960s", "the 20th century"),
/// modifiers as historians write them ("c. 1450", "the mid-1930s"), and "(O.S.)" on an Old Style
/// day stated after the Gregorian reform. TIMEX3 values are for TIMEX3 fields only.
/// </summary>
public static class DateDisplay
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    public static string MonthName(int month) => MonthNames[month - 1];

    /// <summary>A calendar day without a year: "4 June".</summary>
    public static string Day(AnnualDate day) => $"{day.Day} {MonthName(day.Month)}";

    /// <summary>An astronomical year as historians write it: 0 is "1 BC", -43 is "44 BC".</summary>
    public static string Year(int astronomicalYear) =>
        astronomicalYear <= 0
            ? (1 - astronomicalYear).ToString(CultureInfo.InvariantCulture) + " BC"
            : astronomicalYear.ToString(CultureInfo.InvariantCulture);

    /// <summary>An astronomical year in historical numbering for JSON clients: -43 (44 BC) is -44; there is no year 0.</summary>
    public static int HistoricalYear(int astronomicalYear) => astronomicalYear <= 0 ? astronomicalYear - 1 : astronomicalYear;

    /// <summary>The century of an astronomical year: "the 20th century" for 1956, "the 1st century BC" for 44 BC.</summary>
    public static string Century(int astronomicalYear) => Of(HistoricalDate.InCentury(astronomicalYear));

    public static string Of(HistoricalDate date)
    {
        var era = date.IsBeforeCommonEra ? " BC" : "";
        var text = date.Precision switch
        {
            Precision.Day => Modified($"{date.Day} {MonthName(date.Month!.Value)} {Year(date.Year)}", date.Modifier),
            Precision.Month => Modified($"{MonthName(date.Month!.Value)} {Year(date.Year)}", date.Modifier),
            Precision.Season => Modified($"{SeasonName(date.Season!.Value)} {Year(date.Year)}", date.Modifier),
            Precision.Year => Modified(Year(date.Year), date.Modifier),
            Precision.Decade => Period(FormattableString.Invariant($"{date.YearOfEra - date.YearOfEra % 10}s{era}"), date.Modifier),
            Precision.Century => Period($"{Ordinal(OrdinalOfPeriod(date, 100))} century{era}", date.Modifier),
            _ => Period($"{Ordinal(OrdinalOfPeriod(date, 1000))} millennium{era}", date.Modifier),
        };
        return IsOldStyle(date) ? text + " (O.S.)" : text;
    }

    /// <summary>A date or a range: "24 February 1956 – 25 February 1956".</summary>
    public static string Of(HistoricalDate date, HistoricalDate? end) =>
        end is { } last ? $"{Of(date)} – {Of(last)}" : Of(date);

    /// <summary>A TIMEX3 date value or range ("1956-02-24/1956-02-25") as people read it; a value that does not parse is shown as it is.</summary>
    public static string OfTimexValue(string value)
    {
        var parts = value.Split('/');
        if (parts.Length <= 2 && HistoricalDate.TryParseTimex(parts[0], out var start))
        {
            if (parts.Length == 1)
                return Of(start);
            if (HistoricalDate.TryParseTimex(parts[1], out var end))
                return Of(start, end);
        }
        return value;
    }

    /// <summary>True for a Julian day stated when some countries already reckoned in the Gregorian calendar.</summary>
    public static bool IsOldStyle(HistoricalDate date) =>
        date.Calendar == CalendarKind.Julian && date.Precision == Precision.Day && date.Year >= HistoricalDate.GregorianReformYear;

    private static string Modified(string text, DateModifier modifier) => modifier switch
    {
        DateModifier.Approximate => "c. " + text,
        DateModifier.Early => "early " + text,
        DateModifier.Mid => "mid-" + text,
        DateModifier.Late => "late " + text,
        DateModifier.Before => "before " + text,
        DateModifier.After => "after " + text,
        _ => text,
    };

    /// <summary>A decade, century or millennium reads as "the 1960s", "the early 20th century", "around the 1450s".</summary>
    private static string Period(string name, DateModifier modifier) => modifier switch
    {
        DateModifier.Approximate => "around the " + name,
        DateModifier.Early => "the early " + name,
        DateModifier.Mid => "the mid-" + name,
        DateModifier.Late => "the late " + name,
        DateModifier.Before => "before the " + name,
        DateModifier.After => "after the " + name,
        _ => "the " + name,
    };

    /// <summary>
    /// Which century or millennium a period is, counted as TIMEX3 names them: "19" (1900–1999) is
    /// the 20th century; BC periods by their leading digits, "BC00" (99–1 BC) is the 1st century BC.
    /// </summary>
    private static int OrdinalOfPeriod(HistoricalDate date, int size) =>
        date.IsBeforeCommonEra ? (date.YearOfEra + size - 1) / size : date.Year / size + 1;

    private static string SeasonName(Season season) => season switch
    {
        Season.Spring => "spring",
        Season.Summer => "summer",
        Season.Autumn => "autumn",
        _ => "winter",
    };

    private static string Ordinal(int n) =>
        n.ToString(CultureInfo.InvariantCulture) + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
