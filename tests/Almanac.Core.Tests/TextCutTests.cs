using System.Globalization;
using Almanac.Core;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almanac.Core.Tests;

public sealed class TextCutTests
{
    [Fact]
    public void AtWord_ShortText_IsUnchanged() => Assert.Equal("The Berlin Wall falls", TextCut.AtWord("The Berlin Wall falls", 40));

    [Fact]
    public void AtWord_Sentence_CutsAtTheLastSpaceThatFits() =>
        Assert.Equal("The Berlin Wall…", TextCut.AtWord("The Berlin Wall falls, and crowds cross", 20));

    [Fact]
    public void AtWord_TextWithoutSpace_CutsInsideTheToken()
    {
        var cut = TextCut.AtWord(new string('a', 5_000_000) + " On 4 June 1956", 120);
        Assert.Equal(new string('a', 119) + "…", cut);
    }

    [Fact]
    public void AtWord_OneLongTokenAfterAShortWord_KeepsMostOfTheToken()
    {
        var cut = TextCut.AtWord("On " + new string('x', 500), 100);
        Assert.Equal(100, cut.Length);
        Assert.StartsWith("On xxx", cut);
    }

    [Fact]
    public void AtWord_SurrogatePairAtTheCut_StaysWhole()
    {
        var text = new string('a', 8) + "😀😀😀";
        var cut = TextCut.AtWord(text, 10);
        Assert.Equal(new string('a', 8) + "…", cut);
        Assert.False(char.IsHighSurrogate(cut[^2]));
    }

    [Fact]
    public void AtWord_CombiningMarksAtTheCut_StayWithTheirLetter()
    {
        var text = "abcde" + "e\u0301\u0323" + "fghij";
        var cut = TextCut.AtWord(text, 8);
        Assert.Equal("abcde…", cut);
    }

    [Property(MaxTest = 2000)]
    public Property AtWord_AnyText_FitsAndCutsOnlyBetweenTextElements() =>
        Prop.ForAll(AnyUnicode(), Gen.Choose(2, 60).ToArbitrary(), (text, max) =>
        {
            var cut = TextCut.AtWord(text, max);
            if (cut == text)
                return text.Length <= max;
            var kept = cut[..^TextCut.Ellipsis.Length];
            var boundaries = StringInfo.ParseCombiningCharacters(text).Append(text.Length).ToHashSet();
            return cut.Length <= max && text.StartsWith(kept, StringComparison.Ordinal) && boundaries.Contains(kept.Length);
        });

    [Property(MaxTest = 2000)]
    public Property ElementBoundaryAtOrBefore_AnyLimit_IsTheBoundaryAFullWalkFinds() =>
        Prop.ForAll(AnyUnicode(), Gen.Choose(0, 80).ToArbitrary(), (text, limit) =>
        {
            var boundaries = StringInfo.ParseCombiningCharacters(text).Append(text.Length).ToList();
            var expected = boundaries.Where(b => b <= Math.Min(limit, text.Length)).DefaultIfEmpty(0).Max();
            return TextCut.ElementBoundaryAtOrBefore(text, limit) == expected;
        });

    [Fact]
    public void Window_LongSentence_KeepsTheDateWithWholeWordsAround()
    {
        var text = string.Concat(Enumerable.Repeat("word ", 2000)) + "On 4 June 1956 the speech was published." + string.Concat(Enumerable.Repeat(" word", 2000));
        var focus = text.IndexOf("4 June 1956", StringComparison.Ordinal);
        var (start, end) = TextCut.Window(text, 0, text.Length, focus, focus + "4 June 1956".Length, 200);
        var window = text[start..end];
        Assert.True(window.Length <= 200, window.Length.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("On 4 June 1956 the speech was published.", window, StringComparison.Ordinal);
        Assert.StartsWith("word", window, StringComparison.Ordinal);
        Assert.EndsWith("word", window, StringComparison.Ordinal);
    }

    [Fact]
    public void Window_OneGiantToken_CutsBetweenTextElementsAroundTheDate()
    {
        var text = string.Concat(Enumerable.Repeat("e\u0301", 100_000)) + " 4 June 1956";
        var focus = text.IndexOf("4 June", StringComparison.Ordinal);
        var (start, end) = TextCut.Window(text, 0, text.Length, focus, text.Length, 101);
        Assert.Equal(text.Length, end);
        Assert.Equal(0, (focus - start - 1) % 2);
    }

    /// <summary>Text mixing letters, spaces, punctuation, surrogate pairs and combining marks.</summary>
    private static Arbitrary<string> AnyUnicode() =>
        Gen.Elements("a", "Z", " ", ",", ";", "😀", "\u0301", "e\u0301", "中", "\u200D", "🇫🇷", "-", ".")
            .ListOf().Select(parts => string.Concat(parts)).ToArbitrary();
}
