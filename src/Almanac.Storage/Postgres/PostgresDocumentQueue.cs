using Almanac.Core;
using Npgsql;

namespace Almanac.Storage.Postgres;

/// <summary>
/// A document waiting in the queue: its raw bytes, keyed by their content hash, with its path or web address and the
/// file name to read it as (the path itself, or for a web page a name whose extension says its content type).
/// </summary>
public sealed record QueuedDocument(string Id, string Path, byte[] Content, string ReadAs);

/// <summary>What a worker made of a claimed document: the document and its mentions to store, or why it cannot be stored.</summary>
public sealed record QueueResult(SourceDocument? Document, IReadOnlyList<EventMention> Mentions, string? Failure)
{
    /// <summary>Why analysing the stored document failed; it is stored without mentions, marked, for a reindex to retry.</summary>
    public string? AnalysisFailure { get; init; }

    public static QueueResult Stored(SourceDocument document, IReadOnlyList<EventMention> mentions, string? analysisFailure = null) =>
        new(document, mentions, null) { AnalysisFailure = analysisFailure };

    public static QueueResult Refused(string reason) => new(null, [], reason);
}

public enum EnqueueOutcome
{
    Queued,
    AlreadyQueued,
    AlreadyStored,
}

/// <summary>
/// The ingest queue in the store's database, shared by any number of workers on any number of machines. A worker
/// claims a document with FOR UPDATE SKIP LOCKED inside a transaction that also stores the document and its
/// mentions and removes it from the queue: a worker that dies mid-document rolls back, and the document is
/// claimed again by the next worker.
/// </summary>
public sealed class PostgresDocumentQueue(PostgresAlmanacStore store)
{
    /// <summary>"resolve" in ASCII: held by the one worker re-resolving events.</summary>
    private const long ResolveLock = 0x7265736f6c7665;

    /// <summary>Adds a document's bytes to the queue, unless it is queued or stored already.</summary>
    public EnqueueOutcome Enqueue(string id, string path, byte[] content, string? readAs = null)
    {
        if (store.ContainsDocument(id))
            return EnqueueOutcome.AlreadyStored;
        using var connection = store.DataSource.OpenConnection();
        using var insert = new NpgsqlCommand(
            "INSERT INTO document_queue (id, path, content, enqueued_at, read_as) VALUES (@id, @path, @content, clock_timestamp(), @read_as) ON CONFLICT (id) DO NOTHING",
            connection);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("path", path);
        insert.Parameters.AddWithValue("content", content);
        insert.Parameters.AddWithValue("read_as", readAs is null || readAs == path ? DBNull.Value : readAs);
        return insert.ExecuteNonQuery() == 1 ? EnqueueOutcome.Queued : EnqueueOutcome.AlreadyQueued;
    }

    /// <summary>Documents waiting, including those a worker holds right now; refused documents are not counted.</summary>
    public int Pending()
    {
        using var connection = store.DataSource.OpenConnection();
        using var count = new NpgsqlCommand("SELECT count(*) FROM document_queue WHERE failure IS NULL", connection);
        return checked((int)(long)count.ExecuteScalar()!);
    }

    /// <summary>The documents refused by workers, with the reasons, oldest first.</summary>
    public IReadOnlyList<(string Path, string Reason)> Failures()
    {
        using var connection = store.DataSource.OpenConnection();
        using var select = new NpgsqlCommand("SELECT path, failure FROM document_queue WHERE failure IS NOT NULL ORDER BY enqueued_at, id", connection);
        using var reader = select.ExecuteReader();
        var failures = new List<(string, string)>();
        while (reader.Read())
            failures.Add((reader.GetString(0), reader.GetString(1)));
        return failures;
    }

    /// <summary>
    /// Claims the oldest <paramref name="count"/> documents no other worker holds, runs <paramref name="process"/> on them
    /// (a result for each, in their order) and, in the same transaction, stores each result and dequeues its document (or
    /// marks it refused). Returns what became of each claimed document, by path, in queue order: none when nothing is left
    /// to claim. If <paramref name="process"/> throws, or the process dies, the transaction rolls back and every claimed
    /// document stays queued.
    /// </summary>
    public IReadOnlyList<(string Path, QueueResult Result)> ProcessNext(int count, Func<IReadOnlyList<QueuedDocument>, IReadOnlyList<QueueResult>> process)
    {
        using var connection = store.DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var claimed = new List<QueuedDocument>();
        using (var claim = new NpgsqlCommand(
            "SELECT id, path, content, coalesce(read_as, path) FROM document_queue WHERE failure IS NULL ORDER BY enqueued_at, id LIMIT @count FOR UPDATE SKIP LOCKED",
            connection, transaction))
        {
            claim.Parameters.AddWithValue("count", count);
            using var reader = claim.ExecuteReader();
            while (reader.Read())
                claimed.Add(new QueuedDocument(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2), reader.GetString(3)));
        }
        if (claimed.Count == 0)
            return [];
        var results = process(claimed);
        foreach (var (queued, result) in claimed.Zip(results))
        {
            if (result.Document is { } document)
            {
                PostgresAlmanacStore.AddDocument(connection, transaction, document, result.Mentions, result.AnalysisFailure);
                using var done = new NpgsqlCommand("DELETE FROM document_queue WHERE id = @id", connection, transaction);
                done.Parameters.AddWithValue("id", queued.Id);
                done.ExecuteNonQuery();
            }
            else
            {
                using var refuse = new NpgsqlCommand("UPDATE document_queue SET failure = @failure, content = ''::bytea WHERE id = @id", connection, transaction);
                refuse.Parameters.AddWithValue("id", queued.Id);
                refuse.Parameters.AddWithValue("failure", result.Failure ?? "refused");
                refuse.ExecuteNonQuery();
            }
        }
        transaction.Commit();
        return claimed.Zip(results, (queued, result) => (queued.Path, result)).ToList();
    }

    /// <summary>
    /// Runs <paramref name="resolve"/> once the queue is drained, holding an advisory lock so two workers never
    /// resolve at once. Returns false, without resolving, when documents are still queued or held: the worker
    /// that finishes the last of them resolves after it.
    /// </summary>
    public bool ResolveWhenDrained(Action resolve)
    {
        using var connection = store.DataSource.OpenConnection();
        PostgresAlmanacStore.Execute(connection, null, $"SELECT pg_advisory_lock({ResolveLock})");
        try
        {
            if (Pending() > 0)
                return false;
            resolve();
            return true;
        }
        finally
        {
            PostgresAlmanacStore.Execute(connection, null, $"SELECT pg_advisory_unlock({ResolveLock})");
        }
    }
}
