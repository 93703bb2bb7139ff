namespace Almanac.Events;

/// <summary>
/// Finds people's names: runs of two to four capitalized words (initials allowed) in which no word
/// marks an organization, place or period. Only running text is evidence: in a title-case line
/// (a heading, "A Turning Point in Soviet History") every word is capitalized, so capitals there
/// say nothing about names. A run ends at a possessive ("Khrushchev’s Secret Speech" names
/// Khrushchev and a thing of his), and a run followed by a plural possessive names a group
/// ("Polish Workers’ Party"). A lone surname is resolved to the full name the same text gives
/// elsewhere ("Khrushchev" → "Nikita Khrushchev").
/// </summary>
internal static class PersonNames
{
    /// <summary>Share of capitalized words above which a line is written in title case.</summary>
    private const double TitleCaseShare = 0.6;

    public static IReadOnlyList<string> FullNames(string text)
    {
        var names = new List<string>();
        var places = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
            if (!IsTitleCase(line))
                names.AddRange(NamesInLine(line, places));
        // A name the text uses for a place anywhere ("the Battle of Quatre Bras") is that place wherever it stands.
        return names.Where(n => !places.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>True when <paramref name="text"/> is, as a whole, a person's name.</summary>
    public static bool IsName(string text) => NamesInLine(text, []).Contains(text, StringComparer.Ordinal);

    /// <summary>The names of people in a line; the runs it shows to be places go to <paramref name="places"/> instead.</summary>
    private static List<string> NamesInLine(string text, HashSet<string> places)
    {
        var names = new List<string>();
        var words = Words.Split(text);
        var run = new List<Word>();
        var runStart = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var adjacent = run.Count == 0 || (IsOnlySpaceOrInitialDot(text, run[^1].End, word.Start) && !run[^1].IsPossessive);
            if (word.IsCapitalized && adjacent && !IsSentenceWord(word.Text))
            {
                if (run.Count == 0)
                    runStart = i;
                run.Add(word);
                continue;
            }
            Flush();
            if (word.IsCapitalized && !IsSentenceWord(word.Text))
            {
                runStart = i;
                run.Add(word);
            }
        }
        Flush();
        return names;

        void Flush()
        {
            if (run.Count is >= 2 and <= 4 && run.All(w => !Lexicon.NotPersonWords.Contains(Bare(w)))
                && run[^1].Text.Length > 1 && run[0].Text.Length > 1 && !run[0].IsPossessive
                && !FollowedByPluralPossessive(text, run[^1]) && !IsOwnedOrQuoted(text, run[0]))
            {
                var last = run[^1];
                var name = text[run[0].Start..last.Start] + Bare(last);
                (NamesAPlace(words, runStart, last) ? places : (ICollection<string>)names).Add(name);
            }
            run.Clear();
        }
    }

    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.OrdinalIgnoreCase) { "in", "at", "near" };

    /// <summary>
    /// Whether the run starting at word <paramref name="first"/> names a place: after "in", "at" or "near" ("at Quatre Bras"),
    /// or as the place a battle or treaty is named for ("the Battle of Quatre Bras"). One that owns something ("in Abraham
    /// Lincoln's cabinet") is a person still.
    /// </summary>
    private static bool NamesAPlace(List<Word> words, int first, Word last) =>
        !last.IsPossessive && first > 0 && (PlacePrepositions.Contains(words[first - 1].Text) || NamedEvents.KindNamedBy(words, first) is not null);

    /// <summary>The people a span names, as full names from <paramref name="known"/> where the span gives only a surname.</summary>
    /// <remarks>Every sentence of a document is matched against all the people it names (a day page names thousands), so no name is cut into new strings here.</remarks>
    public static IReadOnlyList<string> In(string span, IReadOnlyList<string> known)
    {
        var found = new List<string>();
        var spanWords = Words.Split(span).Select(Bare).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var name in known)
        {
            var surname = name.AsSpan(name.LastIndexOf(' ') + 1);
            if (spanWords.Contains(surname) && !AnyEndsWithWord(found, surname))
                found.Add(Canonical(name, known));
        }
        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether one of the names ends in the word, after a space.</summary>
    private static bool AnyEndsWithWord(List<string> names, ReadOnlySpan<char> word)
    {
        foreach (var name in names)
            if (name.Length > word.Length && name.AsSpan().EndsWith(word) && name[^(word.Length + 1)] == ' ')
                return true;
        return false;
    }

