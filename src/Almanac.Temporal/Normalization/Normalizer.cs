using System.Globalization;
using System.Text.RegularExpressions;
using Almanac.Core;
using Almanac.Temporal.Rules;
using NodaTime;
using NodaTime.Calendars;

namespace Almanac.Temporal.Normalization;

/// <summary>
/// What the text around a match says that the match itself does not: the anchor date, how the
/// document anchors, whether the clause speaks of the future, and the date mentioned just before (the
/// reference of "a year earlier").
/// </summary>
internal readonly record struct Situation(HistoricalDate? Anchor, AnchorMode Mode, bool FutureTense, string? Reference);

/// <summary>The TIMEX3 attributes of one match, before offsets are attached.</summary>
internal sealed record Normalized(TimexType Type, string Value)
{
    public string? Mod { get; init; }
    public string? Quant { get; init; }
    public HistoricalDate? Date { get; init; }
    public HistoricalDate? RangeEnd { get; init; }

    /// <summary>For a range, where its start and its end are written (offsets into the text).</summary>
    public (int Start, int End, int EndStart, int EndEnd)? RangeParts { get; init; }
}

/// <summary>
/// Turns a rule match into TIMEX3 attributes. The meaning of a match is in its group names; what
/// the text leaves open is filled from the anchor, or left as X when there is none (never guessed).
/// </summary>
internal sealed class Normalizer(Vocabulary vocabulary)
{
    public static readonly IReadOnlySet<string> KnownGroups = new HashSet<string>(StringComparer.Ordinal)
    {
        "year", "month", "day", "season", "decade", "decade2", "century", "millennium", "era", "mod", "calendar",
        "endyear", "endmonth", "endday", "rel", "unit", "num", "dir", "weekday", "dayref", "partofday",
        "hour", "minute", "ampm", "quarter", "relyear", "half", "yearwords", "ref", "holiday", "roman", "frequency",
        "bound", "boundafter",
    };

    /// <summary>The attributes of the match, or null when the match does not denote a valid time (31 February).</summary>
    public Normalized? Normalize(Rule rule, Match match, Situation situation)
    {
        var anchor = situation.Anchor;
        var g = new Groups(match, vocabulary);
        var mod = rule.Mod ?? g.Lookup("mod", "mod") ?? Bound(g);
        if (mod is null && (g.Has("mod") || g.Has("bound") || g.Has("boundafter")))
            return null;
        Normalized? result;
        if (rule.Value is not null)
            result = new Normalized(rule.Type, rule.Value);
        else
        {
            result = rule.Type switch
            {
                TimexType.Duration => Duration(g),
                TimexType.Set => Set(g),
                TimexType.Time => g.Has("month") && !g.Has("hour") ? Calendar(g, anchor, mod, situation) : Time(g, situation),
                _ when g.Has("yearwords") => SpelledYear(g.Text("yearwords")!) is { } spelled ? FromDate(HistoricalDate.InYear(spelled)) : null,
                _ => DateValue(g, situation, mod, rule.Rel),
            };
        }
        if (result is null)
            return null;
        return result with
        {
            Mod = mod,
            Quant = rule.Quant,
            Date = result.Date is { } d && mod is not null ? d.With(DateModifierTimex.FromTimexMod(mod)) : result.Date,
        };
    }

    /// <summary>
    /// The mod a bound on a count gives ("nearly two years" LESS_THAN). On a point counted from the anchor the
    /// bound is on the distance, so it says on which side of the point the time is: "nearly two years ago" is
    /// AFTER two years ago, "more than a year later" AFTER a year later (TimeML 1.2.1 guidelines, TIMEX3
    /// attributes, mod: "less than a year ago" AFTER, "more than a decade ago" BEFORE, "no more than a year ago"
    /// ON_OR_AFTER).
    /// </summary>
    private static string? Bound(Groups g)
    {
        var mod = g.Lookup("bound", "bound") ?? g.Lookup("boundafter", "boundafter");
        if (mod is null || g.Int("dir") is not { } direction)
            return mod;
        var back = direction < 0;
        return mod switch
        {
            "LESS_THAN" => back ? "AFTER" : "BEFORE",
            "MORE_THAN" => back ? "BEFORE" : "AFTER",
            "EQUAL_OR_LESS" => back ? "ON_OR_AFTER" : "ON_OR_BEFORE",
            "EQUAL_OR_MORE" => back ? "ON_OR_BEFORE" : "ON_OR_AFTER",
            _ => mod,
        };
    }

