using Almanac.Temporal.Rules;

namespace Almanac.Temporal.Tests;

public sealed class RuleSetTests
{
    private static readonly Vocabulary Vocabulary = Vocabulary.Parse(new StringReader("[vocab month]\n01 = January | Jan\n"));

    [Fact]
    public void Load_UnknownReference_FailsNamingTheRule()
    {
        const string rules = "rule: broken.rule\nexample: January => 1998-01\nstarts: {month}\ntype: DATE\npattern: (?<month>{monthz})\n";

        var error = Assert.Throws<InvalidDataException>(() => RuleSet.Load(new StringReader(rules), Vocabulary));

        Assert.Contains("broken.rule", error.Message);
        Assert.Contains("monthz", error.Message);
    }

    [Fact]
    public void Load_UnknownGroup_FailsNamingTheRule()
    {
        const string rules = "rule: odd.group\nstarts: {month}\ntype: DATE\npattern: (?<monthly>{month})\n";

        var error = Assert.Throws<InvalidDataException>(() => RuleSet.Load(new StringReader(rules), Vocabulary));

        Assert.Contains("odd.group", error.Message);
        Assert.Contains("monthly", error.Message);
    }

    [Fact]
    public void Load_HolidayValueNamingNoDay_FailsNamingTheValue()
    {
        var vocabulary = Vocabulary.Parse(new StringReader("[vocab holiday]\n13/9/9 = Odd Day\n"));
        const string rules = "rule: holiday.only\nstarts: {holiday}\ntype: DATE\npattern: (?<holiday>{holiday})\n";

        var error = Assert.Throws<InvalidDataException>(() => RuleSet.Load(new StringReader(rules), vocabulary));

        Assert.Contains("13/9/9", error.Message);
    }

    [Fact]
    public void Load_ValidRule_IndexesItByStartWord()
    {
        const string rules = "rule: month.only\nstarts: {month}\ntype: DATE\npattern: (?<month>{month})\n";

        var set = RuleSet.Load(new StringReader(rules), Vocabulary);

        Assert.Equal("month.only", Assert.Single(set.Candidates("JAN", "4")).Name);
    }

    [Fact]
    public void Candidates_TwoWordStart_OnlyWhenTheSecondWordFollows()
    {
        const string rules = "rule: the.month\nstarts: the {month}\ntype: DATE\npattern: the\\s+(?<month>{month})\n";

        var set = RuleSet.Load(new StringReader(rules), Vocabulary);

        Assert.Single(set.Candidates("the", "January"));
        Assert.Empty(set.Candidates("the", "report"));
    }

    [Fact]
    public void Load_NeedsWordMissingFromAnExample_FailsNamingTheRule()
    {
        const string rules = "rule: needy.rule\nexample: January => 1998-01\nstarts: {month}\ntype: DATE\nneeds: century\npattern: (?<month>{month})\n";

        var error = Assert.Throws<InvalidDataException>(() => RuleSet.Load(new StringReader(rules), Vocabulary));

        Assert.Contains("needy.rule", error.Message);
        Assert.Contains("century", error.Message);
    }

    [Fact]
    public void Load_NeedsWordInEveryExample_KeepsTheWordsForThePrefilter()
    {
        const string rules = "rule: month.year\nexample: Jan 1998 => 1998-01\nstarts: {month}\ntype: DATE\nneeds: 19 | 20\npattern: (?<month>{month})\\s+(?<year>(?:19|20)[0-9]{2})\n";

        var rule = Assert.Single(RuleSet.Load(new StringReader(rules), Vocabulary).Rules);

        Assert.NotNull(rule.Needs);
        Assert.True("in Jan 1998".AsSpan().ContainsAny(rule.Needs));
    }
}
