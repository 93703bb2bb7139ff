using System.Security.Cryptography;
using Almanac.Cli;
using Almanac.Core;
using Almanac.Storage;
using Almanac.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Almanac.Robustness.Tests;

/// <summary>
/// A folder of documents to ingest and a store to ingest them into, both temporary. Runs the real
/// `almanac ingest` in-process (as the CLI tests do) under a time limit, so a hang fails the test instead of the run.
/// </summary>
public sealed class IngestBatch : IDisposable
{
    /// <summary>A document that reads and dates cleanly; every batch holds it so a refusal can be seen not to stop the rest.</summary>
    public const string GoodText =
        "The secret speech\n\nOn 25 February 1956, Nikita Khrushchev denounced Stalin in a closed session of the Twentieth Party Congress in Moscow.\n";

    private readonly string _root = Directory.CreateTempSubdirectory("almanac-robust-").FullName;

    public IngestBatch()
    {
        Directory.CreateDirectory(Folder);
        GoodPath = Write("good.txt", GoodText);
    }

    public string Folder => Path.Combine(_root, "docs");

    public string DatabasePath => Path.Combine(_root, "almanac.db");

    public string GoodPath { get; }

    public string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public (int ExitCode, string Out, string Error) Ingest(params string[] paths) => Ingest(TimeSpan.FromSeconds(90), paths);

    public (int ExitCode, string Out, string Error) Ingest(TimeSpan limit, params string[] paths)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 4, 12, 0, 0, TimeSpan.Zero));
        var environment = new CliEnvironment(clock, TimeZoneInfo.Utc, output, error, IsTerminal: false);
        var run = Task.Run(() => AlmanacCli.Run(["ingest", .. paths, "--db", DatabasePath], environment));
        Assert.True(run.Wait(limit), $"almanac ingest {string.Join(' ', paths)} did not finish within {limit.TotalSeconds} s");
        return (run.Result, output.ToString(), error.ToString());
    }

    public T WithStore<T>(Func<IAlmanacStore, T> query)
    {
        using var store = SqliteAlmanacStore.Open(DatabasePath);
        return query(store);
    }

    public StoreCounts Counts() => WithStore(s => s.GetCounts());

    public IReadOnlyList<SourceDocument> Documents() => WithStore(s => s.GetDocuments());

    public static string HashOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
