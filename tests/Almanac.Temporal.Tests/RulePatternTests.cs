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
            var tiered = new RulePattern(rule.Name, rule.Pattern.ToString(), RuleSet.PatternOptions, RuleSet.MatchTimeout, triesBeforeCompiling: 1);
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
        var pattern = new RulePattern("year", @"\G(?<year>\d{4})", RuleSet.PatternOptions, RuleSet.MatchTimeout, triesBeforeCompiling: 3);

        pattern.Match("in 1956", 3);
        pattern.Match("in 1956", 3);

        Assert.False(pattern.IsCompiled);
        Assert.Equal("1956", pattern.Match("in 1956", 3).Groups["year"].Value);
    }

    [Fact]
    public void GroupNames_OfEveryRule_AreTheGroupsTheBuiltRegexHas()
    {
        foreach (var rule in TemporalTagger.Default.Rules.Rules)
            Assert.Equal(rule.Pattern.Regex.GetGroupNames().Where(g => g != "0").Order(), rule.Pattern.GroupNames.Order());
    }

    [Theory]
    [InlineData(@"\G(?<year>\d{4})(?'month'\d\d)", "year,month")]
    [InlineData(@"\G\(?<year>\d{4})", "")]
    [InlineData(@"\G\\(?<year>\d{4})", "year")]
    [InlineData(@"\G(?<=a)(?<!b)(?:c)(?<open-close>d)", "open")]
    public void GroupNames_ReadFromThePattern_SkipEscapedParenthesesAndLookbehinds(string pattern, string names)
    {
        var rulePattern = new RulePattern("test", pattern, RuleSet.PatternOptions, RuleSet.MatchTimeout);

        Assert.Equal(names, string.Join(",", rulePattern.GroupNames));
        Assert.False(rulePattern.IsBuilt);
    }

    [Fact]
    public void Match_InvalidPattern_FailsNamingTheRule()
    {
        var pattern = new RulePattern("broken.rule", @"\G(?<year>\d{4}", RuleSet.PatternOptions, RuleSet.MatchTimeout);

        var error = Assert.Throws<InvalidDataException>(() => pattern.Match("1956", 0));

        Assert.Contains("broken.rule", error.Message);
    }

    [Fact]
    public void Load_BuildsNoPattern_UntilItsRuleIsTried()
    {
        var rules = RuleSet.LoadEmbedded();
        var tagger = new TemporalTagger(rules);

        Assert.DoesNotContain(rules.Rules, r => r.Pattern.IsBuilt);
        tagger.Tag("It happened on 4 June 1989.", new TaggingContext());
        Assert.Contains(rules.Rules, r => r.Pattern.IsBuilt);
        Assert.Contains(rules.Rules, r => !r.Pattern.IsBuilt);
    }

    private static string Describe(Match match) =>
        match.Success ? $"{match.Index}+{match.Length}: " + string.Join(", ", match.Groups.Values.Where(g => g.Success).Select(g => $"{g.Name}={g.Value}")) : "no match";
}
