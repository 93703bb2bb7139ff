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
    public void Open_LocationWithoutOptions_SessionsPlanWithoutJitOrParallelWorkers()
    {
        using var store = PostgresAlmanacStore.Open(_schema.Value);
        using var connection = store.DataSource.OpenConnection();

        Assert.Equal("off", Setting(connection, "jit"));
        Assert.Equal("0", Setting(connection, "max_parallel_workers_per_gather"));
    }

    [SkippableFact]
    public void Open_LocationWithItsOwnOptions_KeepsThem()
    {
        var location = new NpgsqlConnectionStringBuilder(_schema.Value) { Options = "-c max_parallel_workers_per_gather=1" }.ConnectionString;
        using var store = PostgresAlmanacStore.Open(location);
        using var connection = store.DataSource.OpenConnection();

        Assert.Equal("1", Setting(connection, "max_parallel_workers_per_gather"));
    }

    private static string Setting(NpgsqlConnection connection, string name)
    {
        using var show = new NpgsqlCommand($"SHOW {name}", connection);
        return (string)show.ExecuteScalar()!;
    }

    [SkippableFact]
    public void Open_StoreFilingTermsAsRows_FilesTheirTokensAsAnIngestWould()
    {
        using (var store = Open())
            TermFilingIngest.DayPagesAndSeeds(store);
        var filed = FiledTokens();
        Assert.True(filed.Count > 300, $"only {filed.Count} events filed");

        // The store as the version before the tokens kept it: a row a term and key, filled as that version's migration did.
        using (var connection = new NpgsqlConnection(_schema.Value))
        {
            connection.Open();
            PostgresAlmanacStore.Execute(connection, null, $"""
                {PostgresRewinds.TermsAsRows}
                UPDATE schema_version SET version = {PostgresMigrations.Version - 1};
                """);
        }
        using (Open())
        {
        }

        Assert.Equal(filed, FiledTokens());
    }

    /// <summary>Each event's tokens as <c>event_terms</c> files them, in order.</summary>
    private SortedDictionary<string, string> FiledTokens()
    {
        using var connection = new NpgsqlConnection(_schema.Value);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT event_id, array_to_string(ARRAY(SELECT unnest(tokens) ORDER BY 1), ' | ') FROM event_terms", connection);
        using var reader = command.ExecuteReader();
        var filed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
            filed[reader.GetString(0)] = reader.GetString(1);
        return filed;
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
