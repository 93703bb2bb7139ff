using Almanac.Core;

namespace Almanac.Core.Tests;

public sealed class HeadingPartsTests
{
    [Theory]
    [InlineData("Napoleon crowned emperor | December 2, 1804 | HISTORY", new[] { "Napoleon crowned emperor", "December 2, 1804", "HISTORY" })]
    [InlineData("Secret Speech of 1956: A Turning Point", new[] { "Secret Speech of 1956", "A Turning Point" })]
    [InlineData("December 2 – This Day in History", new[] { "December 2", "This Day in History" })]
    [InlineData("Stalemate (July 1951 - July 1953)", new[] { "Stalemate (July 1951 - July 1953)" })]
    [InlineData("The war of 1812 – 1815 - Almanac", new[] { "The war of 1812 – 1815", "Almanac" })]
    [InlineData("Jean-Paul Sartre", new[] { "Jean-Paul Sartre" })]
    [InlineData(" | December 2 | ", new[] { "December 2" })]
    public void Of_SplitsAtTheSeparatorsOfATitle_ButNotInsideARange(string heading, string[] parts) =>
        Assert.Equal(parts, HeadingParts.Of(heading));
}
