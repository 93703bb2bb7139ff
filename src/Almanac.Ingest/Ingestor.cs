using Almanac.Core;
using Almanac.Events;
using Almanac.Storage;
using Almanac.Temporal;
using Almanac.Text;

namespace Almanac.Ingest;

public sealed record IngestFailure(string Path, string Reason);

public sealed record IngestProgress(int Done, int Total, string Path);

public sealed record IngestSummary(int Read, int Skipped, int EventsFound, IReadOnlyList<IngestFailure> Failures);

/// <summary>
/// Runs the pipeline over files: read → segment → tag → extract mentions → store (one transaction
/// per document), then resolves events across everything stored. Idempotent: a document already
/// stored (same content hash) is skipped; a failed file is reported and the batch goes on.
/// </summary>
public sealed class Ingestor(IAlmanacStore store, TemporalTagger? tagger = null)
{
    private readonly TemporalTagger _tagger = tagger ?? TemporalTagger.Default;

    public IngestSummary Ingest(FileSelection selection, Action<IngestProgress>? progress = null)
    {
        var failures = new List<IngestFailure>(selection.Failures);
        var (read, skipped) = (0, 0);
        var newDocuments = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < selection.Files.Count; i++)
        {
            var path = selection.Files[i];
            progress?.Invoke(new IngestProgress(i, selection.Files.Count, path));
            var result = DocumentReader.Read(path);
            if (!result.IsSuccess)
            {
                failures.Add(new IngestFailure(path, result.Failure.Reason));
                continue;
            }
            if (store.ContainsDocument(result.ContentHash))
            {
                skipped++;
                continue;
            }
            SourceDocument document;
            IReadOnlyList<EventMention> mentions;
            try
            {
                (document, mentions) = Analyze(result.ContentHash, result.Document, new FileInfo(path).Length);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A document that trips a bug in a later stage is reported like any bad file; the batch goes on.
                failures.Add(new IngestFailure(path, $"could not be analysed ({e.GetType().Name}: {e.Message}); this is a bug in Almanac"));
                continue;
            }
            if (store.AddDocument(document, mentions))
            {
                read++;
                newDocuments.Add(document.Id);
            }
            else
            {
                skipped++;
            }
        }
        progress?.Invoke(new IngestProgress(selection.Files.Count, selection.Files.Count, ""));
        var events = Resolve();
        var found = events.Count(e => e.Mentions.Any(m => newDocuments.Contains(m.DocumentId)));
        return new IngestSummary(read, skipped, found, failures);
    }

    /// <summary>Everything the pipeline makes of one read document, before it is stored.</summary>
    public (SourceDocument Document, IReadOnlyList<EventMention> Mentions) Analyze(string documentId, ReadDocument read, long byteLength)
    {
        var text = read.Text;
        var sentences = Segmenter.Split(read);
        var timexes = _tagger.Tag(text, new TaggingContext(null, AnchorMode.Narrative));
        var mentions = MentionExtractor.Extract(new DocumentAnalysis(documentId, read, sentences, timexes));
        return (new SourceDocument(documentId, read.Path, read.Title, text, byteLength), mentions);
    }

    /// <summary>Groups the stored documents into copy lineages, re-resolves all stored mentions into events and replaces the stored events in one transaction.</summary>
    /// <remarks>
    /// Another ingest may store documents meanwhile (documents are only ever added, so an unchanged count means an
    /// unchanged set). Reads that straddle such a write are retried, and when documents arrived while these events
    /// were resolved, this older result may have replaced the other ingest's newer one: it is resolved again.
    /// </remarks>
    public IReadOnlyList<HistoricalEvent> Resolve()
    {
        while (true)
        {
            var count = store.GetCounts().Documents;
            var stored = store.GetDocuments();
            var mentions = store.GetMentions();
            if (store.GetCounts().Documents != count)
                continue;
            var lineages = CopyDetector.Detect(stored);
            var documents = stored.ToDictionary(d => d.Id, StringComparer.Ordinal);
            var events = new EventResolver(CopyDetector.LineageOf(lineages)).Resolve(mentions, documents);
            store.ReplaceEvents(events);
            if (store.GetCounts().Documents == count)
                return events;
        }
    }
}
