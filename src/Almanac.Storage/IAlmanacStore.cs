using Almanac.Core;

namespace Almanac.Storage;

/// <summary>An event as listed on a calendar day: the date it is listed under, and whether that is its best-supported date.</summary>
public sealed record DayEntry(HistoricalEvent Event, HistoricalDate ListedDate, bool IsPrimaryDate)
{
    /// <summary>
    /// The documents the listing cites (<see cref="DayListing.CitedDocuments"/>) with their titles, when the store read them with the
    /// listing (<see cref="IAlmanacStore.GetListingsOnDay"/>, whose events keep no mentions to work them out from); null otherwise.
    /// </summary>
    public IReadOnlyList<SourceRef>? Cited { get; init; }
}

/// <summary>A source document as pages and feeds cite it: its id and its title (<see cref="Of"/> names an untitled one).</summary>
public sealed record SourceRef(string Id, string Title)
{
    public static SourceRef Of(string id, string? title) => new(id, string.IsNullOrWhiteSpace(title) ? "Untitled document" : title);
}

/// <summary>
/// What the sanity gate checks of an event listed on a day, read without the rest of it: the documents its mentions cite,
/// (each once, in no set order), and its claims' dates in order and then the date it is listed under, as stored (HistoricalDateJsonConverter's form).
/// </summary>
public sealed record ListedDates(string EventId, IReadOnlyList<string> DocumentIds, IReadOnlyList<string> StoredDates);

/// <summary>A document matching a search, with a short excerpt around the match.</summary>
public sealed record DocumentHit(SourceDocument Document, string Excerpt);

public sealed record StoreCounts(int Documents, int Mentions, int Events);

/// <summary>A calendar day of a month as the month's page shows it: how many events are listed on it, and the most significant.</summary>
public sealed record DaySummary(int Day, int Events, DayEntry Top);

/// <summary>How many events are listed under days of a year (astronomical numbering, as stored).</summary>
public sealed record YearCount(int Year, int Events);

/// <summary>A stored document a stage of analysis failed on: it is kept, left out of every event, and retried by a reindex.</summary>
public sealed record FailedDocument(string Id, string Path, string Title, string Reason);

/// <summary>A document to store with its mentions, or with the reason its analysis failed (and no mentions).</summary>
public sealed record DocumentToStore(SourceDocument Document, IReadOnlyList<EventMention> Mentions, string? AnalysisFailure = null)
{
    private (IReadOnlyList<EventMention> Of, IReadOnlyList<string> Payloads)? _serialized;

    /// <summary>
    /// Each mention as its row holds it (<see cref="StoreJson"/>), serialized when first asked for (again for a copy with other
    /// mentions): an ingest asks on the core that analysed the document, so the one thread writing the store does not.
    /// </summary>
    public IReadOnlyList<string> MentionPayloads
    {
        get
        {
            if (_serialized is not { } serialized || !ReferenceEquals(serialized.Of, Mentions))
                _serialized = serialized = (Mentions, StoreJson.Payloads(Mentions));
            return serialized.Payloads;
        }
    }
}

/// <summary>A stored mention with the id of its row, by which it is filed under the event it belongs to (<see cref="EventId"/>; null while it waits for resolution).</summary>
public sealed record StoredMention(long Id, EventMention Mention, string? EventId = null);

/// <summary>
/// Which event a stored mention belongs to, and its place in the mentions the event keeps to show (<see cref="HistoricalEvent.Mentions"/>;
/// null when the event does not show it): the event's payload leaves its mentions out, and the store reads them back from here.
/// </summary>
public sealed record MentionAssignment(long MentionId, string EventId, int? ShownOrder = null)
{
    /// <summary>
    /// The filing of resolved events: every mention of each (<paramref name="mentionsOf"/>, by event id) under it, with its
    /// place among the event's own mentions, by the row of each (<paramref name="rowOf"/>).
    /// </summary>
    public static IReadOnlyList<MentionAssignment> Filing(IReadOnlyList<HistoricalEvent> events,
        IReadOnlyDictionary<string, IReadOnlyList<EventMention>> mentionsOf, Func<EventMention, long> rowOf)
    {
        var assignments = new List<MentionAssignment>();
        foreach (var e in events)
        {
            // The shown mentions are some of the event's mentions, the very objects, not copies.
            var shown = new Dictionary<EventMention, int>(ReferenceEqualityComparer.Instance);
            foreach (var (mention, order) in e.Mentions.Select((m, i) => (m, i)))
                shown.TryAdd(mention, order);
            assignments.AddRange(mentionsOf[e.Id].Select(m => new MentionAssignment(rowOf(m), e.Id, shown.TryGetValue(m, out var order) ? order : null)));
        }
        return assignments;
    }
}

