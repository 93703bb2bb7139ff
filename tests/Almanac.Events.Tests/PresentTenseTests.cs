using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almanac.Events.Tests;

/// <summary>Almanac lines in the present: the cases of Cases/present-tense.txt, and what must hold for any line.</summary>
public sealed class PresentTenseTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Cases", "present-tense.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var parts = line.Split(" => ");
            data.Add(parts[0], parts[1]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_SourceLine_IsTheAlmanacLine(string source, string expected) =>
        Assert.Equal(expected, source.StartsWith(TitleMark, StringComparison.Ordinal) ? PresentTense.Of(source[TitleMark.Length..], asTitle: true) : PresentTense.Of(source));

    private const string TitleMark = "[title] ";

    [Theory]
    [InlineData("assassinated", "assassinate")]
    [InlineData("assassinates", "assassinate")]
    [InlineData("carried", "carry")]
    [InlineData("stopped", "stop")]
    [InlineData("marches", "march")]
    [InlineData("fell", "fall")]
    [InlineData("fallen", "fall")]
    [InlineData("was", "be")]
    [InlineData("Moon", "moon")]
    public void BaseOf_AnyFormOfAKnownVerb_IsItsBase(string form, string expected) => Assert.Equal(expected, VerbForms.BaseOf(form));

    private static readonly string[] Vocabulary =
    [
        "Caesar", "the", "army", "was", "were", "fell", "signed", "and", "by", "who", ",", "\"", "“", "”", "troops", "Lincoln", "after",
        "had", "crossed", "river", "of", "(", ")", "landed", "it", "they", "Beatles", "wall", "is", "falls", "assassinated", "1815",
    ];

    private static Arbitrary<string> Lines() =>
        Gen.Elements(Vocabulary).ListOf().Select(words => string.Join(" ", words)).ToArbitrary();

    [Property]
    public Property Of_AnyLine_NeverGainsAFault() =>
        Prop.ForAll(Lines(), line => HeadlineChecks.Faults(PresentTense.Of(line)).Count <= HeadlineChecks.Faults(line).Count);

    [Property]
    public Property Of_AnyLine_ChangesOnlyTheTenseOfLowerCaseVerbs() =>
        Prop.ForAll(Lines(), line =>
        {
            var before = Words.Split(line);
            var after = Words.Split(PresentTense.Of(line));
            return before.Count == after.Count && before.Zip(after).All(p => p.First.Text == p.Second.Text
                || (!p.First.IsCapitalized && VerbForms.BaseOf(p.First.Text) == VerbForms.BaseOf(p.Second.Text)));
        });

    [Property]
    public Property Of_LineWithAQuotation_KeepsTheQuotation() =>
        Prop.ForAll(Lines(), Lines(), Lines(), (before, quotation, after) =>
        {
            var quoted = "“" + quotation.Replace("”", "", StringComparison.Ordinal).Replace("“", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal) + "”";
            var line = before.Replace("“", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal) + " " + quoted + " " + after;
            return PresentTense.Of(line).Contains(quoted, StringComparison.Ordinal);
        });
}
