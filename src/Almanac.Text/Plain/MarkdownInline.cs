using System.Text;

namespace Almanac.Text.Plain;

/// <summary>
/// Reduces Markdown inline markup to the text a reader sees: links and images keep their text, emphasis and code
/// markers go, HTML tags go. A single left-to-right pass with no regular expressions, so any input is linear.
/// </summary>
internal static class MarkdownInline
{
    public static string ToText(string text)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && char.IsPunctuation(text[i + 1]) | char.IsSymbol(text[i + 1]))
            {
                builder.Append(text[i + 1]);
                i += 2;
            }
            else if ((c == '[' || (c == '!' && i + 1 < text.Length && text[i + 1] == '[')) && TryLink(text, i, out var label, out var next))
            {
                builder.Append(label);
                i = next;
            }
            else if (c == '<' && TryTag(text, i, out var inner, out var after))
            {
                builder.Append(inner);
                i = after;
            }
            else if (c is '*' or '`' || (c == '~' && i + 1 < text.Length && text[i + 1] == '~'))
            {
                // Emphasis, strong, code and strike-through markers carry no words.
                i += c == '~' ? 2 : 1;
            }
            else if (c == '_' && IsEmphasisUnderscore(text, i))
            {
                i++;
            }
            else
            {
                builder.Append(c);
                i++;
            }
        }
        return builder.ToString();
    }

    /// <summary>Markup spans longer than this are not markup; the bound keeps a line of brackets linear.</summary>
    private const int MaxSpan = 2000;

    /// <summary>"[text](url)", "![alt](url)" and "[text][ref]" give their text; a lone "[sic]" stays as written.</summary>
    private static bool TryLink(string text, int start, out string label, out int next)
    {
        label = "";
        next = start;
        var open = text[start] == '!' ? start + 1 : start;
        var close = IndexWithin(text, ']', open + 1);
        if (close < 0 || close + 1 >= text.Length || text[close + 1] is not ('(' or '['))
            return false;
        var end = IndexWithin(text, text[close + 1] == '(' ? ')' : ']', close + 2);
        if (end < 0)
            return false;
        // The label holds no ']' (close is the first one), so this recursion is one level deep.
        label = ToText(text[(open + 1)..close]);
        next = end + 1;
        return true;
    }

    private static int IndexWithin(string text, char c, int from) =>
        from >= text.Length ? -1 : text.IndexOf(c, from, Math.Min(MaxSpan, text.Length - from));

    /// <summary>An autolink "&lt;https://…&gt;" keeps its address; an inline HTML tag goes.</summary>
    private static bool TryTag(string text, int start, out string inner, out int after)
    {
        inner = "";
        after = start;
        var end = IndexWithin(text, '>', start + 1);
        if (end < 0 || end == start + 1)
            return false;
        var content = text[(start + 1)..end];
        if (content.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || content.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || content.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            inner = content;
        else if (!(char.IsAsciiLetter(content[0]) || content[0] is '/' or '!'))
            return false; // "a < b" is a comparison, not a tag
        after = end + 1;
        return true;
    }

    /// <summary>An underscore marks emphasis only at a word edge; inside a word ("snake_case") it is a character.</summary>
    private static bool IsEmphasisUnderscore(string text, int i)
    {
        var before = i > 0 && char.IsLetterOrDigit(text[i - 1]);
        var afterIt = i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
        return !(before && afterIt);
    }
}