    private static Normalized? Duration(Groups g)
    {
        var count = g.Has("num") ? g.Count() : "1";
        var unit = g.Lookup("unit", "unit");
        return count is null || unit is null ? null : new Normalized(TimexType.Duration, Period(count, unit));
    }

    private static Normalized? Set(Groups g)
    {
        if (g.Lookup("frequency", "frequency") is { } frequency)
            return new Normalized(TimexType.Set, frequency);
        if (g.Int("weekday") is { } weekday)
            return new Normalized(TimexType.Set, "XXXX-WXX-" + weekday.ToString(CultureInfo.InvariantCulture)
                + (g.Lookup("partofday", "partofday") is { } part ? "T" + part : ""));
        if (g.Has("month"))
            return g.Month("month") is { } month ? new Normalized(TimexType.Set, FormattableString.Invariant($"XXXX-{month:D2}")) : null;
        var count = g.Has("num") ? g.Count() : "1";
        var unit = g.Lookup("unit", "unit");
        return count is null || unit is null ? null : new Normalized(TimexType.Set, Period(count, unit));
    }

    private static string Period(string count, string unit) => unit switch
    {
        "H" => $"PT{count}H",
        // TimeML writes decades and centuries in years ("two decades" is P20Y).
        "DE" or "CE" or "ML" when decimal.TryParse(count, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) =>
            $"P{(n * (unit == "DE" ? 10 : unit == "CE" ? 100 : 1000)).ToString(CultureInfo.InvariantCulture)}Y",
        "MIN" => $"PT{count}M",
        "S" => $"PT{count}S",
        _ => $"P{count}{unit}",
    };

    private static Normalized? Time(Groups g, Situation situation)
    {
        var anchor = situation.Anchor;
        string datePart;
        if (g.Has("month"))
        {
            if (Calendar(g, anchor, null, situation) is not { Date: { Precision: Precision.Day } } day)
                return null;
            datePart = day.Value;
        }
        else if (g.Has("weekday"))
        {
            if (Weekday(g, anchor, situation.FutureTense) is not { } weekday)
                return null;
            datePart = weekday.Value;
        }
        else
        {
            var shift = g.Has("dayref") ? g.Int("dayref") : 0;
            datePart = AnchorDay(anchor)?.PlusDays(shift ?? 0) is { } d ? Iso(d) : "XXXX-XX-XX";
        }
        if (g.Has("partofday"))
        {
            var part = g.Lookup("partofday", "partofday");
            return part is null ? null : new Normalized(TimexType.Time, $"{datePart}T{part}");
        }
        if (g.Int("hour") is not { } hour)
            return null;
        var minute = g.Int("minute") ?? 0;
        switch (g.Lookup("ampm", "ampm"))
        {
            case "PM" when hour < 12:
                hour += 12;
                break;
            case "AM" when hour == 12:
                hour = 0;
                break;
        }
        return new Normalized(TimexType.Time, FormattableString.Invariant($"{datePart}T{hour:D2}:{minute:D2}"));
    }

