using Almanac.Core;

namespace Almanac.Text.Tests.Plain;

public class PlainTextReaderTests
{
    private const string Story =
        "On 25 February 1956 Nikita Khrushchev addressed a closed session of the Twentieth Party Congress and denounced Stalin.";

    [Fact]
    public void Read_BlankLines_SeparateParagraphs()
    {
        var document = Reading.Document("a.txt", $"{Story}\r\n\r\nSecond paragraph, about the thaw.\r\nIt goes on.\n");
        Assert.Equal(
            [new TextBlock(BlockKind.Paragraph, Story), new TextBlock(BlockKind.Paragraph, "Second paragraph, about the thaw.\nIt goes on.")],
            document.Blocks);
    }

    [Theory]
    [InlineData("• Poznań protests, June 1956", "Poznań protests, June 1956")]
    [InlineData("* Poznań protests, June 1956", "Poznań protests, June 1956")]
    [InlineData("- Poznań protests, June 1956", "Poznań protests, June 1956")]
    [InlineData("12. Poznań protests, June 1956", "Poznań protests, June 1956")]
    [InlineData("3) Poznań protests, June 1956", "Poznań protests, June 1956")]
    public void Read_BulletLine_IsListItemWithoutMarker(string line, string expected)
    {
        var document = Reading.Document("a.txt", $"{Story}\n\n{line}\n  continued here\n");
        Assert.Contains(new TextBlock(BlockKind.ListItem, expected + "\ncontinued here"), document.Blocks);
    }

    [Fact]
    public void Read_LineStartingWithYear_IsNotAListItem()
    {
        var document = Reading.Document("a.txt", "1956. The year of the secret speech and of the Hungarian uprising.");
        Assert.Equal(BlockKind.Paragraph, document.Blocks.Single().Kind);
        Assert.StartsWith("1956.", document.Blocks.Single().Text);
    }

    [Fact]
    public void Read_HardWrappedParagraph_IsUnwrapped()
    {
        const string text = """
            Khrushchev's secret speech, in denunciation of the deceased Soviet
            leader Joseph Stalin, was made by Nikita S. Khrushchev to a closed
            session of the 20th Congress of the Communist Party of the Soviet
            Union in February 1956.
            """;
        var document = Reading.Document("a.txt", text);
        Assert.DoesNotContain('\n', document.Blocks.Single().Text);
    }

    [Fact]
    public void Read_ShortLineBeforeProse_IsHeadingAndTitle()
    {
        var document = Reading.Document("a.txt", $"The Secret Speech\n\n{Story}");
        Assert.Equal(BlockKind.Heading, document.Blocks[0].Kind);
        Assert.Equal("The Secret Speech", document.Title);
    }

    [Fact]
    public void Read_Markdown_RemovesMarkupAndKeepsText()
    {
        const string markdown = """
            # The *Secret* Speech

            On **25 February 1956** [Khrushchev](https://en.wikipedia.org/wiki/Khrushchev) spoke to the
            `20th Congress` ![a photo](photo.jpg) for _four hours_ about snake_case things, see <https://example.org>.

            Setext heading
            --------------

            > A quoted line.

            - first *point*
            - second [point][ref]

            [ref]: https://example.org/ref
            """;
        var document = Reading.Document("notes.md", markdown);

        Assert.Equal("The Secret Speech", document.Title);
        Assert.Equal(
            [
                new TextBlock(BlockKind.Heading, "The Secret Speech"),
                new TextBlock(BlockKind.Paragraph,
                    "On 25 February 1956 Khrushchev spoke to the\n20th Congress a photo for four hours about snake_case things, see https://example.org."),
                new TextBlock(BlockKind.Heading, "Setext heading"),
                new TextBlock(BlockKind.Paragraph, "A quoted line."),
                new TextBlock(BlockKind.ListItem, "first point"),
                new TextBlock(BlockKind.ListItem, "second point"),
            ],
            document.Blocks);
    }

    [Fact]
    public void Read_TextBeforeMenu_IsDroppedWithTheMenu()
    {
        var text = $"Example Site\n\nThe best history digest\n\n• Home\n• Articles\n• About\n\n{Story}\n\nMore prose that is long enough to count as the content of the page, in a sentence.";
        var document = Reading.Document("a.txt", text);
        Assert.Equal(Story, document.Blocks[0].Text);
    }

    [Fact]
    public void Read_CommentsLinkBeforeContent_DoesNotEmptyTheDocument()
    {
        var document = Reading.Document("a.txt", $"Comments\n\n{Story} It was a turning point for the Soviet Union and its allies in Europe.");
        Assert.Contains(document.Blocks, b => b.Text.StartsWith("On 25 February 1956", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SidebarAfterContent_IsDroppedUntilProseResumes()
    {
        var prose = "The speech was read to party meetings across the country and leaked to the West within weeks, where it was printed in full.";
        var text = $"{Story} {prose}\n\nPopular Posts\n\nSubway Dogs of Moscow\n\nMy Favorite Russian Food\n\nCategories\n\n{prose}";
        var document = Reading.Document("a.txt", text);
        Assert.Equal(2, document.Blocks.Count);
        Assert.Equal(prose, document.Blocks[1].Text);
    }

    [Fact]
    public void Read_MenuBarLine_IsDropped()
    {
        var document = Reading.Document("a.txt", $"Texts     Images     Audio\n\n{Story}");
        Assert.Equal([Story], document.Blocks.Select(b => b.Text));
    }
}
