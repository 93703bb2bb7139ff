namespace Almanac.Text.Html;

/// <summary>
/// Flattens HTML nested deeper than <see cref="MaxDepth"/> levels before it is parsed: tags below that depth are
/// dropped and their text kept, as browsers do (Blink stops nesting at 512). The HTML parser checks element scope
/// by walking the stack of open elements, so its time grows with the square of the depth: 100,000 nested divs
/// would take about a minute, flattened they take milliseconds.
/// </summary>
/// <remarks>
/// The depth is estimated by a linear scan of start and end tags. Void elements and elements that the parser
/// closes implicitly (p, li, td…) are not counted, so sloppy but ordinary pages are never touched; comments and the
/// contents of script, style, textarea and title are skipped, since a "&lt;" there is not a tag.
/// </remarks>
internal static class HtmlDepthLimit
{
    public const int MaxDepth = 512;

    private static readonly HashSet<string> Uncounted =
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "option", "optgroup", "rp", "rt",
        "colgroup", "caption", "html", "head", "body",
    ];

    private static readonly string[] RawText = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

    /// <summary>Looking further down the open elements than this for the match of an end tag would make a page of stray end tags quadratic.</summary>
    private const int EndTagSearch = 64;

    public static string Apply(string html)
    {
        var open = new List<(string Name, bool Dropped)>();
        var drops = new List<Range>();
        var depth = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }
            var isEnd = i + 1 < html.Length && html[i + 1] == '/';
            var nameStart = i + (isEnd ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
                nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }
            var tagEnd = html.IndexOf('>', nameEnd);
            if (tagEnd < 0)
                break;
            var name = html[nameStart..nameEnd].ToLowerInvariant();
            var tag = new Range(i, tagEnd + 1);
            i = tagEnd + 1;
            if (!isEnd && Array.IndexOf(RawText, name) >= 0)
            {
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                continue;
            }
            if (Uncounted.Contains(name))
                continue;
            if (!isEnd)
            {
                if (html[tagEnd - 1] == '/')
                    continue;
                var dropped = depth >= MaxDepth;
                if (dropped)
                    drops.Add(tag);
                else
                    depth++;
                open.Add((name, dropped));
                continue;
            }
            var match = open.FindLastIndex(open.Count - 1, Math.Min(open.Count, EndTagSearch), e => e.Name == name);
            if (match < 0)
                continue;
            if (open[match].Dropped)
                drops.Add(tag);
            for (var k = match; k < open.Count; k++)
                if (!open[k].Dropped)
                    depth--;
            open.RemoveRange(match, open.Count - match);
        }
        return drops.Count == 0 ? html : Without(html, drops);
    }

    private static string Without(string html, List<Range> drops)
    {
        var builder = new System.Text.StringBuilder(html.Length);
        var from = 0;
        foreach (var drop in drops)
        {
            builder.Append(html, from, drop.Start.Value - from);
            from = drop.End.Value;
        }
        return builder.Append(html, from, html.Length - from).ToString();
    }
}
