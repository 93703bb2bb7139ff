using System.Globalization;
using System.Text;

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

    /// <summary>
    /// At most <paramref name="max"/> UTF-16 units of <paramref name="text"/> between <paramref name="start"/> and
    /// <paramref name="end"/>, around the span from <paramref name="focusStart"/> to <paramref name="focusEnd"/>
    /// (kept whole when it fits): the span itself when it is short enough, else a window centred on the focus whose
    /// ends fall on spaces where there are some near them, and always between text elements.
    /// </summary>
    public static (int Start, int End) Window(string text, int start, int end, int focusStart, int focusEnd, int max)
    {
        if (end - start <= max)
            return (start, end);
        var half = Math.Max(0, (max - (focusEnd - focusStart)) / 2);
        var from = Math.Max(start, focusStart - half);
        var to = Math.Min(end, from + max);
        from = Math.Max(start, to - max);
        if (from > start)
        {
            var space = text.IndexOf(' ', from, Math.Max(0, Math.Min(focusStart, from + half / 2) - from));
            from = space >= 0 ? space + 1 : ElementBoundaryAtOrAfter(text, from);
        }
        if (to < end)
        {
            var floor = Math.Max(from, Math.Max(focusEnd, to - half / 2));
            var space = to - 1 >= floor ? text.LastIndexOf(' ', to - 1, to - floor) : -1;
            to = space >= 0 ? space : ElementBoundaryAtOrBefore(text, to);
        }
        return (from, Math.Max(from, to));
    }

    /// <summary>The smallest text-element boundary not before <paramref name="limit"/>.</summary>
    public static int ElementBoundaryAtOrAfter(string text, int limit)
    {
        var before = ElementBoundaryAtOrBefore(text, limit);
        return before == limit || before >= text.Length ? before : before + StringInfo.GetNextTextElementLength(text, before);
    }

    /// <summary>The largest text-element boundary not after <paramref name="limit"/>; 0 when the first element is longer.</summary>
    /// <remarks>Walks from a nearby point that surely starts an element, so the cost does not grow with the position.</remarks>
    public static int ElementBoundaryAtOrBefore(string text, int limit)
    {
        limit = Math.Clamp(limit, 0, text.Length);
        var anchor = limit;
        while (anchor > 0 && !SurelyStartsElement(text, anchor))
            anchor--;
        var boundary = anchor;
        while (boundary < text.Length)
        {
            var next = boundary + StringInfo.GetNextTextElementLength(text, boundary);
            if (next > limit)
                break;
            boundary = next;
        }
        return boundary;
    }

    /// <summary>
    /// True where a text element must begin: at the ends, or at a character that never continues one (not a low
    /// surrogate, mark, joiner or format character) after one that never joins the next (not a zero-width joiner,
    /// not a regional indicator, whose flags pair up).
    /// </summary>
    private static bool SurelyStartsElement(string text, int index)
    {
        if (index == 0 || index == text.Length)
            return true;
        if (char.IsLowSurrogate(text[index]))
            return false;
        Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _);
        Rune.DecodeLastFromUtf16(text.AsSpan(0, index), out var previous, out _);
        // Hangul jamo (U+1100–U+11FF) combine into syllables, and CR pairs with LF.
        return !Continues(rune) && previous.Value != 0x200D && previous.Value != '\r' && !(IsRegionalIndicator(previous) && IsRegionalIndicator(rune))
            && previous.Value is not (>= 0x1100 and <= 0x11FF);
    }

    private static bool Continues(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierSymbol
        || rune.Value is >= 0x1160 and <= 0x11FF;

    private static bool IsRegionalIndicator(Rune rune) => rune.Value is >= 0x1F1E6 and <= 0x1F1FF;
}
