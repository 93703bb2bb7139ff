using System.Security.Cryptography;
using Almanac.Storage.Postgres;
using Almanac.Text;

namespace Almanac.Ingest;

public sealed record EnqueueSummary(int Queued, int AlreadyQueued, int AlreadyStored, IReadOnlyList<IngestFailure> Failures);

/// <summary>Puts documents' raw bytes (files, fetched web pages) on the ingest queue for workers to read; the reading itself happens in the worker.</summary>
public static class DocumentQueueing
{
    public static EnqueueSummary Enqueue(PostgresDocumentQueue queue, FileSelection selection)
    {
        var failures = new List<IngestFailure>(selection.Failures);
        var (queued, alreadyQueued, alreadyStored) = (0, 0, 0);
        foreach (var entry in selection.Files)
        {
            var (document, failure) = selection.Raw(entry);
            if (document is null)
            {
                failures.Add(new IngestFailure(entry, failure!));
                continue;
            }
            // The same id DocumentReader gives the document: the SHA-256 of the raw bytes, lowercase hex.
            var id = Convert.ToHexStringLower(SHA256.HashData(document.Content));
            switch (queue.Enqueue(id, document.Path, document.Content, document.ReadAs))
            {
                case EnqueueOutcome.Queued: queued++; break;
                case EnqueueOutcome.AlreadyQueued: alreadyQueued++; break;
                case EnqueueOutcome.AlreadyStored: alreadyStored++; break;
            }
        }
        return new EnqueueSummary(queued, alreadyQueued, alreadyStored, failures);
    }
}
