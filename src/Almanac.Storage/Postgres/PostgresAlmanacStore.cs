using System.Text.Json;
using Almanac.Core;
using Npgsql;
using NpgsqlTypes;

namespace Almanac.Storage.Postgres;

/// <summary>
/// The store on PostgreSQL, for several web nodes and ingest workers sharing one database. Same schema and
/// behaviour as the SQLite store; full-text search by tsvector with GIN indexes. Thread-safe: every call takes
/// a pooled connection of its own.
/// </summary>
public sealed partial class PostgresAlmanacStore : IAlmanacStore
{
    private PostgresAlmanacStore(NpgsqlDataSource dataSource) => DataSource = dataSource;

    internal NpgsqlDataSource DataSource { get; }

    /// <summary>Opens the database named by <paramref name="location"/> (URL or connection string) and brings its schema up to date.</summary>
    public static PostgresAlmanacStore Open(string location)
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresLocation.ToConnectionString(location));
        // The store asks small indexed questions whose estimates (a thousand key ranges, every event of a term) pass the
        // JIT's and parallel query's cost thresholds on a large store: compiling the plan, or starting workers to gather
        // from (30 ms), then takes longer than running it (2 ms, a term lookup among a million events). A user's own
        // Options are left as given.
        settings.Options ??= "-c jit=off -c max_parallel_workers_per_gather=0";
        var dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
        try
        {
            using (var connection = dataSource.OpenConnection())
                PostgresMigrations.Apply(connection);
            return new PostgresAlmanacStore(dataSource);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    public bool ContainsDocument(string documentId) =>
        Query("SELECT 1 FROM documents WHERE id = @id", _ => true, ("id", documentId)).Count > 0;

    public bool AddDocument(SourceDocument document, IReadOnlyList<EventMention> mentions, string? analysisFailure = null) =>
        AddDocuments([new DocumentToStore(document, mentions, analysisFailure)])[0];

    /// <remarks>One transaction a document, as before: the keyword counts PostgreSQL's writers share are already spread over write slots.</remarks>
    public IReadOnlyList<bool> AddDocuments(IReadOnlyList<DocumentToStore> documents) => documents.Select(d =>
    {
        using var connection = DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        if (!AddDocument(connection, transaction, d))
            return false;
        transaction.Commit();
        return true;
    }).ToList();

    /// <summary>
    /// Stores a document and its mentions inside the caller's transaction, so a queue claim and the write commit together;
    /// the mentions' payloads are those <paramref name="toStore"/> made (on the core that analysed it, when it was asked there).
    /// </summary>
    internal static bool AddDocument(NpgsqlConnection connection, NpgsqlTransaction transaction, DocumentToStore toStore)
    {
        var (document, mentions, analysisFailure) = (toStore.Document, toStore.Mentions, toStore.AnalysisFailure);
        using (var insert = new NpgsqlCommand(
            """
            INSERT INTO documents (id, path, title, text, byte_length, ingested_at, analysis_failure, search)
            VALUES (@id, @path, @title, @text, @bytes, now(), @failure,
                    setweight(to_tsvector('almanac_search', @title), 'A') || setweight(to_tsvector('almanac_search', @text), 'D'))
            ON CONFLICT (id) DO NOTHING
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", document.Id);
            insert.Parameters.AddWithValue("path", document.Path);
            insert.Parameters.AddWithValue("title", document.Title);
            insert.Parameters.AddWithValue("text", document.Text);
            insert.Parameters.AddWithValue("bytes", document.ByteLength);
            insert.Parameters.Add(new NpgsqlParameter<string?>("failure", NpgsqlDbType.Text) { TypedValue = analysisFailure });
            if (insert.ExecuteNonQuery() == 0)
                return false;
        }
        var slot = TakeWriteSlot(connection, transaction);
        if (mentions.Count > 0)
            AddMentions(connection, transaction, mentions, toStore.MentionPayloads);
        if (analysisFailure is null)
            CountKeywords(connection, transaction, slot, mentions, +1);
        if (document.Observances.Count > 0)
            AddObservances(connection, transaction, document);
        foreach (var image in document.ImageFiles)
        {
            using var insert = new NpgsqlCommand(
                "INSERT INTO images (id, content_type, width, height, bytes) VALUES (@id, @type, @width, @height, @bytes) ON CONFLICT DO NOTHING", connection, transaction);
            insert.Parameters.AddWithValue("id", image.Id);
            insert.Parameters.AddWithValue("type", image.ContentType);
            insert.Parameters.AddWithValue("width", image.Width);
            insert.Parameters.AddWithValue("height", image.Height);
            insert.Parameters.AddWithValue("bytes", image.Bytes);
            insert.ExecuteNonQuery();
        }
        if (document.MovingObservances.Count > 0)
            AddMovingObservances(connection, transaction, document);
        if (document.Fingerprints.Count > 0)
            FileFingerprints(connection, transaction, document.Id, document.Fingerprints);
        AdvanceGeneration(connection, transaction, slot);
        return true;
    }

    /// <summary>
    /// Adds (or, with -1, takes away) the mentions to the keyword frequencies the resolver weighs words by, in the
    /// transaction's write slot's share of each count (see <see cref="TakeWriteSlot"/>): two workers counting the same words
    /// write different rows, so neither waits for the other's commit.
    /// </summary>
    private static void CountKeywords(NpgsqlConnection connection, NpgsqlTransaction transaction, short slot, IReadOnlyCollection<EventMention> mentions, int sign)
    {
        using (var total = new NpgsqlCommand("UPDATE resolved_mention_count SET value = value + @n WHERE id = @slot", connection, transaction))
        {
            total.Parameters.AddWithValue("n", (long)sign * mentions.Count);
            total.Parameters.AddWithValue("slot", (int)slot);
            total.ExecuteNonQuery();
        }
        var counts = mentions.SelectMany(m => m.Keywords.Distinct(StringComparer.Ordinal)).GroupBy(k => k, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (counts.Count == 0)
            return;
        using var upsert = new NpgsqlCommand("""
            INSERT INTO keyword_frequencies (keyword, slot, mentions)
            SELECT k, @slot, n FROM unnest(@keywords, @counts) WITH ORDINALITY AS x(k, n, o) ORDER BY o
            ON CONFLICT (keyword, slot) DO UPDATE SET mentions = keyword_frequencies.mentions + excluded.mentions
            """, connection, transaction);
        upsert.Parameters.AddWithValue("slot", slot);
        upsert.Parameters.AddWithValue("keywords", counts.Select(g => g.Key).ToArray());
        upsert.Parameters.AddWithValue("counts", counts.Select(g => sign * g.Count()).ToArray());
        upsert.ExecuteNonQuery();
    }

    /// <summary>The mentions of a document, as stored, when it is not marked as failed: what its keyword counts hold.</summary>
    private static List<EventMention> CountedMentions(NpgsqlConnection connection, NpgsqlTransaction transaction, string documentId)
    {
        using var command = new NpgsqlCommand("""
            SELECT m.payload FROM mentions m JOIN documents d ON d.id = m.document_id
            WHERE m.document_id = @id AND d.analysis_failure IS NULL
            """, connection, transaction);
        command.Parameters.AddWithValue("id", documentId);
        using var reader = command.ExecuteReader();
        var mentions = new List<EventMention>();
        while (reader.Read())
            mentions.Add(Deserialize<EventMention>(reader.GetString(0)));
        return mentions;
    }

    public void MarkAnalysisFailed(IReadOnlyList<(string DocumentId, string Reason)> failures)
    {
        using var connection = DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var slot = TakeWriteSlot(connection, transaction);
        foreach (var documentId in failures.Select(f => f.DocumentId).Distinct(StringComparer.Ordinal))
            CountKeywords(connection, transaction, slot, CountedMentions(connection, transaction, documentId), -1);
        using (var mark = new NpgsqlCommand(
            "UPDATE documents d SET analysis_failure = f.reason FROM unnest(@ids, @reasons) AS f(id, reason) WHERE d.id = f.id", connection, transaction))
        {
            mark.Parameters.AddWithValue("ids", failures.Select(f => f.DocumentId).ToArray());
            mark.Parameters.AddWithValue("reasons", failures.Select(f => f.Reason).ToArray());
            mark.ExecuteNonQuery();
        }
        AdvanceGeneration(connection, transaction, slot);
        transaction.Commit();
    }

    public void ReplaceMentions(string documentId, IReadOnlyList<EventMention> mentions)
    {
        using var connection = DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var slot = TakeWriteSlot(connection, transaction);
        CountKeywords(connection, transaction, slot, CountedMentions(connection, transaction, documentId), -1);
        CountKeywords(connection, transaction, slot, mentions.ToList(), +1);
        foreach (var sql in new[] { "DELETE FROM mentions WHERE document_id = @id", "UPDATE documents SET analysis_failure = NULL WHERE id = @id" })
        {
            using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("id", documentId);
            command.ExecuteNonQuery();
        }
        if (mentions.Count > 0)
            AddMentions(connection, transaction, mentions, StoreJson.Payloads(mentions));
        AdvanceGeneration(connection, transaction, slot);
        transaction.Commit();
    }

    public IReadOnlyList<FailedDocument> GetFailedDocuments() => Query(
        "SELECT id, path, title, analysis_failure FROM documents WHERE analysis_failure IS NOT NULL ORDER BY ingested_at, id COLLATE \"C\"",
        r => new FailedDocument(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));

    public ImageFile? GetImage(string imageId) =>
        Query("SELECT id, content_type, width, height, bytes FROM images WHERE id = @id",
            r => new ImageFile(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), (byte[])r.GetValue(4)), ("id", imageId)).FirstOrDefault();
    private static void AddMovingObservances(NpgsqlConnection connection, NpgsqlTransaction transaction, SourceDocument document)
    {
        using var insert = new NpgsqlCommand(
            """
            INSERT INTO moving_observances (document_id, rule, name)
            SELECT @document, o.rule, o.name FROM unnest(@rules, @names) WITH ORDINALITY AS o(rule, name, n) ORDER BY o.n
            """, connection, transaction);
        insert.Parameters.AddWithValue("document", document.Id);
        insert.Parameters.AddWithValue("rules", document.MovingObservances.Select(o => o.Rule).ToArray());
        insert.Parameters.AddWithValue("names", document.MovingObservances.Select(o => o.Name).ToArray());
        insert.ExecuteNonQuery();
    }

    private static void AddObservances(NpgsqlConnection connection, NpgsqlTransaction transaction, SourceDocument document)
    {
        using var insert = new NpgsqlCommand(
            """
            INSERT INTO observances (document_id, month, day, name)
            SELECT @document, o.month, o.day, o.name FROM unnest(@months, @days, @names) WITH ORDINALITY AS o(month, day, name, n) ORDER BY o.n
            """, connection, transaction);
        insert.Parameters.AddWithValue("document", document.Id);
        insert.Parameters.AddWithValue("months", document.Observances.Select(o => (short)o.Day.Month).ToArray());
        insert.Parameters.AddWithValue("days", document.Observances.Select(o => (short)o.Day.Day).ToArray());
        insert.Parameters.AddWithValue("names", document.Observances.Select(o => o.Name).ToArray());
        insert.ExecuteNonQuery();
    }

    private static void AddMentions(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventMention> mentions, IReadOnlyList<string> payloads)
    {
        // One round trip for all mentions, in their order (the identity column keeps it).
        using var mention = new NpgsqlCommand(
            """
            INSERT INTO mentions (document_id, sentence_start, payload)
            SELECT m.document_id, m.sentence_start, m.payload FROM unnest(@documents, @starts, @payloads) WITH ORDINALITY AS m(document_id, sentence_start, payload, n)
            ORDER BY m.n
            """, connection, transaction);
        mention.Parameters.AddWithValue("documents", mentions.Select(m => m.DocumentId).ToArray());
        mention.Parameters.AddWithValue("starts", mentions.Select(m => m.SentenceStart).ToArray());
        mention.Parameters.AddWithValue("payloads", payloads.ToArray());
        mention.ExecuteNonQuery();
    }

    /// <summary>The channel a write notifies when it commits, with the store's schema as payload (one database may hold several stores).</summary>
    public const string ChangeChannel = "almanac_store_changed";

    /// <summary>How many writers can hold a slot at once; more wait for one to commit.</summary>
    internal const int WriteSlots = 16;

    /// <summary>
    /// Takes a write slot for the transaction, by locking one of the <see cref="WriteSlots"/> rows of store_generation that no
    /// other transaction holds (SKIP LOCKED), so concurrent writers never queue behind one row. Shared counts (the
    /// generation, the resolved mentions, the keyword frequencies) are kept as one share per slot and read as sums: a
    /// writer only adds to its own slot's share, which no one else writes until it commits. Taken first, so a
    /// serializable transaction's snapshot already sees the slot's latest value.
    /// </summary>
    internal static short TakeWriteSlot(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        using var free = new NpgsqlCommand("SELECT id FROM store_generation ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED", connection, transaction);
        if (free.ExecuteScalar() is int slot)
            return (short)slot;
        // Every slot is held: wait for one, picked at random so waiting writers spread over them.
        using var wait = new NpgsqlCommand($"SELECT id FROM store_generation WHERE id = 1 + floor(random() * {WriteSlots})::int FOR UPDATE", connection, transaction);
        return (short)(int)wait.ExecuteScalar()!;
    }

    /// <summary>Counts this write in the generation and tells every listening web node when it commits (NOTIFY is delivered on commit only).</summary>
    private static void AdvanceGeneration(NpgsqlConnection connection, NpgsqlTransaction transaction, short slot)
    {
        using var command = new NpgsqlCommand(
            $"UPDATE store_generation SET value = value + 1 WHERE id = @slot; SELECT pg_notify('{ChangeChannel}', current_schema())", connection, transaction);
        command.Parameters.AddWithValue("slot", (int)slot);
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<SourceDocument> GetDocuments() =>
        Query("SELECT id, path, title, text, byte_length FROM documents ORDER BY path COLLATE \"C\", id COLLATE \"C\"", ReadDocument);

    public SourceDocument? GetDocument(string documentId) =>
        Query("SELECT id, path, title, text, byte_length FROM documents WHERE id = @id", ReadDocument, ("id", documentId)).FirstOrDefault();

    public IReadOnlyList<StoredMention> GetMentions() =>
        Query("""
            SELECT m.id, m.payload, m.event_id FROM mentions m JOIN documents d ON d.id = m.document_id
            WHERE d.analysis_failure IS NULL ORDER BY m.document_id COLLATE "C", m.sentence_start, m.id
            """, ReadStoredMention);

    public void ReplaceEvents(IReadOnlyList<HistoricalEvent> events, IReadOnlyList<MentionAssignment>? assignments = null)
    {
        using var connection = DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var slot = TakeWriteSlot(connection, transaction);
        // DELETE, not TRUNCATE: TRUNCATE's exclusive lock would stall every web node's reads until commit.
        Execute(connection, transaction, """
            DELETE FROM event_days;
            DELETE FROM event_keys;
            DELETE FROM event_terms;
            DELETE FROM events;
            UPDATE mentions SET event_id = NULL, shown_order = NULL WHERE event_id IS NOT NULL;
            """, timeoutSeconds: 0);
        WriteEvents(connection, transaction, events);
        Assign(connection, transaction, assignments ?? []);
        FileTerms(connection, transaction, eventIds: null);
        CorrectionLayer.Reapply(new CorrectionTables(connection, transaction), correctionIds: null);
        AdvanceGeneration(connection, transaction, slot);
        transaction.Commit();
    }

    public bool UpdateEvents(EventUpdate update, ResolutionBasis basis)
    {
        using var connection = DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        try
        {
            if (!UpdateEvents(connection, transaction, update, basis))
                return false;
            transaction.Commit();
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected)
        {
            // Two resolutions locked shared date keys in opposite orders; the database ended this one: start again.
            return false;
        }
    }

    /// <summary>Date keys one resolution may lock one by one; past it, it locks the whole store (a day page of hundreds of years).</summary>
    private const int MaxKeyLocks = 512;

    /// <summary>The advisory lock standing for every date key (two-key form: kinds are 0 to 3, so this class is apart).</summary>
    private const int AllKeys = -1;

    /// <summary>
    /// Checks, in the caller's transaction, that the neighbourhood a resolution read is as it was, then writes the update.
    /// First it locks the date keys it read (shared) and those its events are filed under (exclusive), as transaction
    /// advisory locks, and the events it replaces: only writers touching the same keys or events wait for one another,
    /// and writers elsewhere in the store go on at once. Then, seeing every commit before its locks: no event filed under
    /// the key ranges since, no mention of its events filed elsewhere, none of theirs moved; otherwise it changes nothing.
    /// </summary>
    internal static bool UpdateEvents(NpgsqlConnection connection, NpgsqlTransaction transaction, EventUpdate update, ResolutionBasis basis)
    {
        // A written id may be stored outside the removed ones (an event of a store resolved before events were filed).
        var replaced = update.Removed.Concat(update.Written.Select(e => e.Id)).Distinct(StringComparer.Ordinal).ToArray();
        var assigned = update.Assignments.Select(a => a.MentionId).ToHashSet();
        LockKeys(connection, transaction, basis.Ranges, update.Written.SelectMany(EventKeys.Of));
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var lockEvents = new NpgsqlCommand("SELECT id, payload FROM events WHERE id = ANY(@ids) ORDER BY id COLLATE \"C\" FOR UPDATE", connection, transaction))
        {
            lockEvents.Parameters.AddWithValue("ids", replaced);
            using var reader = lockEvents.ExecuteReader();
            while (reader.Read())
                stored[reader.GetString(0)] = reader.GetString(1);
        }
        var unseen = new List<string>();
        using (var arrived = new NpgsqlCommand($"""
            SELECT DISTINCT k.event_id FROM {EventsInRanges} WHERE NOT k.event_id = ANY(@known)
            """, connection, transaction))
        {
            arrived.Parameters.AddWithValue("kinds", basis.Ranges.Select(r => (short)r.Kind).ToArray());
            arrived.Parameters.AddWithValue("froms", basis.Ranges.Select(r => r.From).ToArray());
            arrived.Parameters.AddWithValue("tos", basis.Ranges.Select(r => r.To).ToArray());
            arrived.Parameters.AddWithValue("known", basis.EventsInRanges.Concat(replaced).ToArray());
            using var reader = arrived.ExecuteReader();
            while (reader.Read())
                unseen.Add(reader.GetString(0));
        }
        // Workers resolving the pages of neighbouring days file events in one another's ranges all the time; most of them
        // could not change this resolution, which then stands.
        if (unseen.Count > 0 && !basis.UnaffectedBy(unseen))
            return false;
        using (var filed = new NpgsqlCommand(
            "SELECT id, event_id FROM mentions WHERE id = ANY(@assigned) OR event_id = ANY(@replaced) ORDER BY id FOR UPDATE", connection, transaction))
        {
            filed.Parameters.AddWithValue("assigned", assigned.ToArray());
            filed.Parameters.AddWithValue("replaced", replaced);
            var replacedIds = replaced.ToHashSet(StringComparer.Ordinal);
            using var reader = filed.ExecuteReader();
            while (reader.Read())
            {
                var eventId = reader.IsDBNull(1) ? null : reader.GetString(1);
                var ours = eventId is null || replacedIds.Contains(eventId);
                if (assigned.Contains(reader.GetInt64(0)) ? !ours : ours)
                    return false;
            }
        }
        var (changed, kept) = update.Against(stored);
        var slot = TakeWriteSlot(connection, transaction);
        using (var remove = new NpgsqlCommand("""
            DELETE FROM event_days WHERE event_id = ANY(@ids);
            DELETE FROM event_keys WHERE event_id = ANY(@ids);
            DELETE FROM event_terms WHERE event_id = ANY(@ids);
            DELETE FROM events WHERE id = ANY(@ids);
            UPDATE mentions SET event_id = NULL, shown_order = NULL WHERE event_id = ANY(@ids);
            """, connection, transaction))
        {
            remove.Parameters.AddWithValue("ids", replaced.Where(id => !kept.Contains(id)).ToArray());
            remove.ExecuteNonQuery();
        }
        WriteEvents(connection, transaction, changed);
        var refiled = Assign(connection, transaction, update.Assignments);
        FileTerms(connection, transaction, changed.Select(c => c.Event.Id).Concat(refiled).ToHashSet(StringComparer.Ordinal), update);
        CorrectionLayer.ReapplyAround(new CorrectionTables(connection, transaction), replaced);
        AdvanceGeneration(connection, transaction, slot);
        return true;
    }

    /// <summary>
    /// Locks the date keys of <paramref name="read"/> shared and those of <paramref name="written"/> exclusive, in one
    /// order, for the rest of the transaction; behind them all a shared lock on <see cref="AllKeys"/>, which a resolution
    /// with more than <see cref="MaxKeyLocks"/> keys takes exclusive instead (so the lock table stays small).
    /// </summary>
    private static void LockKeys(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventKeyRange> read, IEnumerable<EventKey> written)
    {
        var modes = new Dictionary<EventKey, bool>();
        foreach (var range in read)
            for (var value = range.From; value <= range.To; value++)
                modes.TryAdd(new EventKey(range.Kind, value), false);
        foreach (var key in written)
            modes[key] = true;
        var many = modes.Count > MaxKeyLocks;
        var keys = many ? [] : modes.OrderBy(k => k.Key.Kind).ThenBy(k => k.Key.Value).ToList();
        using var command = new NpgsqlCommand("""
            SELECT CASE WHEN x THEN pg_advisory_xact_lock(k, v)::text ELSE pg_advisory_xact_lock_shared(k, v)::text END
            FROM unnest(@kinds, @values, @exclusive) AS l(k, v, x)
            """, connection, transaction);
        command.Parameters.AddWithValue("kinds", keys.Select(k => (int)k.Key.Kind).Prepend(AllKeys).ToArray());
        command.Parameters.AddWithValue("values", keys.Select(k => k.Key.Value).Prepend(0).ToArray());
        command.Parameters.AddWithValue("exclusive", keys.Select(k => k.Value).Prepend(many).ToArray());
        command.ExecuteNonQuery();
    }

    /// <summary>Inserts events with their search vectors, the days they are listed under and their date keys.</summary>
    private static void WriteEvents(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<HistoricalEvent> events) =>
        WriteEvents(connection, transaction, events.Select(e => (e, JsonSerializer.Serialize(e, StoreJson.Options))).ToList());

    private static void WriteEvents(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<(HistoricalEvent Event, string Payload)> written)
    {
        var events = written.Select(w => w.Event).ToList();
        // Dropped first: a transaction may write events twice (the resolver's, then those an editor's correction lies over).
        Execute(connection, transaction, """
            DROP TABLE IF EXISTS pg_temp.events_in;
            CREATE TEMP TABLE events_in (id text, year integer, significance double precision, payload text, title text, people text, body text) ON COMMIT DROP;
            """);
        // COPY in binary: a million events load in seconds, where row-by-row inserts take minutes.
        using (var copy = connection.BeginBinaryImport("COPY events_in FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (e, payload) in written)
            {
                copy.StartRow();
                copy.Write(e.Id, NpgsqlDbType.Text);
                copy.Write(e.Date.Year, NpgsqlDbType.Integer);
                copy.Write(e.Significance, NpgsqlDbType.Double);
                copy.Write(payload, NpgsqlDbType.Text);
                // A hidden event keeps an empty search vector: no search finds it.
                var searchable = CorrectionLayer.Visible(e) is not null;
                copy.Write(searchable ? e.Title : "", NpgsqlDbType.Text);
                copy.Write(searchable ? string.Join("; ", e.People) : "", NpgsqlDbType.Text);
                copy.Write(searchable ? string.Join("\n", new[] { e.Text }.Concat(e.Summary.Select(s => s.Text))) : "", NpgsqlDbType.Text);
            }
            copy.Complete();
        }
        // No time limit: indexing a million events takes minutes, and a timeout would throw all of it away.
        Execute(connection, transaction, """
            INSERT INTO events (id, year, significance, payload, search)
            SELECT id, year, significance, payload,
                   setweight(to_tsvector('almanac_search', title), 'A') || setweight(to_tsvector('almanac_search', people), 'B') || setweight(to_tsvector('almanac_search', body), 'D')
            FROM events_in;
            """, timeoutSeconds: 0);
        using (var copy = connection.BeginBinaryImport("COPY event_days (event_id, month, day, year, listed_date, is_primary) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in events)
            {
                var listedDates = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (listed, primary) in DayListing.DaysOf(e))
                {
                    var form = HistoricalDateJsonConverter.Format(listed);
                    // The SQLite store keeps the first listing of a date (INSERT OR IGNORE); so does this one.
                    if (!listedDates.Add(form))
                        continue;
                    copy.StartRow();
                    copy.Write(e.Id, NpgsqlDbType.Text);
                    copy.Write((short)listed.Month!.Value, NpgsqlDbType.Smallint);
                    copy.Write((short)listed.Day!.Value, NpgsqlDbType.Smallint);
                    copy.Write(listed.Year, NpgsqlDbType.Integer);
                    copy.Write(form, NpgsqlDbType.Text);
                    copy.Write(primary, NpgsqlDbType.Boolean);
                }
            }
            copy.Complete();
        }
        using (var copy = connection.BeginBinaryImport("COPY event_keys (kind, value, event_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in events)
                foreach (var key in EventKeys.Of(e))
                {
                    copy.StartRow();
                    copy.Write((short)key.Kind, NpgsqlDbType.Smallint);
                    copy.Write(key.Value, NpgsqlDbType.Integer);
                    copy.Write(e.Id, NpgsqlDbType.Text);
                }
            copy.Complete();
        }
    }

    /// <summary>
    /// Files the mentions under their events with their places among the mentions the events show, and returns the events
    /// whose filing changed, whose terms are to be filed (<see cref="FileTerms"/>).
    /// </summary>
    private static IReadOnlyCollection<string> Assign(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<MentionAssignment> assignments)
    {
        var refiled = new HashSet<string>(StringComparer.Ordinal);
        if (assignments.Count == 0)
            return refiled;
        // A mention already filed so is left alone (most of a neighbourhood's are); one whose event kept its payload but shows it elsewhere is filed again.
        using var assign = new NpgsqlCommand("""
            UPDATE mentions m SET event_id = a.event_id, shown_order = a.shown_order FROM unnest(@ids, @events, @shown) AS a(id, event_id, shown_order)
            WHERE m.id = a.id AND (m.event_id IS DISTINCT FROM a.event_id OR m.shown_order IS DISTINCT FROM a.shown_order)
            RETURNING m.event_id
            """, connection, transaction) { CommandTimeout = 0 };
        assign.Parameters.AddWithValue("ids", assignments.Select(a => a.MentionId).ToArray());
        assign.Parameters.AddWithValue("events", assignments.Select(a => a.EventId).ToArray());
        assign.Parameters.Add(new NpgsqlParameter<short?[]>("shown", NpgsqlDbType.Array | NpgsqlDbType.Smallint)
        {
            TypedValue = assignments.Select(a => (short?)a.ShownOrder).ToArray(),
        });
        using var reader = assign.ExecuteReader();
        while (reader.Read())
            refiled.Add(reader.GetString(0));
        return refiled;
    }

    /// <summary>The rows of <c>event_terms</c>, as SQLite files them (see its <c>TermRows</c>, which says why they are what <c>SharedTerms</c> compares).</summary>
    internal const string TermRows = """
        SELECT t.term, coalesce((p.json ->> 'kind')::smallint, 0), k.kind, k.value, k.event_id FROM event_keys k JOIN mentions m ON m.event_id = k.event_id
            CROSS JOIN LATERAL (SELECT m.payload::jsonb) AS p(json)
            CROSS JOIN LATERAL jsonb_array_elements_text(
                coalesce(p.json -> 'keywords', '[]') || coalesce(p.json -> 'people', '[]') || coalesce(p.json -> 'places', '[]')) AS t(term)
        WHERE k.kind <> 0
        """;

    /// <summary>
    /// The token an event is filed under in <c>event_terms</c> for a term of a mention kind under a date key in a span of
    /// years (<see cref="EventTerms.Span"/>): the four joined by a unit separator, as <see cref="TokenOfRow"/> joins them in SQL.
    /// </summary>
    internal static string TermToken(string term, long mentionKind, long keyKind, int span) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{term}\u001f{mentionKind}\u001f{keyKind}\u001f{span}");

    /// <summary>The <see cref="TermToken"/> of a row of <see cref="TermRows"/> (its columns term, mention_kind, kind and value).</summary>
    internal static readonly string TokenOfRow = $"term || chr(31) || mention_kind || chr(31) || kind || chr(31) || floor(value / {EventTerms.YearsPerToken}.0)::integer";

    /// <summary>
    /// Files the terms of these events (null: of every event) once their date keys and mentions are written
    /// (<see cref="IAlmanacStore.FindEventsSharingTerms"/>): an event's terms are those of all its mentions, its row of
    /// <c>event_terms</c> their tokens (<see cref="TermToken"/>), replaced whole. The update's resolution gives them for the
    /// events it writes (<see cref="EventUpdate.Terms"/>; the write checked that the mentions filed under those are the
    /// ones it assigns); those of any other event are read from the store.
    /// </summary>
    private static void FileTerms(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<string>? eventIds, EventUpdate? update = null)
    {
        if (eventIds is { Count: 0 })
            return;
        var filing = eventIds?.ToHashSet(StringComparer.Ordinal);
        if (filing is not null)
        {
            using var remove = new NpgsqlCommand("DELETE FROM event_terms WHERE event_id = ANY(@ids)", connection, transaction);
            remove.Parameters.AddWithValue("ids", filing.ToArray());
            remove.ExecuteNonQuery();
        }
        var known = update?.Terms is { } terms && filing is not null
            ? update.Written.Where(e => filing.Contains(e.Id) && terms.ContainsKey(e.Id)).Select(e => (Event: e, Terms: terms[e.Id])).ToList()
            : [];
        if (known.Count > 0)
        {
            using var copy = connection.BeginBinaryImport("COPY event_terms (event_id, tokens) FROM STDIN (FORMAT BINARY)");
            foreach (var (e, eventTerms) in known)
            {
                var tokens = EventTerms.Filed(e, eventTerms)
                    .Select(f => TermToken(f.Term.Term, (long)f.Term.Kind, (long)f.Key.Kind, EventTerms.Span(f.Key.Value))).Distinct(StringComparer.Ordinal).ToArray();
                if (tokens.Length == 0)
                    continue;
                copy.StartRow();
                copy.Write(e.Id, NpgsqlDbType.Text);
                copy.Write(tokens, NpgsqlDbType.Array | NpgsqlDbType.Text);
            }
            copy.Complete();
        }
        var unknown = eventIds?.Except(known.Select(k => k.Event.Id)).ToList();
        if (unknown is { Count: 0 })
            return;
        using var file = new NpgsqlCommand($"""
            INSERT INTO event_terms (event_id, tokens)
            SELECT event_id, array_agg(DISTINCT {TokenOfRow}) FROM ({TermRows} {(unknown is null ? "" : "AND k.event_id = ANY(@ids)")}) AS r(term, mention_kind, kind, value, event_id)
            GROUP BY event_id
            """, connection, transaction) { CommandTimeout = 0 };
        if (unknown is not null)
            file.Parameters.AddWithValue("ids", unknown.ToArray());
        file.ExecuteNonQuery();
    }

    public IReadOnlyList<string> GetDocumentsAwaitingResolution(int limit) => Query("""
        SELECT d.id FROM documents d
        WHERE d.id IN (SELECT m.document_id FROM mentions m WHERE m.event_id IS NULL) AND d.analysis_failure IS NULL
        ORDER BY d.ingested_at, d.id COLLATE "C" LIMIT @limit
        """, r => r.GetString(0), ("limit", limit));

    public IReadOnlyList<string> GetDocumentIdsAfter(string afterId, int limit) => Query(
        // Ids are lowercase hex, ordered alike by every collation: the database's own lets the primary key's index serve the walk.
        "SELECT id FROM documents WHERE id > @after AND analysis_failure IS NULL ORDER BY id LIMIT @limit",
        r => r.GetString(0), ("after", afterId), ("limit", limit));

    public IReadOnlyList<StoredMention> GetMentionsOfDocuments(IReadOnlyCollection<string> documentIds) => MentionsWhere("document_id = ANY(@ids)", documentIds);

    public IReadOnlyList<StoredMention> GetMentionsOfEvents(IReadOnlyCollection<string> eventIds) => MentionsWhere("event_id = ANY(@ids)", eventIds);

    /// <summary>The mentions <paramref name="filter"/> selects by the <c>@ids</c> given, of documents not marked failed, in the store's order.</summary>
    /// <remarks>
    /// The mentions are found first, once (MATERIALIZED): as a plain join, a planner that has not yet counted the
    /// documents an ingest adds (two, it estimates) loops over every document and, for each, scans the index of mentions
    /// for all the events again: 15 s of a 60 s drain of the 366 day pages, where this takes 1.
    /// </remarks>
    private List<StoredMention> MentionsWhere(string filter, IReadOnlyCollection<string> ids) => Query($"""
        WITH filed AS MATERIALIZED (SELECT id, document_id, sentence_start, payload, event_id FROM mentions WHERE {filter})
        SELECT m.id, m.payload, m.event_id FROM filed m JOIN documents d ON d.id = m.document_id
        WHERE d.analysis_failure IS NULL ORDER BY m.document_id COLLATE "C", m.sentence_start, m.id
        """, ReadStoredMention, ("ids", ids.ToArray()));

    /// <remarks>The identity column numbers the mentions in the order they were inserted (<see cref="AddMentions"/>), so the rows keep it.</remarks>
    public IReadOnlyDictionary<string, IReadOnlyList<long>> GetMentionIds(IReadOnlyCollection<string> documentIds) => Query("""
        WITH filed AS MATERIALIZED (SELECT document_id, id FROM mentions WHERE document_id = ANY(@ids))
        SELECT m.document_id, m.id FROM filed m JOIN documents d ON d.id = m.document_id WHERE d.analysis_failure IS NULL ORDER BY m.document_id, m.id
        """, r => (Document: r.GetString(0), Id: r.GetInt64(1)), ("ids", documentIds.ToArray()))
        .GroupBy(row => row.Document, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(row => row.Id).ToList(), StringComparer.Ordinal);

    /// <remarks>Counted first, then the documents joined, as <see cref="MentionsWhere"/> finds mentions (a plan looping over documents took 0.2 to 0.35 s).</remarks>
    public IReadOnlyDictionary<string, int> CountMentions(IReadOnlyCollection<string> documentIds) => Query("""
        WITH counted AS MATERIALIZED (SELECT document_id, count(*) AS mentions FROM mentions WHERE document_id = ANY(@ids) GROUP BY document_id)
        SELECT c.document_id, c.mentions FROM counted c JOIN documents d ON d.id = c.document_id WHERE d.analysis_failure IS NULL
        """, r => (Id: r.GetString(0), Count: checked((int)r.GetInt64(1))), ("ids", documentIds.ToArray()))
        .ToDictionary(x => x.Id, x => x.Count, StringComparer.Ordinal);

    /// <summary>
    /// The rows <c>k</c> of <c>event_keys</c> in the key ranges <c>@kinds</c>, <c>@froms</c>, <c>@tos</c>: one index range scan a
    /// range. As a plain join, the planner, knowing a day page's thousand ranges, merge-joins them with the whole table on
    /// the kind alone and filters every pair (seconds where this takes milliseconds); OFFSET 0 keeps the subquery its own.
    /// </summary>
    private const string EventsInRanges = """
        unnest(@kinds, @froms, @tos) AS r(kind, low, high)
            CROSS JOIN LATERAL (SELECT event_id FROM event_keys WHERE kind = r.kind AND value BETWEEN r.low AND r.high OFFSET 0) AS k
        """;

    public IReadOnlyList<string> FindEvents(IReadOnlyList<EventKeyRange> ranges) => Query($"""
        SELECT DISTINCT k.event_id FROM {EventsInRanges}
        """, r => r.GetString(0),
        ("kinds", ranges.Select(r => (short)r.Kind).ToArray()), ("froms", ranges.Select(r => r.From).ToArray()), ("tos", ranges.Select(r => r.To).ToArray()))
        .Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> FindEventsSharingTerms(IReadOnlyList<EventKeyRange> yearRanges, MentionKind kind, IReadOnlyCollection<string> terms)
    {
        EventTerms.CheckRanges(yearRanges);
        // The events filed under a token of a term in a span of years the ranges touch (the index on the tokens finds them),
        // of those the ones with a date key in a range itself: an event is filed under each of its terms with each of its keys.
        var tokens = terms.SelectMany(term => yearRanges.SelectMany(r => EventTerms.Spans(r).Select(span => TermToken(term, (long)kind, (long)r.Kind, span))))
            .Distinct(StringComparer.Ordinal).ToArray();
        return tokens.Length == 0 ? [] : Query("""
            SELECT t.event_id FROM event_terms t
            WHERE t.tokens && @tokens
              AND EXISTS (SELECT 1 FROM event_keys k JOIN unnest(@kinds, @froms, @tos) AS r(kind, low, high) ON k.kind = r.kind AND k.value BETWEEN r.low AND r.high
                          WHERE k.event_id = t.event_id)
            """, r => r.GetString(0), ("tokens", tokens),
            ("kinds", yearRanges.Select(r => (short)r.Kind).ToArray()), ("froms", yearRanges.Select(r => r.From).ToArray()), ("tos", yearRanges.Select(r => r.To).ToArray()))
            .Order(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<string> GetDocumentsOfEvents(IReadOnlyCollection<string> eventIds) => Query("""
        SELECT DISTINCT document_id FROM mentions WHERE event_id = ANY(@ids)
        """, r => r.GetString(0), ("ids", eventIds.ToArray())).Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> GetEventsOfDocuments(IReadOnlyCollection<string> documentIds) => Query("""
        SELECT DISTINCT event_id FROM mentions WHERE document_id = ANY(@ids) AND event_id IS NOT NULL
        """, r => r.GetString(0), ("ids", documentIds.ToArray())).Order(StringComparer.Ordinal).ToList();

    public KeywordFrequencies GetKeywordFrequencies(IReadOnlyCollection<string> keywords)
    {
        var byKeyword = Query("SELECT keyword, sum(mentions)::integer FROM keyword_frequencies WHERE keyword = ANY(@keywords) GROUP BY keyword",
            r => (Keyword: r.GetString(0), Mentions: r.GetInt32(1)), ("keywords", keywords.ToArray()))
            .ToDictionary(x => x.Keyword, x => x.Mentions, StringComparer.Ordinal);
        var total = Query("SELECT sum(value)::bigint FROM resolved_mention_count", r => r.GetInt64(0)).Single();
        return new KeywordFrequencies(checked((int)total), byKeyword);
    }

    public void FileFingerprints(string documentId, IReadOnlyCollection<long> fingerprints)
    {
        using var connection = DataSource.OpenConnection();
        FileFingerprints(connection, null, documentId, fingerprints);
    }

    private static void FileFingerprints(NpgsqlConnection connection, NpgsqlTransaction? transaction, string documentId, IReadOnlyCollection<long> fingerprints)
    {
        using var file = new NpgsqlCommand(
            "INSERT INTO document_fingerprints (hash, document_id) SELECT h, @id FROM unnest(@hashes) AS h ORDER BY h ON CONFLICT DO NOTHING", connection, transaction);
        file.Parameters.AddWithValue("id", documentId);
        file.Parameters.AddWithValue("hashes", fingerprints.ToArray());
        file.ExecuteNonQuery();
    }

    public IReadOnlyList<(long Fingerprint, string DocumentId)> FindFingerprintHolders(IReadOnlyCollection<long> fingerprints) => Query(
        "SELECT hash, document_id FROM document_fingerprints WHERE hash = ANY(@hashes)",
        r => (r.GetInt64(0), r.GetString(1)), ("hashes", fingerprints.ToArray()));

    public IReadOnlyDictionary<string, string> GetLineages(IReadOnlyCollection<string> documentIds) => Query(
        "SELECT id, coalesce(lineage_id, id) FROM documents WHERE id = ANY(@ids)",
        r => (Id: r.GetString(0), Lineage: r.GetString(1)), ("ids", documentIds.ToArray()))
        .ToDictionary(x => x.Id, x => x.Lineage, StringComparer.Ordinal);

    public void MergeLineages(IReadOnlyCollection<string> merged, string lineageId)
    {
        using var connection = DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var slot = TakeWriteSlot(connection, transaction);
        using (var command = new NpgsqlCommand("UPDATE documents SET lineage_id = @lineage WHERE id = ANY(@merged) OR lineage_id = ANY(@merged)", connection, transaction))
        {
            command.Parameters.AddWithValue("lineage", lineageId);
            command.Parameters.AddWithValue("merged", merged.ToArray());
            command.ExecuteNonQuery();
        }
        AdvanceGeneration(connection, transaction, slot);
        transaction.Commit();
    }

    private static StoredMention ReadStoredMention(NpgsqlDataReader r) => new(r.GetInt64(0), Deserialize<EventMention>(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2));

    public IReadOnlyList<DayEntry> GetEventsOnDay(int month, int day) => WithShownMentions(Query(
        PostgresQueries.EventsOnDay, ReadDayEntry, ("month", (short)month), ("day", (short)day)));

    public IReadOnlyList<ListedDates> GetListedDatesOnDay(int month, int day) => Query(
        PostgresQueries.ListedDatesOnDay,
        r => new ListedDates(r.GetString(0), Deserialize<List<string>>(r.GetString(1)), [.. Deserialize<List<string>>(r.GetString(2)), r.GetString(3)]),
        ("month", (short)month), ("day", (short)day));

    public IReadOnlyList<DayEntry> GetListingsOnDay(int month, int day) => Query(
        PostgresQueries.ListingsOnDay,
        r => ListingRows.Read(r.GetString(0), r.GetString(1), r.GetBoolean(2), r.GetString(3)),
        ("month", (short)month), ("day", (short)day), ("left_out", ListingRows.LeftOut.ToArray()));

    public IReadOnlyDictionary<string, string> GetDocumentTitles(IReadOnlyCollection<string> documentIds) => Query(
        "SELECT id, title FROM documents WHERE id = ANY(@ids)",
        r => (Id: r.GetString(0), Title: r.GetString(1)), ("ids", documentIds.ToArray()))
        .ToDictionary(x => x.Id, x => x.Title, StringComparer.Ordinal);

    public IReadOnlyList<Observance> GetObservancesOnDay(int month, int day) => Query(
        """
        SELECT o.document_id, o.month, o.day, o.name FROM observances o JOIN documents d ON d.id = o.document_id
        WHERE o.month = @month AND o.day = @day AND d.analysis_failure IS NULL ORDER BY o.id
        """,
        r => new Observance(r.GetString(0), new NodaTime.AnnualDate(r.GetInt16(1), r.GetInt16(2)), r.GetString(3)),
        ("month", (short)month), ("day", (short)day));

    public IReadOnlyList<MovingObservance> GetMovingObservances() => Query(
        """
        SELECT o.document_id, o.rule, o.name FROM moving_observances o JOIN documents d ON d.id = o.document_id
        WHERE d.analysis_failure IS NULL ORDER BY o.id
        """,
        r => new MovingObservance(r.GetString(0), r.GetString(1), r.GetString(2)));

    public IReadOnlyList<DaySummary> SummarizeMonth(int month)
    {
        var summaries = Query(
            """
            SELECT t.day, t.n, e.payload, t.listed_date, t.is_primary FROM (
                SELECT d.day, d.event_id, d.listed_date, d.is_primary, count(*) OVER (PARTITION BY d.day) AS n,
                       row_number() OVER (PARTITION BY d.day ORDER BY x.significance DESC, x.id COLLATE "C") AS r
                FROM event_days d JOIN events x ON x.id = d.event_id WHERE d.month = @month) t
            JOIN events e ON e.id = t.event_id WHERE t.r = 1 ORDER BY t.day
            """,
            r => new DaySummary(r.GetInt16(0), (int)r.GetInt64(1),
                new DayEntry(ShownMentions.ReadEvent(r.GetString(2)), HistoricalDateJsonConverter.Parse(r.GetString(3)), r.GetBoolean(4))),
            ("month", (short)month));
        return summaries.Zip(WithShownMentions(summaries.Select(d => d.Top).ToList()), (summary, top) => summary with { Top = top }).ToList();
    }

    public IReadOnlyList<DayEntry> GetListingsInYears(int fromYear, int toYear, int limit) => WithShownMentions(Query(
        """
        SELECT e.payload, d.listed_date, d.is_primary FROM event_days d JOIN events e ON e.id = d.event_id
        WHERE d.year BETWEEN @from AND @to AND d.is_primary ORDER BY e.significance DESC, e.id COLLATE "C" LIMIT @limit
        """,
        ReadDayEntry, ("from", fromYear), ("to", toYear), ("limit", limit)));

    public IReadOnlyList<YearCount> CountListingsByYear(int fromYear, int toYear) => Query(
        "SELECT year, count(*) FROM event_days WHERE year BETWEEN @from AND @to AND is_primary GROUP BY year ORDER BY year",
        r => new YearCount(r.GetInt32(0), (int)r.GetInt64(1)), ("from", fromYear), ("to", toYear));

    public IReadOnlyList<DayEntry> GetPrimaryListings() => WithShownMentions(Query(
        """
        SELECT e.payload, d.listed_date, d.is_primary FROM event_days d JOIN events e ON e.id = d.event_id
        WHERE d.is_primary ORDER BY d.month, d.day, d.year DESC, e.significance DESC, e.id COLLATE "C"
        """,
        ReadDayEntry));

    public IReadOnlyList<HistoricalEvent> GetEventsOfDocument(string documentId, int limit) => WithShownMentions(Query(
        """
        SELECT payload FROM events WHERE id IN (SELECT event_id FROM mentions WHERE document_id = @id AND event_id IS NOT NULL)
        ORDER BY year, significance DESC, id COLLATE "C" LIMIT @limit
        """,
        r => ShownMentions.ReadEvent(r.GetString(0)), ("id", documentId), ("limit", limit))
        // A hidden event keeps its row (resolution still finds it) but is no reader's to see.
        .Select(CorrectionLayer.Visible).OfType<HistoricalEvent>().ToList());

    private static DayEntry ReadDayEntry(NpgsqlDataReader r) =>
        new(ShownMentions.ReadEvent(r.GetString(0)), HistoricalDateJsonConverter.Parse(r.GetString(1)), r.GetBoolean(2));

    /// <remarks>The aftermath links are checked for hidden events by their payloads alone: only the event read shows its mentions.</remarks>
    public HistoricalEvent? GetEvent(string eventId) =>
        CorrectionLayer.Visible(eventId, id => Query(PostgresQueries.EventById, r => ShownMentions.ReadEvent(r.GetString(0)), ("id", id)).FirstOrDefault()) is { } e
            ? WithShownMentions([e]).Single()
            : null;

    public IReadOnlyList<HistoricalEvent> SearchEvents(string query, int limit)
    {
        if (SearchQuery.TsQuery(query) is not { } match)
            return [];
        return WithShownMentions(Query(PostgresQueries.SearchEvents, r => ShownMentions.ReadEvent(r.GetString(0)),
            ("query", match.AnyWord), ("all", match.AllWords), ("phrase", match.Phrase), ("title_phrase", match.TitlePhrase), ("limit", limit)));
    }

    private IReadOnlyList<DayEntry> WithShownMentions(IReadOnlyList<DayEntry> entries) =>
        ShownMentions.Attach(entries, ids => Query(PostgresQueries.ShownMentions, ReadShownMention, ("ids", ids.ToArray())));

    private IReadOnlyList<HistoricalEvent> WithShownMentions(IReadOnlyList<HistoricalEvent> events) => events.Count == 0
        ? events
        : ShownMentions.Attach(events, Query(PostgresQueries.ShownMentions, ReadShownMention, ("ids", events.Select(e => e.Id).Distinct(StringComparer.Ordinal).ToArray())));

    private static ShownMention ReadShownMention(NpgsqlDataReader r) => new(r.GetString(0), r.GetInt16(1), r.GetString(2));

    public IReadOnlyList<DocumentHit> SearchDocuments(string query, int limit)
    {
        var match = TsQuery(query);
        if (match is null)
            return [];
        // The excerpt is made for the few rows returned only: ts_headline re-parses the whole text.
        return Query(
            """
            SELECT d.id, d.path, d.title, d.text, d.byte_length,
                   ts_headline('almanac_search', d.text, to_tsquery('almanac_search', @query), 'StartSel="",StopSel="",MaxWords=24,MinWords=8,MaxFragments=1,FragmentDelimiter=" … "')
            FROM (SELECT id, ts_rank(search, to_tsquery('almanac_search', @query)) AS rank FROM documents
                  WHERE search @@ to_tsquery('almanac_search', @query) ORDER BY rank DESC, id LIMIT @limit) AS hit
            JOIN documents d ON d.id = hit.id
            ORDER BY hit.rank DESC, hit.id
            """,
            r => new DocumentHit(ReadDocument(r), r.GetString(5)), ("query", match), ("limit", limit));
    }

    public int CountDaysWithEvents() => Query(
        "SELECT count(*) FROM (SELECT DISTINCT month, day FROM event_days) AS days", r => checked((int)r.GetInt64(0))).Single();

    public StoreCounts GetCounts() => Query(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions), (SELECT count(*) FROM events)",
        r => new StoreCounts(checked((int)r.GetInt64(0)), checked((int)r.GetInt64(1)), checked((int)r.GetInt64(2)))).Single();

    public DateTimeOffset? GetLastIngestedAt() => Query(
        PostgresQueries.LastIngestedAt,
        r => r.IsDBNull(0) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(0)).Single();

    /// <summary>The sum of the write slots' counts: it grows with every committed write, whichever slot it took.</summary>
    public long GetGeneration() => Query(PostgresQueries.Generation, r => r.GetInt64(0)).Single();

    /// <remarks>The store's generation: <see cref="UpdateEvents(EventUpdate, ResolutionBasis)"/> checks the neighbourhood a resolution read, not a number.</remarks>
    public long GetEventsGeneration() => GetGeneration();

    public void Dispose() => DataSource.Dispose();

    /// <summary>Any word may match a document, more matches rank higher.</summary>
    private static string? TsQuery(string query) => SearchQuery.TsQuery(query)?.AnyWord;

    private static SourceDocument ReadDocument(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4));

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, StoreJson.Options) ?? throw new InvalidDataException($"stored {typeof(T).Name} is empty");

    private List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        using var connection = DataSource.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }

    internal static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, int timeoutSeconds = 30)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = timeoutSeconds };
        command.ExecuteNonQuery();
    }
}
