namespace Almanac.Events;

/// <summary>
/// Finds people's names: runs of two to four capitalized words (initials allowed) in which no word
/// marks an organization, place or period. A lone surname is resolved to the full name the same
/// text gives elsewhere ("Khrushchev" → "Nikita Khrushchev").
/// </summary>
internal static class PersonNames
{
    public static IReadOnlyList<string> FullNames(string text)
    {
        var names = new List<string>();
        var words = Words.Split(text);
        var run = new List<Word>();
        foreach (var word in words)
        {
            var adjacent = run.Count == 0 || IsOnlySpaceOrInitialDot(text, run[^1].End, word.Start);
            if (word.IsCapitalized && adjacent && !IsSentenceWord(word.Text))
            {
                run.Add(word);
                continue;
            }
            Flush();
            if (word.IsCapitalized && !IsSentenceWord(word.Text))
                run.Add(word);
        }
        Flush();
        return names.Distinct(StringComparer.Ordinal).ToList();

        void Flush()
        {
            if (run.Count is >= 2 and <= 4 && run.All(w => !Lexicon.NotPersonWords.Contains(Bare(w.Text)))
                && run[^1].Text.Length > 1 && run[0].Text.Length > 1)
            {
                var last = run[^1];
                names.Add(text[run[0].Start..last.Start].Replace('\n', ' ') + Bare(last.Text));
            }
            run.Clear();
        }
    }

    /// <summary>The people a span names, as full names from <paramref name="known"/> where the span gives only a surname.</summary>
    public static IReadOnlyList<string> In(string span, IReadOnlyList<string> known)
    {
        var found = new List<string>();
        var spanWords = Words.Split(span).Select(w => Bare(w.Text)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in known)
        {
            var surname = name[(name.LastIndexOf(' ') + 1)..];
            if (spanWords.Contains(surname) && !found.Any(f => f.EndsWith(" " + surname, StringComparison.Ordinal)))
                found.Add(Canonical(name, known));
        }
        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>"Nikita S. Khrushchev" and "Nikita Khrushchev" are one person: keep the shortest full form with the same first and last word.</summary>
    private static string Canonical(string name, IReadOnlyList<string> known)
    {
        var parts = name.Split(' ');
        return known
            .Where(k => k.Split(' ') is var p && p[0] == parts[0] && p[^1] == parts[^1])
            .OrderBy(k => k.Length)
            .First();
    }

    private static string Bare(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;

    private static bool IsOnlySpaceOrInitialDot(string text, int from, int to)
    {
        var gap = text.AsSpan(from, to - from);
        return gap is " " or ". " && (gap.Length == 1 || from - 1 >= 0 && from >= 1 && IsInitial(text, from));
    }

    private static bool IsInitial(string text, int wordEnd) =>
        wordEnd >= 1 && char.IsUpper(text[wordEnd - 1]) && (wordEnd == 1 || !char.IsLetter(text[wordEnd - 2]));

    private static bool IsSentenceWord(string word) => Lexicon.StopWords.Contains(word);
}
