using Almanac.Core;
using Almanac.Events;
using Almanac.Storage;
using NodaTime;

namespace Almanac.Ingest;

/// <summary>What the sanity gate found after an ingest; a broken reader shows up here before anyone sees an empty page.</summary>
public sealed record SanityReport(int EmptyDays, IReadOnlyList<string> EventsWithoutSource, IReadOnlyList<string> DatesFailingRoundTrip)
{
    /// <summary>Stored documents a stage failed on, left out of every event until a reindex succeeds.</summary>
    public IReadOnlyList<FailedDocument> FailedDocuments { get; init; } = [];

    /// <summary>Sentences of the documents just read that write a day but gave no event on it: a date the tagger missed.</summary>
    public IReadOnlyList<UnplacedSentence> UnplacedSentences { get; init; } = [];

    public bool HasProblems => EventsWithoutSource.Count > 0 || DatesFailingRoundTrip.Count > 0 || FailedDocuments.Count > 0;
}

/// <summary>
/// Checks every day page of the store: how many of the 366 days are empty, which listed events
/// cite no stored document, and which listed dates do not survive a round trip through their stored form;
/// and lists the documents a stage failed on and, after an ingest, the sentences that wrote a day but gave no event.
/// </summary>
public static class SanityGate
{
    /// <summary>
    /// After an ingest: the days its events are listed on are checked entry by entry, the others only counted, so the
    /// check costs what the ingest touched, not the whole store.
    /// </summary>
    public static SanityReport Check(IAlmanacStore store, IngestSummary ingest) =>
        Check(store, ingest.Days) with { UnplacedSentences = ingest.UnplacedSentences };

    /// <summary>Every day page of the store, entry by entry: what `reindex` runs after re-resolving everything.</summary>
    public static SanityReport Check(IAlmanacStore store) => Check(store, ReaderDay.AllDays().ToList());

    /// <summary>
    /// The listed events of <paramref name="days"/> checked one by one (only what is checked read of each, not the whole
    /// event: the day pages of a whole ingest list every event); the empty days counted from the day index.
    /// </summary>
    private static SanityReport Check(IAlmanacStore store, IReadOnlyCollection<AnnualDate> days)
    {
        var withoutSource = new SortedSet<string>(StringComparer.Ordinal);
        var failing = new SortedSet<string>(StringComparer.Ordinal);
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var day in days)
        {
            foreach (var listed in store.GetListedDatesOnDay(day.Month, day.Day))
            {
                var sources = listed.DocumentIds;
                if (sources.Count == 0 || !sources.All(id => known.TryGetValue(id, out var exists) ? exists : known[id] = store.ContainsDocument(id)))
                    withoutSource.Add(listed.EventId);
                foreach (var date in listed.StoredDates.Select(HistoricalDateJsonConverter.Parse))
                {
                    var stored = HistoricalDateJsonConverter.Format(date);
                    if (HistoricalDateJsonConverter.Parse(stored) != date)
                        failing.Add($"{listed.EventId}: {stored}");
                }
            }
        }
        return new SanityReport(366 - store.CountDaysWithEvents(), withoutSource.ToList(), failing.ToList()) { FailedDocuments = store.GetFailedDocuments() };
    }
}
