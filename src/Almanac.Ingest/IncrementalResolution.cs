using Almanac.Core;
using Almanac.Events;
using Almanac.Storage;

namespace Almanac.Ingest;

/// <summary>
/// What resolving stored documents together did: the events holding their mentions now, and the documents resolution
/// failed on (theirs or a neighbour's); not <see cref="Resolved"/> when others kept writing around them and they were
/// left waiting for the next ingest.
/// </summary>
public sealed record DocumentResolution(IReadOnlyList<string> DocumentIds, IReadOnlyList<string> EventIds, IReadOnlyList<ResolutionFailure> Failures, bool Resolved = true)
{
    /// <summary>The calendar days those events are dated on, as resolved (a later batch may move an event a day).</summary>
    public IReadOnlySet<NodaTime.AnnualDate> Days { get; init; } = new HashSet<NodaTime.AnnualDate>();
}

/// <summary>
/// What an ingest has to hand of a document it has just stored: the fingerprints it was filed under, and its mentions as
/// stored when it added them itself (null when it found the document stored already, its rows maybe made by an older
/// version), which a resolution then needs neither compute nor read back.
/// </summary>
public sealed record JustStored(IReadOnlyList<long> Fingerprints, IReadOnlyList<EventMention>? Mentions = null);

/// <summary>
/// Resolves stored documents into the events they join or found, reading a neighbourhood of the store rather than all
/// of it, so adding a document costs the same in a store of a thousand events or ten million. Documents stored together
/// (a folder, what waits) are resolved in batches of about <see cref="DefaultBatchMentions"/> mentions: one neighbourhood, the
/// union of theirs, read, resolved and written once, where one document at a time would re-resolve the events they share
/// (a day page's neighbours are the pages of the days around it) once per document. For a batch:
/// <list type="number">
/// <item>each document's copy lineage, from the documents sharing its fingerprints, compared text to text;</item>
/// <item>the candidate events, through the store's date keys (<see cref="EventKeys.Near"/>) those its mentions could meet, the events already holding
/// its mentions or those of its lineage, and every event of a document those events cite (only events sharing a source
/// refer back to one another, and a source's share of its mentions is the event's centrality in it);</item>
/// <item>every mention of those events and of the document, re-resolved with the full resolver's rules, weighing
/// words by the frequencies the store keeps over every stored mention (counted as a document is stored);</item>
/// <item>the candidate events replaced by the result in one transaction, provided what it read is unchanged (the whole
/// store on SQLite; on PostgreSQL the key ranges it looked in and the events it replaces, so workers resolving elsewhere
/// never make it start again), otherwise it starts again from what is stored then.</item>
/// </list>
/// </summary>
/// <remarks>
/// Order: the resolver places mentions in one fixed order (most precise first, then topical, then by document id and
/// place), not in arrival order, and an event founded earlier in that order wins ties; re-resolving the whole
/// neighbourhood of a new document in that order gives the events a full resolution with the same keyword weights gives
/// there, whichever document arrived first. The weights are the store's counts when a batch is read, so they differ
/// from a full resolution's (the counts of every document) by the documents stored after it, and a mention near the
/// similarity threshold can join an event one resolves and the other does not: Wikipedia's 366 day pages give 129,953
/// events ingested, 130,046 resolved in full by `reindex`, 130,047 ingested with the final counts fixed; which ones
/// also depends on how many documents a batch finds stored (a worker stores 4 at a time, an ingest up to 32, two
/// workers whenever they do). A document left waiting (a crash after it was stored) is resolved by the next ingest.
/// </remarks>
public sealed class IncrementalResolution(IAlmanacStore store, int batchMentions = IncrementalResolution.DefaultBatchMentions)
{
    /// <summary>Attempts before giving up on a document others keep writing around; it stays waiting for the next ingest.</summary>
    private const int MaxAttempts = 20;

    /// <summary>
    /// How far the events sharing sources are followed. Past it, events further away keep what they had (an aftermath
    /// link from one of them to a new event waits for a reindex); it is only reached where thousands of events are
    /// tied together by shared sources.
    /// </summary>
    private const int MaxNeighbourhood = 5000;

