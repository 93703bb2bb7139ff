using System.Security.Cryptography;
using Almanac.Storage.Postgres;
using Almanac.Text;

namespace Almanac.Ingest;

public sealed record EnqueueSummary(int Queued, int AlreadyQueued, int AlreadyStored, IReadOnlyList<IngestFailure> Failures);

/// <summary>Puts files' raw bytes on the ingest queue for workers to read; the reading itself happens in the worker.</summary>
public static class DocumentQueueing
{
    public static EnqueueSummary Enqueue(PostgresDocumentQueue queue, FileSelection selection)
    {
        var failures = new List<IngestFailure>(selection.Failures);
        var (queued, alreadyQueued, alreadyStored) = (0, 0, 0);
        foreach (var path in selection.Files)
        {
            byte[] content;
            try
            {
                var length = new FileInfo(path).Length;
                if (length > DocumentReader.MaxBytes)
                {
                    failures.Add(new IngestFailure(path, $"is {length} bytes, more than the {DocumentReader.MaxBytes} a document may have"));
                    continue;
                }
                content = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add(new IngestFailure(path, $"cannot read the file: {e.Message}"));
                continue;
            }
            // The same id DocumentReader gives the document: the SHA-256 of the raw bytes, lowercase hex.
            var id = Convert.ToHexStringLower(SHA256.HashData(content));
            switch (queue.Enqueue(id, path, content))
            {
                case EnqueueOutcome.Queued: queued++; break;
                case EnqueueOutcome.AlreadyQueued: alreadyQueued++; break;
                case EnqueueOutcome.AlreadyStored: alreadyStored++; break;
            }
        }
        return new EnqueueSummary(queued, alreadyQueued, alreadyStored, failures);
    }
}
