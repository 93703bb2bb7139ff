using System.Text;

namespace Almanac.Curation.Markup;

/// <summary>Document text made inert in Markdown: every character Markdown or the HTML it may carry would read as syntax is escaped, on one line.</summary>
public static class MarkdownEscape
{
    public static string Text(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '<')
                escaped.Append("&lt;");
            else if (c is '>')
                escaped.Append("&gt;");
            else if (c is '&')
                escaped.Append("&amp;");
            else
            {
                if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '!' or '|' or '~')
                    escaped.Append('\\');
                escaped.Append(c);
            }
        }
        return escaped.ToString();
    }
}