    private static Normalized? DateValue(Groups g, Situation situation, string? mod, int? defaultRel)
    {
        var (anchor, _, tense, reference) = situation;
        if (g.Has("dayref"))
            return Day(AnchorDay(anchor)?.PlusDays(g.Int("dayref") ?? 0));
        // "that period", "that time": the time the text is at.
        if (g.Has("ref"))
            return anchor is { } at ? FromDate(at.With(DateModifier.None)) : new Normalized(TimexType.Date, "PAST_REF");
        if (g.Has("dir"))
            return Offset(g, anchor, reference);
        if (g.Has("quarter"))
        {
            var quarter = g.Ordinal("quarter");
            var year = g.Has("year") ? g.Int("year") : AnchorYear(anchor);
            if (!g.Has("year"))
                year += g.Int("relyear") ?? g.Int("rel") ?? 0;
            return quarter is null or > 4 ? null : new Normalized(TimexType.Date, $"{YearText(year)}-Q{quarter}");
        }
        if (g.Has("weekday"))
            return Weekday(g, Anaphoric(g) && Referenced(reference) is { } referenced ? referenced : anchor, tense);
        if (g.Has("unit"))
            return Relative(g, anchor, defaultRel);
        if (g.Has("rel") && (g.Has("month") || g.Has("season")))
            return RelativeMonthOrSeason(g, anchor);
        if (g.Has("decade") || g.Has("decade2"))
            return Decade(g, anchor);
        if (g.Has("century") || g.Has("millennium"))
            return Period(g);
        return Calendar(g, anchor, mod, situation);
    }

    private static Normalized? Calendar(Groups g, HistoricalDate? anchor, string? mod, Situation situation)
    {
        var bc = g.Lookup("era", "era") == "BC";
        var year = StatedYear(g, "year", bc, anchor);
        if (g.Has("year") && year is null)
            return null;
        var month = g.Has("month") ? g.Month("month") : null;
        if (g.Has("month") && month is null)
            return null;
        var day = g.Int("day");
        var holiday = g.Lookup("holiday", "holiday") is { } holidayValue ? Holiday.Parse(holidayValue) : null;
        if (g.Has("holiday") && holiday is null)
            return null;
        if (holiday is not null)
        {
            // Its month picks the nearest year in a report; the day itself comes once the year is known.
            month = holiday.NominalMonth;
            day = holiday.FixedDay;
        }
        if (g.Lookup("roman", "roman") is { } roman && month is { } romanMonth)
            day = RomanDay(roman, romanMonth);
        // "On the 5th": a day alone is in the month the narrative is at, or is no date at all.
        if (day is not null && month is null)
        {
            if (AnchorMonth(anchor) is not { } current)
                return null;
            (year, month) = (current.Year, current.Month);
        }
        if (year is null && g.Has("relyear"))
            year = AnchorYear(anchor) + g.Int("relyear");
        year ??= situation.Mode == AnchorMode.News && month is { } named && AnchorMonth(anchor) is { } now
            ? YearOfMonth(named, now, situation.FutureTense)
            : AnchorYear(anchor);
        if (g.Lookup("half", "half") is { } half)
        {
            return year is { } y
                ? new Normalized(TimexType.Date, YearText(y) + "-" + half) { Date = HistoricalDate.InYear(y).With(half == "H1" ? DateModifier.Early : DateModifier.Late) }
                : new Normalized(TimexType.Date, "XXXX-" + half);
        }
        var season = g.Lookup("season", "season");
        var calendar = g.Lookup("calendar", "calendar");

        if (holiday is not null)
            return year is { } holidayYear ? HolidayValue(holiday, holidayYear, g.Lookup("partofday", "partofday")) : new Normalized(TimexType.Date, holiday.IsFixed && !holiday.IsWeek
                ? FormattableString.Invariant($"XXXX-{month:D2}-{day:D2}")
                : holiday.IsWeek ? "XXXX-WXX" : "XXXX-XX-XX");
        if (year is null)
        {
            // The text names a month or day but no year, and nothing before it does either.
            var partial = "XXXX" + (season is not null ? "-" + season : "") + (month is { } m ? FormattableString.Invariant($"-{m:D2}") : "")
                + (day is { } dd ? FormattableString.Invariant($"-{dd:D2}") : "");
            return new Normalized(TimexType.Date, partial);
        }

        var start = Build(year.Value, month, day, season, calendar);
        if (start is null)
            return null;
        HistoricalDate? end = null;
        if (g.Has("endyear") || g.Has("endmonth") || g.Has("endday"))
        {
            var endYear = g.Has("endyear") ? EndYear(g, year.Value, bc) : year;
            var endMonth = g.Has("endmonth") ? g.Month("endmonth") : month;
            var endDay = g.Has("endday") ? g.Int("endday") : day;
            end = endYear is null ? null : Build(endYear.Value, endMonth, endDay, season, calendar);
            if (end is null || end.Value.CompareTo(start.Value) <= 0)
                return null;
        }
        // An explicit Old Style date is given the Gregorian day as its value (TIMEX3 values are Gregorian);
        // the Date keeps the calendar the source stated.
        var value = calendar == "JULIAN" ? start.Value.ToGregorian().ToTimex() : start.Value.ToTimex();
        if (g.Lookup("partofday", "partofday") is { } part && start.Value.Precision == Precision.Day)
            return new Normalized(TimexType.Time, value + "T" + part) { Date = start };
        return new Normalized(TimexType.Date, value) { Date = start, RangeEnd = end, RangeParts = end is null ? null : g.RangeParts() };
    }

