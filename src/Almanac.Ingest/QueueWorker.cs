using Almanac.Storage.Postgres;
using Almanac.Text;

namespace Almanac.Ingest;

public sealed record WorkerSummary(int Stored, int Refused, bool Resolved);

/// <summary>
/// An ingest worker: claims queued documents a few at a time, runs each through the same pipeline as a direct ingest
/// (<see cref="Ingestor.Analyze"/>), on every core, storing them in the claim's transaction, and resolves the stored
/// documents in batches into the events they touch, each batch while the next documents are analysed (as a direct
/// ingest does); when the queue is drained it resolves what is still waiting (a worker that died after storing),
/// unless another worker still holds documents (that one does it after them).
/// </summary>
public sealed class QueueWorker(PostgresAlmanacStore store, Ingestor ingestor)
{
    private readonly PostgresDocumentQueue _queue = new(store);

    /// <summary>
    /// Documents claimed at a time: enough to keep every core analysing, few enough that a worker that dies leaves little
    /// to analyse again and holds few documents another worker could take.
    /// </summary>
    private static int ClaimSize => 2 * Environment.ProcessorCount;

    /// <summary>Drains the queue, then resolves what waits; <paramref name="processed"/> hears of each document's path and outcome.</summary>
    public WorkerSummary Run(Action<string, QueueResult>? processed = null)
    {
        var (stored, refused) = Drain(processed);
        var resolved = _queue.ResolveWhenDrained(() => ingestor.ResolveWaiting());
        return new WorkerSummary(stored, refused, resolved);
    }

    /// <summary>Claims and stores documents until nothing is left to claim; returns how many were stored and refused.</summary>
    public (int Stored, int Refused) Drain(Action<string, QueueResult>? processed = null)
    {
        var (stored, refused) = (0, 0);
        var batch = ingestor.ResolutionBatch();
        while (_queue.ProcessNext(ClaimSize, ProcessClaimed) is { Count: > 0 } claims)
        {
            foreach (var (path, result) in claims)
            {
                if (result.Document is null)
                {
                    refused++;
                }
                else
                {
                    stored++;
                    if (result.AnalysisFailure is null)
                        // A document found stored already keeps its rows, which an older version may have made: those are read back.
                        batch.Add(result.Document.Id, result.Mentions.Count, new JustStored(result.Document.Fingerprints, result.IsNew ? result.Mentions : null));
                }
                processed?.Invoke(path, result);
            }
        }
        batch.Flush();
        return (stored, refused);
    }

    /// <summary>The claimed documents analysed at once, on every core.</summary>
    private IReadOnlyList<QueueResult> ProcessClaimed(IReadOnlyList<QueuedDocument> claimed) =>
        Task.WhenAll(claimed.Select(queued => Task.Run(() => Process(queued)))).GetAwaiter().GetResult();

    private QueueResult Process(QueuedDocument queued)
    {
        var read = DocumentReader.Read(queued.ReadAs, queued.Content);
        if (!read.IsSuccess)
            return QueueResult.Refused(read.Failure.Reason);
        var outcome = ingestor.Analyze(queued.Id, read.Document with { Path = queued.Path }, queued.Content.Length);
        if (outcome.IsRefused)
            return QueueResult.Refused(outcome.Failure!);
        var stored = QueueResult.Stored(outcome.Document, outcome.Mentions, outcome.Failure);
        _ = stored.ToStore!.MentionPayloads; // serialized here, on a core analysing, not in the claim's transaction
        return stored;
    }
}
