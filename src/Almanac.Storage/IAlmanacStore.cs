using Almanac.Core;

namespace Almanac.Storage;

/// <summary>An event as listed on a calendar day: the date it is listed under, and whether that is its best-supported date.</summary>
public sealed record DayEntry(HistoricalEvent Event, HistoricalDate ListedDate, bool IsPrimaryDate);

/// <summary>A document matching a search, with a short excerpt around the match.</summary>
public sealed record DocumentHit(SourceDocument Document, string Excerpt);

public sealed record StoreCounts(int Documents, int Mentions, int Events);

/// <summary>A stored document a stage of analysis failed on: it is kept, left out of every event, and retried by a reindex.</summary>
public sealed record FailedDocument(string Id, string Path, string Title, string Reason);

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
    bool AddDocument(SourceDocument document, IReadOnlyList<EventMention> mentions, string? analysisFailure = null);

    /// <summary>Marks stored documents as failed, each with its reason: their mentions stay stored but are left out of <see cref="GetMentions"/>.</summary>
    void MarkAnalysisFailed(IReadOnlyList<(string DocumentId, string Reason)> failures);

    /// <summary>Replaces a document's mentions with a new analysis of it and clears its failure, in one transaction.</summary>
    void ReplaceMentions(string documentId, IReadOnlyList<EventMention> mentions);

    /// <summary>The documents marked as failed, oldest first.</summary>
    IReadOnlyList<FailedDocument> GetFailedDocuments();

    IReadOnlyList<SourceDocument> GetDocuments();

    SourceDocument? GetDocument(string documentId);

    /// <summary>The mentions of every document not marked as failed.</summary>
    IReadOnlyList<EventMention> GetMentions();

    /// <summary>Replaces every resolved event in one transaction, so readers see the old set or the new one.</summary>
    void ReplaceEvents(IReadOnlyList<HistoricalEvent> events);

    IReadOnlyList<DayEntry> GetEventsOnDay(int month, int day);

    /// <summary>The holidays documents list for a calendar day without a year, of documents not marked as failed, in storing order.</summary>
    IReadOnlyList<Observance> GetObservancesOnDay(int month, int day);

    HistoricalEvent? GetEvent(string eventId);

    /// <summary>Full-text search over events (title, text, summary, people), best match first.</summary>
    IReadOnlyList<HistoricalEvent> SearchEvents(string query, int limit);

    /// <summary>Full-text search over document titles and texts, best match first.</summary>
    IReadOnlyList<DocumentHit> SearchDocuments(string query, int limit);

    StoreCounts GetCounts();

    /// <summary>When the latest document was stored, or null for an empty store; what the web app sends as Last-Modified.</summary>
    DateTimeOffset? GetLastIngestedAt();

    /// <summary>
    /// A number that grows in the same transaction as every write (a document stored, the events replaced), so a
    /// reader that caches what it read under the generation it saw first knows when its copy is out of date.
    /// </summary>
    long GetGeneration();
}
