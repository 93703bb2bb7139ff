using Almanac.Text.Structure;

namespace Almanac.Text.Tests.Structure;

public class DayPagePatternsTests
{
    public static TheoryData<string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var pattern in DayPagePatterns.Default.All)
            foreach (var example in pattern.Examples)
                data.Add(pattern.Role.ToString(), pattern.Name, example);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_MatchesItsPattern(string role, string name, string example)
    {
        var pattern = DayPagePatterns.Default.Named(Enum.Parse<PatternRole>(role), name);
        Assert.Matches(pattern.Regex, example);
    }

    [Fact]
    public void Parse_UnknownPiece_FailsNamingTheLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => DayPagePatterns.Parse([(7, "entry dash: {nosuch}(?<year>\\d+)"), (8, "example: 1961")]));
        Assert.Contains("line 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("{nosuch}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PatternWithoutExample_Fails()
    {
        var error = Assert.Throws<InvalidDataException>(() => DayPagePatterns.Parse([(3, "entry dash: (?<year>\\d+) – (?<text>.+)")]));
        Assert.Contains("no example", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EntryWithoutYearGroup_Fails()
    {
        var error = Assert.Throws<InvalidDataException>(() => DayPagePatterns.Parse([(3, "entry dash: \\d+ – (?<text>.+)"), (4, "example: 1961 – x")]));
        Assert.Contains("year", error.Message, StringComparison.Ordinal);
    }
}
