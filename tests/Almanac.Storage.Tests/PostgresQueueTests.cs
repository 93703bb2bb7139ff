using Microsoft.AspNetCore.Http;
using Almanac.TestSupport;
using Almanac.Ingest;
using Almanac.Storage.Postgres;
using Npgsql;

namespace Almanac.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresQueueTests : IDisposable
{
    private readonly PostgresTestDatabase _database;
    private readonly Lazy<string> _location;
    private readonly Lazy<PostgresAlmanacStore> _store;
    private readonly string _folder = Directory.CreateTempSubdirectory("almanac-queue-").FullName;

    public PostgresQueueTests(PostgresTestDatabase database)
    {
        _database = database;
        _location = new Lazy<string>(database.NewSchema);
        _store = new Lazy<PostgresAlmanacStore>(() => PostgresAlmanacStore.Open(_location.Value));
    }

    public void Dispose()
    {
        if (_store.IsValueCreated)
            _store.Value.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [SkippableFact]
    public void Enqueue_SameFilesTwice_QueuesThemOnce()
    {
        var queue = new PostgresDocumentQueue(_store.Value);
        var files = DocumentFiles.Find([SeedFolder]);
        Assert.Equal(5, DocumentQueueing.Enqueue(queue, files).Queued);
        var again = DocumentQueueing.Enqueue(queue, files);
        Assert.Equal((0, 5), (again.Queued, again.AlreadyQueued));
        Assert.Equal(5, queue.Pending());
    }

    [SkippableFact]
    public async Task Run_TwoWorkersOnOneQueue_StoreEveryDocumentExactlyOnce()
    {
        var store = _store.Value;
        var queue = new PostgresDocumentQueue(store);
        var files = DocumentFiles.Find([SeedFolder, WriteDayPages(30)]);
        Assert.Equal(35, DocumentQueueing.Enqueue(queue, files).Queued);

        var workers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Task.Run(() => new QueueWorker(store, new Ingestor(store)).Run())));

