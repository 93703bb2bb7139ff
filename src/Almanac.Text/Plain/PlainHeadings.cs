using Almanac.Core;

namespace Almanac.Text.Plain;

/// <summary>
/// Plain text has no heading markup, so headings are recognised by shape once boilerplate is gone: a single short
/// line that does not end like a sentence ("The Aftermath of the Speech", "Jun 4"). A paragraph whose first line
/// has that shape and is followed by prose is split into the heading and the prose.
/// </summary>
internal static class PlainHeadings
{
    private const int MaxHeadingWords = 12;
    private const int MinProseWords = 20;

    public static IReadOnlyList<RawBlock> Promote(IReadOnlyList<RawBlock> blocks)
    {
        var result = new List<RawBlock>(blocks.Count);
        foreach (var block in blocks)
        {
            if (block.Kind != BlockKind.Paragraph)
            {
                result.Add(block);
                continue;
            }
            var newline = block.Text.IndexOf('\n');
            if (newline < 0)
            {
                result.Add(LooksLikeHeading(block.Text, allowQuestion: true) ? block with { Kind = BlockKind.Heading } : block);
                continue;
            }
            var first = block.Text[..newline];
            var rest = block.Text[(newline + 1)..].Trim();
            if (LooksLikeHeading(first, allowQuestion: false) && CountWords(rest) >= MinProseWords)
            {
                result.Add(new RawBlock(BlockKind.Heading, first.Trim()));
                result.Add(block with { Text = rest });
            }
            else
            {
                result.Add(block);
            }
        }
        return result;
    }

    private static bool LooksLikeHeading(string line, bool allowQuestion)
    {
        var text = line.Trim();
        if (text.Length == 0 || !(char.IsUpper(text[0]) || char.IsDigit(text[0]) || text[0] is '"' or '“' or '‘' or '\''))
            return false;
        if (CountWords(text) > MaxHeadingWords)
            return false;
        return text[^1] switch
        {
            '.' or ',' or ';' or '!' or '…' => false,
            '?' => allowQuestion,
            _ => true,
        };
    }

    private static int CountWords(string text) => Boilerplate.CueText.CountWords(text);
}
