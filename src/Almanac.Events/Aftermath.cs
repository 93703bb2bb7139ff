using Almanac.Core;

namespace Almanac.Events;

/// <summary>
/// Links events to the later events that refer back to them, then scores every event's
/// significance (<see cref="Significance"/>). A later event refers back to an earlier one when one
/// of its mentions stands in a source of the earlier event and its sentence, or the paragraph up to
/// it, names the earlier event: by its whole title, or by the title's head word after a determiner
/// ("the speech", "this speech").
/// </summary>
internal static class Aftermath
{
    private static readonly string[] Determiners = ["the", "this", "that", "his", "her", "their", "its"];

    /// <param name="fail">Told of a document whose event could not be linked, with the step and the exception; the other events are linked.</param>
    /// <param name="mentionsPerDocument">Each document's mentions in all, when <paramref name="events"/> hold only some of them.</param>
    public static IReadOnlyList<HistoricalEvent> Link(IReadOnlyList<HistoricalEvent> events, IReadOnlyDictionary<string, SourceDocument> documents,
        Func<string, string> lineageOf, Action<string, string, Exception> fail, IReadOnlyDictionary<string, int>? mentionsPerDocument = null)
    {
        var aftermath = events.ToDictionary(e => e.Id, _ => new List<HistoricalEvent>(), StringComparer.Ordinal);
        var referrers = events.ToDictionary(e => e.Id, _ => 0, StringComparer.Ordinal);
        // Only events sharing a source can refer back to one another.
        var eventsOf = events.SelectMany(e => e.DocumentIds.Select(d => (d, e))).GroupBy(x => x.d, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.e).ToList(), StringComparer.Ordinal);
        var texts = new Dictionary<string, SearchableText>(StringComparer.Ordinal);
        // Only an event some source is about (its heading or dateline names it) is one a later
        // sentence can call "the speech" and mean it.
        foreach (var earlier in events.Where(e => e.Kind == MentionKind.Event && e.Mentions.Any(m => m.IsTopic)))
        {
            try
            {
                var references = References(earlier.Title);
                if (references.Count == 0)
                    continue;
                var sources = earlier.DocumentIds.ToHashSet(StringComparer.Ordinal);
                var candidates = sources.SelectMany(d => eventsOf.GetValueOrDefault(d, [])).Distinct();
                foreach (var later in candidates.Where(e => e.Id != earlier.Id && e.Kind == MentionKind.Event && IsLater(e, earlier)))
                {
                    var refers = later.Mentions.Any(m => sources.Contains(m.DocumentId) && TextOf(m.DocumentId) is { } text
                        && references.Any(r => text.NamedInParagraphBefore(r, m.SentenceEnd)));
                    if (!refers)
                        continue;
                    aftermath[earlier.Id].Add(later);
                    referrers[earlier.Id]++;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                foreach (var documentId in earlier.DocumentIds)
                    fail(documentId, "linking aftermath", e);
            }
        }
        mentionsPerDocument ??= events.SelectMany(e => e.Mentions).GroupBy(m => m.DocumentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return events.Select(e => e with
        {
            Significance = Significance.Score(e, mentionsPerDocument, referrers[e.Id], lineageOf),
            Aftermath = aftermath[e.Id].OrderBy(l => l.Date).Select(l => new EventLink(l.Id, l.Title, l.DateValue)).ToList(),
        }).ToList();

        SearchableText? TextOf(string documentId) =>
            texts.TryGetValue(documentId, out var text) ? text
            : documents.TryGetValue(documentId, out var document) ? texts[documentId] = new SearchableText(document.Text) : null;
    }

    /// <summary>
    /// A document's text folded once, with its paragraph starts and, per phrase asked about, where the phrase
    /// stands: "is it named in the paragraph before this point" is then two binary searches, however long the
    /// paragraph and however many events ask.
    /// </summary>
    private sealed class SearchableText
    {
        private readonly string _folded;
        private readonly List<int> _paragraphStarts = [0];
        private readonly Dictionary<string, List<int>> _occurrences = new(StringComparer.Ordinal);

        public SearchableText(string text)
        {
            // Folding maps each UTF-16 unit to one, so offsets into the text hold in the folded text.
            _folded = Titles.Fold(text);
            for (var i = text.IndexOf("\n\n", StringComparison.Ordinal); i >= 0; i = text.IndexOf("\n\n", i + 1, StringComparison.Ordinal))
                _paragraphStarts.Add(i + 2);
        }

        public bool NamedInParagraphBefore(string phrase, int end)
        {
            end = Math.Min(end, _folded.Length);
            var paragraphStart = _paragraphStarts[IndexAtOrBefore(_paragraphStarts, end)];
            var occurrences = Occurrences(phrase);
            var last = IndexAtOrBefore(occurrences, end - phrase.Length);
            return last >= 0 && occurrences[last] >= paragraphStart;
        }

        private List<int> Occurrences(string phrase)
        {
            if (_occurrences.TryGetValue(phrase, out var found))
                return found;
            found = [];
            for (var i = _folded.IndexOf(phrase, StringComparison.Ordinal); i >= 0 && phrase.Length > 0; i = _folded.IndexOf(phrase, i + 1, StringComparison.Ordinal))
                found.Add(i);
            return _occurrences[phrase] = found;
        }

        /// <summary>The index of the last value not after <paramref name="limit"/> in an ascending list, or -1.</summary>
        private static int IndexAtOrBefore(List<int> ascending, int limit)
        {
            var index = ascending.BinarySearch(limit);
            return index >= 0 ? index : ~index - 1;
        }
    }

    /// <summary>Strictly after: it starts after the earlier event ends, and neither date contains the other.</summary>
    private static bool IsLater(HistoricalEvent later, HistoricalEvent earlier)
    {
        var end = earlier.EndDate ?? earlier.Date;
        return later.Date.CompareTo(end) > 0 && !end.IsWithin(later.Date) && !later.Date.IsWithin(earlier.Date);
    }

    /// <summary>The ways a source names an event: its title, and "the X" for the title's head word X.</summary>
    private static List<string> References(string title)
    {
        var words = Words.Split(title).Select(w => Words.Normalize(w.Text)).Where(w => w.Length > 2 && !Lexicon.StopWords.Contains(w)).ToList();
        if (words.Count == 0)
            return [];
        var head = words[^1];
        return Determiners.Select(d => $"{d} {head}").Append(Titles.Fold(title)).ToList();
    }
}
