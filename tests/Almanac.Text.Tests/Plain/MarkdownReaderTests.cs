using System.Diagnostics;
using Almanac.Core;

namespace Almanac.Text.Tests.Plain;

public class MarkdownReaderTests
{
    [Fact]
    public void DayPageInMarkdown_ListItemsWithLinkedYears_AreLinesOfText_AndANestedListsItemsBlocksOfTheirOwn()
    {
        var document = Reading.Document("05-01.md",
            "# May 1\n\n## Events\n\n- [1707](https://example.org/1707) – The Acts of Union take *effect*.\n- 1931 – A tower opens:\n  - its first visitors arrive.\n\n| Year | Event |\n|---|---|\n| 1945 | A city falls. |\n");
        Assert.Equal(
            [
                new TextBlock(BlockKind.Heading, "May 1"),
                new TextBlock(BlockKind.Heading, "Events"),
                new TextBlock(BlockKind.ListItem, "1707 – The Acts of Union take effect."),
                new TextBlock(BlockKind.ListItem, "1931 – A tower opens:"),
                new TextBlock(BlockKind.ListItem, "its first visitors arrive."),
                new TextBlock(BlockKind.Paragraph, "Year | Event"),
                new TextBlock(BlockKind.Paragraph, "1945 | A city falls."),
            ],
            document.Blocks);
    }

    [Theory]
    [InlineData(">", 100_000)]
    [InlineData("[", 100_000)]
    [InlineData("*", 100_000)]
    [InlineData("- ", 20_000)]
    [InlineData("  - a\n", 20_000)]
    [InlineData("<b>", 50_000)]
    public void HostileMarkdown_IsReadInBoundedTime(string piece, int count)
    {
        var watch = Stopwatch.StartNew();
        var result = DocumentReader.Read("hostile.md", System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(piece, count)) + " 1956 text"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed}");
        Assert.True(result.IsSuccess || result.Failure.Reason.Length > 0);
    }
}