    /// <summary>The holiday's day in that year, or the ISO week holding it when the holiday is a week ("Easter week").</summary>
    private static Normalized? HolidayValue(Holiday holiday, int year, string? partOfDay)
    {
        if (holiday.In(year) is not { } date)
            return null;
        if (!holiday.IsWeek)
            return partOfDay is null ? FromDate(date) : new Normalized(TimexType.Time, date.ToTimex() + "T" + partOfDay) { Date = date };
        var gregorian = date.ToGregorian();
        var day = new LocalDate(gregorian.Year, gregorian.Month!.Value, gregorian.Day!.Value);
        var rule = WeekYearRules.Iso;
        return new Normalized(TimexType.Date, FormattableString.Invariant($"{YearText(rule.GetWeekYear(day))}-W{rule.GetWeekOfWeekYear(day):D2}"));
    }

    /// <summary>The day of a month the Roman calendar names: Kalends the 1st; Nones the 7th in March, May, July and October, else the 5th; Ides eight days later.</summary>
    private static int RomanDay(string roman, int month)
    {
        var nones = month is 3 or 5 or 7 or 10 ? 7 : 5;
        return roman switch
        {
            "KAL" => 1,
            "NON" => nones,
            _ => nones + 8,
        };
    }

    /// <summary>
    /// The year of a month a report names without one. In a clause about the future it is the coming
    /// one: "will fly in December", written in March, is this December (TimeML 1.2.1 guidelines, TIMEX3
    /// value: a relative date is resolved against the document time in the direction its tense gives).
    /// Else the nearest such month: "December" written in January is last December, "February" written in
    /// November next February. A past tense does not move it back: the tense of a report's "said" or
    /// "extended" is not its date's ("extended the offer to Nov. 6").
    /// </summary>
    private static int YearOfMonth(int month, LocalDate now, bool future) =>
        future ? (month >= now.Month ? now.Year : now.Year + 1) : NearestYear(month, now);

    private static int NearestYear(int month, LocalDate now)
    {
        // Reports look back more than ahead: only the next four months count as coming.
        var ahead = (month - now.Month + 12) % 12;
        if (ahead == 0)
            return now.Year;
        if (ahead <= 4)
            return month > now.Month ? now.Year : now.Year + 1;
        return month < now.Month ? now.Year : now.Year - 1;
    }

