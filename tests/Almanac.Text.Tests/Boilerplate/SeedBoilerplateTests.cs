using Almanac.Core;

namespace Almanac.Text.Tests.Boilerplate;

/// <summary>Boilerplate removal on the five real seed pages.</summary>
public class SeedBoilerplateTests
{
    [Theory]
    [InlineData("Popular Posts")]
    [InlineData("Subway Dogs of Moscow")]
    [InlineData("Skip to main content")]
    [InlineData("Questions and Answers")]
    [InlineData("Browse: Home")]
    [InlineData("Leave a Reply")]
    [InlineData("Your email address will not be published")]
    [InlineData("Akismet")]
    [InlineData("Copyright")]
    [InlineData("Recent Comments")]
    [InlineData("Nazdrovia")]
    [InlineData("Reader Interactions")]
    public void Read_Seed001_DropsPageFurniture(string furniture)
    {
        var document = Seeds.Read("001");
        Assert.False(Seeds.HasBlockContaining(document, furniture), furniture);
    }

    [Fact]
    public void Read_Seed001_DropsTheReaderComment()
    {
        // The comment by Spellbound is user-generated text under "Reader Interactions"; comments produce no events.
        var document = Seeds.Read("001");
        Assert.False(Seeds.HasBlockContaining(document, "Spellbound"));
        Assert.False(Seeds.HasBlockContaining(document, "triumvirate of Malenkov"));
    }

    [Fact]
    public void Read_Seed001_KeepsQuestionAndAnswer()
    {
        var document = Seeds.Read("001");
        Assert.True(Seeds.HasBlockContaining(document, "Question by Tori Frost"));
        Assert.True(Seeds.HasBlockContaining(document, "Answer by Mac"));
        Assert.True(Seeds.HasBlockContaining(document, "(Feb. 24–25, 1956), in Russian history"));
        Assert.True(Seeds.HasBlockContaining(document, "revolts against the Stalinist regimes (1956)"));
        Assert.Equal("What was khrushchev’s secret speech?", document.Title);
    }

    [Fact]
    public void Read_Seed000_KeepsOnThisDayAndDropsSignOff()
    {
        var document = Seeds.Read("000");
        Assert.True(Seeds.HasBlockContaining(document, "On June 4,1956, a ‘1956 ‘Secret speech’"));
        Assert.True(Seeds.HasBlockContaining(document, "Khrushchev himself was removed from power in 1964"));
        Assert.True(Seeds.HasBlockContaining(document, "Any fool can start a war"));
        Assert.False(Seeds.HasBlockContaining(document, "Subscribe"));
        Assert.False(Seeds.HasBlockContaining(document, "Facebook"));
        Assert.False(Seeds.HasBlockContaining(document, "©"));
        Assert.False(Seeds.HasBlockContaining(document, "Leave a Reply"));
        Assert.Equal("On this Day", document.Title);
    }

    [Fact]
    public void Read_Seed002_DropsClosedCommentsNotice()
    {
        var document = Seeds.Read("002");
        Assert.False(Seeds.HasBlockContaining(document, "Comments are closed"));
        Assert.True(Seeds.HasBlockContaining(document, "On February 24, 1956 before assembled delegates"));
        Assert.True(Seeds.HasBlockContaining(document, "to oust him in June 1957."));
    }

    [Fact]
    public void Read_Seed003_CutsPromotionAndDropsRelatedAndBackToTop()
    {
        var document = Seeds.Read("003");
        Assert.False(Seeds.HasBlockContaining(document, "Subscribe for more history videos"));
        Assert.False(Seeds.HasBlockContaining(document, "youtube.com"));
        Assert.False(Seeds.HasBlockContaining(document, "Related Articles"));
        Assert.False(Seeds.HasBlockContaining(document, "Back to top"));
        Assert.True(Seeds.HasBlockContaining(document, "February 25th, 1956 The Cold War When Stalin died in 1953"));
        Assert.EndsWith("which was a choice that was Stalinist style.", document.Blocks[^1].Text);
    }

    [Theory]
    [InlineData("The Significance of Khrushchev's Secret Speech")]
    [InlineData("The Content of Khrushchev's Secret Speech")]
    [InlineData("The Aftermath of the Speech")]
    [InlineData("The Cultural Impact of Khrushchev's Secret Speech")]
    [InlineData("Fun Fact")]
    [InlineData("Recommended Reading on Khrushchev’s Legacy")]
    public void Read_Seed004_KeepsSectionHeadings(string heading)
    {
        var document = Seeds.Read("004");
        Assert.Contains(document.Blocks, b => b.Kind == BlockKind.Heading && b.Text == heading);
    }

    [Fact]
    public void Read_Seed004_KeepsTheDayAndDropsBackLink()
    {
        var document = Seeds.Read("004");
        Assert.Contains(document.Blocks, b => b.Text.Split('\n').Contains("Jun 4"));
        Assert.DoesNotContain(document.Blocks, b => b.Text.Split('\n').Contains("Back"));
        Assert.True(Seeds.HasBlockContaining(document, "not officially released to the public until 1989"));
    }

    [Fact]
    public void Read_Seeds_HashIsSha256OfRawBytes()
    {
        var path = Seeds.PathOf("002");
        var result = DocumentReader.Read(path);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
        Assert.Equal(expected, result.ContentHash);
    }
}
