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

    /// <summary>Whether storing it added the document and these mentions (false: the document was stored already, its rows maybe by another version).</summary>
    public bool IsNew { get; init; }

    /// <summary>
    /// The document as the store takes it (null when refused), its mentions' payloads serialized when first asked for: the
    /// worker asks on the core that analysed it, so the claim's transaction does not.
    /// </summary>
    public DocumentToStore? ToStore { get; private init; }

    public static QueueResult Stored(SourceDocument document, IReadOnlyList<EventMention> mentions, string? analysisFailure = null) =>
        new(document, mentions, null) { AnalysisFailure = analysisFailure, ToStore = new DocumentToStore(document, mentions, analysisFailure) };

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
        using var count = new NpgsqlCommand($"SELECT count(*) FROM {Waiting}", connection);
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
    /// Claims <paramref name="count"/> documents no other worker holds (see <see cref="Claim"/>), runs <paramref name="process"/>
    /// on them (a result for each, in their order) and, in the same transaction, stores each result and dequeues its document (or
    /// marks it refused). Returns what became of each claimed document, by path, in queue order: none when nothing is left
    /// to claim. If <paramref name="process"/> throws, or the process dies, the transaction rolls back and every claimed
    /// document stays queued.
    /// </summary>
    public IReadOnlyList<(string Path, QueueResult Result)> ProcessNext(int count, Func<IReadOnlyList<QueuedDocument>, IReadOnlyList<QueueResult>> process)
    {
        using var connection = store.DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var claimed = Claim(connection, transaction, count);
        if (claimed.Count == 0)
            return [];
        var results = process(claimed.Select(c => c.Document).ToList()).ToList();
        for (var i = 0; i < results.Count; i++)
        {
            var ((queued, _), result) = (claimed[i], results[i]);
            if (result.ToStore is { } toStore)
            {
                results[i] = result with { IsNew = PostgresAlmanacStore.AddDocument(connection, transaction, toStore) };
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
        _claimedUpTo = claimed[^1].Position;
        return claimed.Zip(results, (queued, result) => (queued.Document.Path, result)).ToList();
    }

    /// <summary>A document's place in the queue: documents are claimed in this order.</summary>
    private sealed record QueuePosition(DateTime EnqueuedAt, string Id);

    /// <summary>Where this worker's last claim ended: it claims on from there, so the documents it resolves together follow one another.</summary>
    private QueuePosition? _claimedUpTo;

    private const string Waiting = "document_queue WHERE failure IS NULL";

    private const string InQueueOrder = "ORDER BY enqueued_at, id";

    /// <summary>
    /// Locks up to <paramref name="count"/> documents no other worker holds, in queue order from where this worker's last
    /// claim ended (from the oldest once nothing is left after it). When another worker holds the next one, claiming on would
    /// put the two side by side for good, resolving neighbouring documents at once (a folder's consecutive day pages, a
    /// feed's items) and making each other resolve again; this worker starts instead from the middle of the documents after
    /// that one, so workers spread over the queue and each works through a run of its own. A worker alone claims oldest first.
    /// </summary>
    private List<(QueuedDocument Document, QueuePosition Position)> Claim(NpgsqlConnection connection, NpgsqlTransaction transaction, int count)
    {
        var next = (_claimedUpTo is null ? null : FirstPendingAfter(connection, transaction, _claimedUpTo)) ?? FirstPendingAfter(connection, transaction, null);
        if (next is null)
            return [];
        if (TryLock(connection, transaction, next))
            return ClaimFrom(connection, transaction, next, count);
        var claimed = MiddlePendingAfter(connection, transaction, next) is { } middle ? ClaimFrom(connection, transaction, middle, count) : [];
        return claimed.Count > 0 ? claimed : ClaimFrom(connection, transaction, null, count);
    }

    private static QueuePosition? FirstPendingAfter(NpgsqlConnection connection, NpgsqlTransaction transaction, QueuePosition? after)
    {
        using var first = new NpgsqlCommand(
            $"SELECT enqueued_at, id FROM {Waiting} {(after is null ? "" : "AND (enqueued_at, id) > (@at, @id)")} {InQueueOrder} LIMIT 1", connection, transaction);
        return ReadPosition(first, after);
    }

    /// <summary>The middle one of the documents queued after <paramref name="after"/>, held or not; null when there are none.</summary>
    private static QueuePosition? MiddlePendingAfter(NpgsqlConnection connection, NpgsqlTransaction transaction, QueuePosition after)
    {
        using var middle = new NpgsqlCommand($"""
            SELECT enqueued_at, id FROM {Waiting} AND (enqueued_at, id) > (@at, @id) {InQueueOrder}
            OFFSET (SELECT count(*) / 2 FROM {Waiting} AND (enqueued_at, id) > (@at, @id)) LIMIT 1
            """, connection, transaction);
        return ReadPosition(middle, after);
    }

    /// <summary>Whether this transaction now holds the document: false when another worker does (or it just left the queue).</summary>
    private static bool TryLock(NpgsqlConnection connection, NpgsqlTransaction transaction, QueuePosition position)
    {
        using var tryLock = new NpgsqlCommand($"SELECT 1 FROM {Waiting} AND id = @id FOR UPDATE SKIP LOCKED", connection, transaction);
        tryLock.Parameters.AddWithValue("id", position.Id);
        return tryLock.ExecuteScalar() is not null;
    }

    /// <summary>Locks up to <paramref name="count"/> documents no other worker holds, in queue order from <paramref name="from"/> (from the oldest when null).</summary>
    private static List<(QueuedDocument, QueuePosition)> ClaimFrom(NpgsqlConnection connection, NpgsqlTransaction transaction, QueuePosition? from, int count)
    {
        using var claim = new NpgsqlCommand($"""
            SELECT id, path, content, coalesce(read_as, path), enqueued_at FROM {Waiting} {(from is null ? "" : "AND (enqueued_at, id) >= (@at, @id)")}
            {InQueueOrder} LIMIT @count FOR UPDATE SKIP LOCKED
            """, connection, transaction);
        claim.Parameters.AddWithValue("count", count);
        if (from is not null)
            AddPosition(claim, from);
        using var reader = claim.ExecuteReader();
        var claimed = new List<(QueuedDocument, QueuePosition)>();
        while (reader.Read())
            claimed.Add((new QueuedDocument(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2), reader.GetString(3)),
                new QueuePosition(reader.GetDateTime(4), reader.GetString(0))));
        return claimed;
    }

    private static QueuePosition? ReadPosition(NpgsqlCommand command, QueuePosition? after)
    {
        if (after is not null)
            AddPosition(command, after);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new QueuePosition(reader.GetDateTime(0), reader.GetString(1)) : null;
    }

    private static void AddPosition(NpgsqlCommand command, QueuePosition position)
    {
        command.Parameters.AddWithValue("at", position.EnqueuedAt);
        command.Parameters.AddWithValue("id", position.Id);
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