    /// <summary>Documents read from the store at a time by the walks below, so memory stays flat however much waits.</summary>
    private const int PageSize = 200;

    /// <summary>
    /// Mentions a batch gathers before it is resolved: a dozen day pages, or hundreds of articles. Larger batches share
    /// more of their neighbourhoods but hold more in memory and, on PostgreSQL, lock more date keys at once.
    /// </summary>
    public const int DefaultBatchMentions = 5_000;

    /// <summary>Mentions a batch gathers before it is resolved (see <see cref="DefaultBatchMentions"/>).</summary>
    public int BatchMentions { get; } = batchMentions;

    /// <summary>
    /// Resolves every document waiting for it, oldest first, a page at a time. A document that stays waiting (others
    /// kept writing around it) is passed over, and the next page reaches past those.
    /// </summary>
    public IReadOnlyList<DocumentResolution> ResolveWaiting()
    {
        var resolved = new List<DocumentResolution>();
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var passedOver = 0;
        while (store.GetDocumentsAwaitingResolution(passedOver + PageSize).Where(tried.Add).ToList() is { Count: > 0 } page)
        {
            foreach (var resolution in InBatches(page))
            {
                if (!resolution.Resolved)
                    passedOver += resolution.DocumentIds.Count;
                resolved.Add(resolution);
            }
        }
        return resolved;
    }

    /// <summary>
    /// Resolves the neighbourhood of every stored document again, a batch at a time in id order, with the rules of
    /// this version of Almanac: what `reindex` runs after a change of rules. Events stay served throughout, each
    /// neighbourhood replaced in its own transaction, and memory is that of one batch's neighbourhood and one page of ids.
    /// </summary>
    public IReadOnlyList<DocumentResolution> ResolveEverything(Action<int>? progress = null)
    {
        var resolved = new List<DocumentResolution>();
        var after = "";
        while (store.GetDocumentIdsAfter(after, PageSize) is { Count: > 0 } page)
        {
            foreach (var resolution in InBatches(page))
            {
                // Only what went wrong is kept: a store of millions of documents must not be held as a list here.
                if (resolution.Failures.Count > 0 || !resolution.Resolved)
                    resolved.Add(resolution);
                progress?.Invoke(resolution.DocumentIds.Count);
            }
            after = page[^1];
        }
        return resolved;
    }

    /// <summary>The documents resolved in batches of about <see cref="BatchMentions"/> mentions, in their order.</summary>
    private IEnumerable<DocumentResolution> InBatches(IReadOnlyList<string> documentIds)
    {
        var mentions = store.CountMentions(documentIds);
        var batch = new ResolutionBatch(this);
        foreach (var documentId in documentIds)
            if (batch.Add(documentId, mentions.GetValueOrDefault(documentId)) is { } resolution)
                yield return resolution;
        foreach (var last in batch.Flush())
            yield return last;
    }

    /// <summary>Resolves the documents now (see <see cref="Begin"/>, which says what <paramref name="justStored"/> spares).</summary>
    public DocumentResolution Resolve(IReadOnlyList<string> documentIds, IReadOnlyDictionary<string, JustStored>? justStored = null) =>
        Begin(documentIds, inBackground: false, justStored).Finish();

    /// <summary>
    /// Begins resolving stored documents: files them into their lineages and reads their neighbourhood now, on the caller's
    /// thread (the one that uses the store), and resolves it there or, with <paramref name="inBackground"/>, on a thread of
    /// its own while the caller goes on storing documents; <see cref="PendingResolution.Finish"/> writes the events. What
    /// it writes is what it would have written at once: documents stored meanwhile hold mentions no event holds yet, which it
    /// never reads, and leave the events generation it compares as it was (<see cref="IAlmanacStore.GetEventsGeneration"/>).
    /// <paramref name="justStored"/> gives the fingerprints documents were stored with (<see cref="IAlmanacStore.AddDocuments"/>
    /// files them), which need not be computed and filed again, and the mentions stored with them, which need not be read back.
    /// </summary>
    public PendingResolution Begin(IReadOnlyList<string> documentIds, bool inBackground, IReadOnlyDictionary<string, JustStored>? justStored = null)
    {
        var copies = documentIds.SelectMany(id => JoinLineage(id, justStored?.GetValueOrDefault(id)?.Fingerprints)).Distinct(StringComparer.Ordinal).ToList();
        var first = Read(documentIds, copies, inBackground, justStored);
        return new PendingResolution(() => Write(documentIds, copies, first));
    }

