using System.Diagnostics;

namespace Almanac.Robustness.Tests;

/// <summary>
/// The generated corpus and the store an uninterrupted `almanac ingest` makes of it, built once for the tests that
/// interrupt or race ingests and compare their result to it.
/// </summary>
public sealed class ProcessFixture : IDisposable
{
    public const int Documents = 300;

    private readonly string _root = Directory.CreateTempSubdirectory("almanac-process-").FullName;

    public ProcessFixture()
    {
        Corpus.Write(CorpusFolder, Documents, linesPerDocument: 6);
        var watch = Stopwatch.StartNew();
        var (exitCode, output, error) = AlmanacProcess.Run(TimeSpan.FromMinutes(3), "ingest", CorpusFolder, "--db", ReferenceDatabase);
        ReferenceTime = watch.Elapsed;
        if (exitCode != 0 || AlmanacProcess.WithoutSanityNotes(error).Length > 0)
            throw new InvalidOperationException($"the reference ingest failed ({exitCode}): {error}\n{output}");
        Reference = StoreSnapshot.Of(ReferenceDatabase);
    }

    public string CorpusFolder => Path.Combine(_root, "corpus");

    public string ReferenceDatabase => Path.Combine(_root, "reference.db");

    /// <summary>How long the uninterrupted ingest took; the kills are spread over it.</summary>
    public TimeSpan ReferenceTime { get; }

    public StoreSnapshot Reference { get; }

    public string NewDatabasePath(string name) => Path.Combine(_root, name + ".db");

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

/// <summary>The tests that run `almanac` processes share one corpus and reference, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ProcessCollection : ICollectionFixture<ProcessFixture>
{
    public const string Name = "almanac processes";
}