    private static HistoricalDate? Build(int year, int? month, int? day, string? season, string? calendar)
    {
        // Dates before the Gregorian reform are Julian as stated; "O.S." says so explicitly after it.
        var kind = calendar == "JULIAN" || (calendar is null && year < 1582) ? CalendarKind.Julian : CalendarKind.Gregorian;
        if (calendar == "JULIAN" && month is { } osMonth && InOldStyleYearBefore(year, osMonth, day))
            year++;
        try
        {
            if (month is { } m && day is { } d)
                return HistoricalDate.OnDay(year, m, d, kind);
            if (month is { } mm)
                return HistoricalDate.InMonth(year, mm, kind);
            if (season is not null && HistoricalDate.TryParseTimex(YearText(year) + "-" + season, out var inSeason))
                return inSeason;
            return HistoricalDate.InYear(year);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// A date marked Old Style before 1752 counts its year from 25 March, as England did until then:
    /// "Feb. 11, 1731, Old Style" is 11 February 1732 of the Julian calendar with the year begun on
    /// 1 January, 22 February 1732 in the Gregorian.
    /// </summary>
    private static bool InOldStyleYearBefore(int year, int month, int? day) =>
        year < 1752 && (month < 3 || (month == 3 && (day ?? 1) < 25));

    /// <summary>The year a group states: four digits as written, two digits in the anchor's century, BC turned astronomical.</summary>
    private static int? StatedYear(Groups g, string group, bool bc, HistoricalDate? anchor)
    {
        var text = g.Text(group);
        if (text is null || g.Int(group) is not { } y)
            return null;
        // "'89" or "11/02/89" leave the century to the anchor; "AD 14" does not.
        if (text.Length <= 2 && !g.Has("era"))
        {
            if (AnchorYear(anchor) is not { } a)
                return null;
            y += a - a % 100;
        }
        return bc ? 1 - y : y;
    }

    /// <summary>The end of "1948–50": a shortened end takes the start's leading digits.</summary>
    private static int? EndYear(Groups g, int startYear, bool bc)
    {
        var text = g.Text("endyear")!;
        if (g.Int("endyear") is not { } y)
            return null;
        if (bc)
            return 1 - y;
        if (text.Length < 4)
        {
            var scale = text.Length == 2 ? 100 : 10;
            y += startYear - startYear % scale;
        }
        return y;
    }

    private static Normalized? Decade(Groups g, HistoricalDate? anchor)
    {
        int first;
        if (g.Lookup("era", "era") == "BC")
        {
            // "the 470s BC" counts down from 479 BC; TIMEX3 writes it as its leading digits, BC047.
            var value = "BC" + g.Int("decade")?.ToString("D3", CultureInfo.InvariantCulture);
            return HistoricalDate.TryParseTimex(value, out var bcDecade) ? new Normalized(TimexType.Date, value) { Date = bcDecade } : null;
        }
        if (g.Int("decade") is { } leading)
            first = leading * 10;
        else if (g.Int("decade2") is not { } tens)
            return null;
        else if (AnchorYear(anchor) is { } a)
            first = a - a % 100 + tens * 10;
        else
            return new Normalized(TimexType.Date, "XX" + tens.ToString(CultureInfo.InvariantCulture));
        var date = HistoricalDate.InDecade(first);
        return new Normalized(TimexType.Date, date.ToTimex()) { Date = date };
    }

    /// <summary>Centuries and millennia: the nth century is TIMEX3 "n-1" ("the 20th century" is 19).</summary>
    private static Normalized? Period(Groups g)
    {
        var bc = g.Lookup("era", "era") == "BC";
        var century = g.Has("century");
        if (g.Ordinal(century ? "century" : "millennium") is not { } n || n < 1)
            return null;
        var digits = (n - 1).ToString(century ? "D2" : "D1", CultureInfo.InvariantCulture);
        var value = (bc ? "BC" : "") + digits;
        // Core counts year 0 as 1 BC, so the first century or millennium AD has no HistoricalDate.
        var date = n > 1 || bc ? HistoricalDate.TryParseTimex(value, out var parsed) ? parsed : (HistoricalDate?)null : null;
        return new Normalized(TimexType.Date, value) { Date = date };
    }

    private static Normalized? Relative(Groups g, HistoricalDate? anchor, int? defaultRel)
    {
        var offset = g.Has("rel") ? g.Int("rel") : defaultRel ?? 0;
        var unit = g.Lookup("unit", "unit");
        if (offset is null || unit is null)
            return null;
        // "the weekend" said on a weekday is the one just past.
        if (unit == "WE" && !g.Has("rel") && AnchorDay(anchor) is { DayOfWeek: < IsoDayOfWeek.Saturday })
            offset = -1;
        return Shift(anchor, unit, offset.Value);
    }

    private static Normalized? Offset(Groups g, HistoricalDate? anchor, string? reference)
    {
        var direction = g.Int("dir");
        // "year-earlier" states no count: one year.
        var count = g.Has("num") ? g.Count() : "1";
        var unit = g.Has("unit") ? g.Lookup("unit", "unit") : "Y";
        if (direction is null || count is null || unit is null)
            return null;
        if (count == "X")
            return new Normalized(TimexType.Date, direction < 0 ? "PAST_REF" : "FUTURE_REF");
        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 10000)
            return null;
        // "up from $5 a year earlier" after "the third quarter" is that quarter a year before.
        if (unit == "Y" && reference is { Length: 7 } quarter && quarter[4..6] == "-Q"
            && int.TryParse(quarter[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var referenceYear))
            return new Normalized(TimexType.Date, HistoricalDate.InYear(referenceYear + direction.Value * n).ToTimex() + quarter[4..]);
        return unit is "H" or "MIN" or "S" ? null : Shift(anchor, unit, direction.Value * n);
    }

    /// <summary>
    /// The anchor moved by whole units, at that unit's granularity ("last month" is a month). An anchor
    /// coarser than the unit keeps what it knows while the shift stays within a year: "the following
    /// week" after "in 1916" is 1916-WXX, not XXXX-WXX, but "fifteen months ago" is XXXX-XX (TimeML 1.2.1
    /// guidelines, TIMEX3 value: unknown parts of a value are X, known ones stay).
    /// </summary>
    private static Normalized? Shift(HistoricalDate? anchor, string unit, int by)
    {
        switch (unit)
        {
            case "Y":
                return AnchorYear(anchor) is { } y ? Year(y + by) : new Normalized(TimexType.Date, "XXXX");
            case "DE":
                return AnchorYear(anchor) is { } dy ? FromDate(HistoricalDate.InDecade(dy + 10 * by)) : new Normalized(TimexType.Date, "XXX");
            case "CE":
                return AnchorYear(anchor) is { } cy ? FromDate(HistoricalDate.InCentury(cy + 100 * by)) : new Normalized(TimexType.Date, "XX");
            case "M":
                return AnchorMonth(anchor) is { } m ? Month(m.PlusMonths(by)) : new Normalized(TimexType.Date, YearText(WithinYear(anchor, by, 12)) + "-XX");
            case "Q":
                if (AnchorMonth(anchor) is not { } qm)
                    return new Normalized(TimexType.Date, YearText(WithinYear(anchor, by, 4)) + "-QX");
                var quarterStart = qm.PlusMonths(-((qm.Month - 1) % 3)).PlusMonths(3 * by);
                return new Normalized(TimexType.Date, $"{YearText(quarterStart.Year)}-Q{(quarterStart.Month - 1) / 3 + 1}");
            case "W":
            case "WE":
                if (AnchorDay(anchor) is not { } wd)
                    return new Normalized(TimexType.Date, YearText(WithinYear(anchor, by, 52)) + (unit == "WE" ? "-WXX-WE" : "-WXX"));
                var week = wd.PlusWeeks(by);
                var rule = WeekYearRules.Iso;
                var text = FormattableString.Invariant($"{YearText(rule.GetWeekYear(week))}-W{rule.GetWeekOfWeekYear(week):D2}");
                return new Normalized(TimexType.Date, unit == "WE" ? text + "-WE" : text);
            case "D":
                // With only a year to go on, "four days later" is still in that year, most likely.
                return AnchorDay(anchor) is null && AnchorYear(anchor) is { } dayYear
                    ? new Normalized(TimexType.Date, YearText(dayYear) + "-XX-XX")
                    : Day(AnchorDay(anchor)?.PlusDays(by));
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether the rel word points back into the text rather than at the document time: "the previous
    /// Friday", "the following Monday" are counted from the day just mentioned, "last Friday" from today
    /// (TimeML 1.2.1 guidelines, TIMEX3 anchorTimeID: an anaphoric expression anchors on an earlier TIMEX3).
    /// </summary>
    private static bool Anaphoric(Groups g) => g.Text("rel") is { } rel && rel.StartsWith("the", StringComparison.OrdinalIgnoreCase);

    /// <summary>The day the text mentioned just before, when it is a day.</summary>
    private static HistoricalDate? Referenced(string? reference) =>
        reference is not null && HistoricalDate.TryParseTimex(reference, out var day) && day.Precision == Precision.Day ? day : null;

    /// <summary>The anchor's year when a shift of <paramref name="by"/> units, <paramref name="perYear"/> to a year, most likely stays in it.</summary>
    private static int? WithinYear(HistoricalDate? anchor, int by, int perYear) => Math.Abs(by) < perYear ? AnchorYear(anchor) : null;

    private static Normalized? Weekday(Groups g, HistoricalDate? anchor, bool future)
    {
        if (g.Int("weekday") is not { } weekday)
            return null;
        if (AnchorDay(anchor) is not { } today)
            return new Normalized(TimexType.Date, "XXXX-WXX-" + weekday.ToString(CultureInfo.InvariantCulture));
        var diff = weekday - (int)today.DayOfWeek;
        // The rel vocabulary says the direction: "this", "next", "the following" ahead; "last", "the previous" back.
        int days = (g.Has("rel") ? g.Int("rel") : null) switch
        {
            >= 0 => diff > 0 ? diff : diff + 7,
            < 0 => diff < 0 ? diff : diff - 7,
            // A bare weekday is the coming one in a sentence about the future, else the one just past (or today).
            _ when future => diff >= 0 ? diff : diff + 7,
            _ => diff <= 0 ? diff : diff - 7,
        };
        return Day(today.PlusDays(days));
    }

    private static Normalized? RelativeMonthOrSeason(Groups g, HistoricalDate? anchor)
    {
        var offset = g.Int("rel");
        var season = g.Lookup("season", "season");
        var month = g.Has("month") ? g.Month("month") : SeasonStart(season);
        if (offset is null || month is null)
            return null;
        // "That same spring" needs only the anchor's year; "last spring" needs its month to know which.
        if (offset == 0 && AnchorYear(anchor) is { } anchorYear)
            return season is null ? Month(new LocalDate(anchorYear, month.Value, 1)) : Season(anchorYear, season);
        if (AnchorMonth(anchor) is not { } now)
            return new Normalized(TimexType.Date, season is null ? FormattableString.Invariant($"XXXX-{month:D2}") : "XXXX-" + season);
        var year = offset switch
        {
            < 0 => month < now.Month ? now.Year : now.Year - 1,
            > 0 => month > now.Month ? now.Year : now.Year + 1,
            _ => now.Year,
        };
        return season is null ? Month(new LocalDate(year, month.Value, 1)) : Season(year, season);
    }

    private static Normalized? Season(int year, string season) =>
        HistoricalDate.TryParseTimex(YearText(year) + "-" + season, out var d) ? FromDate(d) : null;

    private static int? SeasonStart(string? season) => season switch
    {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        "WI" => 12,
        _ => null,
    };

    /// <summary>"nineteen ninety-six" as 1996, "two thousand and one" as 2001: the hundreds, then a number below one hundred.</summary>
    private int? SpelledYear(string text)
    {
        var words = text.ToLowerInvariant().Split([' ', '-', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToList();
        var hundredsWords = words.Count >= 2 && words[0] == "two" && words[1] == "thousand" ? 2 : 1;
        if (!int.TryParse(vocabulary.Lookup("yearhundreds", string.Join(' ', words.Take(hundredsWords))), out var year))
            return null;
        foreach (var word in words.Skip(hundredsWords).Where(w => w is not ("and" or "hundred")))
        {
            if (!int.TryParse(vocabulary.Lookup("number", word), out var part))
                return null;
            year += part;
        }
        return year;
    }

    private static Normalized Year(int year) => FromDate(HistoricalDate.InYear(year));

    private static Normalized Month(LocalDate date) => FromDate(HistoricalDate.InMonth(date.Year, date.Month));

    private static Normalized Day(LocalDate? date) => date is { } d
        ? FromDate(HistoricalDate.OnDay(d.Year, d.Month, d.Day))
        : new Normalized(TimexType.Date, "XXXX-XX-XX");

    private static Normalized FromDate(HistoricalDate date) => new(TimexType.Date, date.ToTimex()) { Date = date };

    private static string Iso(LocalDate d) => HistoricalDate.OnDay(d.Year, d.Month, d.Day).ToTimex();

    private static string YearText(int? year) => year is { } y ? HistoricalDate.InYear(y).ToTimex() : "XXXX";

    private static int? AnchorYear(HistoricalDate? anchor) =>
        anchor is { Precision: >= Precision.Year } a ? a.Year : null;

    private static LocalDate? AnchorMonth(HistoricalDate? anchor) =>
        anchor is { Precision: >= Precision.Month, Month: { } m } a ? new LocalDate(a.Year, m, 1) : null;

    private static LocalDate? AnchorDay(HistoricalDate? anchor)
    {
        if (anchor is not { Precision: Precision.Day } a)
            return null;
        var gregorian = a.ToGregorian();
        return new LocalDate(gregorian.Year, gregorian.Month!.Value, gregorian.Day!.Value);
    }

    /// <summary>Read access to a match's groups by meaning.</summary>
    private readonly struct Groups(Match match, Vocabulary vocabulary)
    {
        public bool Has(string name) => match.Groups[name].Success;

        public string? Text(string name) => match.Groups[name] is { Success: true } group ? group.Value : null;

        public string? Lookup(string name, string list) =>
            match.Groups[name] is { Success: true } group ? vocabulary.Lookup(list, group.ValueSpan.Trim().TrimEnd('-')) : null;

        /// <summary>Digits, or a vocabulary value that is a number ("yesterday" is -1).</summary>
        public int? Int(string name)
        {
            if (Text(name) is not { } text)
                return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                return value;
            var looked = vocabulary.Lookup(name, text);
            return looked is not null && int.TryParse(looked, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) ? value : null;
        }

        public int? Month(string name) => Text(name) is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m
              : vocabulary.Lookup("month", text.TrimEnd('.')) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null
            : null;

        /// <summary>
        /// Where a range's two ends are written: the start from its first group to the last one before
        /// the end groups ("Feb. 24" of "Feb. 24–25, 1956"), the end from the first end group on ("25, 1956").
        /// </summary>
        public (int, int, int, int) RangeParts()
        {
            var groups = match.Groups;
            var endStart = EndGroups.Select(n => groups[n]).Where(x => x.Success).Min(x => x.Index);
            // Every capture counts: "264 BC - 241 BC" states its era twice, and the first belongs to the start.
            var starts = StartGroups.SelectMany(n => groups[n].Captures).Where(x => x.Index + x.Length <= endStart).ToArray();
            var first = starts.Length == 0 ? match.Index : starts.Min(x => x.Index);
            var last = starts.Length == 0 ? endStart : starts.Max(x => x.Index + x.Length);
            return (first, last, endStart, Math.Max(match.Index + match.Length, endStart));
        }

        private static readonly string[] StartGroups = ["mod", "year", "month", "day", "era"];
        private static readonly string[] EndGroups = ["endyear", "endmonth", "endday"];

        /// <summary>"3rd", "third" or "3" as 3.</summary>
        public int? Ordinal(string name)
        {
            if (Text(name) is not { } text)
                return null;
            var digits = text.TrimEnd('s', 't', 'n', 'd', 'r', 'h', 'S', 'T', 'N', 'D', 'R', 'H');
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                return n;
            return vocabulary.Lookup("ordinal", text) is { } v && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out n) ? n : null;
        }

        /// <summary>A count as a TIMEX3 number: "24" for "twenty four", "X" for "several", null when not a count.</summary>
        public string? Count()
        {
            if (Text("num") is not { } text)
                return null;
            text = text.Trim();
            if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                return number.ToString(CultureInfo.InvariantCulture);
            if (NumberWords.Parse(text) is { } whole)
                return whole.ToString(CultureInfo.InvariantCulture);
            // "a dozen", "several": counts the vocabulary names.
            return vocabulary.Lookup("number", text);
        }
    }
}