    /// <summary>
    /// One spelling per person across sources: names with the same first and last word
    /// ("Nikita S. Khrushchev", "Nikita Sergeyevich Khrushchev", "Nikita Khrushchev") are one
    /// person, written in the form most sources use, the shortest on a tie.
    /// </summary>
    public static IReadOnlyDictionary<string, string> CanonicalForms(IEnumerable<(string Name, string DocumentId)> occurrences)
    {
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in occurrences.GroupBy(o => Key(o.Name), StringComparer.Ordinal))
        {
            var canonical = group.GroupBy(o => o.Name, StringComparer.Ordinal)
                .OrderByDescending(g => g.Select(o => o.DocumentId).Distinct(StringComparer.Ordinal).Count())
                .ThenBy(g => g.Key.Length)
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .First().Key;
            foreach (var o in group)
                forms[o.Name] = canonical;
        }
        return forms;
    }

    /// <summary>What names of one person share: their first and last words ("Nikita Khrushchev"); a name without words is its own.</summary>
    private static string Key(string name)
    {
        FirstAndLast(name, out var first, out var last);
        return first.IsEmpty ? name : string.Concat(first, " ", last);
    }

    /// <summary>Within one text: keep the shortest full form with the same first and last word.</summary>
    private static string Canonical(string name, IReadOnlyList<string> known) => known.Where(k => SameKey(k, name)).OrderBy(k => k.Length).First();

    /// <summary>Whether two names have the same <see cref="Key"/>, without making it.</summary>
    private static bool SameKey(string a, string b)
    {
        FirstAndLast(a, out var aFirst, out var aLast);
        FirstAndLast(b, out var bFirst, out var bLast);
        if (aFirst.IsEmpty || bFirst.IsEmpty)
            return aFirst.IsEmpty && bFirst.IsEmpty && a == b;
        return aFirst.SequenceEqual(bFirst) && aLast.SequenceEqual(bLast);
    }

    /// <summary>A name's first and last words, split on spaces (the same word for a one-word name); both empty when it has none.</summary>
    private static void FirstAndLast(string name, out ReadOnlySpan<char> first, out ReadOnlySpan<char> last)
    {
        var words = name.AsSpan().Trim(' ');
        var firstEnd = words.IndexOf(' ');
        first = firstEnd < 0 ? words : words[..firstEnd];
        last = words[(words.LastIndexOf(' ') + 1)..];
    }

    private static bool IsTitleCase(string line)
    {
        var words = Words.Split(line).Where(w => w.Text.Length > 3 && char.IsLetter(w.Text[0])).ToList();
        return words.Count >= 2 && words.Count(w => w.IsCapitalized) >= TitleCaseShare * words.Count;
    }

    /// <summary>A run right after a possessive ("Khrushchev’s Secret Speech"), an article ("The Secret Speech") or an opening quote ("“Secret Speech”") names a thing.</summary>
    private static bool IsOwnedOrQuoted(string text, Word first)
    {
        var before = text[..first.Start].TrimEnd(' ');
        var previous = before[(before.LastIndexOf(' ') + 1)..];
        return previous is "the" or "The" or "a" or "A" or "an" or "An" || before.EndsWith('"') || before.EndsWith('“') || before.EndsWith('‘')
            || before.EndsWith("'s", StringComparison.Ordinal) || before.EndsWith("’s", StringComparison.Ordinal);
    }

    private static bool FollowedByPluralPossessive(string text, Word last) =>
        last.Text.EndsWith('s') && last.End < text.Length && text[last.End] is '\'' or '’';

    private static string Bare(Word word) => word.IsPossessive ? word.Text[..^2] : word.Text;

    private static bool IsOnlySpaceOrInitialDot(string text, int from, int to)
    {
        var gap = text.AsSpan(from, to - from);
        return gap is " " or ". " && (gap.Length == 1 || IsInitial(text, from));
    }

    private static bool IsInitial(string text, int wordEnd) =>
        wordEnd >= 1 && char.IsUpper(text[wordEnd - 1]) && (wordEnd == 1 || !char.IsLetter(text[wordEnd - 2]));

    private static bool IsSentenceWord(string word) => Lexicon.StopWords.Contains(word);
}
