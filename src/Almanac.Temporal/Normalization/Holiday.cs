using System.Globalization;
using System.Text.RegularExpressions;
using Almanac.Core;
using NodaTime;

namespace Almanac.Temporal.Normalization;

/// <summary>
/// A named day as the holiday vocabulary writes it: a fixed day ("12-25"), the Nth weekday of a month
/// ("11/4/4", Thanksgiving; "11/1/1+1", Election Day, the Tuesday after the first Monday), or days from
/// Easter ("E-2", Good Friday). A trailing "W" names the ISO week holding that day ("E+1W", Easter week).
/// </summary>
internal sealed record Holiday(int NominalMonth, int? FixedDay, int? Nth, int? Weekday, int Shift, bool FromEaster, bool IsWeek)
{
    private static readonly Regex Shape = new(
        @"^(?:(?<month>0[1-9]|1[0-2])-(?<day>0[1-9]|[12][0-9]|3[01])|(?<month>0[1-9]|1[0-2])/(?<nth>-1|[1-5])/(?<weekday>[1-7])(?<shift>[+-][0-9]{1,2})?|E(?<shift>[+-][0-9]{1,2}))(?<week>W)?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    /// <summary>The holiday a vocabulary value names, or null when the value has none of the shapes above.</summary>
    public static Holiday? Parse(string value)
    {
        var m = Shape.Match(value);
        if (!m.Success)
            return null;
        int? Number(string group) => m.Groups[group].Success ? int.Parse(m.Groups[group].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;
        var fromEaster = value.StartsWith('E');
        // Easter falls in March or April; April stands for it when choosing the nearest year.
        return new Holiday(Number("month") ?? 4, Number("day"), Number("nth"), Number("weekday"), Number("shift") ?? 0, fromEaster, m.Groups["week"].Success);
    }

    /// <summary>Whether the day is the same every year, so it has a month and day even without one.</summary>
    public bool IsFixed => FixedDay is not null;

    /// <summary>The day it falls on in <paramref name="year"/>, in the calendar the year is stated in (Julian before 1582).</summary>
    public HistoricalDate? In(int year)
    {
        var julian = year < HistoricalDate.GregorianReformYear;
        var calendar = julian ? CalendarSystem.Julian : CalendarSystem.Gregorian;
        // No holiday is kept before the Christian era, and the calendars end somewhere.
        if (year < 1 || year > calendar.MaxYear)
            return null;
        LocalDate day;
        if (FixedDay is { } fixedDay)
            day = new LocalDate(year, NominalMonth, fixedDay, calendar);
        else if (FromEaster)
            day = Easter(year, calendar).PlusDays(Shift);
        else
            day = NthWeekday(year, NominalMonth, Nth!.Value, (IsoDayOfWeek)Weekday!.Value, calendar).PlusDays(Shift);
        return HistoricalDate.OnDay(day.Year, day.Month, day.Day, julian ? CalendarKind.Julian : CalendarKind.Gregorian);
    }

    private static LocalDate NthWeekday(int year, int month, int nth, IsoDayOfWeek weekday, CalendarSystem calendar)
    {
        if (nth < 0)
        {
            var last = new LocalDate(year, month, calendar.GetDaysInMonth(year, month), calendar);
            return last.PlusDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
        }
        var first = new LocalDate(year, month, 1, calendar);
        return first.PlusDays(((int)weekday - (int)first.DayOfWeek + 7) % 7 + 7 * (nth - 1));
    }

    /// <summary>Easter Sunday in the calendar the year is stated in: the Julian computus until the reform's first Easter (1583), the Gregorian after.</summary>
    private static LocalDate Easter(int year, CalendarSystem calendar) =>
        (year < 1583 ? Computus.JulianEaster(year) : Computus.WesternEaster(year)).WithCalendar(calendar);
}
