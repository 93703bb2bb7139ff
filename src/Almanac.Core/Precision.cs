namespace Almanac.Core;

/// <summary>How much of a date a source states, coarsest first so that a larger value is more precise.</summary>
public enum Precision
{
    Millennium,
    Century,
    Decade,
    Year,
    Season,
    Month,
    Day,
}

/// <summary>Qualifiers a source puts on a date; they map to TIMEX3's <c>mod</c> attribute.</summary>
public enum DateModifier
{
    None,
    Early,
    Mid,
    Late,
    Approximate,
    Before,
    After,
}

/// <summary>The calendar a source states a date in. Dates before 1582 are Julian as stated.</summary>
public enum CalendarKind
{
    Gregorian,
    Julian,
}

public enum Season
{
    Spring,
    Summer,
    Autumn,
    Winter,
}

public static class DateModifierTimex
{
    public static string? ToTimexMod(this DateModifier modifier) => modifier switch
    {
        DateModifier.Early => "START",
        DateModifier.Mid => "MID",
        DateModifier.Late => "END",
        DateModifier.Approximate => "APPROX",
        DateModifier.Before => "BEFORE",
        DateModifier.After => "AFTER",
        _ => null,
    };

    public static DateModifier FromTimexMod(string? mod) => mod switch
    {
        "START" => DateModifier.Early,
        "MID" => DateModifier.Mid,
        "END" => DateModifier.Late,
        "APPROX" => DateModifier.Approximate,
        "BEFORE" or "ON_OR_BEFORE" => DateModifier.Before,
        "AFTER" or "ON_OR_AFTER" => DateModifier.After,
        _ => DateModifier.None,
    };
}
