using Almanac.Core;

namespace Almanac.Storage;

/// <summary>A term of an event's mentions (a keyword, person or place) with the mentions' kind, as the index of events by term files it.</summary>
public sealed record EventTerm(MentionKind Kind, string Term);

/// <summary>What the index of events by term (<see cref="IAlmanacStore.FindEventsSharingTerms"/>) files and checks, for both stores.</summary>
public static class EventTerms
{
    /// <summary>
    /// Each event's terms: every keyword, person and place of the mentions filed under it, each once with the mention's kind,
    /// the very lists <c>SharedTerms</c> compares (the stores' <c>TermRows</c> read the same from stored mentions).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<EventTerm>> Of(IReadOnlyDictionary<string, IReadOnlyList<EventMention>> mentionsOf) =>
        mentionsOf.ToDictionary(
            e => e.Key,
            e => (IReadOnlyList<EventTerm>)e.Value.SelectMany(m => m.Keywords.Concat(m.People).Concat(m.Places).Select(term => new EventTerm(m.Kind, term))).Distinct().ToList(),
            StringComparer.Ordinal);

    /// <summary>
    /// What an event is filed under: each of its terms under each of its date keys but single days (<see cref="EventKeyKind.Day"/>;
    /// a day's events are few), as the stores' <c>TermRows</c> pair them from stored mentions and keys.
    /// </summary>
    public static IEnumerable<(EventTerm Term, EventKey Key)> Filed(HistoricalEvent e, IReadOnlyList<EventTerm> terms) =>
        EventKeys.Of(e).Where(key => key.Kind != EventKeyKind.Day).SelectMany(key => terms.Select(term => (term, key)));

    /// <summary>
    /// Years a store files under one token of a term (a span): a lookup of a range of years then reads a token or two a
    /// term, and the events it finds are checked against the range by their date keys.
    /// </summary>
    public const int YearsPerToken = 8;

    /// <summary>Which span of <see cref="YearsPerToken"/> years a year falls in (floor division: years before the common era are negative).</summary>
    public static int Span(long year) => (int)Math.Floor(year / (double)YearsPerToken);

    /// <summary>The spans of years (<see cref="Span"/>) a range of years touches, in order.</summary>
    public static IEnumerable<int> Spans(EventKeyRange range) => Enumerable.Range(Span(range.From), Span(range.To) - Span(range.From) + 1);

    /// <summary>Refuses ranges of days: events are not filed under their terms by day (a day's events are few; see the lookup).</summary>
    internal static void CheckRanges(IReadOnlyList<EventKeyRange> ranges)
    {
        if (ranges.FirstOrDefault(r => r.Kind == EventKeyKind.Day) is { } day)
            throw new ArgumentException($"Events are not filed under their terms by day ({day}): look days up with FindEvents.", nameof(ranges));
    }
}
