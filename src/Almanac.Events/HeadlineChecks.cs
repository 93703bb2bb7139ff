namespace Almanac.Events;

/// <summary>What can be wrong with an on-this-day headline, as a reader would notice it.</summary>
public enum HeadlineFault
{
    Empty,
    /// <summary>Starts with a pronoun, conjunction or connective that refers to text the reader does not see.</summary>
    DanglingStart,
    /// <summary>A clause piece: no verb, a lower-case or bracket start, or brackets that do not pair.</summary>
    Fragment,
    TooLong,
}

/// <summary>
/// The checks an on-this-day headline must pass: not empty, not opening on a word that needs the
/// sentence before it, not a fragment, at most <see cref="MaxWords"/> words. The headline builder
/// and `almanac eval prose` use the same checks.
/// </summary>
public static class HeadlineChecks
{
    public const int MaxWords = 25;

    public static IReadOnlyList<HeadlineFault> Faults(string? headline)
    {
        if (string.IsNullOrWhiteSpace(headline))
            return [HeadlineFault.Empty];
        var faults = new List<HeadlineFault>();
        var words = Words.Split(headline);
        if (words.Count == 0)
            return [HeadlineFault.Empty];
        if (Lexicon.HeadlineOpeners.Contains(words[0].Text))
            faults.Add(HeadlineFault.DanglingStart);
        if (IsFragment(headline, words))
            faults.Add(HeadlineFault.Fragment);
        if (words.Count > MaxWords)
            faults.Add(HeadlineFault.TooLong);
        return faults;
    }

    private static bool IsFragment(string headline, List<Word> words)
    {
        var first = headline.TrimStart()[0];
        if (char.IsLower(first) || first is ')' or ']' or ',' or ';' or ':')
            return true;
        if (headline.Count(c => c == '(') != headline.Count(c => c == ')'))
            return true;
        return !HasVerb(words);
    }

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "up", "down", "out", "off", "away", "back" };

    /// <summary>A verb by the lexicon of irregular forms, a past-tense ending, or a present-tense "-s" after a name.</summary>
    internal static bool HasVerb(IReadOnlyList<Word> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].Text;
            if (Lexicon.Verbs.Contains(word))
                return true;
            if (words[i].IsCapitalized && i > 0)
                continue;
            var lower = word.ToLowerInvariant();
            if (lower.Length > 4 && lower.EndsWith("ed", StringComparison.Ordinal) && !lower.EndsWith("eed", StringComparison.Ordinal) && !Lexicon.StopWords.Contains(lower))
                return true;
            var presentTense = lower.Length > 3 && lower.EndsWith('s') && !lower.EndsWith("ss", StringComparison.Ordinal) && !lower.EndsWith("us", StringComparison.Ordinal);
            if (presentTense && i > 0 && words[i - 1].IsCapitalized && !words[i].IsCapitalized)
                return true;
            // "the army lands", "the troops land", "the people of Paris rise": a known verb's present after a noun.
            if (i > 0 && VerbForms.IsRegularSingular(word) && !Lexicon.StopWords.Contains(words[i - 1].Text))
                return true;
            if (i > 0 && VerbForms.IsBase(word) && !Lexicon.StopWords.Contains(words[i - 1].Text))
                return true;
            // "Columbia broke up", "the army set off": a word between a name and a verb's particle is a verb, known or not.
            if (i > 0 && i + 1 < words.Count && words[i - 1].IsCapitalized && !words[i].IsCapitalized && Particles.Contains(words[i + 1].Text))
                return true;
        }
        return false;
    }
}
