using System.Globalization;
using NodaTime;

namespace Almanac.Core;

/// <summary>
/// A date as a source states it: a point on one timeline with the precision the source gives,
/// an optional modifier and the calendar it was stated in.
/// </summary>
/// <remarks>
/// <see cref="Year"/> is astronomical (1 BC = 0, 44 BC = -43) and always the earliest year of the
/// period, so dates of every precision sort on one timeline. Month and day are in
/// <see cref="Calendar"/>; compare across calendars with <see cref="ToGregorian"/>.
/// </remarks>
public readonly record struct HistoricalDate : IComparable<HistoricalDate>
{
    private HistoricalDate(int year, int? month, int? day, Season? season, Precision precision, DateModifier modifier, CalendarKind calendar)
    {
        Year = year;
        Month = month;
        Day = day;
        Season = season;
        Precision = precision;
        Modifier = modifier;
        Calendar = calendar;
    }

    /// <summary>Astronomical year of the start of the period (1 BC = 0).</summary>
    public int Year { get; }
    public int? Month { get; }
    public int? Day { get; }
    public Season? Season { get; }
    public Precision Precision { get; }
    public DateModifier Modifier { get; }
    public CalendarKind Calendar { get; }

    public bool IsBeforeCommonEra => Year <= 0;

    /// <summary>Year as a source would write it, always positive; see <see cref="IsBeforeCommonEra"/>.</summary>
    public int YearOfEra => Year <= 0 ? 1 - Year : Year;

    public static HistoricalDate OnDay(int year, int month, int day, CalendarKind calendar = CalendarKind.Gregorian)
    {
        // NodaTime validates the day against the calendar (29 February 1900 exists only in Julian).
        _ = new LocalDate(year, month, day, CalendarSystemOf(calendar));
        return new(year, month, day, null, Precision.Day, DateModifier.None, calendar);
    }

    /// <summary>The first year any country reckoned in the Gregorian calendar.</summary>
    public const int GregorianReformYear = 1582;

    /// <summary>
    /// A day as a source states it without naming a calendar: Julian before the Gregorian reform of 1582 (as historians
    /// date it), Gregorian from then on; null when there is no such day. Never throws.
    /// </summary>
    public static HistoricalDate? TryOnStatedDay(int year, int month, int day) =>
        TryOnDay(year, month, day, year < GregorianReformYear ? CalendarKind.Julian : CalendarKind.Gregorian);

    /// <summary>The day, or null when the calendar has no such day (30 February, month 13, a year out of range); never throws.</summary>
    public static HistoricalDate? TryOnDay(int year, int month, int day, CalendarKind calendar = CalendarKind.Gregorian)
    {
        var system = CalendarSystemOf(calendar);
        if (year < system.MinYear || year > system.MaxYear || month is < 1 or > 12 || day < 1 || day > system.GetDaysInMonth(year, month))
            return null;
        return new(year, month, day, null, Precision.Day, DateModifier.None, calendar);
    }

    public static HistoricalDate InMonth(int year, int month, CalendarKind calendar = CalendarKind.Gregorian)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return new(year, month, null, null, Precision.Month, DateModifier.None, calendar);
    }

    public static HistoricalDate InSeason(int year, Season season) =>
        new(year, null, null, season, Precision.Season, DateModifier.None, CalendarKind.Gregorian);

    public static HistoricalDate InYear(int year) =>
        new(year, null, null, null, Precision.Year, DateModifier.None, CalendarKind.Gregorian);

    /// <summary>The decade containing <paramref name="anyYear"/> ("the 1930s", "the 40s BC").</summary>
    public static HistoricalDate InDecade(int anyYear) => Period(anyYear, Precision.Decade);

    /// <summary>The TIMEX3 century containing <paramref name="anyYear"/> (1900–1999 is "19").</summary>
    public static HistoricalDate InCentury(int anyYear) => Period(anyYear, Precision.Century);

    public static HistoricalDate InMillennium(int anyYear) => Period(anyYear, Precision.Millennium);

    public HistoricalDate With(DateModifier modifier) =>
        new(Year, Month, Day, Season, Precision, modifier, Calendar);

    /// <summary>The same date in the Gregorian calendar; Julian days are converted, coarser dates are kept.</summary>
    public HistoricalDate ToGregorian()
    {
        if (Calendar == CalendarKind.Gregorian || Precision != Precision.Day)
            return new(Year, Month, Day, Season, Precision, Modifier, CalendarKind.Gregorian);
        var gregorian = new LocalDate(Year, Month!.Value, Day!.Value, CalendarSystem.Julian).WithCalendar(CalendarSystem.Gregorian);
        return new(gregorian.Year, gregorian.Month, gregorian.Day, null, Precision.Day, Modifier, CalendarKind.Gregorian);
    }

    /// <summary>The anniversary key of a day-precision date, as stated in its own calendar.</summary>
    public AnnualDate? Anniversary =>
        Precision == Precision.Day ? new AnnualDate(Month!.Value, Day!.Value) : null;

    /// <summary>
    /// The TIMEX3 value: "1956-02-25", "1956-02", "1956-SU", "1956", "193", "19", "1", BC years as
    /// "BC0044". The calendar and modifier are not part of the value (the modifier is TIMEX3's mod).
    /// </summary>
    public string ToTimex()
    {
        var digits = Precision switch
        {
            Precision.Millennium => 1,
            Precision.Century => 2,
            Precision.Decade => 3,
            _ => 4,
        };
        var yearText = YearOfEra.ToString("D4", CultureInfo.InvariantCulture)[..digits];
        if (YearOfEra > 9999)
            yearText = YearOfEra.ToString(CultureInfo.InvariantCulture)[..^(4 - digits)];
        var prefix = IsBeforeCommonEra ? "BC" : "";
        return Precision switch
        {
            // string.Create formats in place; FormattableString boxed each number into an array (a resolution asks for millions of these).
            Precision.Day => string.Create(CultureInfo.InvariantCulture, $"{prefix}{yearText}-{Month!.Value:D2}-{Day!.Value:D2}"),
            Precision.Month => string.Create(CultureInfo.InvariantCulture, $"{prefix}{yearText}-{Month!.Value:D2}"),
            Precision.Season => $"{prefix}{yearText}-{SeasonCode(Season!.Value)}",
            _ => prefix + yearText,
        };
    }

    /// <summary>Parses a TIMEX3 date value written by <see cref="ToTimex"/>; never throws.</summary>
    public static bool TryParseTimex(string? value, out HistoricalDate date) => TryParseTimex(value, CalendarKind.Gregorian, out date);

    /// <summary>Parses a TIMEX3 date value whose month and day are in <paramref name="calendar"/>; never throws.</summary>
    public static bool TryParseTimex(string? value, CalendarKind calendar, out HistoricalDate date)
    {
        date = default;
        if (string.IsNullOrEmpty(value))
            return false;
        var bc = value.StartsWith("BC", StringComparison.Ordinal);
        var body = bc ? value[2..] : value;
        var parts = body.Split('-');
        var yearPart = parts[0];
        if (yearPart.Length is < 1 or > 4 || !yearPart.All(char.IsAsciiDigit))
            return false;
        var precision = yearPart.Length switch
        {
            1 => Precision.Millennium,
            2 => Precision.Century,
            3 => Precision.Decade,
            _ => Precision.Year,
        };
        var stated = int.Parse(yearPart, CultureInfo.InvariantCulture) * Pow10(4 - yearPart.Length);
        if (bc)
            stated += Pow10(4 - yearPart.Length) - 1;
        var year = bc ? 1 - stated : Math.Max(1, stated);
        if (bc && stated == 0)
            return false;
        try
        {
            switch (parts.Length)
            {
                case 1:
                    date = new(year, null, null, null, precision, DateModifier.None, CalendarKind.Gregorian);
                    return true;
                case 2 when precision == Precision.Year && TrySeason(parts[1], out var season):
                    date = InSeason(year, season);
                    return true;
                case 2 when precision == Precision.Year && TryTwoDigits(parts[1], out var month) && month is >= 1 and <= 12:
                    date = InMonth(year, month, calendar);
                    return true;
                case 3 when precision == Precision.Year && TryTwoDigits(parts[1], out var m) && TryTwoDigits(parts[2], out var d):
                    date = OnDay(year, m, d, calendar);
                    return true;
                default:
                    return false;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>Orders on the timeline by start; a coarser period sorts before a finer one that starts with it.</summary>
    public int CompareTo(HistoricalDate other)
    {
        var (a, b) = (Calendar == other.Calendar ? this : ToGregorian(), Calendar == other.Calendar ? other : other.ToGregorian());
        var byYear = a.Year.CompareTo(b.Year);
        if (byYear != 0) return byYear;
        var byMonth = (a.Month ?? SeasonStartMonth(a.Season)).CompareTo(b.Month ?? SeasonStartMonth(b.Season));
        if (byMonth != 0) return byMonth;
        var byDay = (a.Day ?? 0).CompareTo(b.Day ?? 0);
        return byDay != 0 ? byDay : a.Precision.CompareTo(b.Precision);
    }

    /// <summary>True when this date lies within <paramref name="coarser"/>'s period (1956-02-25 within 1956-02, 195, 19).</summary>
    public bool IsWithin(HistoricalDate coarser)
    {
        var self = ToGregorian();
        var other = coarser.ToGregorian();
        if (self.Precision < other.Precision)
            return false;
        var (start, end) = other.YearSpan;
        if (self.Year < start || self.Year > end)
            return false;
        if (other.Precision is Precision.Month && self.Month != other.Month)
            return false;
        if (other.Precision is Precision.Day && (self.Month != other.Month || self.Day != other.Day))
            return false;
        return other.Precision is not Precision.Season || self.Month is null || SeasonOfMonth(self.Month.Value) == other.Season;
    }

    /// <summary>First and last astronomical year of the period.</summary>
    public (int First, int Last) YearSpan => Precision switch
    {
        Precision.Millennium => (Year, PeriodEnd(1000)),
        Precision.Century => (Year, PeriodEnd(100)),
        Precision.Decade => (Year, PeriodEnd(10)),
        _ => (Year, Year),
    };

    private int PeriodEnd(int size) => Year > 0 ? Year - Year % size + size - 1 : Year + size - 1;

    public override string ToString() => ToTimex() + (Modifier == DateModifier.None ? "" : $" ({Modifier})") + (Calendar == CalendarKind.Julian ? " O.S." : "");

    private static HistoricalDate Period(int anyYear, Precision precision)
    {
        var size = precision switch
        {
            Precision.Millennium => 1000,
            Precision.Century => 100,
            _ => 10,
        };
        int first;
        if (anyYear > 0)
        {
            // There is no year 0 AD: the first decade, century and millennium start in 1 AD.
            first = Math.Max(1, anyYear - anyYear % size);
        }
        else
        {
            // TIMEX3 names BC periods by the leading digits of the BC year: "BC004" is 49–40 BC.
            var bcYear = 1 - anyYear;
            first = 1 - (bcYear - bcYear % size + size - 1);
        }
        return new(first, null, null, null, precision, DateModifier.None, CalendarKind.Gregorian);
    }

    private static CalendarSystem CalendarSystemOf(CalendarKind calendar) =>
        calendar == CalendarKind.Julian ? CalendarSystem.Julian : CalendarSystem.Gregorian;

    private static int Pow10(int exponent) => exponent switch { 0 => 1, 1 => 10, 2 => 100, _ => 1000 };

    private static bool TryTwoDigits(string text, out int value)
    {
        value = 0;
        return text.Length == 2 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static string SeasonCode(Season season) => season switch
    {
        Core.Season.Spring => "SP",
        Core.Season.Summer => "SU",
        Core.Season.Autumn => "FA",
        _ => "WI",
    };

    private static bool TrySeason(string code, out Season season)
    {
        season = code switch
        {
            "SP" => Core.Season.Spring,
            "SU" => Core.Season.Summer,
            "FA" => Core.Season.Autumn,
            _ => Core.Season.Winter,
        };
        return code is "SP" or "SU" or "FA" or "WI";
    }

    private static int SeasonStartMonth(Season? season) => season switch
    {
        Core.Season.Spring => 3,
        Core.Season.Summer => 6,
        Core.Season.Autumn => 9,
        Core.Season.Winter => 12,
        _ => 0,
    };

    private static Season SeasonOfMonth(int month) => month switch
    {
        3 or 4 or 5 => Core.Season.Spring,
        6 or 7 or 8 => Core.Season.Summer,
        9 or 10 or 11 => Core.Season.Autumn,
        _ => Core.Season.Winter,
    };
}