/// <summary>
/// What resolving some mentions changed: the events they belonged to are <see cref="Removed"/> and the events
/// resolved from them <see cref="Written"/> (an id may be in both), with every mention filed under its event.
/// </summary>
public sealed record EventUpdate(IReadOnlyList<string> Removed, IReadOnlyList<HistoricalEvent> Written, IReadOnlyList<MentionAssignment> Assignments)
{
    /// <summary>
    /// The written events whose payload differs from the stored one (<paramref name="storedPayloads"/>, by id), each with its
    /// payload, and the ids of those that do not: most events of a neighbourhood come out of a resolution as they went in,
    /// and those keep their rows. A payload leaves the mentions out, so which of them an event shows, and in which order, is
    /// no part of this: the filing of the <see cref="Assignments"/> writes any that changed.
    /// </summary>
    internal (IReadOnlyList<(HistoricalEvent Event, string Payload)> Changed, IReadOnlySet<string> Kept) Against(IReadOnlyDictionary<string, string> storedPayloads)
    {
        var changed = new List<(HistoricalEvent, string)>();
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (e, payload) in Written.Zip(Payloads))
        {
            if (storedPayloads.GetValueOrDefault(e.Id) == payload)
                kept.Add(e.Id);
            else
                changed.Add((e, payload));
        }
        return (changed, kept);
    }

    /// <summary>
    /// The terms of all the mentions filed under each written event (<see cref="EventTerms.Of"/>), when the resolution has them
    /// to hand: the store then files them without reading the events' mentions back (null: it reads them).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EventTerm>>? Terms { get; init; }

    private IReadOnlyList<string>? _payloads;

    /// <summary>
    /// The written events as stored (JSON), in their order, serialized once by the thread that asks first: a resolution
    /// resolving on a thread of its own asks there, so the store's writer finds them made.
    /// </summary>
    public IReadOnlyList<string> Payloads => _payloads ??= [.. Written.Select(e => System.Text.Json.JsonSerializer.Serialize(e, StoreJson.Options))];
}

/// <summary>
/// What a resolution read its events from, for the store to check when it writes them that nothing it relied on has
/// changed: the store's events generation (<see cref="IAlmanacStore.GetEventsGeneration"/>) when it began (SQLite, one
/// writer at a time, compares the whole store with it), and the date key <see cref="Ranges"/> it looked events up in with
/// the events it found there (PostgreSQL checks this neighbourhood only, so writers elsewhere in the store never make it
/// start again).
/// </summary>
public sealed record ResolutionBasis(long Generation, IReadOnlyList<EventKeyRange> Ranges, IReadOnlyCollection<string> EventsInRanges)
{
    /// <summary>
    /// Whether events others filed in the <see cref="Ranges"/> since they were read leave the resolution as it would be had
    /// it read them (it would have passed them over): a store where others write meanwhile asks before starting it again.
    /// </summary>
    public Func<IReadOnlyCollection<string>, bool> UnaffectedBy { get; init; } = _ => false;
}

/// <summary>
/// Where Almanac keeps documents, their event mentions and the events resolved from them.
/// Writing a document is atomic: it is stored whole with its mentions, or not at all.
/// </summary>
public interface IAlmanacStore : IDisposable
{
    bool ContainsDocument(string documentId);

