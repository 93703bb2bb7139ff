using Almanac.Storage.Sqlite;

namespace Almanac.Storage.Tests;

public sealed class SqliteAlmanacStoreTests : AlmanacStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("almanac-store-").FullName;

    private string DatabasePath => Path.Combine(_folder, "nested", "almanac.db");

    protected override IAlmanacStore Open() => SqliteAlmanacStore.Open(DatabasePath);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Open_MissingFolder_CreatesStoreInWalMode()
    {
        using var store = SqliteAlmanacStore.Open(DatabasePath);
        Assert.Equal(new StoreCounts(0, 0, 0), store.GetCounts());
        Assert.True(File.Exists(DatabasePath + "-wal") || File.Exists(DatabasePath));
    }

    [Fact]
    public void UpdateEvents_LineagesMergedAfterTheResolutionRead_ChangesNothing()
    {
        // A merge changes what the resolution counted as independent sources: it must start again.
        using var store = Open();
        var (update, basis) = SpeechResolution(store);
        var (copy, mentions) = Speech("doc-b");
        store.AddDocument(copy, mentions);
        store.MergeLineages(["doc-a", "doc-b"], "doc-a");

        Assert.False(store.UpdateEvents(update, basis));
        Assert.Equal(0, store.GetCounts().Events);
    }
}
