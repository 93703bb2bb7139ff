using System.Text.Json;
using Almanac.Core;
using Almanac.Ingest;
using Almanac.Storage.Postgres;
using Almanac.Storage.Sqlite;
using Almanac.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Almanac.Storage.Tests;

/// <summary>
/// Stores written before events' payloads left out their mentions hold every shown mention twice, in the payload and as its
/// row; opening one moves them to the filing and leaves the rows a fresh resolution leaves. One suite, both backends, each
/// saying how to take a store of today back to that format (the column and index the migration adds, and the payloads).
/// </summary>
public abstract class PayloadMentionsMigrationContract
{
    protected abstract IAlmanacStore Open();

    /// <summary>Every event's id and payload, in id order.</summary>
    protected abstract List<(string Id, string Payload)> Payloads();

    /// <summary>Every mention row's id, event and place among the mentions the event shows, in id order.</summary>
    protected abstract List<(long Id, string? EventId, int? ShownOrder)> Filing();

    /// <summary>Takes the store back to the step before payloads left out mentions, its events written with <paramref name="payloads"/>.</summary>
    protected abstract void RewindToPayloadsWithMentions(IReadOnlyList<(string Id, string Payload)> payloads);

    [SkippableFact]
    public void Open_StoreWhosePayloadsHoldTheirMentions_ReadsBackTheSameEventsAndLeavesTheRowsOfAFreshResolution()
    {
        Dictionary<string, string> read;
        List<(string Id, string Payload)> payloads;
        List<(long Id, string? EventId, int? ShownOrder)> filing;
        using (var store = Open())
        {
            new Ingestor(store).Ingest(DocumentFiles.Find([SharedFolder.Seeds, Directory.GetFiles(Path.Combine(SharedFolder.Corpus("real-pages"), "days")).Order().First()]));
            read = store.GetEventsOfDocuments(store.GetDocuments().Select(d => d.Id).ToList())
                .ToDictionary(id => id, id => JsonSerializer.Serialize(store.GetEvent(id)), StringComparer.Ordinal);
            payloads = Payloads();
            filing = Filing();
            Assert.Contains(filing, f => f.ShownOrder > 0);
            RewindToPayloadsWithMentions(payloads.Select(p => (p.Id, WithMentions(p.Payload, store.GetEvent(p.Id)!.Mentions))).ToList());
        }
        Assert.All(Payloads(), p => Assert.Contains("\"mentions\":[{", p.Payload, StringComparison.Ordinal));

        using var migrated = Open();
        Assert.Equal(payloads, Payloads());
        Assert.Equal(filing, Filing());
        Assert.Equal(read, read.Keys.ToDictionary(id => id, id => JsonSerializer.Serialize(migrated.GetEvent(id)), StringComparer.Ordinal));
    }

    /// <summary>A payload as stores wrote it before: the event's mentions, as their rows hold them, between its significance and its counts.</summary>
    private static string WithMentions(string payload, IReadOnlyList<EventMention> mentions)
    {
        var counts = payload.IndexOf(",\"mentionCount\":", StringComparison.Ordinal);
        return $"{payload[..counts]},\"mentions\":[{string.Join(",", mentions.Select(m => JsonSerializer.Serialize(m, StoreJson.Options)))}]{payload[counts..]}";
    }
}

public sealed class SqlitePayloadMentionsMigrationTests : PayloadMentionsMigrationContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("almanac-migration-").FullName;

    private string DatabasePath => Path.Combine(_folder, "store.db");

    protected override IAlmanacStore Open() => SqliteAlmanacStore.Open(DatabasePath);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    protected override List<(string Id, string Payload)> Payloads() =>
        Rows("SELECT id, payload FROM events ORDER BY id", r => (r.GetString(0), r.GetString(1)));

    protected override List<(long Id, string? EventId, int? ShownOrder)> Filing() =>
        Rows("SELECT id, event_id, shown_order FROM mentions ORDER BY id", r => (r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? (int?)null : r.GetInt32(2)));

    protected override void RewindToPayloadsWithMentions(IReadOnlyList<(string Id, string Payload)> payloads)
    {
        var version = Rows("PRAGMA user_version", r => r.GetInt32(0)).Single();
        using var connection = Connection();
        using var transaction = connection.BeginTransaction();
        using (var rewrite = connection.CreateCommand())
        {
            rewrite.Transaction = transaction;
            rewrite.CommandText = "UPDATE events SET payload = r.value ->> 1 FROM json_each($rows) r WHERE events.id = r.value ->> 0";
            rewrite.Parameters.AddWithValue("$rows", JsonSerializer.Serialize(payloads.Select(p => new[] { p.Id, p.Payload })));
            rewrite.ExecuteNonQuery();
        }
        using (var schema = connection.CreateCommand())
        {
            schema.Transaction = transaction;
            schema.CommandText = SqliteRewinds.SearchWithoutCopy + SqliteRewinds.FingerprintsByNumber + """
                DROP INDEX mentions_event;
                ALTER TABLE mentions DROP COLUMN shown_order;
                CREATE INDEX mentions_event ON mentions(event_id);
                """ + $"PRAGMA user_version = {version - 4};"; // this step, the one after it that files event terms in full text, fingerprints by number and search without a copy
            schema.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private SqliteConnection Connection()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private List<T> Rows<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = Connection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresPayloadMentionsMigrationTests(PostgresTestDatabase database) : PayloadMentionsMigrationContract
{
    private readonly Lazy<string> _schema = new(database.NewSchema);

    protected override IAlmanacStore Open() => PostgresAlmanacStore.Open(_schema.Value);

    protected override List<(string Id, string Payload)> Payloads() =>
        Rows("SELECT id, payload FROM events ORDER BY id COLLATE \"C\"", r => (r.GetString(0), r.GetString(1)));

    protected override List<(long Id, string? EventId, int? ShownOrder)> Filing() =>
        Rows("SELECT id, event_id, shown_order FROM mentions ORDER BY id", r => (r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? (int?)null : r.GetInt16(2)));

    protected override void RewindToPayloadsWithMentions(IReadOnlyList<(string Id, string Payload)> payloads)
    {
        using var connection = new NpgsqlConnection(_schema.Value);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var rewind = new NpgsqlCommand($"""
            {PostgresRewinds.TermsAsRows}
            UPDATE events e SET payload = r.payload FROM unnest(@ids, @payloads) AS r(id, payload) WHERE e.id = r.id;
            ALTER TABLE mentions DROP COLUMN shown_order;
            CREATE INDEX mentions_event ON mentions (event_id);
            UPDATE schema_version SET version = version - 2; -- this step and the one after it that files event terms as tokens
            """, connection, transaction);
        rewind.Parameters.AddWithValue("ids", payloads.Select(p => p.Id).ToArray());
        rewind.Parameters.AddWithValue("payloads", payloads.Select(p => p.Payload).ToArray());
        rewind.ExecuteNonQuery();
        transaction.Commit();
    }

    private List<T> Rows<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        using var connection = new NpgsqlConnection(_schema.Value);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }
}