    /// <summary>A resolution's neighbourhood as read, and its events and their filing, being resolved.</summary>
    private sealed record Attempt(ResolutionBasis Basis, Task<(Resolution Resolution, EventUpdate? Update)> Resolved);

    private Attempt Read(IReadOnlyList<string> documentIds, IReadOnlyList<string> copies, bool inBackground, IReadOnlyDictionary<string, JustStored>? justStored = null)
    {
        var generation = store.GetEventsGeneration();
        var own = justStored is null ? store.GetMentionsOfDocuments(documentIds) : MentionsOf(documentIds, justStored);
        var ofEvents = new MentionsOfEvents(store);
        var counts = new KeywordCounts(store);
        var (eventIds, candidateBasis) = CandidateEvents(documentIds, own, copies, generation, ofEvents, counts);
        var mentions = ofEvents.Of(eventIds).Concat(own).DistinctBy(m => m.Id).ToList();
        var sources = mentions.Select(m => m.Mention.DocumentId).Distinct(StringComparer.Ordinal).ToList();
        var basis = candidateBasis with { UnaffectedBy = arrived => Unaffected(arrived, own, sources.ToHashSet(StringComparer.Ordinal)) };
        var documents = sources.Select(store.GetDocument).OfType<SourceDocument>().ToDictionary(d => d.Id, StringComparer.Ordinal);
        var lineages = store.GetLineages(sources);
        var frequencies = counts.Of(mentions.SelectMany(m => m.Mention.Keywords));
        var resolver = new EventResolver(id => lineages.GetValueOrDefault(id, id), frequencies, store.CountMentions(sources));
        return new Attempt(basis, inBackground
            ? Task.Factory.StartNew(Resolve, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : Task.FromResult(Resolve()));

        // Touches no store: it may run on another thread.
        (Resolution, EventUpdate?) Resolve()
        {
            var resolution = resolver.Resolve(mentions.Select(m => m.Mention).ToList(), documents);
            if (resolution.Failures.Count > 0)
                return (resolution, null);
            var rowOf = mentions.ToDictionary(m => m.Mention, m => m.Id, (IEqualityComparer<EventMention>)ReferenceEqualityComparer.Instance);
            // Serialized, and the events' terms gathered, here rather than on the thread that writes.
            var update = new EventUpdate(eventIds, resolution.Events, MentionAssignment.Filing(resolution.Events, resolution.MentionsOf, m => rowOf[m]))
                { Terms = EventTerms.Of(resolution.MentionsOf) };
            _ = update.Payloads;
            return (resolution, update);
        }
    }

    /// <summary>
    /// Writes a resolution's events, provided what it read is unchanged; otherwise (or when documents failed, which are then
    /// marked and left out) reads and resolves again, on this thread, up to <see cref="MaxAttempts"/> times.
    /// </summary>
    private DocumentResolution Write(IReadOnlyList<string> documentIds, IReadOnlyList<string> copies, Attempt attempt)
    {
        var failures = new List<ResolutionFailure>();
        for (var n = 1; ; n++)
        {
            var (resolution, update) = attempt.Resolved.GetAwaiter().GetResult();
            if (update is null)
            {
                // Marked failed, a document's mentions leave the store's counts and every neighbourhood read from now on.
                store.MarkAnalysisFailed(resolution.Failures.Select(f => (f.DocumentId, Ingestor.ResolutionReason(f))).ToList());
                failures.AddRange(resolution.Failures);
            }
            else if (store.UpdateEvents(update, attempt.Basis))
            {
                var resolving = documentIds.ToHashSet(StringComparer.Ordinal);
                var joined = resolution.MentionsOf.Where(e => e.Value.Any(m => resolving.Contains(m.DocumentId))).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
                var days = resolution.Events.Where(e => joined.Contains(e.Id)).SelectMany(DaysOf).ToHashSet();
                return new DocumentResolution(documentIds, joined.Order(StringComparer.Ordinal).ToList(), failures) { Days = days };
            }
            if (n == MaxAttempts)
                return new DocumentResolution(documentIds, [], failures, Resolved: false);
            attempt = Read(documentIds, copies, inBackground: false);
        }
    }

    /// <summary>
    /// The documents' mentions as <see cref="IAlmanacStore.GetMentionsOfDocuments"/> gives them, made from the mentions an
    /// ingest just stored and the ids of their rows (the rows keep the order the mentions were stored in), so a batch's
    /// thousands of mentions are not read and deserialized back; a document whose rows do not match its mentions in number
    /// (marked failed since, say) is read from the store.
    /// </summary>
    private List<StoredMention> MentionsOf(IReadOnlyList<string> documentIds, IReadOnlyDictionary<string, JustStored> justStored)
    {
        var rowIds = store.GetMentionIds(documentIds);
        var mentions = new List<StoredMention>();
        var unmatched = new List<string>();
        foreach (var documentId in documentIds)
        {
            var rows = rowIds.GetValueOrDefault(documentId) ?? [];
            if (justStored.GetValueOrDefault(documentId)?.Mentions is { } stored && stored.Count == rows.Count)
                mentions.AddRange(rows.Zip(stored, (id, mention) => new StoredMention(id, mention)));
            else
                unmatched.Add(documentId);
        }
        if (unmatched.Count > 0)
            mentions.AddRange(store.GetMentionsOfDocuments(unmatched));
        mentions.Sort(StoreOrder.Instance);
        return mentions;
    }

    /// <summary>The days of the year an event is dated on, by any claim, in its calendar and in the Gregorian one.</summary>
    private static IEnumerable<NodaTime.AnnualDate> DaysOf(HistoricalEvent e) =>
        e.DateClaims.SelectMany(c => new[] { c.Date, c.Date.ToGregorian() }).Append(e.Date)
            .Where(d => d.Precision == Precision.Day).Select(d => new NodaTime.AnnualDate(d.Month!.Value, d.Day!.Value));

    /// <summary>
    /// Files the document under its fingerprints (unless it was stored with them, <paramref name="filed"/>), puts it into
    /// the lineage of every stored document it shares long passages with (merging their lineages), and returns those
    /// documents: their events' corroboration counts change. Filing here, where every stored document passes (and `reindex`
    /// passes again), also files a store's documents from before fingerprints.
    /// </summary>
    private IReadOnlyList<string> JoinLineage(string documentId, IReadOnlyList<long>? filed)
    {
        var fingerprints = filed;
        if (fingerprints is null)
        {
            if (store.GetDocument(documentId) is not { } stored)
                return [];
            fingerprints = CopyDetector.Fingerprints(stored.Text);
            store.FileFingerprints(documentId, fingerprints);
        }
        var candidates = CopyDetector.CopyCandidates(documentId, store.FindFingerprintHolders(fingerprints));
        if (candidates.Count == 0 || store.GetDocument(documentId) is not { } document)
            return [];
        var others = candidates.Select(store.GetDocument).OfType<SourceDocument>().ToList();
        if (!CopyDetector.MayCopyAny(document.Text, others.Select(d => d.Text)))
            return [];
        var copies = CopyDetector.Detect([.. others, document]).Single(l => l.DocumentIds.Contains(documentId)).DocumentIds;
        if (copies.Count < 2)
            return [];
        var lineages = store.GetLineages(copies);
        var merged = copies.Concat(lineages.Values).Distinct(StringComparer.Ordinal).ToList();
        // The id a full detection gives: the first document of the lineage, in ordinal order.
        store.MergeLineages(merged, merged.Min(StringComparer.Ordinal)!);
        return copies.Where(id => id != documentId).ToList();
    }

    /// <summary>
    /// The events documents could change, with what the store checks before writing (the key ranges looked up and the
    /// events found there): those their mentions' date keys find and could meet (<see cref="EventResolver.MentionsMeeting"/>), those
    /// holding their mentions or their copies', and the events the resolver must see beside those (see <see cref="WithContext"/>).
    /// </summary>
    private (List<string> Candidates, ResolutionBasis Basis) CandidateEvents(IReadOnlyList<string> documentIds, IReadOnlyList<StoredMention> own, IReadOnlyList<string> copies, long generation,
        MentionsOfEvents ofEvents, KeywordCounts counts)
    {
        var near = own.SelectMany(m => EventKeys.Near(m.Mention)).Distinct().ToList();
        var inRanges = store.FindEvents(near);
        var ownMentions = own.Select(m => m.Mention).ToList();
        var shared = new SharedTerms(ownMentions);
        // Of the events in the dates' neighbourhood (a coarse date's is every event of three years), those a mention could
        // meet; one a topical mention could meet may become topical. Only those sharing a term can (SharedTerms), and the
        // store finds them in the years by its index of terms, which holds every term SharedTerms tests (and maybe a few
        // more), so reading the mentions of those alone, and of the few events of the days looked up, keeps the same.
        // The index is asked once for each term of each kind in each range of years: worth it where that is fewer lookups than
        // there are events to read (a year-dated document's dozen terms among 20,000 events), not for a batch of day pages,
        // whose thousands of terms and hundreds of years around day-dated entries hold few events beyond their days.
        var days = near.Where(r => r.Kind == EventKeyKind.Day).ToList();
        var years = EventKeyRange.Union(near.Where(r => r.Kind != EventKeyKind.Day));
        var lookups = shared.ByKind.Sum(k => (long)k.Terms.Count) * years.Count;
        var readable = lookups >= inRanges.Count ? inRanges : SharingTerms();
        var meeting = Meeting(ofEvents.Of(readable), ownMentions, shared, counts);
        var changing = meeting.Select(e => e.Id).Concat(store.GetEventsOfDocuments([.. documentIds, .. copies])).ToHashSet(StringComparer.Ordinal);
        var becomingTopical = meeting.Where(e => e.Meets.Any(m => m.IsTopic)).Select(e => e.Id);
        var candidates = WithContext(changing, becomingTopical, inRanges, ofEvents);
        return (candidates.Order(StringComparer.Ordinal).ToList(), new ResolutionBasis(generation, near, inRanges));

        List<string> SharingTerms()
        {
            var sharing = store.FindEvents(days).Concat(shared.ByKind.SelectMany(k => store.FindEventsSharingTerms(years, k.Kind, k.Terms))).ToHashSet(StringComparer.Ordinal);
            return inRanges.Where(sharing.Contains).ToList();
        }
    }

    /// <summary>The events (given by their mentions) the documents' mentions could meet, each with the mentions it meets (<see cref="EventResolver.MentionsMeeting"/>).</summary>
    private static List<(string Id, IReadOnlyList<EventMention> Meets)> Meeting(IReadOnlyList<StoredMention> ofEvents, IReadOnlyList<EventMention> own, SharedTerms shared,
        KeywordCounts counts)
    {
        var events = ofEvents.Where(m => m.EventId is not null)
            .GroupBy(m => m.EventId!, m => m.Mention, StringComparer.Ordinal)
            .Select(e => (Id: e.Key, Mentions: (IReadOnlyList<EventMention>)e.ToList()))
            .Where(e => shared.With(e.Mentions))
            .ToList();
        var frequencies = counts.Of(events.SelectMany(e => e.Mentions).Concat(own).SelectMany(m => m.Keywords));
        var meets = new EventResolver(keywordFrequencies: frequencies).MentionsMeeting(events.Select(e => e.Mentions).ToList(), own);
        return events.Select((e, i) => (e.Id, Meets: meets[i])).Where(e => e.Meets.Count > 0).ToList();
    }

    /// <summary>
    /// Whether events others filed since a neighbourhood was read leave its resolution standing
    /// (<see cref="ResolutionBasis.UnaffectedBy"/>): read after them, it would have passed them over, as none holds a mention
    /// of a source it resolved (so none is context, <see cref="WithContext"/>) and none is met by a mention of its documents.
    /// </summary>
    private bool Unaffected(IReadOnlyCollection<string> arrived, IReadOnlyList<StoredMention> own, IReadOnlySet<string> sources)
    {
        var mentions = store.GetMentionsOfEvents(arrived);
        if (mentions.Any(m => sources.Contains(m.Mention.DocumentId)))
            return false;
        var ownMentions = own.Select(m => m.Mention).ToList();
        return Meeting(mentions, ownMentions, new SharedTerms(ownMentions), new KeywordCounts(store)).Count == 0;
    }

    /// <summary>
    /// The events that change, with every event the resolver must see beside them to give the result a full resolution
    /// gives. First the events of a changing event's sources within reach of its dates or the document's
    /// (<see cref="EventKeys.Near"/>; those of the document's dates, <paramref name="nearDocument"/>, are found already):
    /// a mention of such a source may follow the changing event into another cluster. Then,
    /// when an event in the set is one some source is about (a topical one: it takes the later events of its sources, the
    /// ones it has and the ones it may gain, as its aftermath and counts them as referrers), every event of every source
    /// of the set, followed until none is added or <see cref="MaxNeighbourhood"/> is passed. A day page has no topical
    /// events (its headings are structure), so one whose entries meet entries of other pages reads those entries and
    /// their neighbours on the calendar, not the other pages whole, nor every page those meet in turn.
    /// </summary>
    private HashSet<string> WithContext(HashSet<string> changing, IEnumerable<string> becomingTopical, IReadOnlyList<string> nearDocument, MentionsOfEvents ofEvents)
    {
        var events = new HashSet<string>(changing, StringComparer.Ordinal);
        var topical = becomingTopical.ToHashSet(StringComparer.Ordinal);
        var withinReach = store.FindEvents(ofEvents.Of(changing).SelectMany(m => EventKeys.Near(m.Mention)).Distinct().ToList())
            .Concat(nearDocument).ToHashSet(StringComparer.Ordinal);
        var added = EventsOf(store.GetDocumentsOfEvents(changing.ToList())).Where(withinReach.Contains).Concat(changing).ToList();
        var sourcesRead = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            events.UnionWith(added);
            topical.UnionWith(Topical(added, ofEvents));
            if (topical.Count == 0 || events.Count > MaxNeighbourhood)
                return events;
            var sources = store.GetDocumentsOfEvents(events.ToList()).Where(sourcesRead.Add).ToList();
            added = EventsOf(sources).Where(e => !events.Contains(e)).ToList();
            if (added.Count == 0)
                return events;
        }
    }

