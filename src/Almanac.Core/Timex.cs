namespace Almanac.Core;

public enum TimexType
{
    Date,
    Time,
    Duration,
    Set,
}

/// <summary>
/// One temporal expression found in a text, as TIMEX3 attributes plus, for dates, the normalized
/// <see cref="HistoricalDate"/> (and its end when the expression is a range such as "1948–50").
/// Offsets are UTF-16 code units into the text that was tagged; <see cref="End"/> is exclusive.
/// </summary>
public sealed record Timex(int Start, int End, string Text, TimexType Type, string Value)
{
    public string? Mod { get; init; }
    public string? Quant { get; init; }
    public string? Freq { get; init; }

    /// <summary>The normalized date when <see cref="Value"/> names a calendar date or period.</summary>
    public HistoricalDate? Date { get; init; }

    /// <summary>The last date of a range ("Feb. 24–25, 1956" ends on 1956-02-25); null for a single date.</summary>
    public HistoricalDate? RangeEnd { get; init; }

    public int Length => End - Start;
}
