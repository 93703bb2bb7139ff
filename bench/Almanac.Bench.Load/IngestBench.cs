using System.Diagnostics;
using System.Globalization;
using Almanac.Ingest;
using Almanac.Storage.Postgres;
using Almanac.Storage.Sqlite;
using Almanac.Text;

namespace Almanac.Bench.Load;

/// <summary>
/// Ingest throughput: documents through the whole per-document pipeline (read, segment, tag, extract, store),
/// on SQLite in one loop and on PostgreSQL by N workers sharing the queue, each a thread running
/// <see cref="QueueWorker.Drain"/> as `almanac worker` does. Resolution across documents runs once at the end
/// and is timed apart: it is one step over the whole store, not per document.
/// </summary>
internal static class IngestBench
{
    public static int Run(string location, string folder, int workers)
    {
        var files = DocumentFiles.Find([folder]);
        var bytes = files.Files.Sum(f => new FileInfo(f).Length);
        string label;
        int stored;
        var clock = Stopwatch.StartNew();
        TimeSpan enqueue = TimeSpan.Zero;
        Ingestor ingestor;
        if (PostgresLocation.IsPostgres(location))
        {
            var store = PostgresAlmanacStore.Open(location);
            ingestor = new Ingestor(store);
            DocumentQueueing.Enqueue(new PostgresDocumentQueue(store), files);
            enqueue = clock.Elapsed;
            clock.Restart();
            var drained = Enumerable.Range(0, workers)
                .Select(_ => Task.Run(() => new QueueWorker(store, new Ingestor(store)).Drain().Stored))
                .ToArray();
            Task.WaitAll(drained);
            stored = drained.Sum(t => t.Result);
            label = $"postgres, {workers} worker{(workers == 1 ? "" : "s")}";
        }
        else
        {
            var store = SqliteAlmanacStore.Open(location);
            ingestor = new Ingestor(store);
            stored = 0;
            foreach (var path in files.Files)
            {
                var read = DocumentReader.Read(path);
                if (!read.IsSuccess)
                    continue;
                var outcome = ingestor.Analyze(read.ContentHash, read.Document, new FileInfo(path).Length);
                if (!outcome.IsRefused && store.AddDocument(outcome.Document, outcome.Mentions, outcome.Failure))
                    stored++;
            }
            label = "sqlite, 1 process";
        }
        var ingest = clock.Elapsed;
        clock.Restart();
        string resolution;
        try
        {
            resolution = $"{ingestor.Resolve().Events.Count} events resolved in {clock.Elapsed.TotalSeconds:F1} s";
        }
        catch (ArgumentException e)
        {
            resolution = $"resolution FAILED after {clock.Elapsed.TotalSeconds:F1} s: {e.Message}";
        }
        var enqueued = enqueue > TimeSpan.Zero ? string.Create(CultureInfo.InvariantCulture, $" (enqueue {enqueue.TotalSeconds:F1} s before)") : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest [{label}]: {stored} documents, {bytes / 1e6:F2} MB in {ingest.TotalSeconds:F1} s = {stored / ingest.TotalSeconds:F1} documents/s, {bytes / 1e6 / ingest.TotalSeconds:F3} MB/s{enqueued}; {resolution}"));
        return stored == files.Files.Count ? 0 : 1;
    }
}