        Assert.Equal(35, workers.Sum(w => w.Stored));
        Assert.Contains(workers, w => w.Resolved);
        Assert.Equal(0, queue.Pending());
        var counts = store.GetCounts();
        Assert.Equal(35, counts.Documents);
        Assert.True(counts.Events > 30, $"{counts.Events} events resolved");
        var expectedIds = files.Files.Select(f => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
        Assert.Equal(expectedIds.Order(StringComparer.Ordinal), store.GetDocuments().Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void ProcessNext_WorkerAlone_ClaimsOldestFirstAndOnFromThere()
    {
        var queue = new PostgresDocumentQueue(_store.Value);
        DocumentQueueing.Enqueue(queue, DocumentFiles.Find([WriteDayPages(10)]));

        Assert.Equal(["day00.txt", "day01.txt", "day02.txt"], ClaimNames(queue, 3));
        Assert.Equal(["day03.txt", "day04.txt", "day05.txt"], ClaimNames(queue, 3));
    }

    [SkippableFact]
    public void ProcessNext_AnotherWorkerHoldsTheOldest_ClaimsFromTheMiddleOfTheRestAndOnFromThere()
    {
        var queue = new PostgresDocumentQueue(_store.Value);
        DocumentQueueing.Enqueue(queue, DocumentFiles.Find([WriteDayPages(10)]));

        // The other worker holds day00 to day01 while it analyses them; the nine documents after day00 are day01 to day09.
        using var other = HoldOldest(2);
        Assert.Equal(["day05.txt", "day06.txt"], ClaimNames(queue, 2));
        Assert.Equal(["day07.txt", "day08.txt"], ClaimNames(queue, 2));
    }

    [SkippableFact]
    public void ProcessNext_NothingLeftAfterItsLastClaim_ClaimsTheOldestLeft()
    {
        var queue = new PostgresDocumentQueue(_store.Value);
        DocumentQueueing.Enqueue(queue, DocumentFiles.Find([WriteDayPages(4)]));
        using (HoldOldest(1))
            Assert.Equal(["day02.txt", "day03.txt"], ClaimNames(queue, 2));

        Assert.Equal(["day00.txt", "day01.txt"], ClaimNames(queue, 2));
        Assert.Empty(ClaimNames(queue, 2));
    }

    /// <summary>Another worker's claim: the oldest queued documents locked in a transaction of their own, until disposed.</summary>
    private HeldDocuments HoldOldest(int count)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_location.Value) { Pooling = false }.ConnectionString);
        connection.Open();
        var transaction = connection.BeginTransaction();
        using var hold = new NpgsqlCommand("SELECT id FROM document_queue WHERE failure IS NULL ORDER BY enqueued_at, id LIMIT @count FOR UPDATE", connection, transaction);
        hold.Parameters.AddWithValue("count", count);
        hold.ExecuteNonQuery();
        return new HeldDocuments(connection, transaction);
    }

    private sealed class HeldDocuments(NpgsqlConnection connection, NpgsqlTransaction transaction) : IDisposable
    {
        public void Dispose()
        {
            // Rolled back before the connection closes, so the documents are free again when this returns.
            transaction.Rollback();
            connection.Dispose();
        }
    }

    /// <summary>Claims documents and refuses them all (so they leave the queue): the names of those claimed, in order.</summary>
    private static List<string> ClaimNames(PostgresDocumentQueue queue, int count) =>
        queue.ProcessNext(count, claimed => claimed.Select(_ => QueueResult.Refused("claimed by the test")).ToList())
            .Select(c => Path.GetFileName(c.Path)).ToList();

    [SkippableFact]
    public void ProcessNext_ProcessingOneOfTheClaimedFails_LeavesEveryClaimedDocumentQueuedAndUnstored()
    {
        var store = _store.Value;
        var queue = new PostgresDocumentQueue(store);
        DocumentQueueing.Enqueue(queue, DocumentFiles.Find([SeedFolder]));

        Assert.Throws<InvalidOperationException>(() => queue.ProcessNext(3, claimed =>
            claimed.Select((_, i) => i == 1 ? throw new InvalidOperationException("worker died") : QueueResult.Refused("never committed")).ToList()));

        Assert.Equal(5, queue.Pending());
        Assert.Equal(0, store.GetCounts().Documents);
    }

    [SkippableFact]
    public void ProcessNext_ConnectionKilledMidDocument_LeavesTheDocumentQueuedForTheNextWorker()
    {
        var store = _store.Value;
        var queue = new PostgresDocumentQueue(store);
        DocumentQueueing.Enqueue(queue, DocumentFiles.Find([Directory.GetFiles(SeedFolder).Order().First()]));
        var worker = new QueueWorker(store, new Ingestor(store));

        // The server ends the claiming session while the document is being analyzed, as when a worker's machine dies.
        Assert.ThrowsAny<NpgsqlException>(() => queue.ProcessNext(1, claimed =>
        {
            TerminateOtherSessionsHoldingTheQueue();
            return [QueueResult.Refused("never committed")];
        }));

        Assert.Equal(1, queue.Pending());
        Assert.Empty(queue.Failures());
        Assert.Equal(1, worker.Run().Stored);
        Assert.Equal(1, store.GetCounts().Documents);
    }

    [SkippableFact]
    public async Task Run_QueuedWebPage_IsReadInTheFormatItsServerNamedAndStoredUnderItsAddress()
    {
        var store = _store.Value;
        await using var site = LoopbackSite.Start(new Dictionary<string, Func<HttpContext, Task>>
        {
            // No extension in the address: only the queued content type says this is HTML.
            ["/wiki/Apollo_11"] = async c =>
            {
                c.Response.ContentType = "text/html; charset=utf-8";
                await c.Response.WriteAsync("<html><head><title>Apollo 11</title></head><body><p>On 20 July 1969 Apollo 11 landed on the Moon.</p></body></html>");
            },
        });
        var address = site.Origin + "/wiki/Apollo_11";
        using var fetcher = new WebFetcher();

        var queued = DocumentQueueing.Enqueue(new PostgresDocumentQueue(store), DocumentFiles.Find([]).WithPages([address], fetcher));
        var run = new QueueWorker(store, new Ingestor(store)).Run();

        Assert.Equal((1, 1), (queued.Queued, run.Stored));
        var stored = Assert.Single(store.GetDocuments());
        Assert.Equal((address, "Apollo 11"), (stored.Path, stored.Title));
        Assert.Contains(store.GetEventsOnDay(7, 20), e => e.ListedDate.Year == 1969);
    }

    private void TerminateOtherSessionsHoldingTheQueue()
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_location.Value) { Pooling = false }.ConnectionString);
        connection.Open();
        using var kill = new NpgsqlCommand(
            """
            SELECT count(pg_terminate_backend(l.pid)) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            WHERE c.relname = 'document_queue' AND l.mode = 'RowShareLock' AND l.pid <> pg_backend_pid()
            """, connection);
        Assert.Equal(1L, kill.ExecuteScalar());
    }

    /// <summary>Small day pages, each a few dated events, so the workers have more documents than seeds.</summary>
    private string WriteDayPages(int count)
    {
        var folder = Path.Combine(_folder, "days");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++)
        {
            var year = 1900 + i;
            File.WriteAllText(Path.Combine(folder, $"day{i:D2}.txt"),
                $"""
                Events of {year}

                On March {1 + i % 28}, {year}, the city council of Springfield{i} opened the new harbour bridge.

                On July {1 + i % 30}, {year}, a treaty between Northland{i} and Southland was signed in Geneva.
                """);
        }
        return folder;
    }

    private static string SeedFolder => SharedFolder.Seeds;
}