    /// <summary>
    /// Stores a document and its mentions in one transaction; returns false when it was already stored. A document
    /// whose analysis failed is stored with the reason (<paramref name="analysisFailure"/>) and no mentions.
    /// </summary>
    /// <remarks>Keyword frequencies count its mentions.</remarks>
    bool AddDocument(SourceDocument document, IReadOnlyList<EventMention> mentions, string? analysisFailure = null);

    /// <summary>
    /// Stores documents as <see cref="AddDocument"/> does, each whole or not at all, and returns in their order whether each
    /// was new. SQLite stores them in one transaction: what they all write into (keyword counts, the fingerprint index)
    /// is written once for all of them, not once a document.
    /// </summary>
    IReadOnlyList<bool> AddDocuments(IReadOnlyList<DocumentToStore> documents);

    /// <summary>Marks stored documents as failed, each with its reason: their mentions stay stored but are left out of <see cref="GetMentions"/>.</summary>
    void MarkAnalysisFailed(IReadOnlyList<(string DocumentId, string Reason)> failures);

    /// <summary>Replaces a document's mentions with a new analysis of it and clears its failure, in one transaction.</summary>
    void ReplaceMentions(string documentId, IReadOnlyList<EventMention> mentions);

    /// <summary>The documents marked as failed, oldest first.</summary>
    IReadOnlyList<FailedDocument> GetFailedDocuments();

    IReadOnlyList<SourceDocument> GetDocuments();

    SourceDocument? GetDocument(string documentId);

    /// <summary>The mentions of every document not marked as failed, with their row ids.</summary>
    IReadOnlyList<StoredMention> GetMentions();

    /// <summary>
    /// Replaces every resolved event in one transaction, so readers see the old set or the new one; each event is filed
    /// under its date keys (<see cref="EventKeys"/>) and every mention in <paramref name="assignments"/> under its event
    /// (the others wait for resolution). An event shows the mentions its assignments place (<see cref="MentionAssignment.ShownOrder"/>), not those it is written with.
    /// </summary>
    void ReplaceEvents(IReadOnlyList<HistoricalEvent> events, IReadOnlyList<MentionAssignment>? assignments = null);

    /// <summary>
    /// Removes and writes the events of <paramref name="update"/> (a written event replaces any stored one of its id) and files its mentions, in one transaction, provided
    /// what the resolution read (<paramref name="basis"/>) is unchanged, or changed only by events its
    /// <see cref="ResolutionBasis.UnaffectedBy"/> passes over; returns false, changing nothing, when another write came
    /// first (the caller resolves again from what is stored now).
    /// </summary>
    bool UpdateEvents(EventUpdate update, ResolutionBasis basis);

    /// <summary>Documents not marked as failed with mentions no event holds yet, oldest first: what is left to resolve (after a crash, too).</summary>
    IReadOnlyList<string> GetDocumentsAwaitingResolution(int limit);

    /// <summary>The ids of documents not marked as failed that come after <paramref name="afterId"/> in ordinal order, at most <paramref name="limit"/>: a walk over the store a page at a time.</summary>
    IReadOnlyList<string> GetDocumentIdsAfter(string afterId, int limit);

    /// <summary>The mentions of these documents, leaving out documents marked as failed.</summary>
    IReadOnlyList<StoredMention> GetMentionsOfDocuments(IReadOnlyCollection<string> documentIds);

    /// <summary>Every mention filed under these events (all of them, not only those the event keeps to show), leaving out documents marked as failed.</summary>
    IReadOnlyList<StoredMention> GetMentionsOfEvents(IReadOnlyCollection<string> eventIds);

    /// <summary>
    /// The row ids of each of these documents' mentions, in the order <see cref="AddDocuments"/> was given the mentions, for
    /// the documents not marked as failed: with the mentions it stored, an ingest has the documents' <see cref="StoredMention"/>s.
    /// </summary>
    IReadOnlyDictionary<string, IReadOnlyList<long>> GetMentionIds(IReadOnlyCollection<string> documentIds);

