using System.Diagnostics;
using System.Globalization;
using Almanac.Bench.Incremental;
using Almanac.Bench.Load;
using Almanac.Ingest;
using Almanac.Storage;
using Almanac.Storage.Postgres;
using Almanac.Storage.Sqlite;

// What adding one small document costs as the store grows: for each size, a store of that many events is
// generated straight through the store API (day-page documents of dated lines from days.jsonl, years shifted
// so copies stay distinct events), then two one-sentence files restating stored events are ingested in a fresh
// process, which prints the time (wall and CPU) of the first (cold) and the second (warm) and its peak working set;
// then a third restating a stored event with its year only, whose neighbourhood is every event of three years.
// Also prints the store's bytes per event. Generating is the slow part: about 4 s per 1,000 events on 2 shared cores.
// With --postgres CONNECTION (a "Host=...;Username=...;Database=..." string of a user who may create schemas), each
// store is a new schema there instead of a SQLite file, and its size is that of its tables, indexes and TOAST; each is
// measured right after generating, then again once vacuumed, analysed and checkpointed (PostgresSchema.Settle).
// With --keep DIR (SQLite only), each generated store is kept as DIR/store-SIZE.db and reused by later runs, each
// measurement made on a copy of it, since a million-event store takes half an hour to generate.
// Run: dotnet run -c Release --project bench/Almanac.Bench.Incremental [-- [--postgres CONNECTION | --keep DIR] SIZE...]   (default 10000 100000)
// `-- generate LOCATION SIZE` only fills the store at LOCATION (a SQLite path or a PostgreSQL connection string) and keeps
// it, for benchmarks that time the CLI on a store of that size (bench/cold-start.sh).
if (args is ["measure", var measuredStore, var newFile, var againFile, var yearFile])
    return Measure(measuredStore, newFile, againFile, yearFile);
if (args is ["generate", var generatedStore, var generatedSize])
{
    using var store = Open(generatedStore);
    GeneratedStore.Fill(store, ShuffledLines(), int.Parse(generatedSize, CultureInfo.InvariantCulture));
    return 0;
}

string? postgres = null, keep = null;
if (args is ["--postgres", var server, .. var rest])
    (postgres, args) = (server, rest);
else if (args is ["--keep", var kept, .. var others])
    (keep, args) = (Directory.CreateDirectory(kept).FullName, others);
var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [10_000, 100_000];
var lines = ShuffledLines();
var work = Directory.CreateTempSubdirectory("almanac-incremental-");
try
{
    foreach (var size in sizes)
    {
        var location = postgres is null ? Path.Combine(work.FullName, $"store-{size}.db") : PostgresSchema.Create(postgres, $"bench_incremental_{size}_{Environment.ProcessId}");
        var kept = keep is null ? null : Path.Combine(keep, $"store-{size}.db");
        if (kept is not null && File.Exists(kept))
        {
            File.Copy(kept, location);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sqlite {size:N0} events: a copy of {kept}"));
        }
        else
        {
            var clock = Stopwatch.StartNew();
            using (var store = Open(location))
                GeneratedStore.Fill(store, lines, size);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(postgres is null ? "sqlite" : "postgresql")} {size:N0} events: generated in {clock.Elapsed.TotalSeconds:F1} s"));
            if (kept is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Copy(location, kept);
            }
        }
        // Documents that state events every store holds (the first lines generated), so each size does the same work:
        // one event joined and rewritten, with the events of the document it came from.
        MeasureRestating(0, $"{size}");
        using (var store = Open(location))
        {
            var bytes = postgres is null ? Directory.GetFiles(work.FullName, $"store-{size}.db*").Sum(f => new FileInfo(f).Length) : PostgresSchema.Bytes(location);
            var events = store.GetCounts().Events;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  store: {bytes / 1e6:F1} MB, {events:N0} events, {(double)bytes / Math.Max(1, events):F0} bytes per event"));
        }
        if (postgres is not null)
        {
            // Right after generating, the server is still checkpointing and vacuuming the load; a store a document a day is
            // added to has long caught up. Measured again so, with three other documents doing the same work.
            PostgresSchema.Settle(location);
            Console.WriteLine("  after VACUUM (ANALYZE) and CHECKPOINT, as the server leaves the store once it has caught up with the load:");
            MeasureRestating(3, $"settled-{size}");
        }

        // The three documents restate lines[first], lines[first + 1] and (by its year only) lines[first + 2].
        void MeasureRestating(int first, string name) =>
            RunMeasure(location, Restated(lines[first], Path.Combine(work.FullName, $"new-{name}.txt")),
                Restated(lines[first + 1], Path.Combine(work.FullName, $"again-{name}.txt")),
                Restated(lines[first + 2], Path.Combine(work.FullName, $"year-{name}.txt"), yearOnly: true));
    }
}
finally
{
    work.Delete(recursive: true);
    if (postgres is not null)
        PostgresSchema.DropAll(postgres, $"bench_incremental_%_{Environment.ProcessId}");
}
return 0;

