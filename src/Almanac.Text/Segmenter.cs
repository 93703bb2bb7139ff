using Almanac.Core;
using Almanac.Text.Segmentation;

namespace Almanac.Text;

/// <summary>
/// Splits a document into sentences with offsets into <see cref="ReadDocument.Text"/>. A sentence never crosses
/// a block; a heading is one sentence; abbreviations ("Feb.", "e.g.", "St.", "Nikita S. Khrushchev", "c. 1450",
/// "U.S.") do not end a sentence, so a date like "(Feb. 24–25, 1956)" stays whole.
/// </summary>
public static class Segmenter
{
    public static IReadOnlyList<Sentence> Split(ReadDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var sentences = new List<Sentence>();
        var offset = 0;
        for (var index = 0; index < document.Blocks.Count; index++)
        {
            var block = document.Blocks[index];
            var end = offset + block.Text.Length;
            var spans = block.Kind == BlockKind.Heading
                ? Trimmed(text, offset, end)
                : SentenceSplitter.Split(text, offset, end, Abbreviations.Default);
            foreach (var (start, stop) in spans)
                sentences.Add(new Sentence(start, stop, text[start..stop], index, block.Kind));
            offset = end + 2; // the "\n\n" that ReadDocument.Text puts between blocks
        }
        return sentences;
    }

    private static List<(int, int)> Trimmed(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        return end > start ? [(start, end)] : [];
    }
}
