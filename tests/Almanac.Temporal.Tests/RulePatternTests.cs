using System.Text.RegularExpressions;
using Almanac.Temporal.Rules;

namespace Almanac.Temporal.Tests;

public sealed class RulePatternTests
{
    [Fact]
    public void Match_OnceCompiled_FindsWhatTheInterpretedPatternFinds()
    {
        foreach (var rule in TemporalTagger.Default.Rules.Rules)
        {
            var interpreted = new Regex(rule.Pattern.ToString(), RuleSet.PatternOptions);
            var tiered = new RulePattern(rule.Pattern.ToString(), RuleSet.PatternOptions, RuleSet.MatchTimeout, triesBeforeCompiling: 1);
            tiered.Match("", 0);
            Assert.True(SpinWait.SpinUntil(() => tiered.IsCompiled, TimeSpan.FromMinutes(1)), $"{rule.Name} was not compiled");

            foreach (var text in rule.Examples.Select(e => e.Text.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal)))
                for (var start = 0; start <= text.Length; start++)
                    Assert.Equal(Describe(interpreted.Match(text, start)), Describe(tiered.Match(text, start)));
        }
    }

    [Fact]
    public void Match_BeforeItsTries_StaysInterpreted()
    {
        var pattern = new RulePattern(@"\G(?<year>\d{4})", RuleSet.PatternOptions, RuleSet.MatchTimeout, triesBeforeCompiling: 3);

        pattern.Match("in 1956", 3);
        pattern.Match("in 1956", 3);

        Assert.False(pattern.IsCompiled);
        Assert.Equal("1956", pattern.Match("in 1956", 3).Groups["year"].Value);
    }

    private static string Describe(Match match) =>
        match.Success ? $"{match.Index}+{match.Length}: " + string.Join(", ", match.Groups.Values.Where(g => g.Success).Select(g => $"{g.Name}={g.Value}")) : "no match";
}
