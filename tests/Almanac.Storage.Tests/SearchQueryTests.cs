namespace Almanac.Storage.Tests;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("Voyager 11 lands on the Moon", "Voyager 11", true)]
    [InlineData("Fire in the cabin of Voyager 1", "Voyager 11", false)]
    [InlineData("The minicomputer PDP-11 goes on sale", "Voyager 11", false)]
    [InlineData("Strike at the Gdańsk shipyard", "gdansk strike", true)]
    [InlineData("The Berlin Wall begins to fall", "fall of the Berlin Wall", true)]
    [InlineData("Voyager 11 landed on the Moon", "Voyager 11 Moon landing", true)]
    [InlineData("A speech denounced the leader", "fall of the Berlin Wall", false)]
    public void IsAbout_TheQuerysNumbersAndHalfItsWords_MustBeWordsOfTheText(string text, string query, bool expected) =>
        Assert.Equal(expected, SearchQuery.IsAbout(text, query));

    [Fact]
    public void Fts5_FunctionWords_MatterOnlyInThePhrase()
    {
        var match = SearchQuery.Fts5("fall of the Berlin Wall", "title")!;

        Assert.Equal("\"fall of the berlin wall\"", match.Phrase);
        Assert.Equal("title : \"fall of the berlin wall\"", match.TitlePhrase);
        Assert.Equal("\"fall\" AND \"berlin\" AND \"wall\"", match.AllWords);
        Assert.Equal("\"fall\" OR \"berlin\" OR \"wall\"", match.AnyWord);
    }

    [Fact]
    public void TsQuery_Phrase_IsAdjacentWordsWithTheTitleWeightFirst()
    {
        var match = SearchQuery.TsQuery("Voyager 11")!;

        Assert.Equal("voyager:A <-> 11:A", match.TitlePhrase);
        Assert.Equal("voyager <-> 11", match.Phrase);
        Assert.Equal("voyager & 11", match.AllWords);
    }
}
