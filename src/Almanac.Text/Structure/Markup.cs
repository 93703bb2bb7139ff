using System.Text.RegularExpressions;

namespace Almanac.Text.Structure;

/// <summary>
/// HTML tags left in a page's text (a page's source shown as text, a copy that kept its markup): a line is read
/// by what it would show, "&lt;li&gt;&lt;a href=…&gt;43 BC&lt;/a&gt; – …" as "43 BC – …".
/// </summary>
internal static partial class Markup
{
    public static string Without(string line) =>
        line.Contains('<', StringComparison.Ordinal) ? Tag().Replace(line, "") : line;

    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>", RegexOptions.NonBacktracking)]
    private static partial Regex Tag();
}
