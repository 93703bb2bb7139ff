using System.Text;
using Almanac.Core;

namespace Almanac.Text.Plain;

/// <summary>
/// Turns plain text or Markdown into blocks. Paragraphs are separated by blank lines; a line starting with a
/// bullet ("•", "*", "-", "+", "–", "1.", "2)") starts a list item; an indented line after a list item continues
/// it. In Markdown, "#" lines and setext underlines are headings and inline markup is reduced to its text.
/// Hard-wrapped paragraphs (every line but the last about equally long) are unwrapped so a sentence that runs
/// over a line break stays one sentence.
/// </summary>
internal static class PlainTextBlockReader
{
    public static IReadOnlyList<RawBlock> Read(string text, bool markdown)
    {
        var blocks = new List<RawBlock>();
        var lines = new List<string>();
        var kind = BlockKind.Paragraph;
        var inFence = false;

        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = CleanLine(rawLine);
            var trimmed = line.Trim();
            if (markdown && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                // Code fences: the fence lines go, the code stays as plain paragraph text.
                Flush();
                inFence = !inFence;
                continue;
            }
            if (trimmed.Length == 0)
            {
                Flush();
                continue;
            }
            if (markdown && !inFence)
            {
                if (IsReferenceDefinition(trimmed))
                    continue;
                if (HeadingLevel(trimmed) is > 0 and var level)
                {
                    Flush();
                    Add(BlockKind.Heading, trimmed[level..].Trim().TrimEnd('#').Trim());
                    continue;
                }
                if (lines.Count > 0 && kind == BlockKind.Paragraph && IsSetextUnderline(trimmed))
                {
                    var heading = string.Join(' ', lines);
                    lines.Clear();
                    Add(BlockKind.Heading, heading);
                    continue;
                }
                if (IsThematicBreak(trimmed))
                {
                    Flush();
                    continue;
                }
                trimmed = StripQuoteMarkers(trimmed);
            }
            if (!inFence && BulletLength(trimmed) is > 0 and var bullet)
            {
                Flush();
                kind = BlockKind.ListItem;
                lines.Add(trimmed[bullet..].Trim());
                continue;
            }
            // A line that is not indented ends a list item: it starts a paragraph of its own.
            if (kind == BlockKind.ListItem && lines.Count > 0 && !char.IsWhiteSpace(line[0]))
                Flush();
            lines.Add(trimmed);
        }
        Flush();
        return blocks;

        void Flush()
        {
            if (lines.Count > 0)
                Add(kind, Unwrap(lines));
            lines.Clear();
            kind = BlockKind.Paragraph;
        }

        void Add(BlockKind blockKind, string blockText)
        {
            var clean = markdown ? MarkdownInline.ToText(blockText) : blockText;
            clean = clean.Trim();
            if (clean.Length > 0)
                blocks.Add(new RawBlock(blockKind, clean));
        }
    }

    private static string CleanLine(string line)
    {
        var builder = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (c == '\t' || c == '\u00A0')
                builder.Append(' ');
            else if (!TextCleaning.IsInvisible(c))
                builder.Append(c);
        }
        return builder.ToString().TrimEnd();
    }

    /// <summary>Length of the bullet marker and its space, or 0 when the line is not a list item.</summary>
    private static int BulletLength(string line)
    {
        if (line.Length >= 2 && line[0] is '•' or '*' or '-' or '+' or '–' or '·' or '▪' or '◦' && line[1] == ' ')
            return 2;
        if (line.Length == 1 && line[0] is '•')
            return 1;
        // "1." or "12)" — at most three digits, so a year ("1956. The year…") is not a list number.
        var digits = 0;
        while (digits < line.Length && digits < 4 && char.IsAsciiDigit(line[digits]))
            digits++;
        if (digits is >= 1 and <= 3 && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] == ' ')
            return digits + 2;
        return 0;
    }

    private static int HeadingLevel(string line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
            level++;
        return level is >= 1 and <= 6 && (level == line.Length || line[level] == ' ') ? level : 0;
    }

    private static bool IsSetextUnderline(string line) =>
        line.Length >= 2 && (line.All(c => c == '=') || line.All(c => c == '-'));

    private static bool IsThematicBreak(string line)
    {
        var marks = line.Where(c => c != ' ').ToArray();
        return marks.Length >= 3 && (marks.All(c => c == '-') || marks.All(c => c == '*') || marks.All(c => c == '_'));
    }

    private static bool IsReferenceDefinition(string line)
    {
        // "[label]: https://…" defines a link target; footnotes ("[^1]: …") are text and stay.
        var close = line.IndexOf("]:", StringComparison.Ordinal);
        return line.StartsWith('[') && close > 1 && !line.StartsWith("[^", StringComparison.Ordinal);
    }

    private static string StripQuoteMarkers(string line)
    {
        while (line.StartsWith('>'))
            line = line[1..].TrimStart();
        return line;
    }

    /// <summary>
    /// Joins the lines of a hard-wrapped paragraph with spaces; keeps line breaks where lines are of their own
    /// (a poem, an address, "1961 – …" lines of a day page, which mostly start with a number), because there a
    /// break is a boundary.
    /// </summary>
    private static string Unwrap(List<string> lines)
    {
        if (lines.Count < 3)
            return string.Join('\n', lines);
        var width = lines.Max(l => l.Length);
        var body = lines.Take(lines.Count - 1).ToList();
        var wrapped = width is >= 40 and <= 120
            && body.All(l => l.Length >= width * 0.7)
            && body.Count(EndsSentence) * 2 < body.Count
            && lines.Count(l => char.IsAsciiDigit(l[0])) * 2 < lines.Count;
        return string.Join(wrapped ? ' ' : '\n', lines);
    }

    private static bool EndsSentence(string line) => line[^1] is '.' or '!' or '?' or ':';
}