    private IReadOnlyList<string> EventsOf(IReadOnlyList<string> documentIds) => documentIds.Count == 0 ? [] : store.GetEventsOfDocuments(documentIds);

    private static IReadOnlyList<string> Topical(IReadOnlyCollection<string> eventIds, MentionsOfEvents ofEvents) =>
        ofEvents.Of(eventIds).Where(m => m.Mention.IsTopic && m.EventId is not null).Select(m => m.EventId!).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The keyword frequencies one reading of a neighbourhood asks for: those of the events the documents could meet, then
    /// the resolver's (mostly the same words again), each word read from the store once. Nothing is written while a
    /// neighbourhood is read, so a count read for the first question is still the store's for the second.
    /// </summary>
    private sealed class KeywordCounts(IAlmanacStore store)
    {
        private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _byKeyword = new(StringComparer.Ordinal);
        private int? _mentions;

        /// <summary>The frequencies of these keywords (and of those asked for before: the resolver looks up only its own).</summary>
        public KeywordFrequencies Of(IEnumerable<string> keywords)
        {
            var missing = keywords.Where(_asked.Add).ToList();
            if (missing.Count > 0 || _mentions is null)
            {
                var read = store.GetKeywordFrequencies(missing);
                _mentions = read.Mentions;
                foreach (var (keyword, count) in read.ByKeyword)
                    _byKeyword[keyword] = count;
            }
            return new KeywordFrequencies(_mentions.Value, _byKeyword);
        }
    }

