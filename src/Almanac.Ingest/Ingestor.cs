using Almanac.Ingest.Pictures;
using Almanac.Core;
using Almanac.Events;
using Almanac.Storage;
using Almanac.Temporal;
using Almanac.Text;

namespace Almanac.Ingest;

public sealed record IngestFailure(string Path, string Reason);

public sealed record IngestProgress(int Done, int Total, string Path);

/// <summary>What an ingest did. <see cref="Failures"/> are files refused (unreadable, over budget: nothing stored); <see cref="FailedAnalyses"/> are documents stored but marked failed because a stage threw on them.</summary>
public sealed record IngestSummary(int Read, int Skipped, int EventsFound, IReadOnlyList<IngestFailure> Failures)
{
    public IReadOnlyList<IngestFailure> FailedAnalyses { get; init; } = [];

    /// <summary>Sentences of the documents read that write a day but gave no event on it, for the sanity gate.</summary>
    public IReadOnlyList<UnplacedSentence> UnplacedSentences { get; init; } = [];

    /// <summary>Pictures of the stored documents that were not kept (a path out of the page's folder, a file that is no image…).</summary>
    public IReadOnlyList<RefusedPicture> RefusedPictures { get; init; } = [];

    /// <summary>The calendar days the events the ingest found or joined are dated on, which the sanity gate checks.</summary>
    public IReadOnlyList<NodaTime.AnnualDate> Days { get; init; } = [];
}

/// <summary>
/// What analysing one read document gave: its mentions; or a failure, with the document kept so a later
/// version can retry it (<see cref="Failure"/> set); or a refusal because it went over its budget
/// (<see cref="IsRefused"/>: nothing is stored).
/// </summary>
public sealed record AnalysisOutcome(SourceDocument Document, IReadOnlyList<EventMention> Mentions, string? Failure, bool IsRefused = false)
{
    /// <summary>Sentences that write a day but gave no event on it (<see cref="UnplacedDays"/>).</summary>
    public IReadOnlyList<UnplacedSentence> Unplaced { get; init; } = [];

    /// <summary>The pictures of the document that were not kept, each with why.</summary>
    public IReadOnlyList<RefusedPicture> RefusedPictures { get; init; } = [];
}

/// <summary>What a reindex did: documents analysed again and cleared, and those that failed again or could not be retried.</summary>
public sealed record ReindexSummary(int Retried, int Cleared, int Resolved, IReadOnlyList<IngestFailure> Failures);

