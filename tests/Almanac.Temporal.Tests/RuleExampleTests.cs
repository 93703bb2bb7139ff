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
    public void Tag_RuleExample_IsTaggedWholeWithExpectedValue(string rule, string text, string expected)
    {
        // "[the year] ended March 31": the brackets mark the expected expression inside its context.
        var start = Math.Max(0, text.IndexOf('['));
        var plain = text.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
        var end = text.Contains(']', StringComparison.Ordinal) ? text.IndexOf(']') - 1 : plain.Length;

        var timexes = TemporalTagger.Default.Tag(plain, News);
        if (expected == "none")
        {
            // A negative example: nothing may be tagged over the marked words.
            Assert.DoesNotContain(timexes, t => t.Start < end && start < t.End);
            return;
        }
        var timex = timexes.FirstOrDefault(t => t.Start == start);

        Assert.True(timex is not null && timex.End == end, $"{rule}: expected '{plain[start..end]}' tagged in '{plain}', got '{timex?.Text}'");
        ExpectedValue.Check(expected, timex!);
    }

    [Fact]
    public void Rules_EveryRule_HasAnExample()
    {
        Assert.Empty(TemporalTagger.Default.Rules.Rules.Where(r => r.Examples.Count == 0).Select(r => r.Name));
    }
}
