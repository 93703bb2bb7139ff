using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Almanac.Eval.DayPages;

/// <summary>One entry of a Wikipedia date page: its section (Events, Births, Deaths), the year as written and as a number (44 BC = -44).</summary>
internal sealed record WikipediaEntry(string Section, string YearText, int Year, string Text);

internal sealed record WikipediaDay(int Month, int Day, IReadOnlyList<WikipediaEntry> Entries)
{
    public string Key => $"{Month:D2}-{Day:D2}";
    public string Title => $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Month)} {Day}";
}

internal static partial class WikipediaDays
{
    /// <summary>
    /// Reads the corpus and keeps <paramref name="count"/> days spread evenly over the year. Entries whose year is
    /// not a plain year ("1988 –" and a few scraping slips) are left out of the pages and the gold alike.
    /// </summary>
    public static IReadOnlyList<WikipediaDay> Read(string path, int count)
    {
        var byDay = new SortedDictionary<string, List<WikipediaEntry>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            var item = json.RootElement;
            var yearText = item.GetProperty("year").GetString() ?? "";
            if (ParseYear(yearText) is not { } year)
                continue;
            var section = item.GetProperty("kind").GetString() switch
            {
                "birth" => "Births",
                "death" => "Deaths",
                _ => "Events",
            };
            var day = item.GetProperty("day").GetString()!;
            if (!byDay.TryGetValue(day, out var entries))
                byDay[day] = entries = [];
            entries.Add(new WikipediaEntry(section, yearText, year, item.GetProperty("text").GetString() ?? ""));
        }
        var keys = byDay.Keys.ToList();
        var step = Math.Max(1, keys.Count / Math.Min(count, keys.Count));
        return keys.Where((_, i) => i % step == step / 2).Take(count)
            .Select(k => new WikipediaDay(int.Parse(k[..2], CultureInfo.InvariantCulture), int.Parse(k[3..], CultureInfo.InvariantCulture), byDay[k]))
            .ToList();
    }

    private static int? ParseYear(string text)
    {
        var match = YearPattern().Match(text);
        if (!match.Success)
            return null;
        var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        return match.Groups["era"].Value.StartsWith("BC", StringComparison.Ordinal) ? -number : number;
    }

    [GeneratedRegex(@"^(?<number>\d{1,4})( (?<era>BCE|BC|AD))?$")]
    private static partial Regex YearPattern();
}
