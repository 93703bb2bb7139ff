namespace Almanac.Core.Tests;

public sealed class NumberWordsTests
{
    [Theory]
    [InlineData("10", 10)]
    [InlineData("Ten", 10)]
    [InlineData("a", 1)]
    [InlineData("Twenty-five", 25)]
    [InlineData("twenty four", 24)]
    [InlineData("Seventy-five", 75)]
    [InlineData("One hundred", 100)]
    [InlineData("a hundred", 100)]
    [InlineData("three hundred", 300)]
    public void Parse_CountAsWrittenInADateOrASpan_IsItsNumber(string text, int expected) => Assert.Equal(expected, NumberWords.Parse(text));

    [Theory]
    [InlineData("several")]
    [InlineData("a dozen")]
    [InlineData("twenty a")]
    [InlineData("ten four")]
    [InlineData("")]
    public void Parse_NoWholeNumber_IsNull(string text) => Assert.Null(NumberWords.Parse(text));
}