    /// <summary>How many mentions each of these documents has, for those not marked as failed.</summary>
    IReadOnlyDictionary<string, int> CountMentions(IReadOnlyCollection<string> documentIds);

    /// <summary>The ids of the events filed under any key in <paramref name="ranges"/>.</summary>
    IReadOnlyList<string> FindEvents(IReadOnlyList<EventKeyRange> ranges);

    /// <summary>The documents with mentions filed under these events.</summary>
    IReadOnlyList<string> GetDocumentsOfEvents(IReadOnlyCollection<string> eventIds);

    /// <summary>The ids of the events holding mentions of these documents.</summary>
    IReadOnlyList<string> GetEventsOfDocuments(IReadOnlyCollection<string> documentIds);

    /// <summary>How many mentions of documents not marked failed are stored, and in how many each of <paramref name="keywords"/> stands.</summary>
    KeywordFrequencies GetKeywordFrequencies(IReadOnlyCollection<string> keywords);

    /// <summary>
    /// Files a stored document under its copy-detection fingerprints (see the copy detector), committed at once: of two
    /// documents filed at the same time by two writers, each filing before it looks for holders, the second to look finds the first.
    /// </summary>
    void FileFingerprints(string documentId, IReadOnlyCollection<long> fingerprints);

    /// <summary>Which documents are filed under each of these fingerprints.</summary>
    IReadOnlyList<(long Fingerprint, string DocumentId)> FindFingerprintHolders(IReadOnlyCollection<long> fingerprints);

    /// <summary>The copy lineage of each of these documents; a document that copies nothing is its own.</summary>
    IReadOnlyDictionary<string, string> GetLineages(IReadOnlyCollection<string> documentIds);

    /// <summary>Puts every document of the <paramref name="merged"/> lineages (and each of those documents) into lineage <paramref name="lineageId"/>.</summary>
    void MergeLineages(IReadOnlyCollection<string> merged, string lineageId);

    IReadOnlyList<DayEntry> GetEventsOnDay(int month, int day);

    /// <summary>The events <see cref="GetEventsOnDay"/> lists, each with what the sanity gate checks of it (<see cref="ListedDates"/>), in no set order.</summary>
    IReadOnlyList<ListedDates> GetListedDatesOnDay(int month, int day);

    /// <summary>The holidays documents list for a calendar day without a year, of documents not marked as failed, in storing order.</summary>
    IReadOnlyList<Observance> GetObservancesOnDay(int month, int day);

    /// <summary>The holidays documents give by a rule (Easter-2, 05/MonLast), of documents not marked as failed, in storing order; a few hundred at most.</summary>
    IReadOnlyList<MovingObservance> GetMovingObservances();

    /// <summary>Each day of <paramref name="month"/> that has events: how many are listed on it and the most significant, in day order.</summary>
    IReadOnlyList<DaySummary> SummarizeMonth(int month);

    /// <summary>
    /// The events whose best-supported day falls in the years <paramref name="fromYear"/>..<paramref name="toYear"/> (astronomical),
    /// each once under that day, the most significant first, at most <paramref name="limit"/>.
    /// </summary>
    IReadOnlyList<DayEntry> GetListingsInYears(int fromYear, int toYear, int limit);

    /// <summary>How many events have their best-supported day in each year of <paramref name="fromYear"/>..<paramref name="toYear"/> that has any, in year order.</summary>
    IReadOnlyList<YearCount> CountListingsByYear(int fromYear, int toYear);

    /// <summary>Every event under its best-supported day, in calendar order (month, day, latest year first): the anniversaries, in one query.</summary>
    IReadOnlyList<DayEntry> GetPrimaryListings();

    /// <summary>The events a document gives mentions of, in the order they happened, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<HistoricalEvent> GetEventsOfDocument(string documentId, int limit);

    /// <summary>The event of this id as readers see it: corrected by the editor, and null when hidden.</summary>
    HistoricalEvent? GetEvent(string eventId);

    /// <summary>An image file stored with a document (<see cref="SourceDocument.ImageFiles"/>), by the SHA-256 of its bytes; null when there is none.</summary>
    ImageFile? GetImage(string imageId);

