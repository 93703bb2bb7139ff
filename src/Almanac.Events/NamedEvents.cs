namespace Almanac.Events;

/// <summary>An event a text names by its kind and place: "the Battle of Ligny" is ("battle", "ligny").</summary>
internal readonly record struct NamedEvent(string Kind, string Name);

/// <summary>
/// The events a clause names in the way histories name them: a kind of event (<c>Resources/named-event-kinds.txt</c>)
/// followed by "of" and a capitalized name ("the Siege of Leningrad", "the Treaty of Paris").
/// </summary>
internal static class NamedEvents
{
    private const int MaxNameWords = 4;

    public static IReadOnlyList<NamedEvent> In(string clause)
    {
        if (!clause.Contains(" of ", StringComparison.Ordinal))
            return [];
        var words = Words.Split(clause);
        List<NamedEvent>? named = null;
        for (var first = 2; first < words.Count; first++)
        {
            if (!words[first].IsCapitalized || KindNamedBy(words, first) is not { } kind)
                continue;
            var end = first;
            while (end < words.Count && end - first < MaxNameWords && words[end].IsCapitalized
                && (end == first || clause.AsSpan(words[end - 1].End, words[end].Start - words[end - 1].End).Trim().IsEmpty))
                end++;
            (named ??= []).Add(new NamedEvent(kind.ToLowerInvariant(), string.Join(' ', words[first..end].Select(w => Words.Normalize(w.Text)))));
        }
        return named ?? (IReadOnlyList<NamedEvent>)[];
    }

    /// <summary>The kind of event whose place starts at word <paramref name="first"/> ("the Battle of [Quatre Bras]"), if it names one.</summary>
    public static string? KindNamedBy(IReadOnlyList<Word> words, int first)
    {
        var of = first >= 2 && words[first - 1].Text == "the" ? first - 2 : first - 1;
        return of >= 1 && words[of].Text == "of" && Lexicon.NamedEventKinds.Contains(words[of - 1].Text) ? words[of - 1].Text : null;
    }
}
