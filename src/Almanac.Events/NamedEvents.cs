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
        for (var i = 0; i + 2 < words.Count; i++)
        {
            if (!words[i].IsCapitalized || words[i + 1].Text != "of" || !Lexicon.NamedEventKinds.Contains(words[i].Text))
                continue;
            var first = words[i + 2].Text == "the" ? i + 3 : i + 2;
            var end = first;
            while (end < words.Count && end - first < MaxNameWords && words[end].IsCapitalized
                && (end == first || clause.AsSpan(words[end - 1].End, words[end].Start - words[end - 1].End).Trim().IsEmpty))
                end++;
            if (end > first)
                (named ??= []).Add(new NamedEvent(words[i].Text.ToLowerInvariant(), string.Join(' ', words[first..end].Select(w => Words.Normalize(w.Text)))));
        }
        return named ?? (IReadOnlyList<NamedEvent>)[];
    }
}
