using Almanac.TestSupport;
using Almanac.Core;
using Almanac.Storage.Postgres;
using Npgsql;

namespace Almanac.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresAlmanacStoreTests(PostgresTestDatabase database) : AlmanacStoreContract
{
    private readonly Lazy<string> _schema = new(database.NewSchema);

    protected override IAlmanacStore Open() => PostgresAlmanacStore.Open(_schema.Value);

    [SkippableFact]
    public async Task Open_ManyOpenersAtOnce_MigrateOnceAndAllSucceed()
    {
        var location = _schema.Value;
        var opened = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => PostgresAlmanacStore.Open(location))));
        foreach (var store in opened)
            store.Dispose();
        await using var connection = new NpgsqlConnection(location);
        await connection.OpenAsync();
        await using var version = new NpgsqlCommand("SELECT count(*), max(version) FROM schema_version", connection);
        await using var reader = await version.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(1L, reader.GetInt64(0));
        Assert.Equal(PostgresMigrations.Version, reader.GetInt32(1));
    }

    [SkippableFact]
    public void ReplaceEvents_ReaderDuringReplacement_SeesTheOldSetWhole()
    {
        using var store = Open();
        store.ReplaceEvents([Event("e1", HistoricalDate.OnDay(1956, 2, 25))]);
        using var connection = new NpgsqlConnection(_schema.Value);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        PostgresAlmanacStore.Execute(connection, transaction, "DELETE FROM event_days; DELETE FROM events;");
        // Uncommitted: another connection still lists the event.
        Assert.Equal("e1", Assert.Single(store.GetEventsOnDay(2, 25)).Event.Id);
        transaction.Rollback();
    }
}
