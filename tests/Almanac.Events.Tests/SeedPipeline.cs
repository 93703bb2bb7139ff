using Almanac.TestSupport;
using Almanac.Core;
using Almanac.Ingest;
using Almanac.Storage.Sqlite;

namespace Almanac.Events.Tests;

/// <summary>The real pipeline run once over the five seed pages in shared/seeds, into a fresh SQLite store.</summary>
public sealed class SeedPipeline : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("almanac-events-").FullName;

    public SeedPipeline()
    {
        Store = SqliteAlmanacStore.Open(Path.Combine(_folder, "almanac.db"));
        var summary = new Ingestor(Store).Ingest(DocumentFiles.Find([Folder]));
        Assert.Equal(5, summary.Read);
        Documents = Store.GetDocuments();
        Events = Store.SearchEvents("secret speech khrushchev stalin hungary 1989", 1000);
    }

    public SqliteAlmanacStore Store { get; }
    public IReadOnlyList<SourceDocument> Documents { get; }
    public IReadOnlyList<HistoricalEvent> Events { get; }

    /// <summary>The seed document whose file name starts with <paramref name="number"/> ("000").</summary>
    public string IdOf(string number) => Documents.Single(d => Path.GetFileName(d.Path).StartsWith(number + "_", StringComparison.Ordinal)).Id;

    /// <summary>The event the seeds are about: the one with a claim that the speech was given on 1956-02-25.</summary>
    public HistoricalEvent Speech => Events.Single(e => e.DateClaims.Any(c => c.Value == "1956-02-25"));

    public static string Folder => SharedFolder.Seeds;

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
