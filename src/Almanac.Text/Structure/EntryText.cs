using System.Text.RegularExpressions;

namespace Almanac.Text.Structure;

/// <summary>
/// An entry's own text, as a reader should see it: the text cell of a table row, without reference marks ("[87]",
/// "[citation needed]"), "read more" link tails, a trailing ";", a stray "- " left by the separator, or quotes
/// wrapping the whole text.
/// </summary>
internal static partial class EntryText
{
    public static string Clean(string text)
    {
        var clean = LongestCell(text);
        clean = ReferenceMark().Replace(clean, "");
        clean = LinkTail().Replace(clean, "");
        clean = clean.Trim().TrimEnd(';').Trim();
        if (clean.StartsWith("- ", StringComparison.Ordinal))
            clean = clean[2..].TrimStart();
        if (clean.Length > 2 && clean[0] == '"' && clean[^1] == '"' && !clean[1..^1].Contains('"', StringComparison.Ordinal))
            clean = clean[1..^1];
        return clean;
    }

    /// <summary>A table row flattened to "cell | cell | cell": its text is the longest cell ("* | text | Ref: 5 |").</summary>
    private static string LongestCell(string text)
    {
        if (!text.Contains(" | ", StringComparison.Ordinal))
            return text;
        return text.Split('|').Select(c => c.Trim()).MaxBy(c => c.Length) ?? text;
    }

    [GeneratedRegex(@"\[(?:\d{1,3}|[a-z]|note \d+|citation needed|edit)\]", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ReferenceMark();

    [GeneratedRegex(@"(?:\.{3}|…)?\s*(?:read more|continue reading|more\s*»)\s*[»›→…]*\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex LinkTail();
}
