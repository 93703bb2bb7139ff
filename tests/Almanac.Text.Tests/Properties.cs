using Almanac.Core;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almanac.Text.Tests;

/// <summary>Invariants that hold for any input, checked on generated text that is dense in the tricky characters.</summary>
public class Properties
{
    private static readonly string[] Fragments =
    [
        "Feb.", "e.g.", "U.S.", "St.", "c.", "S.", "No.", "1956", "24–25", "word", "Word", "khrushchev", " ", " ", "  ",
        "\n", "\n\n", "\r\n", "\t", ".", ". ", "? ", "! ", "…", "...", "(", ")", "[", "]", "“", "”", "’", "\"", "'",
        "•", "* ", "- ", "1. ", "#", "**", "_", "`", "[a](b)", "<b>", "</b>", "<", ">", "&amp;", "&", "©", "\u00A0",
        "\u200B", "\uD83D\uDEA9", "\uD800", "Comments", "Popular Posts", "Home", "Subscribe https://x.y",
    ];

    private static Arbitrary<string> Soup() =>
        Gen.Elements(Fragments).ListOf().Select(parts => string.Concat(parts)).ToArbitrary();

    private static Arbitrary<ReadDocument> Documents() =>
        Gen.Zip(Gen.Elements(BlockKind.Heading, BlockKind.Paragraph, BlockKind.ListItem), Soup().Generator)
            .Select(pair => new TextBlock(pair.Item1, pair.Item2))
            .ListOf()
            .Select(blocks => new ReadDocument("a.txt", "t", blocks.ToList()))
            .ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Split_AnyDocument_SentencesAreOrderedDisjointAndExact() =>
        Prop.ForAll(Documents(), document =>
        {
            var text = document.Text;
            var previousEnd = 0;
            foreach (var sentence in Segmenter.Split(document))
            {
                if (sentence.Start < previousEnd || sentence.End <= sentence.Start || sentence.End > text.Length)
                    return false;
                if (sentence.Text != text[sentence.Start..sentence.End] || sentence.Text.Trim() != sentence.Text)
                    return false;
                if (document.Blocks[sentence.BlockIndex].Kind != sentence.BlockKind)
                    return false;
                previousEnd = sentence.End;
            }
            return true;
        });

    [Property(MaxTest = 500)]
    public Property Read_AnySoup_NeverThrowsAndSentencesHold() =>
        Prop.ForAll(Soup(), Gen.Elements("a.txt", "a.md", "a.html").ToArbitrary(), (text, path) =>
        {
            var result = DocumentReader.Read(path, System.Text.Encoding.UTF8.GetBytes(text));
            if (result.IsSuccess)
            {
                var document = result.Document;
                return document.Blocks.All(b => b.Text.Length > 0)
                    && Segmenter.Split(document).All(s => s.Text == document.Text[s.Start..s.End]);
            }
            return result.Failure.Reason.Length > 0;
        });

    [Property(MaxTest = 1000)]
    public bool Read_ArbitraryBytes_NeverThrows(byte[]? content, bool html)
    {
        var result = DocumentReader.Read(html ? "a.html" : "a.txt", content ?? []);
        return result.IsSuccess ? result.Document.Blocks.Count > 0 : result.Failure.Reason.Length > 0;
    }
}
