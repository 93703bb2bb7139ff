using Npgsql;

namespace Almanac.Storage.Postgres;

/// <summary>
/// The schema as an ordered list of steps, mirroring the SQLite store's; schema_version records how many
/// have run. Openers take a session advisory lock first, so two processes opening a new database at once
/// do not both create it: the second waits, then finds the steps done. Each step runs in its own transaction.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>"almanac" in ASCII: advisory lock keys are per database and shared with anything else using it.</summary>
    private const long MigrationLock = 0x616c6d616e6163;

    /// <summary>A step's SQL and, for data that SQL cannot rewrite as the store now writes it, code run after it in its transaction.</summary>
    private sealed record Step(string Sql, Action<NpgsqlConnection, NpgsqlTransaction>? Then = null)
    {
        public static implicit operator Step(string sql) => new(sql);
    }

    private static readonly Step[] Steps =
    [
        // Full-text vectors are computed on write with almanac_search: the simple parser with diacritics
        // removed (unaccent), like SQLite's unicode61 remove_diacritics tokenizer, and no stemming. Weighted
        // A title, B people, D body, so ts_rank's default weights rank them 1 : 0.5 : 0.1 like the bm25 weights.
        // unaccent is a trusted extension: the database owner may create it.
        """
        CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
        CREATE TEXT SEARCH CONFIGURATION almanac_search (COPY = pg_catalog.simple);
        ALTER TEXT SEARCH CONFIGURATION almanac_search
            ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH public.unaccent, pg_catalog.simple;
        CREATE TABLE documents (
            id text PRIMARY KEY,
            path text NOT NULL,
            title text NOT NULL,
            text text NOT NULL,
            byte_length bigint NOT NULL,
            ingested_at timestamptz NOT NULL,
            search tsvector NOT NULL
        );
        CREATE INDEX documents_search ON documents USING gin (search);
        CREATE TABLE mentions (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            document_id text NOT NULL REFERENCES documents(id),
            sentence_start integer NOT NULL,
            payload text NOT NULL
        );
        CREATE INDEX mentions_document ON mentions (document_id, sentence_start, id);
        CREATE TABLE events (
            id text PRIMARY KEY,
            year integer NOT NULL,
            significance double precision NOT NULL,
            payload text NOT NULL,
            search tsvector NOT NULL
        );
        CREATE INDEX events_search ON events USING gin (search);
        CREATE TABLE event_days (
            event_id text NOT NULL REFERENCES events(id),
            month smallint NOT NULL,
            day smallint NOT NULL,
            year integer NOT NULL,
            listed_date text NOT NULL,
            is_primary boolean NOT NULL,
            PRIMARY KEY (event_id, listed_date)
        );
        CREATE INDEX event_days_by_day ON event_days (month, day, year);
        """,
        // The ingest queue: raw bytes keyed by content hash, claimed by workers with FOR UPDATE SKIP LOCKED.
        """
        CREATE TABLE document_queue (
            id text PRIMARY KEY,
            path text NOT NULL,
            content bytea NOT NULL,
            enqueued_at timestamptz NOT NULL,
            failure text
        );
        CREATE INDEX document_queue_pending ON document_queue (enqueued_at) WHERE failure IS NULL;
        """,
        """
        CREATE TABLE store_generation (id integer PRIMARY KEY CHECK (id = 1), value bigint NOT NULL);
        INSERT INTO store_generation (id, value) VALUES (1, 0);
        """,
        // Why a stage failed on a document; NULL when it did not. A failed document's mentions are left out of events.
        """
        ALTER TABLE documents ADD COLUMN analysis_failure text;
        """,
        // Holidays a document lists for a day without a year: of the day every year, so they are no events.
        """
        CREATE TABLE observances (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            document_id text NOT NULL REFERENCES documents (id),
            month smallint NOT NULL,
            day smallint NOT NULL,
            name text NOT NULL
        );
        CREATE INDEX observances_by_day ON observances (month, day);
        """,
        // Incremental resolution: each mention filed under its event (NULL: not resolved yet), events under their date
        // keys, keyword frequencies over resolved mentions, documents under their copy lineage (NULL: their own) and
        // their shingle hashes. A store from before has no filing: `almanac reindex` files everything once.
        """
        ALTER TABLE mentions ADD COLUMN event_id text;
        CREATE INDEX mentions_event ON mentions (event_id);
        CREATE INDEX mentions_awaiting_resolution ON mentions (document_id) WHERE event_id IS NULL;
        CREATE TABLE event_keys (
            kind smallint NOT NULL,
            value integer NOT NULL,
            event_id text NOT NULL,
            PRIMARY KEY (kind, value, event_id)
        );
        CREATE INDEX event_keys_event ON event_keys (event_id);
        CREATE TABLE keyword_frequencies (keyword text PRIMARY KEY, mentions integer NOT NULL);
        CREATE TABLE resolved_mention_count (id integer PRIMARY KEY CHECK (id = 1), value bigint NOT NULL);
        INSERT INTO resolved_mention_count (id, value)
            SELECT 1, count(*) FROM mentions m JOIN documents d ON d.id = m.document_id WHERE d.analysis_failure IS NULL;
        INSERT INTO keyword_frequencies (keyword, mentions)
            SELECT k.keyword, count(*) FROM (
                SELECT DISTINCT m.id, j.keyword FROM mentions m JOIN documents d ON d.id = m.document_id,
                    jsonb_array_elements_text(m.payload::jsonb -> 'keywords') AS j(keyword)
                WHERE d.analysis_failure IS NULL) k
            GROUP BY k.keyword;
        ALTER TABLE documents ADD COLUMN lineage_id text;
        CREATE INDEX documents_lineage ON documents (lineage_id);
        CREATE TABLE document_shingles (hash bigint NOT NULL, document_id text NOT NULL, PRIMARY KEY (hash, document_id));
        """,
        // A queued web page keeps its address as its path; read_as is a file name whose extension says the format
        // the server's content type named (NULL: the path says it).
        """
        ALTER TABLE document_queue ADD COLUMN read_as text;
        """,
        // Image files saved pages show, copied in with their document, keyed by the SHA-256 of their bytes.
        """
        CREATE TABLE images (
            id text PRIMARY KEY,
            content_type text NOT NULL,
            width integer NOT NULL,
            height integer NOT NULL,
            bytes bytea NOT NULL
        );
        """,
        // Browsing by year and century, and the holidays documents give by a rule (Easter-2, 05/MonLast) rather than a day.
        """
        CREATE INDEX event_days_by_year ON event_days (year, is_primary);
        CREATE TABLE moving_observances (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            document_id text NOT NULL REFERENCES documents(id),
            rule text NOT NULL,
            name text NOT NULL
        );
        """,
        // Editorial corrections: an audited layer over the machine's events (who, when, why; undone ones kept), each kept on
        // the sentences of its event's mentions, so it follows the event through re-resolution (applied_to: the event now).
        """
        CREATE TABLE corrections (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            event_id text NOT NULL,
            title_then text NOT NULL,
            action text NOT NULL CHECK (action IN ('hide', 'correct')),
            title text,
            date text,
            kind text,
            reason text NOT NULL,
            editor text NOT NULL,
            created_at timestamptz NOT NULL,
            undone_at timestamptz,
            undone_by text,
            applied_to text
        );
        CREATE INDEX corrections_event ON corrections (event_id);
        CREATE INDEX corrections_applied_to ON corrections (applied_to);
        CREATE TABLE correction_anchors (
            correction_id bigint NOT NULL REFERENCES corrections (id),
            document_id text NOT NULL,
            sentence_start integer NOT NULL,
            date_value text NOT NULL,
            PRIMARY KEY (correction_id, document_id, sentence_start, date_value)
        );
        CREATE INDEX correction_anchors_mention ON correction_anchors (document_id, sentence_start);
        """,
        // Concurrent writers: the shared counts (the generation, resolved mentions, keyword frequencies) become one share per
        // write slot, read as sums, so writers add to different rows (PostgresAlmanacStore.TakeWriteSlot; 16 = WriteSlots).
        """
        ALTER TABLE store_generation DROP CONSTRAINT store_generation_id_check, ADD CONSTRAINT store_generation_slot CHECK (id BETWEEN 1 AND 16);
        INSERT INTO store_generation (id, value) SELECT s, 0 FROM generate_series(2, 16) AS s;
        ALTER TABLE resolved_mention_count DROP CONSTRAINT resolved_mention_count_id_check, ADD CONSTRAINT resolved_mention_count_slot CHECK (id BETWEEN 1 AND 16);
        INSERT INTO resolved_mention_count (id, value) SELECT s, 0 FROM generate_series(2, 16) AS s;
        ALTER TABLE keyword_frequencies ADD COLUMN slot smallint NOT NULL DEFAULT 1;
        ALTER TABLE keyword_frequencies ALTER COLUMN slot DROP DEFAULT, DROP CONSTRAINT keyword_frequencies_pkey, ADD PRIMARY KEY (keyword, slot);
        """,
        // Last-Modified of every response built afresh is the newest document's time: read from an index, not a scan of every document.
        """
        CREATE INDEX documents_ingested_at ON documents (ingested_at);
        """,
        // Copy detection files a document under its winnowed fingerprints, a few hundred, not every shingle hash.
        // Stored documents are filed again by `almanac reindex`.
        """
        DROP TABLE document_shingles;
        CREATE TABLE document_fingerprints (hash bigint NOT NULL, document_id text NOT NULL, PRIMARY KEY (hash, document_id));
        """,
        // Each event's keywords, people and places filed under its date keys but single days, so a mention dated to a year
        // reads the events of its three years that share a term with it, not all of them (IAlmanacStore.FindEventsSharingTerms).
        $$"""
        CREATE TABLE event_terms (
            term text NOT NULL,
            mention_kind smallint NOT NULL,
            kind smallint NOT NULL,
            value integer NOT NULL,
            event_id text NOT NULL,
            PRIMARY KEY (term, mention_kind, kind, value, event_id)
        );
        INSERT INTO event_terms (term, mention_kind, kind, value, event_id) {{PostgresAlmanacStore.TermRows}} ON CONFLICT DO NOTHING;
        CREATE INDEX event_terms_event ON event_terms (event_id);
        """,
        // An event's payload leaves out its mentions, which the mention rows hold already (a third of a store of day pages was
        // the copies): the rows an event shows carry their place in its list, and its page reads them from the filing's index,
        // those it shows first. The payloads are rewritten as the store writes them now (ShownMentions.MoveOutOfPayloads): jsonb would
        // reorder and respace them.
        new("""
        ALTER TABLE mentions ADD COLUMN shown_order smallint;
        DROP INDEX mentions_event;
        CREATE INDEX mentions_event ON mentions (event_id, shown_order);
        """, MoveShownMentionsOutOfPayloads),
        // An event's terms as one row of tokens (term, mention kind, key kind and span of years: PostgresAlmanacStore.TermToken)
        // under a GIN index, which gathers new entries in a list and files them in bulk, rather than a B-tree row a term and
        // key: a batch of day pages filed its 40,000 rows all over that tree, a fifth of the server's time in a drain of the
        // 366 Wikipedia day pages, and the rows were a fifth of the store.
        $$"""
        CREATE TABLE event_term_tokens (event_id text PRIMARY KEY, tokens text[] NOT NULL);
        INSERT INTO event_term_tokens (event_id, tokens) SELECT event_id, array_agg(DISTINCT {{PostgresAlmanacStore.TokenOfRow}}) FROM event_terms GROUP BY event_id;
        DROP TABLE event_terms;
        ALTER TABLE event_term_tokens RENAME TO event_terms;
        ALTER INDEX event_term_tokens_pkey RENAME TO event_terms_pkey;
        CREATE INDEX event_terms_tokens ON event_terms USING gin (tokens);
        """,
    ];

    private static void MoveShownMentionsOutOfPayloads(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        ShownMentions.MoveOutOfPayloads(new PayloadRewrite(connection, transaction));

    private sealed class PayloadRewrite(NpgsqlConnection connection, NpgsqlTransaction transaction) : IPayloadRewrite
    {
        public IReadOnlyList<(string Id, string Payload)> EventsAfter(string afterId, int limit) => Rows(connection, transaction,
            """SELECT id, payload FROM events WHERE id COLLATE "C" > @after ORDER BY id COLLATE "C" LIMIT @limit""",
            r => (r.GetString(0), r.GetString(1)), ("after", afterId), ("limit", limit));

        public IReadOnlyList<FiledMention> FiledUnder(IReadOnlyCollection<string> eventIds) => Rows(connection, transaction,
            "SELECT id, event_id, document_id, sentence_start, payload::jsonb ->> 'dateValue' FROM mentions WHERE event_id = ANY(@ids)",
            r => new FiledMention(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetString(4)), ("ids", eventIds.ToArray()));

        public void Write(IReadOnlyList<(string Id, string Payload)> payloads, IReadOnlyList<(long MentionId, int Order)> shown) =>
            Execute(connection, transaction, """
                UPDATE events e SET payload = r.payload FROM unnest(@ids, @payloads) AS r(id, payload) WHERE e.id = r.id;
                UPDATE mentions m SET shown_order = r.shown FROM unnest(@mentions, @shown) AS r(id, shown) WHERE m.id = r.id;
                """, ("ids", payloads.Select(p => p.Id).ToArray()), ("payloads", payloads.Select(p => p.Payload).ToArray()),
                ("mentions", shown.Select(m => m.MentionId).ToArray()), ("shown", shown.Select(m => (short)m.Order).ToArray()));
    }

    private static List<T> Rows<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Func<NpgsqlDataReader, T> read,
        params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }

    /// <summary>How many steps a current schema has run.</summary>
    public static int Version => Steps.Length;

    public static void Apply(NpgsqlConnection connection)
    {
        Execute(connection, null, $"SELECT pg_advisory_lock({MigrationLock})");
        try
        {
            Execute(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL);
                INSERT INTO schema_version SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM schema_version);
                """);
            using var read = new NpgsqlCommand("SELECT version FROM schema_version", connection);
            var version = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            for (var step = version; step < Steps.Length; step++)
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, transaction, Steps[step].Sql + $"\nUPDATE schema_version SET version = {step + 1};");
                Steps[step].Then?.Invoke(connection, transaction);
                transaction.Commit();
            }
        }
        finally
        {
            Execute(connection, null, $"SELECT pg_advisory_unlock({MigrationLock})");
        }
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }
}
