using System.Text;

namespace Almanac.Text.Html;

/// <summary>
/// Caps element nesting before the HTML is parsed: tags that would open an element deeper than
/// <see cref="MaxDepth"/> are left out, with their matching end tags, and all text is kept. Browsers do the same
/// (Blink stops nesting at 512); without it, a page of 100,000 nested &lt;div&gt;s costs the parser minutes,
/// because it searches the stack of open elements on every tag.
/// </summary>
/// <remarks>
/// A linear scan, not a parser: elements whose end tag is optional (p, li, td…) are not counted, because pages
/// leave them open and the parser closes them implicitly; raw-text elements (script, style…) are copied whole.
/// Counting is approximate on broken markup, and the worst it can do there is drop some structure, never text.
/// </remarks>
internal static class HtmlDepthLimiter
{
    public const int MaxDepth = 512;

    private static readonly HashSet<string> Void =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen"];

    private static readonly HashSet<string> OptionalEnd =
        ["p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rtc", "rp", "colgroup", "caption", "html", "head", "body"];

    private static readonly HashSet<string> RawText = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

    public static string Limit(string html)
    {
        var output = new StringBuilder(html.Length);
        var depth = 0;
        var dropped = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                output.Append(html, i, html.Length - i);
                break;
            }
            output.Append(html, i, lt - i);
            var (end, name, isEndTag, selfClosing) = ScanTag(html, lt);
            if (name is null)
            {
                output.Append(html, lt, end - lt);
                i = end;
                continue;
            }
            var counted = !Void.Contains(name) && !OptionalEnd.Contains(name) && !selfClosing;
            if (isEndTag)
            {
                if (counted && dropped > 0)
                    dropped--;
                else
                {
                    if (counted)
                        depth = Math.Max(0, depth - 1);
                    output.Append(html, lt, end - lt);
                }
                i = end;
                continue;
            }
            if (RawText.Contains(name))
            {
                var close = html.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
                var stop = close < 0 ? html.Length : close;
                output.Append(html, lt, stop - lt);
                i = stop;
                continue;
            }
            if (counted && depth >= MaxDepth)
                dropped++;
            else
            {
                if (counted)
                    depth++;
                output.Append(html, lt, end - lt);
            }
            i = end;
        }
        return output.ToString();
    }

    /// <summary>
    /// The tag starting at <paramref name="lt"/>: where it ends, its lower-case name, whether it is an end tag and
    /// whether it closes itself. Name is null for comments, doctypes and a '&lt;' that starts no tag.
    /// </summary>
    private static (int End, string? Name, bool IsEndTag, bool SelfClosing) ScanTag(string html, int lt)
    {
        if (html.AsSpan(lt).StartsWith("<!--"))
        {
            var close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return (close < 0 ? html.Length : close + 3, null, false, false);
        }
        var p = lt + 1;
        var isEnd = p < html.Length && html[p] == '/';
        if (isEnd)
            p++;
        if (p >= html.Length || !char.IsAsciiLetter(html[p]))
        {
            if (p < html.Length && html[p] is '!' or '?')
            {
                var gt = html.IndexOf('>', p);
                return (gt < 0 ? html.Length : gt + 1, null, false, false);
            }
            return (lt + 1, null, false, false);
        }
        var nameStart = p;
        while (p < html.Length && (char.IsAsciiLetterOrDigit(html[p]) || html[p] is '-' or ':'))
            p++;
        var name = html[nameStart..p].ToLowerInvariant();
        // Attribute values may hold '>', so quotes are skipped as a whole.
        char quote = '\0';
        for (; p < html.Length; p++)
        {
            var c = html[p];
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
            }
            else if (c is '"' or '\'')
                quote = c;
            else if (c == '>')
                return (p + 1, name, isEnd, html[p - 1] == '/');
        }
        return (html.Length, name, isEnd, false);
    }
}
