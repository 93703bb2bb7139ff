using Almanac.Core;

namespace Almanac.Temporal.Tests;

public sealed class RuleExampleTests
{
    private static readonly TaggingContext News = new(HistoricalDate.OnDay(1998, 1, 8), AnchorMode.News);

    public static TheoryData<string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var rule in TemporalTagger.Default.Rules.Rules)
            foreach (var example in rule.Examples)
                data.Add(rule.Name, example.Text, example.Expected);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Tag_RuleExample_IsOneTimexWithExpectedValue(string rule, string text, string expected)
    {
        var timexes = TemporalTagger.Default.Tag(text, News);

        var timex = Assert.Single(timexes);
        Assert.True(timex.Start == 0 && timex.End == text.Length, $"{rule}: tagged '{timex.Text}' of '{text}'");
        ExpectedValue.Check(expected, timex);
    }

    [Fact]
    public void Rules_EveryRule_HasAnExample()
    {
        Assert.Empty(TemporalTagger.Default.Rules.Rules.Where(r => r.Examples.Count == 0).Select(r => r.Name));
    }
}
