using System.Globalization;
using System.Text.Json;
using Almanac.Core;

namespace Almanac.Text.Feed;

/// <summary>
/// Wikimedia's on-this-day feed JSON (the shape /api/feed/onthisday/... serves, as saved from Wikimedia's API):
/// an object with arrays "selected", "events", "births", "deaths", "holidays" of items {"text", "year"}. It is read
/// into the blocks a day page shows — a heading per section, a "YEAR – text" item per entry (BC years are negative
/// in the feed: -44 is "44 BC") — so the structure stage reads it like any other day page. The day comes from the
/// file name (for example "onthisday-06-04.json"). Text that is not such a feed gives no blocks.
/// </summary>
internal static partial class OnThisDayFeedReader
{
    private static readonly (string Property, string Heading)[] Sections =
        [("events", "Events"), ("births", "Births"), ("deaths", "Deaths"), ("holidays", "Holidays")];

    public static (string Title, IReadOnlyList<RawBlock> Blocks) Read(string text)
    {
        var blocks = new List<RawBlock>();
        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return ("", blocks);
            var sections = Sections.Where(s => json.RootElement.TryGetProperty(s.Property, out var items) && items.ValueKind == JsonValueKind.Array).ToList();
            // "selected" repeats events; it is read only when the file holds nothing else.
            if (sections.Count == 0 && json.RootElement.TryGetProperty("selected", out var selected) && selected.ValueKind == JsonValueKind.Array)
                sections.Add(("selected", "Events"));
            foreach (var (property, heading) in sections)
            {
                blocks.Add(new RawBlock(BlockKind.Heading, heading));
                foreach (var item in json.RootElement.GetProperty(property).EnumerateArray())
                    if (Line(item) is { } line)
                        blocks.Add(new RawBlock(BlockKind.ListItem, line));
            }
        }
        catch (JsonException)
        {
            blocks.Clear();
        }
        return ("", blocks);
    }

    /// <summary>
    /// Whether the start of a file looks like such a feed: an object whose first property (after any whitespace) is one
    /// of the feed's arrays. Wikimedia's answers begin with one; a settings or data file does not.
    /// </summary>
    public static bool StartsLikeFeed(string start) =>
        FeedStart().IsMatch(start.Length > 4096 ? start[..4096] : start);

    [System.Text.RegularExpressions.GeneratedRegex("""^\uFEFF?\s*\{\s*"(?:selected|events|births|deaths|holidays)"\s*:\s*\[""",
        System.Text.RegularExpressions.RegexOptions.NonBacktracking)]
    private static partial System.Text.RegularExpressions.Regex FeedStart();

    private static string? Line(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
            return null;
        var text = string.Join(' ', (textElement.GetString() ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0)
            return null;
        if (!item.TryGetProperty("year", out var year) || !year.TryGetInt32(out var number) || number == 0)
            return text;
        var written = number < 0 ? $"{(-number).ToString(CultureInfo.InvariantCulture)} BC" : number.ToString(CultureInfo.InvariantCulture);
        return $"{written} – {text}";
    }
}