// In a fixed random order, so a store of any size spreads over every day of the year, as a real one does.
static List<DayLine> ShuffledLines()
{
    var daysPath = Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/corpora/wikipedia-days/days.jsonl");
    if (!File.Exists(daysPath))
        daysPath = "/work/shared/corpora/wikipedia-days/days.jsonl";
    return [.. DayLines.Read(daysPath).Select((line, index) => (line, key: new Random(index).Next())).OrderBy(x => x.key).Select(x => x.line)];
}

static IAlmanacStore Open(string location) =>
    PostgresLocation.IsPostgres(location) ? PostgresAlmanacStore.Open(location) : SqliteAlmanacStore.Open(location);

static string Restated(DayLine line, string path, bool yearOnly = false)
{
    var month = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(line.Month);
    File.WriteAllText(path, yearOnly ? $"In {line.Year}, {line.Text.TrimEnd('.')}.\n" : $"On {month} {line.Day}, {line.Year}, {line.Text.TrimEnd('.')}.\n");
    return path;
}

// In a process of its own, so its peak working set is the ingest's alone.
static void RunMeasure(string location, string file, string again, string year)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        start.ArgumentList.Add(typeof(GeneratedStore).Assembly.Location);
    foreach (var argument in new[] { "measure", location, file, again, year })
        start.ArgumentList.Add(argument);
    using var process = Process.Start(start)!;
    Console.Write(process.StandardOutput.ReadToEnd());
    process.WaitForExit();
}

static int Measure(string location, string file, string again, string year)
{
    using var store = Open(location);
    using var self = Process.GetCurrentProcess();
    var ingestor = new Ingestor(store);
    Console.WriteLine($"  documents: \"{File.ReadAllText(file).Trim()}\", then \"{File.ReadAllText(again).Trim()}\"");
    Console.WriteLine(Timed("one small document, cold (first in its process: loading the tagger's rules, compiling)", file));
    // Another in the same process: what each further document of an ingest costs.
    Console.WriteLine(Timed("another one, warm", again));
    Console.WriteLine($"  then: \"{File.ReadAllText(year).Trim()}\"");
    Console.WriteLine(Timed("one dated by its year only, warm", year));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  peak working set of the process: {self.PeakWorkingSet64 / 1e6:F0} MB"));
    return 0;

    // CPU time beside wall time: on shared cores the wall time says as much about the neighbours as about the ingest.
    string Timed(string what, string path)
    {
        self.Refresh();
        var processor = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var summary = ingestor.Ingest(DocumentFiles.Find([path]));
        clock.Stop();
        self.Refresh();
        return string.Create(CultureInfo.InvariantCulture,
            $"  ingest of {what}: {clock.Elapsed.TotalSeconds:F2} s ({(self.TotalProcessorTime - processor).TotalSeconds:F2} s of CPU; {summary.Read} read, {summary.EventsFound} events found)");
    }
}
