using System.Diagnostics;
using Almanac.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Abstractions;

namespace Almanac.Robustness.Tests;

/// <summary>
/// `almanac ingest` as a real process: killed with SIGKILL mid-ingest and rerun, or run twice at once on one store.
/// Either way the store ends identical to one uninterrupted ingest into SQLite: every document whole or absent,
/// nothing twice, the same day pages. One suite, both backends.
/// </summary>
public abstract class CrashAndConcurrencyContract(ProcessFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>The --db location of a new, empty store of the test's own.</summary>
    protected abstract string NewStore(string name);

    /// <summary>Documents stored so far, read the way another process would while the ingest runs; 0 before the schema exists.</summary>
    protected abstract int StoredDocuments(string database);

    [SkippableFact]
    public void Ingest_KilledAtRandomPointsThenRerun_EndsIdenticalToAnUninterruptedIngest()
    {
        var database = NewStore("killed");
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"reference ingest: {fixture.ReferenceTime.TotalSeconds:0.0} s, {fixture.Reference.Counts}; kill seed {seed}");
        var (inDocuments, inResolution) = (0, 0);
        for (var kill = 0; kill < 4; kill++)
        {
            using var process = AlmanacProcess.Start("ingest", fixture.CorpusFolder, "--db", database);
            // Kills 1 and 2 come once a random number of further documents is stored, kill 3 at a random time, and
            // kill 4 at a random time after the last document, while events are being resolved.
            var stored = StoredDocuments(database);
            var resolveTime = (int)fixture.ReferenceTime.TotalMilliseconds / 2;
            var (documentTarget, wait) = kill switch
            {
                < 2 => (stored + random.Next(1, Math.Max(2, (ProcessFixture.Documents - stored) / 2)), TimeSpan.Zero),
                2 => (0, TimeSpan.FromMilliseconds(random.Next(300, (int)fixture.ReferenceTime.TotalMilliseconds))),
                _ => (ProcessFixture.Documents, TimeSpan.FromMilliseconds(random.Next(0, resolveTime))),
            };
            var point = $"{wait.TotalMilliseconds:0} ms after {documentTarget} documents";
            var watch = Stopwatch.StartNew();
            while (!process.HasExited && StoredDocuments(database) < documentTarget && watch.Elapsed < Limit)
                Thread.Sleep(5);
            var exited = process.WaitForExit(wait);
            if (!exited)
                process.Kill(entireProcessTree: true);
            process.WaitForExit();
            var state = StoredDocuments(database) > 0 ? StoreSnapshot.Of(database) : null;
            output.WriteLine($"kill {kill + 1} {point}: {(exited ? "had already finished" : "killed")}, store {state?.Counts.ToString() ?? "not created"}");
            if (state is null)
                continue;
            AssertEveryDocumentWholeOrAbsent(state);
            if (!exited && state.Counts.Documents is > 0 and < ProcessFixture.Documents)
                inDocuments++;
            else if (!exited && state.Counts.Events != fixture.Reference.Counts.Events)
                inResolution++;
        }

        var (exitCode, finalOutput, error) = AlmanacProcess.Run(Limit, "ingest", fixture.CorpusFolder, "--db", database);

        Assert.Equal(0, exitCode);
        Assert.Equal("", AlmanacProcess.WithoutSanityNotes(error));
        output.WriteLine(finalOutput);
        output.WriteLine($"kills while storing documents: {inDocuments}, while resolving events: {inResolution}");
        Assert.True(inDocuments > 0, "no kill landed while documents were being stored; the test proved nothing");
        AssertIdenticalToReference(StoreSnapshot.Of(database));
    }

    [SkippableFact]
    public async Task Ingest_TwoProcessesOnOverlappingFoldersAtOnce_NoErrorNoDuplicateSameResult()
    {
        var database = NewStore("concurrent");
        var files = Directory.GetFiles(fixture.CorpusFolder).Order(StringComparer.Ordinal).ToList();
        // The first two thirds and the last two thirds: a third of the corpus is ingested by both at once.
        var first = files.Take(files.Count * 2 / 3).ToArray();
        var second = files.Skip(files.Count / 3).ToArray();

        using var a = AlmanacProcess.Start(["ingest", .. first, "--db", database]);
        using var b = AlmanacProcess.Start(["ingest", .. second, "--db", database]);
        var results = new[] { a, b }.Select(p => (Process: p, Out: p.StandardOutput.ReadToEndAsync(), Error: p.StandardError.ReadToEndAsync())).ToList();
        foreach (var (process, outText, errorText) in results)
        {
            Assert.True(process.WaitForExit(Limit), "a concurrent ingest did not finish");
            process.WaitForExit();
            output.WriteLine(await outText);
            Assert.Equal("", AlmanacProcess.WithoutSanityNotes(await errorText));
            Assert.Equal(0, process.ExitCode);
        }

        AssertIdenticalToReference(StoreSnapshot.Of(database));
    }

    /// <summary>A stored document has all the mentions the uninterrupted ingest gave it; no mention lacks its document.</summary>
    private void AssertEveryDocumentWholeOrAbsent(StoreSnapshot state)
    {
        Assert.Equal(0, state.MentionsWithoutDocument);
        foreach (var (id, mentions) in state.MentionsPerDocument)
        {
            Assert.True(fixture.Reference.MentionsPerDocument.TryGetValue(id, out var expected), $"document {id} is not in the corpus");
            Assert.True(expected == mentions, $"document {id} has {mentions} mentions where the uninterrupted ingest stored {expected}");
        }
        Assert.Equal(state.MentionsPerDocument.Values.Sum(), state.Counts.Mentions);
    }

    private void AssertIdenticalToReference(StoreSnapshot state)
    {
        AssertEveryDocumentWholeOrAbsent(state);
        Assert.Equal(fixture.Reference.Counts, state.Counts);
        Assert.Equal(ProcessFixture.Documents, state.Counts.Documents);
        Assert.Equal(fixture.Reference.DayPages, state.DayPages);
    }
}

[Collection(ProcessCollection.Name)]
public sealed class SqliteCrashAndConcurrencyTests(ProcessFixture fixture, ITestOutputHelper output) : CrashAndConcurrencyContract(fixture, output)
{
    private readonly ProcessFixture _fixture = fixture;

    protected override string NewStore(string name) => _fixture.NewDatabasePath(name);

    protected override int StoredDocuments(string database)
    {
        if (!File.Exists(database))
            return 0;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM documents";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // the schema is not created yet
        }
    }
}

/// <summary>The same kills and races on PostgreSQL, where a killed process's transaction is rolled back by the server.</summary>
[Collection(ProcessCollection.Name)]
public sealed class PostgresCrashAndConcurrencyTests(ProcessFixture fixture, PostgresTestDatabase postgres, ITestOutputHelper output)
    : CrashAndConcurrencyContract(fixture, output), IClassFixture<PostgresTestDatabase>
{
    protected override string NewStore(string name) => postgres.NewSchema();

    protected override int StoredDocuments(string database)
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT count(*) FROM documents", connection);
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0; // the schema is not created yet
        }
    }
}