    /// <summary>
    /// The mentions of events as one reading of a neighbourhood asks for them: the date neighbourhood's, then the changing
    /// events', their context's and the candidates' (mostly the same events again), each event's read from the store and
    /// deserialized once. In the store's order (document, sentence, row), as the store gives them.
    /// </summary>
    private sealed class MentionsOfEvents(IAlmanacStore store)
    {
        private readonly Dictionary<string, List<StoredMention>> _byEvent = new(StringComparer.Ordinal);

        public IReadOnlyList<StoredMention> Of(IReadOnlyCollection<string> eventIds)
        {
            var missing = eventIds.Where(id => !_byEvent.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                foreach (var id in missing)
                    _byEvent[id] = [];
                foreach (var mention in store.GetMentionsOfEvents(missing))
                    _byEvent[mention.EventId!].Add(mention);
            }
            return eventIds.Distinct(StringComparer.Ordinal).SelectMany(id => _byEvent[id]).Order(StoreOrder.Instance).ToList();
        }
    }

    /// <summary>The order the store gives mentions in: by document, sentence and row.</summary>
    private sealed class StoreOrder : IComparer<StoredMention>
    {
        public static readonly StoreOrder Instance = new();

        public int Compare(StoredMention? x, StoredMention? y) =>
            string.CompareOrdinal(x!.Mention.DocumentId, y!.Mention.DocumentId) is var byDocument and not 0 ? byDocument
                : x.Mention.SentenceStart.CompareTo(y.Mention.SentenceStart) is var bySentence and not 0 ? bySentence
                : x.Id.CompareTo(y.Id);
    }
}

