using Almanac.TestSupport;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Almanac.Robustness.Tests;

/// <summary>
/// A folder of generated documents built from Wikipedia's day pages (/work/shared/corpora/wikipedia-days): day pages
/// ("February 25", then "1956 – …" lines) and prose ("On 25 February 1956, …") in turn, one calendar day each.
/// </summary>
internal static class Corpus
{
    public static string DaysFile
    {
        get
        {
            var days = Path.Combine(SharedFolder.Corpus("wikipedia-days"), "days.jsonl");
            return File.Exists(days) ? days : throw new InvalidOperationException($"the wikipedia-days corpus is not at {days}");
        }
    }

    private sealed record Line(string Day, string Kind, string Year, string Text);

    public static void Write(string folder, int documents, int linesPerDocument)
    {
        Directory.CreateDirectory(folder);
        var byDay = new Dictionary<string, List<Line>>(StringComparer.Ordinal);
        foreach (var json in File.ReadLines(DaysFile))
        {
            using var parsed = JsonDocument.Parse(json);
            var root = parsed.RootElement;
            if (root.GetProperty("kind").GetString() != "event")
                continue;
            var line = new Line(root.GetProperty("day").GetString()!, "event", root.GetProperty("year").GetString()!, root.GetProperty("text").GetString()!);
            if (!int.TryParse(line.Year, out _))
                continue;
            if (!byDay.TryGetValue(line.Day, out var lines))
                byDay[line.Day] = lines = [];
            if (lines.Count < linesPerDocument)
                lines.Add(line);
        }
        var days = byDay.Keys.Order(StringComparer.Ordinal).Take(documents).ToList();
        for (var i = 0; i < days.Count; i++)
        {
            var date = DateTime.ParseExact("2000-" + days[i], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var name = date.ToString("MMMM d", CultureInfo.InvariantCulture);
            var text = new StringBuilder();
            if (i % 2 == 0)
            {
                text.Append(name).Append("\n\nEvents\n\n");
                foreach (var line in byDay[days[i]])
                    text.Append(line.Year).Append(" – ").Append(line.Text).Append('\n');
            }
            else
            {
                text.Append("What happened on ").Append(name).Append("\n\n");
                foreach (var line in byDay[days[i]])
                    text.Append("On ").Append(date.Day).Append(' ').Append(date.ToString("MMMM", CultureInfo.InvariantCulture)).Append(' ')
                        .Append(line.Year).Append(", ").Append(line.Text.TrimEnd('.')).Append(".\n\n");
            }
            File.WriteAllText(Path.Combine(folder, $"{i:000}-{days[i]}.txt"), text.ToString());
        }
    }
}