/// <summary>
/// Runs the pipeline over files: read → segment → tag → extract mentions (on all cores) → store (one transaction
/// per document), then resolves the stored documents into events in batches (<see cref="IncrementalResolution"/>). Idempotent: a document already
/// stored (same content hash) is skipped; a failed file is reported and the batch goes on. A stage that
/// throws on one document marks that document as failed (kept, left out of events, retried by
/// <see cref="Reindex"/>); a document over its analysis budget is refused and nothing of it stored.
/// </summary>
public sealed class Ingestor(IAlmanacStore store, TemporalTagger? tagger = null, AnalysisBudget.Limits? budget = null,
    int batchMentions = IncrementalResolution.DefaultBatchMentions)
{
    private readonly TemporalTagger _tagger = tagger ?? TemporalTagger.Default;
    private readonly AnalysisBudget.Limits _budget = budget ?? AnalysisBudget.DefaultLimits;
    private readonly IncrementalResolution _incremental = new(store, batchMentions);

    public IngestSummary Ingest(FileSelection selection, Action<IngestProgress>? progress = null)
    {
        var failures = new List<IngestFailure>(selection.Failures);
        var failedAnalyses = new List<IngestFailure>();
        var (read, skipped) = (0, 0);
        var unplaced = new List<UnplacedSentence>();
        var refusedPictures = new List<RefusedPicture>();
        var resolutions = new List<DocumentResolution>();
        // Each batch resolves on a thread of its own while this one stores the next documents.
        var batch = ResolutionBatch();
        // Analysed documents are stored a batch's worth at a time (at most DocumentsPerTransaction), in one transaction (IAlmanacStore.AddDocuments).
        var toStore = new List<(string Path, AnalysisOutcome Outcome, DocumentToStore Stored)>();
        var (mentionsToStore, bytesToStore) = (0, 0L);
        foreach (var (path, outcome, stored, unreadable) in Analyzed(selection, progress))
        {
            if (unreadable is not null)
            {
                failures.Add(new IngestFailure(path, unreadable));
                continue;
            }
            if (outcome is null)
            {
                skipped++;
                continue;
            }
            if (outcome.IsRefused)
            {
                failures.Add(new IngestFailure(path, outcome.Failure!));
                continue;
            }
            toStore.Add((path, outcome, stored!));
            mentionsToStore += outcome.Mentions.Count;
            bytesToStore += outcome.Document.Text.Length;
            if (mentionsToStore >= _incremental.BatchMentions || bytesToStore >= BytesAhead || toStore.Count >= DocumentsPerTransaction)
                StoreAnalysed();
        }
        StoreAnalysed();
        resolutions.AddRange(batch.Flush());
        progress?.Invoke(new IngestProgress(selection.Files.Count, selection.Files.Count, ""));
        // Documents an interrupted ingest stored but did not resolve.
        resolutions.AddRange(_incremental.ResolveWaiting());
        failedAnalyses.AddRange(resolutions.SelectMany(r => r.Failures).Select(f => new IngestFailure(PathOf(f.DocumentId), StoredFailure(ResolutionReason(f)))));
        // The events holding the resolved documents' mentions now, a page of documents at a time: an ingest of day pages
        // finds a hundred thousand, which need not be read.
        var found = resolutions.SelectMany(r => r.DocumentIds).Distinct(StringComparer.Ordinal).Chunk(PageOfDocuments)
            .SelectMany(page => store.GetEventsOfDocuments(page)).Distinct(StringComparer.Ordinal).Count();
        var days = resolutions.SelectMany(r => r.Days).ToHashSet();
        return new IngestSummary(read, skipped, found, failures)
            { FailedAnalyses = failedAnalyses, UnplacedSentences = unplaced, RefusedPictures = refusedPictures, Days = days.Order().ToList() };

        void StoreAnalysed()
        {
            if (toStore.Count == 0)
                return;
            var added = store.AddDocuments(toStore.Select(d => d.Stored).ToList());
            foreach (var ((path, outcome, _), isNew) in toStore.Zip(added))
            {
                if (!isNew)
                {
                    skipped++;
                    continue;
                }
                read++;
                unplaced.AddRange(outcome.Unplaced);
                refusedPictures.AddRange(outcome.RefusedPictures);
                if (outcome.Failure is { } failure)
                    failedAnalyses.Add(new IngestFailure(path, StoredFailure(failure)));
                else if (batch.Add(outcome.Document.Id, outcome.Mentions.Count, new JustStored(outcome.Document.Fingerprints, outcome.Mentions)) is { } resolution)
                    resolutions.Add(resolution);
            }
            toStore.Clear();
            (mentionsToStore, bytesToStore) = (0, 0L);
        }
    }

    /// <summary>
    /// The selection's files in order, each with what analysing it gave, or why it could not be read (neither: it is
    /// stored already). Files are loaded and their content checked against the store here, on the caller's thread, which
    /// alone uses the store; the next files are read and analysed on other cores meanwhile, up to
    /// <see cref="AnalysesAheadPerCore"/> a core and <see cref="BytesAhead"/> of files, so the other cores keep analysing
    /// while this thread resolves a batch, and memory holds a few documents whatever the folder's size.
    /// </summary>
    private IEnumerable<(string Path, AnalysisOutcome? Outcome, DocumentToStore? Stored, string? Unreadable)> Analyzed(FileSelection selection, Action<IngestProgress>? progress)
    {
        var running = new Queue<(string Path, long Bytes, Task<(AnalysisOutcome?, DocumentToStore?, string?)> Analysis)>();
        var bytesAhead = 0L;
        for (var i = 0; i < selection.Files.Count; i++)
        {
            var path = selection.Files[i];
            progress?.Invoke(new IngestProgress(i, selection.Files.Count, path));
            var (raw, failure) = selection.Raw(path);
            if (raw is null)
                running.Enqueue((path, 0, Task.FromResult<(AnalysisOutcome?, DocumentToStore?, string?)>((null, null, failure))));
            else if (store.ContainsDocument(DocumentReader.ContentHash(raw.Content)))
                running.Enqueue((path, 0, Task.FromResult<(AnalysisOutcome?, DocumentToStore?, string?)>((null, null, null))));
            else
            {
                running.Enqueue((path, raw.Content.Length, AnalysisThreads.Run(() => ReadAndAnalyze(raw))));
                bytesAhead += raw.Content.Length;
            }
            while (running.Count > AnalysesAheadPerCore * Environment.ProcessorCount || (running.Count > 1 && bytesAhead > BytesAhead))
                yield return Finished(running.Dequeue());
        }
        while (running.Count > 0)
            yield return Finished(running.Dequeue());

        (string, AnalysisOutcome?, DocumentToStore?, string?) Finished((string Path, long Bytes, Task<(AnalysisOutcome?, DocumentToStore?, string?)> Analysis) running)
        {
            var (outcome, stored, unreadable) = running.Analysis.GetAwaiter().GetResult();
            bytesAhead -= running.Bytes;
            return (running.Path, outcome, stored, unreadable);
        }
    }

    /// <summary>Reads and analyses a file, with what the store writes of it, its mentions serialized here, on an analysing core.</summary>
    private (AnalysisOutcome?, DocumentToStore?, string?) ReadAndAnalyze(RawDocument raw)
    {
        var (result, bytes) = FileSelection.Read(raw);
        if (!result.IsSuccess)
            return (null, null, result.Failure.Reason);
        var outcome = Analyze(result.ContentHash, result.Document, bytes);
        var stored = new DocumentToStore(outcome.Document, outcome.Mentions, outcome.Failure);
        _ = stored.MentionPayloads;
        return (outcome, stored, null);
    }

    /// <summary>Resolves every stored document no event holds yet (see <see cref="IncrementalResolution"/>).</summary>
    public IReadOnlyList<DocumentResolution> ResolveWaiting() => _incremental.ResolveWaiting();

    /// <summary>
    /// A batch to gather stored documents in, each batch of them resolved on a thread of its own while the caller stores
    /// the next (see <see cref="ResolutionBatch"/>), as <see cref="Ingest"/> does.
    /// </summary>
    public ResolutionBatch ResolutionBatch() => new(_incremental, inBackground: true);

    /// <summary>
    /// Everything the pipeline makes of one read document, before it is stored, within the analysis budget. Never
    /// throws for a document: a stage that throws gives a failed outcome, an exhausted budget a refused one.
    /// </summary>
    public AnalysisOutcome Analyze(string documentId, ReadDocument read, long byteLength)
    {
        var pictures = DocumentPictures.Resolve(read);
        read = pictures.Document;
        var text = read.Text;
        var document = new SourceDocument(documentId, read.Path, read.Title, text, byteLength)
        {
            Observances = MentionExtractor.Observances(documentId, read.DayPage),
            ImageFiles = pictures.Files,
        };
        try
        {
            var budget = AnalysisBudget.Start(_budget);
            var sentences = Segmenter.Split(read);
            budget.Check();
            var timexes = _tagger.Tag(MentionExtractor.TextToTag(read), new TaggingContext(null, AnchorMode.Narrative) { Budget = budget });
            var analysis = new DocumentAnalysis(documentId, read, sentences, timexes) { Budget = budget };
            var mentions = MentionExtractor.Extract(analysis);
            budget.Check();
            // Computed here, on the analysing cores, and filed with the document: resolution finds them filed.
            document = document with { Fingerprints = CopyDetector.Fingerprints(text) };
            return new AnalysisOutcome(document, mentions, null)
                { Unplaced = UnplacedDays.In(analysis, mentions), RefusedPictures = pictures.Refused };
        }
        catch (AnalysisBudgetExceededException e)
        {
            return new AnalysisOutcome(document, [], $"refused: {e.Message}", IsRefused: true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new AnalysisOutcome(document, [], $"analysis failed ({e.GetType().Name}: {e.Message}); this is a bug in Almanac");
        }
    }

    /// <summary>
    /// The full resolution in memory, the reference that incremental resolution and `reindex` are checked against (and
    /// measured against in bench/): groups every stored document into copy lineages (kept in the store), re-resolves the
    /// mentions of every document not marked as failed into events, marks the documents resolution failed on, and
    /// replaces the stored events, each mention filed under its event, in one transaction. It reads the whole store.
    /// </summary>
    /// <remarks>
    /// Another ingest may store documents meanwhile (documents are only ever added, so an unchanged count means an
    /// unchanged set). Reads that straddle such a write are retried, and when documents arrived while these events
    /// were resolved, this older result may have replaced the other ingest's newer one: it is resolved again.
    /// </remarks>
    public Resolution Resolve()
    {
        while (true)
        {
            var count = store.GetCounts().Documents;
            var stored = store.GetDocuments();
            var mentions = store.GetMentions();
            if (store.GetCounts().Documents != count)
                continue;
            var lineages = CopyDetector.Detect(stored);
            foreach (var lineage in lineages.Where(l => l.DocumentIds.Count > 1))
                store.MergeLineages(lineage.DocumentIds, lineage.Id);
            var documents = stored.ToDictionary(d => d.Id, StringComparer.Ordinal);
            var resolution = new EventResolver(CopyDetector.LineageOf(lineages)).Resolve(mentions.Select(m => m.Mention).ToList(), documents);
            if (resolution.Failures.Count > 0)
                store.MarkAnalysisFailed(resolution.Failures.Select(f => (f.DocumentId, ResolutionReason(f))).ToList());
            var rowOf = mentions.ToDictionary(m => m.Mention, m => m.Id, (IEqualityComparer<EventMention>)ReferenceEqualityComparer.Instance);
            store.ReplaceEvents(resolution.Events, MentionAssignment.Filing(resolution.Events, resolution.MentionsOf, m => rowOf[m]));
            if (store.GetCounts().Documents == count)
                return resolution;
        }
    }

    /// <summary>
    /// Analyses every document marked as failed again (from its file when that is unchanged, else from its stored
    /// text), then resolves every document's neighbourhood again in turn (<see cref="IncrementalResolution.ResolveEverything"/>):
    /// what this version of Almanac can read is cleared, the rest stays marked. <paramref name="progress"/> hears how many documents are resolved so far.
    /// </summary>
    public ReindexSummary Reindex(Action<int>? progress = null)
    {
        var failed = store.GetFailedDocuments();
        var failures = new List<IngestFailure>();
        foreach (var document in failed)
        {
            var outcome = Analyze(document.Id, ReadAgain(document), store.GetDocument(document.Id)?.ByteLength ?? 0);
            if (outcome.Failure is { } failure)
            {
                store.MarkAnalysisFailed([(document.Id, failure)]);
                failures.Add(new IngestFailure(document.Path, failure));
                continue;
            }
            store.ReplaceMentions(document.Id, outcome.Mentions);
        }
        var resolved = 0;
        var resolutions = _incremental.ResolveEverything(n =>
        {
            resolved += n;
            progress?.Invoke(resolved);
        });
        failures.AddRange(resolutions.SelectMany(r => r.Failures).Select(f => new IngestFailure(PathOf(f.DocumentId), ResolutionReason(f))));
        failures.AddRange(resolutions.Where(r => !r.Resolved).SelectMany(r => r.DocumentIds).Select(id => new IngestFailure(PathOf(id), LeftWaiting)));
        var stillFailing = store.GetFailedDocuments().Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        return new ReindexSummary(failed.Count, failed.Count(f => !stillFailing.Contains(f.Id)), resolved, failures);
    }

    /// <summary>The document as first read when its file still holds the same bytes; otherwise its stored text, paragraph by paragraph.</summary>
    private ReadDocument ReadAgain(FailedDocument failed)
    {
        if (File.Exists(failed.Path) && DocumentReader.Read(failed.Path) is { IsSuccess: true } read && read.ContentHash == failed.Id)
            return read.Document;
        var stored = store.GetDocument(failed.Id) ?? throw new InvalidOperationException($"failed document {failed.Id} is not stored");
        return new ReadDocument(stored.Path, stored.Title, stored.Text.Split("\n\n").Select(b => new TextBlock(BlockKind.Paragraph, b)).ToList());
    }

    private string PathOf(string documentId) => store.GetDocument(documentId)?.Path ?? documentId;

    internal static string ResolutionReason(ResolutionFailure failure) => $"resolution: {failure.Reason}; this is a bug in Almanac";

    /// <summary>Documents whose events are looked up at a time.</summary>
    private const int PageOfDocuments = 1_000;

    /// <summary>
    /// Documents read and analysed ahead of the one being stored, per core (see <see cref="Analyzed"/>): more than a batch of
    /// day pages, so the analysis threads, which yield to the chain (<see cref="AnalysisThreads"/>), keep working through the
    /// chain's longest steps (writing one batch's events and reading the next one's neighbourhood), and the chain rarely waits
    /// for them. With four a core it waited 3 s of the 366 day pages' 30.
    /// </summary>
    private const int AnalysesAheadPerCore = 16;

    /// <summary>
    /// Documents stored in one transaction at most: enough that the keyword counts and fingerprint index they all write into
    /// are written once for dozens of documents, few enough that a crash or a kill loses little storing and another writer
    /// waits for little.
    /// </summary>
    private const int DocumentsPerTransaction = 32;

    /// <summary>Bytes of files held ahead of the one being stored, past which only one more is read.</summary>
    private const long BytesAhead = 16 << 20;

    private const string LeftWaiting = "left waiting: other writers kept changing its events; the next ingest or reindex resolves it";

    private static string StoredFailure(string reason) => $"{reason}; the document is stored and left out of events until `almanac reindex` succeeds on it";
}
