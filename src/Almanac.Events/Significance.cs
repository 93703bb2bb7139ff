using Almanac.Core;

namespace Almanac.Events;

/// <summary>
/// How much an event matters, used to rank a day's events. The one place the score is defined:
/// <code>
/// significance = independent lineages                        (corroboration; copies count once)
///              + Σ over its sources of its share of that source's mentions
///                + 0.5 for each source whose topic it is      (centrality: a heading or dateline names it)
///              + 0.5 × later events that refer back to it     (consequence; see Aftermath)
///              + 0.25 when its date is known to the day
/// </code>
/// </summary>
public static class Significance
{
    public static double Score(HistoricalEvent e, IReadOnlyDictionary<string, int> mentionsPerDocument, int referrers, Func<string, string> lineageOf)
    {
        var lineages = e.DocumentIds.Select(lineageOf).Distinct(StringComparer.Ordinal).Count();
        var centrality = e.Mentions.GroupBy(m => m.DocumentId, StringComparer.Ordinal)
            .Sum(g => (double)g.Count() / Math.Max(1, mentionsPerDocument.GetValueOrDefault(g.Key)) + (g.Any(m => m.IsTopic) ? 0.5 : 0));
        var precision = e.Date.Precision == Precision.Day ? 0.25 : 0;
        return Math.Round(lineages + centrality + 0.5 * referrers + precision, 3);
    }
}