/// <summary>A resolution begun by <see cref="IncrementalResolution.Begin"/>: its neighbourhood read, its events being resolved.</summary>
public sealed class PendingResolution
{
    private readonly Func<DocumentResolution> _write;

    internal PendingResolution(Func<DocumentResolution> write) => _write = write;

    /// <summary>Waits for the events and writes them (resolving again while the store changed under them); on the thread that uses the store.</summary>
    public DocumentResolution Finish() => _write();
}

/// <summary>
/// Stored documents gathered for <see cref="IncrementalResolution"/>, resolved together as soon as about
/// <see cref="IncrementalResolution.BatchMentions"/> mentions have gathered; with <paramref name="inBackground"/>, each batch
/// is resolved while the next gathers and written when that one is full (<see cref="IncrementalResolution.Begin"/>).
/// </summary>
public sealed class ResolutionBatch(IncrementalResolution resolution, bool inBackground = false)
{
    private List<string> _documents = [];
    private Dictionary<string, JustStored> _justStored = new(StringComparer.Ordinal);
    private int _mentions;
    private PendingResolution? _pending;

    /// <summary>
    /// Adds a stored document with its number of mentions and, when it was just stored, what the ingest has of it
    /// (<see cref="JustStored"/>); the resolution of a batch when one was written, else null.
    /// </summary>
    public DocumentResolution? Add(string documentId, int mentions, JustStored? justStored = null)
    {
        _documents.Add(documentId);
        if (justStored is not null)
            _justStored[documentId] = justStored;
        _mentions += mentions;
        if (_mentions < resolution.BatchMentions)
            return null;
        var (documents, known) = Take();
        if (!inBackground)
            return resolution.Resolve(documents, known);
        // The batch before is written first: this one's neighbourhood is read after it, as if resolved one after the other.
        var written = _pending?.Finish();
        _pending = resolution.Begin(documents, inBackground: true, known);
        return written;
    }

    /// <summary>Writes the batch still resolving and resolves what has gathered since: their resolutions, in order.</summary>
    public IReadOnlyList<DocumentResolution> Flush()
    {
        var written = new List<DocumentResolution>();
        if (_pending?.Finish() is { } pending)
            written.Add(pending);
        _pending = null;
        if (_documents.Count > 0)
        {
            var (documents, known) = Take();
            written.Add(resolution.Resolve(documents, known));
        }
        return written;
    }

    private (List<string> Documents, Dictionary<string, JustStored> JustStored) Take()
    {
        var taken = (_documents, _justStored);
        (_documents, _justStored, _mentions) = ([], new(StringComparer.Ordinal), 0);
        return taken;
    }
}
