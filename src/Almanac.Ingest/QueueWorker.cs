using Almanac.Storage.Postgres;
using Almanac.Text;

namespace Almanac.Ingest;

public sealed record WorkerSummary(int Stored, int Refused, bool Resolved);

/// <summary>
/// An ingest worker: claims queued documents one at a time and runs each through the same pipeline as a direct
/// ingest (<see cref="Ingestor.Analyze"/>), storing it in the claim's transaction and then resolving it into the events
/// it touches; when the queue is drained it resolves what is still waiting (a worker that died after storing),
/// unless another worker still holds documents (that one does it after them).
/// </summary>
public sealed class QueueWorker(PostgresAlmanacStore store, Ingestor ingestor)
{
    private readonly PostgresDocumentQueue _queue = new(store);

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
        while (_queue.ProcessNext(Process) is { } claim)
        {
            var (path, result) = claim;
            if (result.Document is null)
            {
                refused++;
            }
            else
            {
                stored++;
                if (result.AnalysisFailure is null)
                    ingestor.ResolveDocument(result.Document.Id);
            }
            processed?.Invoke(path, result);
        }
        return (stored, refused);
    }

    private QueueResult Process(QueuedDocument queued)
    {
        var read = DocumentReader.Read(queued.ReadAs, queued.Content);
        if (!read.IsSuccess)
            return QueueResult.Refused(read.Failure.Reason);
        var outcome = ingestor.Analyze(queued.Id, read.Document with { Path = queued.Path }, queued.Content.Length);
        return outcome.IsRefused
            ? QueueResult.Refused(outcome.Failure!)
            : QueueResult.Stored(outcome.Document, outcome.Mentions, outcome.Failure);
    }
}
