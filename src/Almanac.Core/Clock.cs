using NodaTime;

namespace Almanac.Core;

/// <summary>"Today" for a reader: the calendar day in their time zone, from an injected clock.</summary>
public static class ReaderDay
{
    public static AnnualDate Today(TimeProvider clock, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        return new AnnualDate(local.Month, local.Day);
    }

    /// <summary>Parses "MM-DD" (29 February allowed); null when the text is not a calendar day.</summary>
    public static AnnualDate? ParseMonthDay(string text)
    {
        if (text.Length != 5 || text[2] != '-' || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1])
            || !char.IsAsciiDigit(text[3]) || !char.IsAsciiDigit(text[4]))
            return null;
        var month = (text[0] - '0') * 10 + (text[1] - '0');
        var day = (text[3] - '0') * 10 + (text[4] - '0');
        if (month is < 1 or > 12 || day < 1 || day > CalendarSystem.Gregorian.GetDaysInMonth(2000, month))
            return null;
        return new AnnualDate(month, day);
    }

    /// <summary>The 366 days of the calendar, 29 February included, in order.</summary>
    public static IEnumerable<AnnualDate> AllDays()
    {
        for (var month = 1; month <= 12; month++)
            for (var day = 1; day <= CalendarSystem.Gregorian.GetDaysInMonth(2000, month); day++)
                yield return new AnnualDate(month, day);
    }

    public static string Format(AnnualDate day) => $"{day.Month:D2}-{day.Day:D2}";
}
