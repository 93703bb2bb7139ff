using System.Runtime.InteropServices;
using System.Text.Json;
using Almanac.Core;
using Microsoft.Data.Sqlite;

namespace Almanac.Storage.Sqlite;

/// <summary>
/// The default store: one SQLite file in WAL mode with FTS5 indexes, created and migrated on open.
/// </summary>
public sealed partial class SqliteAlmanacStore : IAlmanacStore
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCheckpointer _checkpointer;

    private SqliteAlmanacStore(SqliteConnection connection) => (_connection, _checkpointer) = (connection, SqliteCheckpointer.For(connection));

    /// <summary>Opens (creating when missing) the store at <paramref name="path"/> and brings its schema up to date.</summary>
    public static SqliteAlmanacStore Open(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString());
        connection.Open();
        try
        {
            // A page cache of up to 64 MiB (SQLite's default is 2 MiB): an ingest writes into random pages of indexes of hundreds
            // of megabytes (fingerprints, date keys, search text), and with the default most writes read their page back from the
            // file first. Pages are taken as they are read, so a short-lived connection (a web request) holds only what it read.
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=60000; PRAGMA cache_size=-65536;");
            SqliteEventTerms.Register(connection);
            SqliteMigrations.Apply(connection);
            return new SqliteAlmanacStore(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public bool ContainsDocument(string documentId)
    {
        using var command = Command("SELECT 1 FROM documents WHERE id = $id", ("$id", documentId));
        return command.ExecuteScalar() is not null;
    }

    public bool AddDocument(SourceDocument document, IReadOnlyList<EventMention> mentions, string? analysisFailure = null) =>
        AddDocuments([new DocumentToStore(document, mentions, analysisFailure)])[0];

    public IReadOnlyList<bool> AddDocuments(IReadOnlyList<DocumentToStore> documents)
    {
        using var transaction = BeginWrite();
        var added = documents.Select(d => AddDocument(transaction, d)).ToList();
        if (!added.Contains(true))
            return added;
        // Counted for the documents together: a keyword's row is written once, where a document at a time rewrote most of the table's pages.
        CountKeywords(transaction, documents.Where((d, i) => added[i] && d.AnalysisFailure is null).SelectMany(d => d.Mentions).ToList(), +1);
        AdvanceGeneration(transaction, eventsToo: false);
        Commit(transaction);
        return added;
    }

    private bool AddDocument(SqliteTransaction transaction, DocumentToStore toStore)
    {
        var (document, analysisFailure) = (toStore.Document, toStore.AnalysisFailure);
        using (var insert = Command(
            "INSERT OR IGNORE INTO documents (id, path, title, text, byte_length, ingested_at, analysis_failure) VALUES ($id, $path, $title, $text, $bytes, $at, $failure)",
            ("$id", document.Id), ("$path", document.Path), ("$title", document.Title), ("$text", document.Text),
            ("$bytes", document.ByteLength), ("$at", DateTimeOffset.UtcNow.ToString("O")), ("$failure", (object?)analysisFailure ?? DBNull.Value)))
        {
            insert.Transaction = transaction;
            if (insert.ExecuteNonQuery() == 0)
                return false;
        }
        // The search index reads the text from the documents (external content), by the document's number.
        using (var fts = Command($"""
                   {NumberDocument}
                   INSERT INTO documents_fts (rowid, id, title, body) VALUES ({DocumentNumber}, $id, $title, $text)
                   """, ("$id", document.Id), ("$title", document.Title), ("$text", document.Text)))
        {
            fts.Transaction = transaction;
            fts.ExecuteNonQuery();
        }
        InsertMentions(transaction, toStore.Mentions, toStore.MentionPayloads);
        InsertObservances(transaction, document);
        InsertImages(transaction, document);
        if (document.MovingObservances.Count > 0)
            InsertMovingObservances(transaction, document);
        if (document.Fingerprints.Count > 0)
            FileFingerprints(transaction, document.Id, document.Fingerprints);
        return true;
    }

    /// <summary>Adds (or, with -1, takes away) the mentions to the keyword frequencies the resolver weighs words by.</summary>
    private void CountKeywords(SqliteTransaction transaction, IReadOnlyCollection<EventMention> mentions, int sign)
    {
        using var total = Command("UPDATE resolved_mention_count SET value = value + $n", ("$n", sign * mentions.Count));
        total.Transaction = transaction;
        total.ExecuteNonQuery();
        // One statement for a batch's thousands of keywords, in key order, so the B-tree is walked once rather than probed per keyword.
        // "WHERE true" lets SQLite parse the upsert after a SELECT (see its documentation of the parsing ambiguity).
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var ofMention = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            ofMention.Clear();
            foreach (var keyword in mention.Keywords)
                if (ofMention.Add(keyword))
                    CollectionsMarshal.GetValueRefOrAddDefault(counts, keyword, out _) += sign;
        }
        using var upsert = Command("""
            INSERT INTO keyword_frequencies (keyword, mentions)
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each($counts) WHERE true
            ON CONFLICT (keyword) DO UPDATE SET mentions = mentions + excluded.mentions
            """, ("$counts", JsonSerializer.Serialize(counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new object[] { c.Key, c.Value }))));
        upsert.Transaction = transaction;
        upsert.ExecuteNonQuery();
    }

    /// <summary>The mentions of a document, as stored, when it is not marked as failed: what its keyword counts hold.</summary>
    private List<EventMention> CountedMentions(SqliteTransaction transaction, string documentId)
    {
        using var command = Command("""
            SELECT m.payload FROM mentions m JOIN documents d ON d.id = m.document_id
            WHERE m.document_id = $id AND d.analysis_failure IS NULL
            """, ("$id", documentId));
        command.Transaction = transaction;
        using var reader = command.ExecuteReader();
        var mentions = new List<EventMention>();
        while (reader.Read())
            mentions.Add(Deserialize<EventMention>(reader.GetString(0)));
        return mentions;
    }

    private void InsertImages(SqliteTransaction transaction, SourceDocument document)
    {
        foreach (var image in document.ImageFiles)
        {
            using var insert = Command("INSERT OR IGNORE INTO images (id, content_type, width, height, bytes) VALUES ($id, $type, $width, $height, $bytes)",
                ("$id", image.Id), ("$type", image.ContentType), ("$width", image.Width), ("$height", image.Height), ("$bytes", image.Bytes));
            insert.Transaction = transaction;
            insert.ExecuteNonQuery();
        }
    }

    private void InsertMovingObservances(SqliteTransaction transaction, SourceDocument document)
    {
        using var insert = Command("INSERT INTO moving_observances (document_id, rule, name) VALUES ($document, $rule, $name)", ("$document", document.Id));
        insert.Transaction = transaction;
        var rule = insert.Parameters.Add("$rule", SqliteType.Text);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        foreach (var observance in document.MovingObservances)
        {
            (rule.Value, name.Value) = (observance.Rule, observance.Name);
            insert.ExecuteNonQuery();
        }
    }

    public ImageFile? GetImage(string imageId) =>
        Query("SELECT id, content_type, width, height, bytes FROM images WHERE id = $id",
            r => new ImageFile(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), (byte[])r.GetValue(4)), ("$id", imageId)).FirstOrDefault();

    private void InsertObservances(SqliteTransaction transaction, SourceDocument document)
    {
        if (document.Observances.Count == 0)
            return;
        using var insert = Command("INSERT INTO observances (document_id, month, day, name) VALUES ($document, $month, $day, $name)");
        insert.Transaction = transaction;
        var month = insert.Parameters.Add("$month", SqliteType.Integer);
        var day = insert.Parameters.Add("$day", SqliteType.Integer);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        insert.Parameters.AddWithValue("$document", document.Id);
        foreach (var observance in document.Observances)
        {
            (month.Value, day.Value, name.Value) = (observance.Day.Month, observance.Day.Day, observance.Name);
            insert.ExecuteNonQuery();
        }
    }

    public void MarkAnalysisFailed(IReadOnlyList<(string DocumentId, string Reason)> failures)
    {
        using var transaction = BeginWrite();
        foreach (var documentId in failures.Select(f => f.DocumentId).Distinct(StringComparer.Ordinal))
            CountKeywords(transaction, CountedMentions(transaction, documentId), -1);
        using var mark = Command("UPDATE documents SET analysis_failure = $reason WHERE id = $id");
        mark.Transaction = transaction;
        var id = mark.Parameters.Add("$id", SqliteType.Text);
        var reason = mark.Parameters.Add("$reason", SqliteType.Text);
        foreach (var failure in failures)
        {
            id.Value = failure.DocumentId;
            reason.Value = failure.Reason;
            mark.ExecuteNonQuery();
        }
        AdvanceGeneration(transaction);
        Commit(transaction);
    }

    public void ReplaceMentions(string documentId, IReadOnlyList<EventMention> mentions)
    {
        using var transaction = BeginWrite();
        CountKeywords(transaction, CountedMentions(transaction, documentId), -1);
        CountKeywords(transaction, mentions.ToList(), +1);
        foreach (var sql in new[] { "DELETE FROM mentions WHERE document_id = $id", "UPDATE documents SET analysis_failure = NULL WHERE id = $id" })
        {
            using var command = Command(sql, ("$id", documentId));
            command.Transaction = transaction;
            command.ExecuteNonQuery();
        }
        InsertMentions(transaction, mentions, StoreJson.Payloads(mentions));
        AdvanceGeneration(transaction);
        Commit(transaction);
    }

    public IReadOnlyList<FailedDocument> GetFailedDocuments() => Query(
        "SELECT id, path, title, analysis_failure FROM documents WHERE analysis_failure IS NOT NULL ORDER BY ingested_at, id",
        r => new FailedDocument(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));

    private void InsertMentions(SqliteTransaction transaction, IReadOnlyList<EventMention> mentions, IReadOnlyList<string> payloads)
    {
        using var mention = Command("INSERT INTO mentions (document_id, sentence_start, payload) VALUES ($doc, $start, $payload)");
        mention.Transaction = transaction;
        var doc = mention.Parameters.Add("$doc", SqliteType.Text);
        var start = mention.Parameters.Add("$start", SqliteType.Integer);
        var payload = mention.Parameters.Add("$payload", SqliteType.Text);
        foreach (var (m, json) in mentions.Zip(payloads))
        {
            doc.Value = m.DocumentId;
            start.Value = m.SentenceStart;
            payload.Value = json;
            mention.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<SourceDocument> GetDocuments() =>
        Query("SELECT id, path, title, text, byte_length FROM documents ORDER BY path, id", ReadDocument);

    public SourceDocument? GetDocument(string documentId) =>
        Query("SELECT id, path, title, text, byte_length FROM documents WHERE id = $id", ReadDocument, ("$id", documentId)).FirstOrDefault();

    public IReadOnlyList<StoredMention> GetMentions() =>
        Query("""
            SELECT m.id, m.payload, m.event_id FROM mentions m JOIN documents d ON d.id = m.document_id
            WHERE d.analysis_failure IS NULL ORDER BY m.document_id, m.sentence_start, m.id
            """, ReadStoredMention);

    public void ReplaceEvents(IReadOnlyList<HistoricalEvent> events, IReadOnlyList<MentionAssignment>? assignments = null)
    {
        using var transaction = BeginWrite();
        foreach (var sql in new[] { "DELETE FROM event_days", "INSERT INTO events_fts (events_fts) VALUES ('delete-all')", "DELETE FROM event_keys", "INSERT INTO event_terms (event_terms) VALUES ('delete-all')", "DELETE FROM events", "UPDATE mentions SET event_id = NULL, shown_order = NULL WHERE event_id IS NOT NULL" })
            Execute(transaction, sql);
        using var writer = new EventWriter(this, transaction);
        writer.Write(events.Select(e => (e, (string?)null)).ToList());
        writer.Assign(assignments ?? []);
        writer.FileTerms();
        CorrectionLayer.Reapply(new CorrectionTables(this, transaction), correctionIds: null);
        AdvanceGeneration(transaction);
        Commit(transaction);
    }

    /// <remarks>SQLite lets one writer in at a time, so comparing the whole store's events generation costs nothing here.</remarks>
    public bool UpdateEvents(EventUpdate update, ResolutionBasis basis)
    {
        using var transaction = BeginWrite();
        using (var generation = Command("SELECT value FROM events_generation"))
        {
            generation.Transaction = transaction;
            if (Convert.ToInt64(generation.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != basis.Generation)
                return false;
        }
        // A written id may be stored outside the removed ones (an event of a store resolved before events were filed).
        var replaced = update.Removed.Concat(update.Written.Select(e => e.Id)).Distinct(StringComparer.Ordinal).ToList();
        var stored = Query(transaction, "SELECT id, payload FROM events WHERE id IN (SELECT value FROM json_each($ids))",
                r => (Id: r.GetString(0), Payload: r.GetString(1)), ("$ids", JsonSerializer.Serialize(replaced)))
            .ToDictionary(e => e.Id, e => e.Payload, StringComparer.Ordinal);
        var (changed, kept) = update.Against(stored);
        using var writer = new EventWriter(this, transaction);
        // Only stored events have rows to remove (an event's rows are written and removed together): most written ids are
        // new, and looking each up in every table holding event rows was a tenth of writing a batch of day pages.
        writer.Remove(replaced.Where(id => stored.ContainsKey(id) && !kept.Contains(id)).ToList());
        writer.Write(changed.Select(c => (c.Event, (string?)c.Payload)).ToList());
        writer.Assign(update.Assignments);
        writer.FileTerms(update, stored);
        CorrectionLayer.ReapplyAround(new CorrectionTables(this, transaction), replaced);
        AdvanceGeneration(transaction);
        Commit(transaction);
        return true;
    }

    /// <summary>Writes and removes events within one transaction: the event row, its search text, its days, its date keys, its mentions' filing.</summary>
    /// <remarks>Disposed with the transaction: a statement left to the finalizer is finalized on its thread, which then waits for the connection another thread is using.</remarks>
    private sealed class EventWriter : IDisposable
    {
        private readonly SqliteAlmanacStore _store;
        private readonly SqliteTransaction _transaction;
        private readonly SqliteCommand _insert;
        private readonly SqliteCommand _fts;

        /// <summary>Events whose date keys were written, or whose mentions were filed anew, since their terms were last filed (<see cref="FileTerms"/>).</summary>
        private readonly HashSet<string> _unfiledTerms = new(StringComparer.Ordinal);

        /// <summary>Events whose rows this writer inserted: their search rows are new, so no terms are filed under them yet.</summary>
        private readonly HashSet<string> _written = new(StringComparer.Ordinal);

        public EventWriter(SqliteAlmanacStore store, SqliteTransaction transaction)
        {
            (_store, _transaction) = (store, transaction);
            // Run right after the search text's insert, so last_insert_rowid() is its row.
            _insert = Prepare("INSERT INTO events (id, year, significance, payload, search_rowid) VALUES ($id, $year, $significance, $payload, last_insert_rowid())");
            _fts = Prepare("INSERT INTO events_fts (title, body, people) VALUES ($title, $body, $people)");
        }

        /// <summary>
        /// Writes the events, each with its payload when it is serialized already. Their days and date keys are filed by one
        /// statement each for all the events (hundreds of rows), not a statement a row; of a day listed twice, the first row (the primary listing) is kept.
        /// </summary>
        public void Write(IReadOnlyList<(HistoricalEvent Event, string? Payload)> events)
        {
            var days = new List<object[]>();
            var keys = new List<object[]>();
            foreach (var (e, payload) in events)
            {
                // A hidden event keeps an empty search text: no search finds it.
                var searchable = CorrectionLayer.Visible(e) is not null;
                Run(_fts, ("$title", searchable ? e.Title : ""),
                    ("$body", searchable ? string.Join("\n", new[] { e.Text }.Concat(e.Summary.Select(s => s.Text))) : ""),
                    ("$people", searchable ? string.Join("; ", e.People) : ""));
                Run(_insert, ("$id", e.Id), ("$year", e.Date.Year), ("$significance", e.Significance), ("$payload", payload ?? JsonSerializer.Serialize(e, StoreJson.Options)));
                days.AddRange(DayListing.DaysOf(e).Select(d =>
                    new object[] { e.Id, d.Listed.Month!.Value, d.Listed.Day!.Value, d.Listed.Year, HistoricalDateJsonConverter.Format(d.Listed), d.IsPrimary ? 1 : 0 }));
                keys.AddRange(EventKeys.Of(e).Select(k => new object[] { (int)k.Kind, k.Value, e.Id }));
                _unfiledTerms.Add(e.Id);
                _written.Add(e.Id);
            }
            RunOver("""
                INSERT OR IGNORE INTO event_days (event_id, month, day, year, listed_date, is_primary)
                SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each($rows) ORDER BY key
                """, days);
            RunOver("INSERT OR IGNORE INTO event_keys (kind, value, event_id) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each($rows)", keys);
        }

        /// <summary>Removes the events; their mentions wait for resolution again unless <paramref name="keepMentions"/> (the same events are written back).</summary>
        public void Remove(IReadOnlyCollection<string> eventIds, bool keepMentions = false)
        {
            if (eventIds.Count == 0)
                return;
            const string Ids = "(SELECT value FROM json_each($ids))";
            string[] statements = [$"DELETE FROM event_days WHERE event_id IN {Ids}", $"DELETE FROM events_fts WHERE rowid IN (SELECT search_rowid FROM events WHERE id IN {Ids})",
                $"DELETE FROM event_keys WHERE event_id IN {Ids}", $"DELETE FROM event_terms WHERE rowid IN (SELECT search_rowid FROM events WHERE id IN {Ids})", $"DELETE FROM events WHERE id IN {Ids}"];
            foreach (var sql in keepMentions ? statements : [.. statements, $"UPDATE mentions SET event_id = NULL, shown_order = NULL WHERE event_id IN {Ids}"])
            {
                using var command = Prepare(sql);
                Run(command, ("$ids", JsonSerializer.Serialize(eventIds)));
            }
        }

        /// <summary>
        /// Files the mentions under their events with their places among the mentions the events show, in one statement; a
        /// mention already filed so is left alone (most of a neighbourhood's are), one whose event kept its payload but shows
        /// it elsewhere is filed again. The events whose filing changed have their terms filed by <see cref="FileTerms"/>.
        /// </summary>
        public void Assign(IReadOnlyList<MentionAssignment> assignments)
        {
            if (assignments.Count == 0)
                return;
            using var command = Prepare("""
                UPDATE mentions SET event_id = a.value ->> 1, shown_order = a.value ->> 2 FROM json_each($rows) a
                WHERE mentions.id = a.value ->> 0 AND (mentions.event_id IS NOT a.value ->> 1 OR mentions.shown_order IS NOT a.value ->> 2)
                RETURNING event_id
                """);
            command.Parameters.AddWithValue("$rows", JsonSerializer.Serialize(assignments.OrderBy(a => a.MentionId).Select(a => new object?[] { a.MentionId, a.EventId, a.ShownOrder })));
            using var reader = command.ExecuteReader();
            while (reader.Read())
                _unfiledTerms.Add(reader.GetString(0));
        }

        /// <summary>
        /// Files the terms of the events written or whose filing changed (<see cref="IAlmanacStore.FindEventsSharingTerms"/>), after
        /// their mentions are filed: an event's terms are those of all its mentions. The update's resolution gives them for the
        /// events of its neighbourhood and for those it founded (<see cref="EventUpdate.Terms"/>): the events among
        /// <paramref name="stored"/> (those of its ids stored before it) that it did not read may hold mentions it never
        /// read, so their terms are read from the store.
        /// </summary>
        public void FileTerms(EventUpdate? update = null, IReadOnlyDictionary<string, string>? stored = null)
        {
            if (_unfiledTerms.Count == 0)
                return;
            var neighbourhood = update?.Removed.ToHashSet(StringComparer.Ordinal) ?? [];
            bool AllMentionsRead(string id) => neighbourhood.Contains(id) || stored?.ContainsKey(id) == false;
            var known = update?.Terms is { } terms
                ? update.Written.Where(e => _unfiledTerms.Contains(e.Id) && terms.ContainsKey(e.Id) && AllMentionsRead(e.Id))
                    .Select(e => new[] { e.Id, SqliteEventTerms.Tokens(e, terms[e.Id]) }).ToList()
                : [];
            if (known.Count > 0)
            {
                using var command = Prepare(SqliteEventTerms.File);
                // Only events written before may have tokens to replace: deleting from the index looks each one up.
                Run(command, ("$ids", JsonSerializer.Serialize(known.Select(k => k[0]).Where(id => !_written.Contains(id)))), ("$rows", JsonSerializer.Serialize(known)));
            }
            var unknown = _unfiledTerms.Except(known.Select(k => k[0])).ToList();
            if (unknown.Count > 0)
            {
                using var command = Prepare(SqliteEventTerms.Refile);
                Run(command, ("$ids", JsonSerializer.Serialize(unknown)));
            }
            _unfiledTerms.Clear();
        }

        public void Dispose()
        {
            foreach (var command in new[] { _insert, _fts })
                command.Dispose();
        }

        /// <summary>Runs a statement over rows passed as one JSON array (json_each's $rows), when there are any.</summary>
        private void RunOver(string sql, IReadOnlyList<object[]> rows)
        {
            if (rows.Count == 0)
                return;
            using var command = Prepare(sql);
            Run(command, ("$rows", JsonSerializer.Serialize(rows)));
        }

        private SqliteCommand Prepare(string sql)
        {
            var command = _store.Command(sql);
            command.Transaction = _transaction;
            return command;
        }

        private static void Run(SqliteCommand command, params (string Name, object Value)[] parameters)
        {
            command.Parameters.Clear();
            foreach (var (name, value) in parameters)
                command.Parameters.AddWithValue(name, value);
            command.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<string> GetDocumentsAwaitingResolution(int limit) => Query("""
        SELECT d.id FROM documents d
        WHERE d.id IN (SELECT m.document_id FROM mentions m WHERE m.event_id IS NULL) AND d.analysis_failure IS NULL
        ORDER BY d.ingested_at, d.id LIMIT $limit
        """, r => r.GetString(0), ("$limit", limit));

    public IReadOnlyList<string> GetDocumentIdsAfter(string afterId, int limit) => Query(
        "SELECT id FROM documents WHERE id > $after AND analysis_failure IS NULL ORDER BY id LIMIT $limit",
        r => r.GetString(0), ("$after", afterId), ("$limit", limit));

    public IReadOnlyList<StoredMention> GetMentionsOfDocuments(IReadOnlyCollection<string> documentIds) => Query("""
        SELECT m.id, m.payload, m.event_id FROM mentions m JOIN documents d ON d.id = m.document_id
        WHERE d.analysis_failure IS NULL AND m.document_id IN (SELECT value FROM json_each($ids)) ORDER BY m.document_id, m.sentence_start, m.id
        """, ReadStoredMention, ("$ids", JsonSerializer.Serialize(documentIds)));

    public IReadOnlyList<StoredMention> GetMentionsOfEvents(IReadOnlyCollection<string> eventIds) => Query("""
        SELECT m.id, m.payload, m.event_id FROM mentions m JOIN documents d ON d.id = m.document_id
        WHERE d.analysis_failure IS NULL AND m.event_id IN (SELECT value FROM json_each($ids)) ORDER BY m.document_id, m.sentence_start, m.id
        """, ReadStoredMention, ("$ids", JsonSerializer.Serialize(eventIds)));

    /// <remarks>A rowid given by an insert is one more than the largest stored, so the rows keep the mentions' order.</remarks>
    public IReadOnlyDictionary<string, IReadOnlyList<long>> GetMentionIds(IReadOnlyCollection<string> documentIds) => Query("""
        SELECT m.document_id, m.id FROM mentions m JOIN documents d ON d.id = m.document_id
        WHERE d.analysis_failure IS NULL AND m.document_id IN (SELECT value FROM json_each($ids)) ORDER BY m.document_id, m.id
        """, r => (Document: r.GetString(0), Id: r.GetInt64(1)), ("$ids", JsonSerializer.Serialize(documentIds)))
        .GroupBy(row => row.Document, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(row => row.Id).ToList(), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> CountMentions(IReadOnlyCollection<string> documentIds) => Query("""
        SELECT m.document_id, count(*) FROM mentions m JOIN documents d ON d.id = m.document_id
        WHERE d.analysis_failure IS NULL AND m.document_id IN (SELECT value FROM json_each($ids)) GROUP BY m.document_id
        """, r => (Id: r.GetString(0), Count: r.GetInt32(1)), ("$ids", JsonSerializer.Serialize(documentIds)))
        .ToDictionary(x => x.Id, x => x.Count, StringComparer.Ordinal);

    public IReadOnlyList<string> FindEvents(IReadOnlyList<EventKeyRange> ranges)
    {
        using var command = Command("SELECT event_id FROM event_keys WHERE kind = $kind AND value BETWEEN $from AND $to");
        return EventIdsInRanges(command, ranges);
    }

    /// <summary>The event ids <paramref name="command"/> selects for each of the ranges joined (its $kind, $from and $to), each once, in order.</summary>
    private static IReadOnlyList<string> EventIdsInRanges(SqliteCommand command, IReadOnlyList<EventKeyRange> ranges)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var kind = command.Parameters.Add("$kind", SqliteType.Integer);
        var from = command.Parameters.Add("$from", SqliteType.Integer);
        var to = command.Parameters.Add("$to", SqliteType.Integer);
        foreach (var range in EventKeyRange.Union(ranges))
        {
            (kind.Value, from.Value, to.Value) = ((int)range.Kind, range.From, range.To);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                found.Add(reader.GetString(0));
        }
        return found.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// What events are filed under in <c>event_terms</c> (<see cref="SqliteEventTerms"/>), as rows (term, mention kind, key kind, key value, event): every
    /// term of every mention filed under the event with the mention's kind, under each of the event's keys but single days
    /// (kind 0, <see cref="EventKeyKind.Day"/>). The terms are the mention's keywords, people and places as stored, the very
    /// lists <c>SharedTerms</c> compares once the mention is read back, and an event's mentions are all of one kind (the
    /// resolver clusters only mentions of one kind), the kind <c>SharedTerms</c> compares, so an event sharing a term with a
    /// new mention of its kind is found by it. Mentions of documents marked failed are filed too (a superset, tested by the
    /// caller). The migrations that made the index file the same rows.
    /// </summary>
    internal const string TermRows = """
        SELECT t.value AS term, coalesce(m.payload ->> '$.kind', 0) AS mention_kind, k.kind AS kind, k.value AS value, k.event_id AS event_id
        FROM event_keys k JOIN mentions m ON m.event_id = k.event_id, json_each(m.payload) f, json_each(f.value) t
        WHERE k.kind <> 0 AND f.key IN ('keywords', 'people', 'places')
        """;

    public IReadOnlyList<string> FindEventsSharingTerms(IReadOnlyList<EventKeyRange> yearRanges, MentionKind kind, IReadOnlyCollection<string> terms)
    {
        EventTerms.CheckRanges(yearRanges);
        if (terms.Count == 0)
            return [];
        return EventKeyRange.Union(yearRanges).SelectMany(range => SqliteEventTerms.Find(_connection, range, kind, terms))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<string> GetDocumentsOfEvents(IReadOnlyCollection<string> eventIds) => Query("""
        SELECT DISTINCT document_id FROM mentions WHERE event_id IN (SELECT value FROM json_each($ids)) ORDER BY document_id
        """, r => r.GetString(0), ("$ids", JsonSerializer.Serialize(eventIds)));

    public IReadOnlyList<string> GetEventsOfDocuments(IReadOnlyCollection<string> documentIds) => Query("""
        SELECT DISTINCT event_id FROM mentions WHERE document_id IN (SELECT value FROM json_each($ids)) AND event_id IS NOT NULL ORDER BY event_id
        """, r => r.GetString(0), ("$ids", JsonSerializer.Serialize(documentIds)));

    public KeywordFrequencies GetKeywordFrequencies(IReadOnlyCollection<string> keywords)
    {
        var byKeyword = Query("SELECT keyword, mentions FROM keyword_frequencies WHERE keyword IN (SELECT value FROM json_each($keywords))",
            r => (Keyword: r.GetString(0), Mentions: r.GetInt32(1)), ("$keywords", JsonSerializer.Serialize(keywords)))
            .ToDictionary(x => x.Keyword, x => x.Mentions, StringComparer.Ordinal);
        using var total = Command("SELECT value FROM resolved_mention_count");
        return new KeywordFrequencies(Convert.ToInt32(total.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture), byKeyword);
    }

    public void FileFingerprints(string documentId, IReadOnlyCollection<long> fingerprints) => FileFingerprints(null, documentId, fingerprints);

    private void FileFingerprints(SqliteTransaction? transaction, string documentId, IReadOnlyCollection<long> fingerprints)
    {
        // One statement for a document's hundreds of hashes, in index order, so the B-tree is walked once rather than probed per row.
        using var file = Command($"""
            {NumberDocument}
            INSERT OR IGNORE INTO document_fingerprints (hash, document) SELECT value, {DocumentNumber} FROM json_each($hashes)
            """, ("$id", documentId), ("$hashes", JsonSerializer.Serialize(fingerprints.Order())));
        file.Transaction = transaction;
        file.ExecuteNonQuery();
    }

    /// <summary>
    /// Gives document $id its number, unless it has one: the key the fingerprints and the search index file it under, a
    /// fifth of its id's bytes (<see cref="SqliteMigrations"/>). Every statement reading <see cref="DocumentNumber"/> runs it
    /// first, as a document without a number would be filed under none, and INSERT OR IGNORE would drop that silently.
    /// </summary>
    private const string NumberDocument = "INSERT OR IGNORE INTO document_numbers (document_id) VALUES ($id);";

    private const string DocumentNumber = "(SELECT number FROM document_numbers WHERE document_id = $id)";

    public IReadOnlyList<(long Fingerprint, string DocumentId)> FindFingerprintHolders(IReadOnlyCollection<long> fingerprints) => Query("""
        SELECT f.hash, n.document_id FROM document_fingerprints f JOIN document_numbers n ON n.number = f.document
        WHERE f.hash IN (SELECT value FROM json_each($hashes))
        """,
        r => (r.GetInt64(0), r.GetString(1)), ("$hashes", JsonSerializer.Serialize(fingerprints)));

    public IReadOnlyDictionary<string, string> GetLineages(IReadOnlyCollection<string> documentIds) => Query(
        "SELECT id, coalesce(lineage_id, id) FROM documents WHERE id IN (SELECT value FROM json_each($ids))",
        r => (Id: r.GetString(0), Lineage: r.GetString(1)), ("$ids", JsonSerializer.Serialize(documentIds)))
        .ToDictionary(x => x.Id, x => x.Lineage, StringComparer.Ordinal);

    public void MergeLineages(IReadOnlyCollection<string> merged, string lineageId)
    {
        using var transaction = BeginWrite();
        Execute(transaction, """
            UPDATE documents SET lineage_id = $lineage
            WHERE id IN (SELECT value FROM json_each($merged)) OR lineage_id IN (SELECT value FROM json_each($merged))
            """, ("$lineage", lineageId), ("$merged", JsonSerializer.Serialize(merged)));
        AdvanceGeneration(transaction);
        Commit(transaction);
    }

    private static StoredMention ReadStoredMention(SqliteDataReader r) => new(r.GetInt64(0), Deserialize<EventMention>(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2));

    private void Execute(SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<DayEntry> GetEventsOnDay(int month, int day) => WithShownMentions(Query(
        """
        SELECT e.payload, d.listed_date, d.is_primary FROM event_days d JOIN events e ON e.id = d.event_id
        WHERE d.month = $month AND d.day = $day ORDER BY d.year DESC, e.significance DESC, e.id
        """,
        ReadDayEntry, ("$month", month), ("$day", day)));

    public IReadOnlyList<ListedDates> GetListedDatesOnDay(int month, int day) => Query(
        """
        SELECT e.id,
               (SELECT json_group_array(DISTINCT m.document_id) FROM mentions m WHERE m.event_id = e.id AND m.shown_order IS NOT NULL),
               (SELECT json_group_array(json_extract(c.value, '$.date')) FROM json_each(e.payload, '$.dateClaims') c),
               d.listed_date
        FROM event_days d JOIN events e ON e.id = d.event_id WHERE d.month = $month AND d.day = $day
        """,
        r => new ListedDates(r.GetString(0), Deserialize<List<string>>(r.GetString(1)), [.. Deserialize<List<string>>(r.GetString(2)), r.GetString(3)]),
        ("$month", month), ("$day", day));

    public IReadOnlyList<DayEntry> GetListingsOnDay(int month, int day) => Query(
        $"""
        SELECT json_remove(e.payload, {string.Join(", ", ListingRows.LeftOut.Select(m => $"'$.{m}'"))}), d.listed_date, d.is_primary,
               (SELECT json_group_array(json_array(m.document_id, m.payload ->> '$.date', m.payload ->> '$.endDate', doc.title) ORDER BY m.shown_order)
                FROM mentions m JOIN documents doc ON doc.id = m.document_id WHERE m.event_id = e.id AND m.shown_order IS NOT NULL)
        FROM event_days d JOIN events e ON e.id = d.event_id
        WHERE d.month = $month AND d.day = $day ORDER BY d.year DESC, e.significance DESC, e.id
        """,
        r => ListingRows.Read(r.GetString(0), r.GetString(1), r.GetInt64(2) == 1, r.GetString(3)),
        ("$month", month), ("$day", day));

    public IReadOnlyDictionary<string, string> GetDocumentTitles(IReadOnlyCollection<string> documentIds) => Query(
        "SELECT id, title FROM documents WHERE id IN (SELECT value FROM json_each($ids))",
        r => (Id: r.GetString(0), Title: r.GetString(1)), ("$ids", JsonSerializer.Serialize(documentIds)))
        .ToDictionary(x => x.Id, x => x.Title, StringComparer.Ordinal);

    public IReadOnlyList<Observance> GetObservancesOnDay(int month, int day) => Query(
        """
        SELECT o.document_id, o.month, o.day, o.name FROM observances o JOIN documents d ON d.id = o.document_id
        WHERE o.month = $month AND o.day = $day AND d.analysis_failure IS NULL ORDER BY o.id
        """,
        r => new Observance(r.GetString(0), new NodaTime.AnnualDate(r.GetInt32(1), r.GetInt32(2)), r.GetString(3)),
        ("$month", month), ("$day", day));

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
                       row_number() OVER (PARTITION BY d.day ORDER BY x.significance DESC, x.id) AS r
                FROM event_days d JOIN events x ON x.id = d.event_id WHERE d.month = $month) t
            JOIN events e ON e.id = t.event_id WHERE t.r = 1 ORDER BY t.day
            """,
            r => new DaySummary(r.GetInt32(0), r.GetInt32(1),
                new DayEntry(ShownMentions.ReadEvent(r.GetString(2)), HistoricalDateJsonConverter.Parse(r.GetString(3)), r.GetInt64(4) == 1)),
            ("$month", month));
        return summaries.Zip(WithShownMentions(summaries.Select(d => d.Top).ToList()), (summary, top) => summary with { Top = top }).ToList();
    }

    public IReadOnlyList<DayEntry> GetListingsInYears(int fromYear, int toYear, int limit) => WithShownMentions(Query(
        """
        SELECT e.payload, d.listed_date, d.is_primary FROM event_days d JOIN events e ON e.id = d.event_id
        WHERE d.year BETWEEN $from AND $to AND d.is_primary = 1 ORDER BY e.significance DESC, e.id LIMIT $limit
        """,
        ReadDayEntry, ("$from", fromYear), ("$to", toYear), ("$limit", limit)));

    public IReadOnlyList<YearCount> CountListingsByYear(int fromYear, int toYear) => Query(
        "SELECT year, count(*) FROM event_days WHERE year BETWEEN $from AND $to AND is_primary = 1 GROUP BY year ORDER BY year",
        r => new YearCount(r.GetInt32(0), r.GetInt32(1)), ("$from", fromYear), ("$to", toYear));

    public IReadOnlyList<DayEntry> GetPrimaryListings() => WithShownMentions(Query(
        """
        SELECT e.payload, d.listed_date, d.is_primary FROM event_days d JOIN events e ON e.id = d.event_id
        WHERE d.is_primary = 1 ORDER BY d.month, d.day, d.year DESC, e.significance DESC, e.id
        """,
        ReadDayEntry));

    public IReadOnlyList<HistoricalEvent> GetEventsOfDocument(string documentId, int limit) => WithShownMentions(Query(
        """
        SELECT payload FROM events WHERE id IN (SELECT event_id FROM mentions WHERE document_id = $id AND event_id IS NOT NULL)
        ORDER BY year, significance DESC, id LIMIT $limit
        """,
        r => ShownMentions.ReadEvent(r.GetString(0)), ("$id", documentId), ("$limit", limit))
        // A hidden event keeps its row (resolution still finds it) but is no reader's to see.
        .Select(CorrectionLayer.Visible).OfType<HistoricalEvent>().ToList());

    private static DayEntry ReadDayEntry(SqliteDataReader r) =>
        new(ShownMentions.ReadEvent(r.GetString(0)), HistoricalDateJsonConverter.Parse(r.GetString(1)), r.GetInt64(2) == 1);

    /// <remarks>The aftermath links are checked for hidden events by their payloads alone: only the event read shows its mentions.</remarks>
    public HistoricalEvent? GetEvent(string eventId) =>
        CorrectionLayer.Visible(eventId, id => StoredPayload(id, null)) is { } e ? WithShownMentions([e]).Single() : null;

    /// <summary>The stored event, hidden or not, with the mentions it shows.</summary>
    private HistoricalEvent? StoredEvent(string eventId, SqliteTransaction transaction) =>
        StoredPayload(eventId, transaction) is { } e ? WithShownMentions([e], transaction).Single() : null;

    private HistoricalEvent? StoredPayload(string eventId, SqliteTransaction? transaction)
    {
        using var command = Command("SELECT payload FROM events WHERE id = $id", ("$id", eventId));
        command.Transaction = transaction;
        return command.ExecuteScalar() is string payload ? ShownMentions.ReadEvent(payload) : null;
    }

    private IReadOnlyList<DayEntry> WithShownMentions(IReadOnlyList<DayEntry> entries) => ShownMentions.Attach(entries, ids => ShownMentionsOf(ids, null));

    private IReadOnlyList<HistoricalEvent> WithShownMentions(IReadOnlyList<HistoricalEvent> events, SqliteTransaction? transaction = null) =>
        events.Count == 0 ? events : ShownMentions.Attach(events, ShownMentionsOf(events.Select(e => e.Id).ToHashSet(StringComparer.Ordinal), transaction));

    /// <summary>The mentions these events show, of any document (as they were written), in one query over the index of the filing.</summary>
    private List<ShownMention> ShownMentionsOf(IReadOnlyCollection<string> eventIds, SqliteTransaction? transaction) => Query(transaction, """
        SELECT event_id, shown_order, payload FROM mentions WHERE event_id IN (SELECT value FROM json_each($ids)) AND shown_order IS NOT NULL
        """, r => new ShownMention(r.GetString(0), r.GetInt32(1), r.GetString(2)), ("$ids", JsonSerializer.Serialize(eventIds)));

    public IReadOnlyList<HistoricalEvent> SearchEvents(string query, int limit)
    {
        if (SearchQuery.Fts5(query, "title") is not { } match)
            return [];
        // The phrase in a title first, then the phrase anywhere, then every word; bm25 (title counts most, then people,
        // then the body) and significance within each, weighed so that among titles naming the phrase alike the event
        // more sources report comes first (the speech itself before the day a single page says it was made public).
        return WithShownMentions(Query(
            """
            SELECT e.payload FROM events_fts f JOIN events e ON e.search_rowid = f.rowid
            WHERE events_fts MATCH $any
            ORDER BY f.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH $titlePhrase) DESC,
                     f.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH $phrase) DESC,
                     f.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH $all) DESC,
                     bm25(events_fts, 10.0, 1.0, 5.0) - e.significance * 0.5
            LIMIT $limit
            """,
            r => ShownMentions.ReadEvent(r.GetString(0)), ("$any", match.AnyWord), ("$all", match.AllWords), ("$phrase", match.Phrase), ("$titlePhrase", match.TitlePhrase), ("$limit", limit)));
    }

    public IReadOnlyList<DocumentHit> SearchDocuments(string query, int limit)
    {
        var match = FtsMatch(query);
        if (match is null)
            return [];
        return Query(
            """
            SELECT d.id, d.path, d.title, d.text, d.byte_length, snippet(documents_fts, 2, '', '', ' … ', 24)
            FROM documents_fts f JOIN documents d ON d.id = f.id
            WHERE documents_fts MATCH $match ORDER BY bm25(documents_fts, 0, 5.0, 1.0) LIMIT $limit
            """,
            r => new DocumentHit(ReadDocument(r), r.GetString(5)), ("$match", match), ("$limit", limit));
    }

    public int CountDaysWithEvents() => Query(
        "SELECT count(*) FROM (SELECT DISTINCT month, day FROM event_days) AS days", r => r.GetInt32(0)).Single();

    public StoreCounts GetCounts() => Query(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions), (SELECT count(*) FROM events)",
        r => new StoreCounts(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2))).Single();

    public DateTimeOffset? GetLastIngestedAt()
    {
        using var command = Command("SELECT max(ingested_at) FROM documents");
        return command.ExecuteScalar() is string at
            ? DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind)
            : null;
    }

    public long GetGeneration() => ReadGeneration("store_generation");

    public long GetEventsGeneration() => ReadGeneration("events_generation");

    private long ReadGeneration(string table)
    {
        using var command = Command($"SELECT value FROM {table}");
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        _checkpointer.Dispose();
        _connection.Dispose();
    }

    private SqliteTransaction BeginWrite()
    {
        _checkpointer.BeforeWrite();
        return _connection.BeginTransaction(deferred: false);
    }

    private void Commit(SqliteTransaction transaction)
    {
        transaction.Commit();
        _checkpointer.Committed();
    }

    /// <summary>Advances the store's generation and, unless the write only stored a document (<paramref name="eventsToo"/> false), the events generation.</summary>
    private void AdvanceGeneration(SqliteTransaction transaction, bool eventsToo = true)
    {
        using var command = Command(eventsToo
            ? "UPDATE store_generation SET value = value + 1; UPDATE events_generation SET value = value + 1;"
            : "UPDATE store_generation SET value = value + 1");
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    /// <summary>Any word may match a document, more matches rank higher.</summary>
    private static string? FtsMatch(string query) => SearchQuery.Fts5(query, "title")?.AnyWord;

    private static SourceDocument ReadDocument(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4));

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, StoreJson.Options) ?? throw new InvalidDataException($"stored {typeof(T).Name} is empty");

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters) =>
        Query(null, sql, read, parameters);

    private List<T> Query<T>(SqliteTransaction? transaction, string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.Transaction = transaction;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
