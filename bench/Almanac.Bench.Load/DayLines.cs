using System.Text.Json;
using System.Text.RegularExpressions;
using Almanac.Core;

namespace Almanac.Bench.Load;

/// <summary>One line of wikipedia-days/days.jsonl: an event, birth or death listed under a calendar day.</summary>
internal sealed record DayLine(int Month, int Day, MentionKind Kind, int Year, string Text, IReadOnlyList<string> Pages);

internal static partial class DayLines
{
    /// <summary>The lines with a plain AD year and a clean text (citation marks like "[87]" removed); others are skipped.</summary>
    public static List<DayLine> Read(string path)
    {
        var lines = new List<DayLine>();
        foreach (var json in File.ReadLines(path))
        {
            using var row = JsonDocument.Parse(json);
            var root = row.RootElement;
            var day = root.GetProperty("day").GetString()!;
            if (!int.TryParse(root.GetProperty("year").GetString(), out var year) || year < 1)
                continue;
            var kind = root.GetProperty("kind").GetString() switch
            {
                "birth" => MentionKind.Birth,
                "death" => MentionKind.Death,
                _ => MentionKind.Event,
            };
            var text = Citation().Replace(root.GetProperty("text").GetString()!, "").Trim();
            if (text.Length == 0)
                continue;
            var pages = root.TryGetProperty("pages", out var p) ? p.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
            lines.Add(new DayLine(int.Parse(day[..2]), int.Parse(day[3..]), kind, year, text, pages));
        }
        return lines;
    }

    [GeneratedRegex(@"\[\d+\]", RegexOptions.NonBacktracking)]
    private static partial Regex Citation();
}
