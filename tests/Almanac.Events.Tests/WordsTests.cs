using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almanac.Events.Tests;

public sealed class WordsTests
{
    // Letters, digits, the joiners a word may hold inside it, and what parts words: every case of the scanner.
    private static readonly Gen<string> Texts = Gen.Elements("a", "Z", "é", "7", "'", "’", "-", " ", ",", ".", "\n", "́", "😀")
        .ListOf().Select(parts => string.Concat(parts));

    [Property(MaxTest = 300)]
    public Property Count_AnySpanOfAnyText_IsHowManyWordsSplitFindsInThatSpanCutOut() =>
        Prop.ForAll(Texts.ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (text, a, b) =>
        {
            var (start, end) = (Math.Min(a, b) * text.Length / 100, Math.Max(a, b) * text.Length / 100);
            var split = Words.Split(text, start, end);
            return Words.Count(text, start, end) == split.Count
                && split.Select(w => (w.Start - start, w.Text)).SequenceEqual(Words.Split(text[start..end]).Select(w => (w.Start, w.Text)))
                && Words.Count(text) == Words.Split(text).Count;
        });

    [Fact]
    public void Split_Sentence_GivesItsWordsWithInnerApostrophesAndHyphens()
    {
        Assert.Equal(["Khrushchev’s", "anti-Stalin", "speech", "1956"], Words.Split("Khrushchev’s anti-Stalin speech, (1956)-").Select(w => w.Text));
        Assert.Equal(4, Words.Count("Khrushchev’s anti-Stalin speech, (1956)-"));
    }
}
