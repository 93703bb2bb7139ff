using System.Globalization;
using Almanac.Core;
using NodaTime;

namespace Almanac.Web;

/// <summary>Dates and calendar days as a reader sees them ("4 June 1956", "44 BC", "the 1930s").</summary>
public static class Dates
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    public static string MonthName(int month) => MonthNames[month - 1];

    public static string DayLabel(AnnualDate day) => $"{day.Day} {MonthName(day.Month)}";

    public static string YearLabel(int year) => year <= 0 ? $"{1 - year} BC" : year.ToString(CultureInfo.InvariantCulture);

    public static string CenturyLabel(int year)
    {
        var ordinal = year > 0 ? (year - 1) / 100 + 1 : -year / 100 + 1;
        var suffix = (ordinal % 100) is 11 or 12 or 13 ? "th" : (ordinal % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return $"{ordinal}{suffix} century{(year <= 0 ? " BC" : "")}";
    }

    public static string Label(HistoricalDate date)
    {
        var year = YearLabel(date.Year);
        var modifier = date.Modifier == DateModifier.None ? "" : date.Modifier.ToString().ToLowerInvariant() + " ";
        var text = date.Precision switch
        {
            Precision.Day => $"{modifier}{date.Day} {MonthName(date.Month!.Value)} {year}",
            Precision.Month => $"{modifier}{MonthName(date.Month!.Value)} {year}",
            Precision.Season => $"{modifier}{date.Season} {year}",
            Precision.Year => modifier + year,
            // A decade or century of the common era reads as "the early 1930s", "the 1900s".
            Precision.Decade or Precision.Century when date.Year > 0 => $"the {modifier}{date.Year}s",
            _ => modifier + date.ToTimex(),
        };
        return date.Calendar == CalendarKind.Julian ? text + " (O.S.)" : text;
    }

    public static string Label(HistoricalDate date, HistoricalDate? end) =>
        end is { } last ? $"{Label(date)} – {Label(last)}" : Label(date);

    /// <summary>The next or previous calendar day, counted in a leap year so 29 February has neighbours.</summary>
    public static AnnualDate Neighbour(AnnualDate day, int offset)
    {
        var date = new LocalDate(2000, day.Month, day.Day).PlusDays(offset);
        return new AnnualDate(date.Month, date.Day);
    }

    /// <summary>"06-04" for a valid calendar day, else null (13-01, 02-30 and anything not MM-DD).</summary>
    public static AnnualDate? ParseDay(string text) => ReaderDay.ParseMonthDay(text);

    public static AnnualDate? FromParts(string month, string day) =>
        month.Length is 1 or 2 && day.Length is 1 or 2 ? ReaderDay.ParseMonthDay($"{month.PadLeft(2, '0')}-{day.PadLeft(2, '0')}") : null;
}
