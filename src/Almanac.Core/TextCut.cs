using System.Globalization;

namespace Almanac.Core;

/// <summary>
/// Shortens text for display without splitting what a reader sees as one character: a cut falls
/// between text elements (so a surrogate pair or a letter with its combining marks stays whole),
/// at the last space when there is one in the second half of what fits, else inside a long token.
/// </summary>
public static class TextCut
{
    public const string Ellipsis = "…";

    /// <summary>At most <paramref name="max"/> UTF-16 units of <paramref name="text"/>, the ellipsis included when it was cut.</summary>
    public static string AtWord(string text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, Ellipsis.Length + 1);
        if (text.Length <= max)
            return text;
        var end = ElementBoundaryAtOrBefore(text, max - Ellipsis.Length);
        var space = text.LastIndexOf(' ', Math.Max(0, end - 1), end);
        if (space >= end / 2)
            end = space;
        return text[..end].TrimEnd(',', ';', ' ') + Ellipsis;
    }

    /// <summary>The largest text-element boundary not after <paramref name="limit"/>; 0 when the first element is longer.</summary>
    public static int ElementBoundaryAtOrBefore(string text, int limit)
    {
        var boundary = 0;
        while (boundary < text.Length)
        {
            var next = boundary + StringInfo.GetNextTextElementLength(text, boundary);
            if (next > limit)
                break;
            boundary = next;
        }
        return boundary;
    }
}
