using System.Collections.Frozen;

namespace Almanac.Events;

/// <summary>A word of a text with its offset; words are runs of letters, digits and inner apostrophes or hyphens.</summary>
internal readonly record struct Word(int Start, string Text)
{
    public int End => Start + Text.Length;
    public bool IsCapitalized => Text.Length > 0 && char.IsUpper(Text[0]);

    /// <summary>
    /// "Blucher’s", "the king's": a possessive opens a noun phrase, as a determiner does ("Blucher’s defeated army").
    /// "There's", "it's" are a pronoun and a verb.
    /// </summary>
    public bool IsPossessive => (Text.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || Text.EndsWith("’s", StringComparison.OrdinalIgnoreCase))
        && !Lexicon.StopWords.Contains(Text[..^2]);
}

internal static class Words
{
    public static List<Word> Split(string text, int start = 0, int end = -1)
    {
        end = end < 0 ? text.Length : end;
        // Counted first, so the list is made once at its size rather than grown (and copied) a word at a time.
        var words = new List<Word>(Count(text, start, end));
        for (var i = start; Next(text, ref i, end, out var begin);)
            words.Add(new Word(begin, text[begin..i]));
        return words;
    }

    /// <summary>How many words <see cref="Split"/> finds, without making them.</summary>
    public static int Count(string text, int start = 0, int end = -1)
    {
        end = end < 0 ? text.Length : end;
        var count = 0;
        for (var i = start; Next(text, ref i, end, out _);)
            count++;
        return count;
    }

    /// <summary>Finds the next word at or after <paramref name="i"/>: false when there is none before the end, else its start, with <paramref name="i"/> at its end.</summary>
    private static bool Next(string text, ref int i, int end, out int begin)
    {
        while (i < end && !char.IsLetterOrDigit(text[i]))
            i++;
        begin = i;
        while (i < end && (char.IsLetterOrDigit(text[i]) || (IsInnerJoiner(text[i]) && i + 1 < end && char.IsLetter(text[i + 1]))))
            i++;
        return i > begin;
    }

    /// <summary>The word without a possessive ending, lower-cased: "Khrushchev’s" is "khrushchev".</summary>
    public static string Normalize(string word)
    {
        var lower = word.ToLowerInvariant();
        var bare = WithoutPossessive(lower);
        return bare.Length == lower.Length ? lower : bare.ToString();
    }

    private static ReadOnlySpan<char> WithoutPossessive(ReadOnlySpan<char> lower) =>
        lower.EndsWith("'s") || lower.EndsWith("’s") ? lower[..^2] : lower;

    /// <summary>Content words of a span: normalized, without stop words, numbers or one- and two-letter words.</summary>
    /// <remarks>Each word is normalized in place, so only the keywords it keeps become strings: every sentence of every document passes here.</remarks>
    public static IEnumerable<string> Keywords(string text, int start = 0, int end = -1)
    {
        end = end < 0 ? text.Length : end;
        for (var i = start; Next(text, ref i, end, out var begin);)
            if (Keyword(text.AsSpan(begin, i - begin)) is { } keyword)
                yield return keyword;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWords = Lexicon.StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The keyword a word gives (<see cref="Normalize"/>d, then <see cref="Stem"/>med), or null for a stop word, a number or a word of two letters or fewer.</summary>
    private static string? Keyword(ReadOnlySpan<char> word)
    {
        Span<char> lower = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        var normalized = WithoutPossessive(lower);
        return normalized.Length > 2 && !StopWords.Contains(normalized) && normalized.ContainsAnyExceptInRange('0', '9') ? Stem(normalized) : null;
    }

    /// <summary>A light plural stemmer: enough that "speeches" meets "speech" and "purges" meets "purge".</summary>
    private static string Stem(ReadOnlySpan<char> word)
    {
        if (word.Length > 4 && word.EndsWith("ies"))
            return string.Concat(word[..^3], "y");
        if (word.Length > 4 && (word.EndsWith("ches") || word.EndsWith("shes") || word.EndsWith("sses")))
            return word[..^2].ToString();
        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss") && !word.EndsWith("us"))
            return word[..^1].ToString();
        return word.ToString();
    }

    private static bool IsInnerJoiner(char c) => c is '\'' or '’' or '-';
}
