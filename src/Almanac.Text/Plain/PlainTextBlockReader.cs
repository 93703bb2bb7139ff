using System.Text;
using Almanac.Core;

namespace Almanac.Text.Plain;

/// <summary>
/// Turns plain text into blocks. Paragraphs are separated by blank lines; a line starting with a
/// bullet ("•", "*", "-", "+", "–", "1.", "2)") starts a list item; an indented line after a list item continues
/// it (Markdown has its own reader, <see cref="MarkdownBlockReader"/>).
/// Hard-wrapped paragraphs (every line but the last about equally long) are unwrapped so a sentence that runs
/// over a line break stays one sentence.
/// </summary>
internal static class PlainTextBlockReader
{
    public static IReadOnlyList<RawBlock> Read(string text)
    {
        var blocks = new List<RawBlock>();
        var lines = new List<string>();
        var kind = BlockKind.Paragraph;

        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = CleanLine(rawLine);
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                Flush();
                continue;
            }
            if (BulletLength(trimmed) is > 0 and var bullet)
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
            var clean = blockText.Trim();
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

    /// <summary>
    /// Joins the lines of a hard-wrapped paragraph with spaces; keeps line breaks where lines are of their own
    /// (a poem, an address, "1961 – …" lines of a day page, which mostly start with a number), because there a
    /// break is a boundary.
    /// </summary>
    internal static string Unwrap(IReadOnlyList<string> lines)
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
