namespace Almanac.Temporal.Tests;

public sealed class TemporalTaggerSeedTests
{
    public static TheoryData<SeedCase> Cases() => new(SeedCase.Load());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tag_SeedSentence_GivesExpectedValue(SeedCase @case)
    {
        var text = SeedCase.ReadSeed(@case.Seed);
        var timexes = TemporalTagger.Default.Tag(text, new TaggingContext(null, AnchorMode.Narrative));

        var timex = timexes.FirstOrDefault(t => t.Text == @case.Expression);

        Assert.True(timex is not null, $"'{@case.Expression}' not tagged; tagged: {string.Join(", ", timexes.Select(t => t.Text))}");
        ExpectedValue.Check(@case.Expected, timex);
    }

    [Fact]
    public void Tag_MonthWithoutYearAfterDatedParagraph_AnchorsOnNarrativeYear()
    {
        var timexes = TemporalTagger.Default.Tag("The congress met on February 25, 1956. The text leaked in March.", new TaggingContext());

        Assert.Equal("1956-03", timexes.Single(t => t.Text == "March").Value);
    }

    [Fact]
    public void Tag_NewsMode_AnchorsOnDocumentDateNotNarrative()
    {
        var context = new TaggingContext(Almanac.Core.HistoricalDate.OnDay(1998, 1, 8), AnchorMode.News);

        var timexes = TemporalTagger.Default.Tag("He recalled June 4, 1956. Prices rose last year.", context);

        Assert.Equal("1997", timexes.Single(t => t.Text == "last year").Value);
    }
}
