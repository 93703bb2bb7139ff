using FsCheck.Xunit;

namespace Almanac.Temporal.Tests;

public sealed class ParagraphReaderTests
{
    [Fact]
    public void Read_BlankLines_EndParagraphsAndStayWithThem()
    {
        var paragraphs = new ParagraphReader(new StringReader("One.\nStill one.\n\n  \nTwo.\n\nThree.")).Read().ToList();

        Assert.Equal([(0L, "One.\nStill one.\n\n  \n"), (20L, "Two.\n\n"), (26L, "Three.")], paragraphs);
    }

    [Fact]
    public void Read_ParagraphOverTheLimit_IsCutAtItsLastLineBreakOrSpace()
    {
        var paragraphs = new ParagraphReader(new StringReader("aaa bbb\nccc ddd eee"), maxParagraph: 10).Read().Select(p => p.Text).ToList();

        Assert.Equal(["aaa bbb\n", "ccc ddd ", "eee"], paragraphs);
    }

    [Property]
    public bool Read_AnyText_PiecesPutTogetherAreTheTextAtTheirOffsets(string? text, byte limit)
    {
        text ??= "";
        var paragraphs = new ParagraphReader(new StringReader(text), maxParagraph: limit % 40 + 2).Read().ToList();
        return string.Concat(paragraphs.Select(p => p.Text)) == text
            && paragraphs.All(p => text.AsSpan((int)p.Offset, p.Text.Length).SequenceEqual(p.Text));
    }

    [Fact]
    public void TagParagraphs_LongNarrative_GivesTheTagsOfTheWholeText()
    {
        // The narrative anchor set in one paragraph resolves "In June" several paragraphs later.
        var text = string.Concat(Enumerable.Repeat("The army landed on 1 March 1815.\n\nIn June it was beaten, a year after the treaty.\n\n", 50));

        var whole = TemporalTagger.Default.Tag(text, new TaggingContext());
        var streamed = TemporalTagger.Default.TagParagraphs(new StringReader(text), new TaggingContext(), maxParagraph: 64)
            .SelectMany(p => p.Timexes.Select(t => (Start: p.Offset + t.Start, t.Text, t.Value)));

        Assert.Equal(whole.Select(t => ((long)t.Start, t.Text, t.Value)), streamed);
    }
}
