using Almanac.TestSupport;

namespace Almanac.Curation.Tests;

public sealed class ThoughtTests
{
    [Fact]
    public void Thought_InTheNewsletterSeed_IsTheQuotationAndItsAuthor()
    {
        var newsletter = SharedFolder.Seed("000");
        var thought = Thought.Find("000", File.ReadAllText(newsletter));
        Assert.NotNull(thought);
        Assert.StartsWith("Any fool can start a war", thought.Quotation);
        Assert.Equal("Nikita Khrushchev", thought.Author);
    }

    [Fact]
    public void Thought_WithoutTheCue_IsNone() => Assert.Null(Thought.Find("x", "On this Day:\n\nNothing to quote."));
}
