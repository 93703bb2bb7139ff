using System.Globalization;

namespace Almanac.Core;

/// <summary>
/// A whole number as English writes it in dates and spans of time: "10", "ten", "Twenty-five", "twenty four",
/// "one hundred", "a hundred". The one place such counts are read ("Ten years ago:" in a dated column, "twenty
/// years ago" in a sentence).
/// </summary>
public static class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>The number, or null when the text is not one whole number from 1 to 999 written this way.</summary>
    public static int? Parse(string text)
    {
        text = text.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number;
        var words = text.Split([' ', '-', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (words is [.. var count, var hundred] && hundred.Equals("hundred", StringComparison.OrdinalIgnoreCase))
            return count.Length == 0 ? 100 : BelowHundred(count) is { } c and < 10 ? c * 100 : null;
        return BelowHundred(words);
    }

    private static int? BelowHundred(string[] words) => words switch
    {
        [var one] when Units.TryGetValue(one, out var u) => u,
        [var one] when Tens.TryGetValue(one, out var t) => t,
        [var ten, var one] when Tens.TryGetValue(ten, out var t) && Units.TryGetValue(one, out var u) && u < 10 && one is not ("a" or "an") => t + u,
        _ => null,
    };
}
