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

    public static IReadOnlyList<HistoricalEvent> Link(IReadOnlyList<HistoricalEvent> events, IReadOnlyDictionary<string, SourceDocument> documents, Func<string, string> lineageOf)
    {
        var aftermath = events.ToDictionary(e => e.Id, _ => new List<HistoricalEvent>(), StringComparer.Ordinal);
        var referrers = events.ToDictionary(e => e.Id, _ => 0, StringComparer.Ordinal);
        // Only events sharing a source can refer back to one another.
        var eventsOf = events.SelectMany(e => e.DocumentIds.Select(d => (d, e))).GroupBy(x => x.d, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.e).ToList(), StringComparer.Ordinal);
        // Only an event some source is about (its heading or dateline names it) is one a later
        // sentence can call "the speech" and mean it.
        foreach (var earlier in events.Where(e => e.Kind == MentionKind.Event && e.Mentions.Any(m => m.IsTopic)))
        {
            var references = References(earlier.Title);
            if (references.Count == 0)
                continue;
            var sources = earlier.DocumentIds.ToHashSet(StringComparer.Ordinal);
            var candidates = sources.SelectMany(d => eventsOf.GetValueOrDefault(d, [])).Distinct();
            foreach (var later in candidates.Where(e => e.Id != earlier.Id && e.Kind == MentionKind.Event && IsLater(e, earlier)))
            {
                var refers = later.Mentions.Any(m => sources.Contains(m.DocumentId) && documents.TryGetValue(m.DocumentId, out var d)
                    && references.Any(r => Titles.Fold(ParagraphUpTo(d.Text, m.SentenceEnd)).Contains(r, StringComparison.Ordinal)));
                if (!refers)
                    continue;
                aftermath[earlier.Id].Add(later);
                referrers[earlier.Id]++;
            }
        }
        var mentionsPerDocument = events.SelectMany(e => e.Mentions).GroupBy(m => m.DocumentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return events.Select(e => e with
        {
            Significance = Significance.Score(e, mentionsPerDocument, referrers[e.Id], lineageOf),
            Aftermath = aftermath[e.Id].OrderBy(l => l.Date).Select(l => new EventLink(l.Id, l.Title, l.DateValue)).ToList(),
        }).ToList();
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

    private static string ParagraphUpTo(string text, int end)
    {
        end = Math.Min(end, text.Length);
        var start = text.LastIndexOf("\n\n", Math.Max(0, end - 1), StringComparison.Ordinal);
        return text[(start < 0 ? 0 : start + 2)..end];
    }
}
