using Microsoft.Data.Sqlite;

namespace Almanac.Storage.Sqlite;

/// <summary>
/// The schema as an ordered list of steps; PRAGMA user_version records how many have run, so a
/// store of any age is brought up to date on open, each step in its own transaction.
/// </summary>
internal static class SqliteMigrations
{
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            byte_length INTEGER NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE documents_fts USING fts5(id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id),
            sentence_start INTEGER NOT NULL,
            payload TEXT NOT NULL
        );
        CREATE INDEX mentions_document ON mentions(document_id);
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            year INTEGER NOT NULL,
            significance REAL NOT NULL,
            payload TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE events_fts USING fts5(id UNINDEXED, title, body, people, tokenize = 'unicode61 remove_diacritics 2');
        CREATE TABLE event_days (
            event_id TEXT NOT NULL REFERENCES events(id),
            month INTEGER NOT NULL,
            day INTEGER NOT NULL,
            year INTEGER NOT NULL,
            listed_date TEXT NOT NULL,
            is_primary INTEGER NOT NULL,
            PRIMARY KEY (event_id, listed_date)
        );
        CREATE INDEX event_days_by_day ON event_days(month, day, year);
        """,
        """
        CREATE TABLE store_generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
        INSERT INTO store_generation (id, value) VALUES (1, 0);
        """,
        // Why a stage failed on a document; NULL when it did not. A failed document's mentions are left out of events.
        """
        ALTER TABLE documents ADD COLUMN analysis_failure TEXT;
        """,
        // Holidays a document lists for a day without a year: of the day every year, so they are no events.
        """
        CREATE TABLE observances (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id),
            month INTEGER NOT NULL,
            day INTEGER NOT NULL,
            name TEXT NOT NULL
        );
        CREATE INDEX observances_by_day ON observances(month, day);
        """,
    ];

    public static void Apply(SqliteConnection connection)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        for (var step = version; step < Steps.Length; step++)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            // Another process may have migrated while we waited for the write lock.
            if (Convert.ToInt32(Scalar(connection, "PRAGMA user_version", transaction), System.Globalization.CultureInfo.InvariantCulture) > step)
                continue;
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = Steps[step] + $"\nPRAGMA user_version = {step + 1};";
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