    /// <summary>Full-text search over events (title, text, summary, people), best match first.</summary>
    IReadOnlyList<HistoricalEvent> SearchEvents(string query, int limit);

    /// <summary>Full-text search over document titles and texts, best match first.</summary>
    IReadOnlyList<DocumentHit> SearchDocuments(string query, int limit);

    StoreCounts GetCounts();

    /// <summary>When the latest document was stored, or null for an empty store; what the web app sends as Last-Modified.</summary>
    DateTimeOffset? GetLastIngestedAt();

    /// <summary>
    /// Stores an editor's correction of a stored event (hidden or not) with the mentions it is kept on, and lays it over
    /// the event, in one transaction that advances the generation; null when no event has that id. Every read of events
    /// shows it from then on, and it follows its event through re-resolution (<see cref="EditorialLayer"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The request lacks a reason or an editor, or changes nothing.</exception>
    Correction? AddCorrection(CorrectionRequest request);

    /// <summary>Marks an active correction undone, by whom and when (it stays in the history), and takes it off its event; false when there is no such active correction.</summary>
    bool UndoCorrection(long correctionId, string editor, DateTimeOffset at);

    /// <summary>Every correction, undone ones too, oldest first; with <paramref name="eventId"/>, those made on that event or applied to it now.</summary>
    IReadOnlyList<Correction> GetCorrections(string? eventId = null);

    /// <summary>
    /// A number that grows in the same transaction as every write (a document stored, the events replaced), so a
    /// reader that caches what it read under the generation it saw first knows when its copy is out of date.
    /// </summary>
    long GetGeneration();

    /// <summary>
    /// A number that grows with every write a resolution reads from (events, the filing of mentions, failures, lineages), but
    /// not with a document stored, which adds only mentions no event holds yet and no resolution reads: a resolution read
    /// before documents were stored may still be written after them (<see cref="ResolutionBasis"/>), so an ingest stores
    /// the next documents while the last ones resolve. Keyword counts do grow with a stored document; the resolution then
    /// weighs words as they were counted when it read them, as it would have, written before the document was stored.
    /// </summary>
    long GetEventsGeneration();

    /// <summary>The titles of those of these documents that are stored, in one query, without reading their texts.</summary>
    IReadOnlyDictionary<string, string> GetDocumentTitles(IReadOnlyCollection<string> documentIds);

    /// <summary>
    /// The day's listings as <see cref="GetEventsOnDay"/> gives them, in its order, read in one query with only what a list of
    /// the day shows: each event without its mentions, summary, why, content, aftermath and related reading (its counts
    /// kept), and with the documents it cites and their titles in <see cref="DayEntry.Cited"/>. For day pages and feeds.
    /// </summary>
    IReadOnlyList<DayEntry> GetListingsOnDay(int month, int day);

    /// <summary>How many of the 366 calendar days list at least one event: one pass over the day index, no payload read.</summary>
    int CountDaysWithEvents();

    /// <summary>
    /// The ids of the events filed under a key in <paramref name="yearRanges"/> with a mention of <paramref name="kind"/>
    /// (of any document) whose keywords, people or places hold one of <paramref name="terms"/> (compared ordinally): a coarse
    /// date's neighbourhood is every event of three years, and only these can share a term with a new mention of that kind.
    /// The store files every event's terms under each of its keys but single days when its events or their mentions are
    /// written, and keeps terms a mention that left the event had until the event is written again, so this may hold a few
    /// events no longer sharing one: callers test what they read. A day's events are few, and filing them under each of
    /// their terms would double the index, so ranges of days are refused (<see cref="FindEvents"/> answers them).
    /// </summary>
    /// <exception cref="ArgumentException">A range is of <see cref="EventKeyKind.Day"/> keys.</exception>
    IReadOnlyList<string> FindEventsSharingTerms(IReadOnlyList<EventKeyRange> yearRanges, MentionKind kind, IReadOnlyCollection<string> terms);
}
