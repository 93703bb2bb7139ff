using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Almanac.Storage.Sqlite;

/// <summary>
/// The schema as an ordered list of steps; PRAGMA user_version records how many have run, so a
/// store of any age is brought up to date on open, each step in its own transaction.
/// </summary>
internal static class SqliteMigrations
{
    /// <summary>A step's SQL and, for data that SQL cannot rewrite as the store now writes it, code run after it in its transaction.</summary>
    private sealed record Step(string Sql, Action<SqliteConnection, SqliteTransaction>? Then = null)
    {
        public static implicit operator Step(string sql) => new(sql);
    }

    private static readonly Step[] Steps =
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
        // Incremental resolution: each mention filed under its event (NULL: not resolved yet), events under their date
        // keys, keyword frequencies over resolved mentions, documents under their copy lineage (NULL: their own) and
        // their shingle hashes. A store from before has no filing: `almanac reindex` files everything once.
        """
        ALTER TABLE mentions ADD COLUMN event_id TEXT;
        CREATE INDEX mentions_event ON mentions(event_id);
        CREATE INDEX mentions_awaiting_resolution ON mentions(document_id) WHERE event_id IS NULL;
        CREATE TABLE event_keys (
            kind INTEGER NOT NULL,
            value INTEGER NOT NULL,
            event_id TEXT NOT NULL,
            PRIMARY KEY (kind, value, event_id)
        ) WITHOUT ROWID;
        CREATE INDEX event_keys_event ON event_keys(event_id);
        CREATE TABLE keyword_frequencies (keyword TEXT PRIMARY KEY, mentions INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE resolved_mention_count (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
        INSERT INTO resolved_mention_count (id, value)
            SELECT 1, count(*) FROM mentions m JOIN documents d ON d.id = m.document_id WHERE d.analysis_failure IS NULL;
        INSERT INTO keyword_frequencies (keyword, mentions)
            SELECT k.keyword, count(*) FROM (
                SELECT DISTINCT m.id, j.value AS keyword FROM mentions m JOIN documents d ON d.id = m.document_id, json_each(m.payload, '$.keywords') j
                WHERE d.analysis_failure IS NULL) k
            GROUP BY k.keyword;
        ALTER TABLE documents ADD COLUMN lineage_id TEXT;
        CREATE INDEX documents_lineage ON documents(lineage_id);
        CREATE TABLE document_shingles (hash INTEGER NOT NULL, document_id TEXT NOT NULL, PRIMARY KEY (hash, document_id)) WITHOUT ROWID;
        """,
        // An event's row in events_fts, whose id column is not indexed: removing one event's search text would
        // otherwise scan the whole index.
        """
        ALTER TABLE events ADD COLUMN search_rowid INTEGER;
        CREATE TEMP TABLE search_rows AS SELECT rowid AS search_rowid, id FROM events_fts;
        CREATE INDEX temp.search_rows_id ON search_rows(id);
        UPDATE events SET search_rowid = (SELECT r.search_rowid FROM search_rows r WHERE r.id = events.id);
        DROP TABLE temp.search_rows;
        """,
        // Image files saved pages show, copied in with their document, keyed by the SHA-256 of their bytes.
        """
        CREATE TABLE images (
            id TEXT PRIMARY KEY,
            content_type TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            bytes BLOB NOT NULL
        ) WITHOUT ROWID;
        """,
        // Browsing by year and century, and the holidays documents give by a rule (Easter-2, 05/MonLast) rather than a day.
        """
        CREATE INDEX event_days_by_year ON event_days(year, is_primary);
        CREATE TABLE moving_observances (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id),
            rule TEXT NOT NULL,
            name TEXT NOT NULL
        );
        """,
        // Editorial corrections: an audited layer over the machine's events (who, when, why; undone ones kept), each kept on
        // the sentences of its event's mentions, so it follows the event through re-resolution (applied_to: the event now).
        """
        CREATE TABLE corrections (
            id INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL,
            title_then TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('hide', 'correct')),
            title TEXT,
            date TEXT,
            kind TEXT,
            reason TEXT NOT NULL,
            editor TEXT NOT NULL,
            created_at TEXT NOT NULL,
            undone_at TEXT,
            undone_by TEXT,
            applied_to TEXT
        );
        CREATE INDEX corrections_event ON corrections(event_id);
        CREATE INDEX corrections_applied_to ON corrections(applied_to);
        CREATE TABLE correction_anchors (
            correction_id INTEGER NOT NULL REFERENCES corrections(id),
            document_id TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            date_value TEXT NOT NULL,
            PRIMARY KEY (correction_id, document_id, sentence_start, date_value)
        ) WITHOUT ROWID;
        CREATE INDEX correction_anchors_mention ON correction_anchors(document_id, sentence_start);
        """,
        // Last-Modified of every response built afresh is the newest document's time: read from an index, not a scan of every document.
        """
        CREATE INDEX documents_ingested_at ON documents(ingested_at);
        """,
        // Copy detection files a document under its winnowed fingerprints, a few hundred, not every shingle hash (a day
        // page's 5,000 rows written into random pages of the index). Stored documents are filed again by `almanac reindex`.
        """
        DROP TABLE document_shingles;
        CREATE TABLE document_fingerprints (hash INTEGER NOT NULL, document_id TEXT NOT NULL, PRIMARY KEY (hash, document_id)) WITHOUT ROWID;
        """,
        // Every mention read keeps only the documents analysis did not fail on. The column comes after a document's text,
        // which for a day page spills over several pages, so each mention's check read them all: 10,000 mentions of a
        // million-event store took 0.3 s. This index answers it beside the id.
        """
        CREATE INDEX documents_analysis_failure ON documents(id, analysis_failure);
        """,
        // What a resolution compares before it writes: a generation that a document stored does not advance, so an ingest
        // stores the next documents while the last ones resolve (IAlmanacStore.GetEventsGeneration).
        """
        CREATE TABLE events_generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
        INSERT INTO events_generation (id, value) VALUES (1, 0);
        """,
        // Events' search text indexed without a copy of it (contentless, rows deletable): nothing shows it, and the copy was
        // a sixteenth of a store of day pages, written again with every event an ingest rewrites. An event finds its row
        // through events.search_rowid, and a search its events through the index on it.
        """
        CREATE VIRTUAL TABLE events_search USING fts5(title, body, people, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO events_search (rowid, title, body, people) SELECT rowid, title, body, people FROM events_fts;
        DROP TABLE events_fts;
        ALTER TABLE events_search RENAME TO events_fts;
        CREATE INDEX events_search_rowid ON events(search_rowid);
        """,
        // Each event's keywords, people and places filed under its date keys but single days, so a mention dated to a year
        // reads the events of its three years that share a term with it, not all of them (IAlmanacStore.FindEventsSharingTerms).
        // Filled in key order, its index on events built after.
        $$"""
        CREATE TABLE event_terms (
            term TEXT NOT NULL,
            mention_kind INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            value INTEGER NOT NULL,
            event_id TEXT NOT NULL,
            PRIMARY KEY (term, mention_kind, kind, value, event_id)
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO event_terms (term, mention_kind, kind, value, event_id) {{SqliteAlmanacStore.TermRows}} ORDER BY 1, 2, 3, 4, 5;
        CREATE INDEX event_terms_event ON event_terms(event_id);
        """,
        // An event's payload leaves out its mentions, which the mention rows hold already (a third of a store of day pages was
        // the copies): the rows an event shows carry their place in its list, and its page reads them from the filing's index,
        // those it shows first. The payloads are rewritten as the store writes them now (ShownMentions.MoveOutOfPayloads), which SQL's
        // JSON functions would not do byte for byte.
        new("""
        ALTER TABLE mentions ADD COLUMN shown_order INTEGER;
        DROP INDEX mentions_event;
        CREATE INDEX mentions_event ON mentions(event_id, shown_order);
        """, MoveShownMentionsOutOfPayloads),
        // The index of events by term as an FTS5 table of hashed tokens (SqliteEventTerms): a batch of day pages rewrote most
        // pages of the B-tree and of its index by event, as its rows fell all over them.
        $"""
        DROP TABLE event_terms;
        {SqliteEventTerms.Table};
        {SqliteEventTerms.FileAll}
        """,
        // Fingerprints filed under a document's number rather than its 64-character id, a fifth of the bytes a row: a batch's
        // thousands of hashes fall on nearly every page of the index, so every page was written again, and on the 366 day pages
        // that was 244 MB of the log for a table of 19 MB. A number is the document's for good (an INTEGER PRIMARY KEY, which
        // VACUUM keeps).
        """
        CREATE TABLE document_numbers (number INTEGER PRIMARY KEY, document_id TEXT NOT NULL UNIQUE);
        INSERT INTO document_numbers (document_id) SELECT DISTINCT document_id FROM document_fingerprints ORDER BY document_id;
        CREATE TABLE fingerprints_by_number (hash INTEGER NOT NULL, document INTEGER NOT NULL, PRIMARY KEY (hash, document)) WITHOUT ROWID;
        INSERT INTO fingerprints_by_number (hash, document)
        SELECT f.hash, n.number FROM document_fingerprints f JOIN document_numbers n ON n.document_id = f.document_id ORDER BY 1, 2;
        DROP TABLE document_fingerprints;
        ALTER TABLE fingerprints_by_number RENAME TO document_fingerprints;
        """,
        // The documents' search index without a copy of their text (a thirtieth of a store of day pages, stored twice): it reads
        // title and text from the documents through a view, by each document's number, which VACUUM keeps (a plain rowid it may
        // not). Documents are never changed or removed, so the index never has to be told what a row held before.
        """
        INSERT OR IGNORE INTO document_numbers (document_id) SELECT id FROM documents ORDER BY rowid;
        CREATE VIEW document_search_text AS
            SELECT n.number AS number, d.id AS id, d.title AS title, d.text AS body FROM document_numbers n JOIN documents d ON d.id = n.document_id;
        CREATE VIRTUAL TABLE documents_search USING fts5(id UNINDEXED, title, body, content = 'document_search_text', content_rowid = 'number',
            tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO documents_search (documents_search) VALUES ('rebuild');
        DROP TABLE documents_fts;
        ALTER TABLE documents_search RENAME TO documents_fts;
        """,
    ];

    private static void MoveShownMentionsOutOfPayloads(SqliteConnection connection, SqliteTransaction transaction) =>
        ShownMentions.MoveOutOfPayloads(new PayloadRewrite(connection, transaction));

    private sealed class PayloadRewrite(SqliteConnection connection, SqliteTransaction transaction) : IPayloadRewrite
    {
        public IReadOnlyList<(string Id, string Payload)> EventsAfter(string afterId, int limit) => Rows(connection, transaction,
            "SELECT id, payload FROM events WHERE id > $after ORDER BY id LIMIT $limit", r => (r.GetString(0), r.GetString(1)), ("$after", afterId), ("$limit", limit));

        public IReadOnlyList<FiledMention> FiledUnder(IReadOnlyCollection<string> eventIds) => Rows(connection, transaction, """
            SELECT id, event_id, document_id, sentence_start, payload ->> '$.dateValue' FROM mentions WHERE event_id IN (SELECT value FROM json_each($ids))
            """, r => new FiledMention(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetString(4)), ("$ids", JsonSerializer.Serialize(eventIds)));

        public void Write(IReadOnlyList<(string Id, string Payload)> payloads, IReadOnlyList<(long MentionId, int Order)> shown)
        {
            Execute(connection, transaction, "UPDATE events SET payload = r.value ->> 1 FROM json_each($rows) r WHERE events.id = r.value ->> 0",
                ("$rows", JsonSerializer.Serialize(payloads.Select(p => new[] { p.Id, p.Payload }))));
            Execute(connection, transaction, "UPDATE mentions SET shown_order = r.value ->> 1 FROM json_each($rows) r WHERE mentions.id = r.value ->> 0",
                ("$rows", JsonSerializer.Serialize(shown.Select(m => new[] { m.MentionId, m.Order }))));
        }
    }

    private static List<T> Rows<T>(SqliteConnection connection, SqliteTransaction transaction, string sql, Func<SqliteDataReader, T> read,
        params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

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
                command.CommandText = Steps[step].Sql + $"\nPRAGMA user_version = {step + 1};";
                command.ExecuteNonQuery();
            }
            Steps[step].Then?.Invoke(connection, transaction);
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
