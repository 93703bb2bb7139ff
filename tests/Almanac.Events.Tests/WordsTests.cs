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

    // Words each rule of Keywords cuts: stop words in any case, possessives, numbers, short words, plurals of every stem.
    private static readonly Gen<string> Sentences = Gen.Elements("The", "of", "AND", "speeches", "Purges", "cities", "ties", "bus", "class", "King's",
            "Khrushchev’s", "IT’S", "1956", "1950s", "x2", "ox", "USSR", "İstanbul", "anti-Stalin", "Ünited", "-", " ", ", ", "'")
        .ListOf().Select(parts => string.Concat(parts));

    [Property(MaxTest = 300)]
    public Property Keywords_AnyText_AreItsWordsNormalizedWithoutStopWordsNumbersOrShortWordsThenStemmed() =>
        Prop.ForAll(Sentences.ToArbitrary(), text => Words.Keywords(text).SequenceEqual(Words.Split(text)
            .Select(w => Words.Normalize(w.Text))
            .Where(w => w.Length > 2 && !Lexicon.StopWords.Contains(w) && !w.All(char.IsAsciiDigit))
            .Select(Stemmed)));

    /// <summary>The plural stemmer's rules, written out on strings.</summary>
    private static string Stemmed(string word) =>
        word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.Length > 4 && (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("sses", StringComparison.Ordinal)) ? word[..^2]
        : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) ? word[..^1]
        : word;

    [Fact]
    public void Keywords_Sentence_AreItsContentWordsLowerCasedAndSingular()
    {
        Assert.Equal(["khrushchev", "anti-stalin", "speech", "purge", "city", "class", "bus"],
            Words.Keywords("Khrushchev’s anti-Stalin speeches of 1956, the purges, the cities, the class and the bus"));
    }

    [Fact]
    public void Split_Sentence_GivesItsWordsWithInnerApostrophesAndHyphens()
    {
        Assert.Equal(["Khrushchev’s", "anti-Stalin", "speech", "1956"], Words.Split("Khrushchev’s anti-Stalin speech, (1956)-").Select(w => w.Text));
        Assert.Equal(4, Words.Count("Khrushchev’s anti-Stalin speech, (1956)-"));
    }
}
