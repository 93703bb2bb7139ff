using System.Globalization;

namespace Almanac.Text.Structure;

/// <summary>A count of years as a dated column writes it before "years ago": "10", "Ten", "Twenty-five", "One hundred".</summary>
internal static class YearCount
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["twenty-five"] = 25,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["seventy-five"] = 75, ["eighty"] = 80,
        ["ninety"] = 90,
    };

    public static int? Parse(string count)
    {
        if (int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number;
        var words = count.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !Words.TryGetValue(words[0], out var first))
            return null;
        return words.Length switch
        {
            1 => first,
            2 when words[1].Equals("hundred", StringComparison.OrdinalIgnoreCase) => first * 100,
            _ => null,
        };
    }
}
