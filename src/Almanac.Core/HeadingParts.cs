namespace Almanac.Core;

/// <summary>
/// The parts a title or heading sets off from one another: a subtitle after a colon ("Secret Speech: A Turning
/// Point"), the site's name or the date after a bar or a spaced dash ("Napoleon crowned emperor | December 2, 1804 |
/// HISTORY"). A dash between numbers joins a range ("July 1951 - July 1953") and parts nothing.
/// </summary>
public static class HeadingParts
{
    private static readonly string[] Separators = [": ", " | ", " – ", " — ", " - ", " :: ", " · ", " » "];

    public static IReadOnlyList<string> Of(string heading)
    {
        var parts = new List<string>();
        var partStart = 0;
        for (var i = 0; i < heading.Length; i++)
        {
            if (SeparatorAt(heading, i) is not { } separator)
                continue;
            var joinsRange = heading[i + 1] is '–' or '—' or '-' && i > 0 && char.IsAsciiDigit(heading[i - 1])
                && StartsWithNumber(heading.AsSpan(i + separator.Length));
            if (!joinsRange)
            {
                Add(parts, heading[partStart..i]);
                partStart = i + separator.Length;
            }
            i += separator.Length - 1;
        }
        Add(parts, heading[partStart..]);
        return parts;
    }

    /// <summary>"1953", or a word and a number ("July 1953"): the other end of a range.</summary>
    private static bool StartsWithNumber(ReadOnlySpan<char> text)
    {
        var word = 0;
        while (word < text.Length && (char.IsLetter(text[word]) || text[word] == '.'))
            word++;
        if (word > 0 && word < text.Length && text[word] == ' ')
            word++;
        return word < text.Length && char.IsAsciiDigit(text[word]);
    }

    private static string? SeparatorAt(string heading, int index)
    {
        foreach (var separator in Separators)
            if (heading.AsSpan(index).StartsWith(separator, StringComparison.Ordinal))
                return separator;
        return null;
    }

    private static void Add(List<string> parts, string part)
    {
        if (part.Trim() is { Length: > 0 } trimmed)
            parts.Add(trimmed);
    }
}
