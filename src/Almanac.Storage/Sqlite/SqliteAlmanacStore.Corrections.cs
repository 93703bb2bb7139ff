using System.Globalization;
using System.Text.Json;
using Almanac.Core;
using Microsoft.Data.Sqlite;

namespace Almanac.Storage.Sqlite;

/// <summary>The editorial layer on SQLite: the corrections table, the mentions each is kept on, and their application.</summary>
public sealed partial class SqliteAlmanacStore
{
    private const string CorrectionColumns =
        "id, event_id, title_then, action, title, date, kind, reason, editor, created_at, undone_at, undone_by, applied_to";

    public Correction? AddCorrection(CorrectionRequest request)
    {
        if (EditorialLayer.Problem(request) is { } problem)
            throw new ArgumentException(problem, nameof(request));
        using var transaction = BeginWrite();
        if (StoredEvent(request.EventId, transaction) is not { } stored)
            return null;
        var (action, date, kind) = CorrectionLayer.Columns(request);
        var id = Query(transaction, """
            INSERT INTO corrections (event_id, title_then, action, title, date, kind, reason, editor, created_at)
            VALUES ($event, $then, $action, $title, $date, $kind, $reason, $editor, $at) RETURNING id
            """, r => r.GetInt64(0),
            ("$event", request.EventId), ("$then", stored.Title), ("$action", action), ("$title", (object?)request.Title ?? DBNull.Value),
            ("$date", (object?)date ?? DBNull.Value), ("$kind", (object?)kind ?? DBNull.Value), ("$reason", request.Reason),
            ("$editor", request.Editor), ("$at", request.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture))).Single();
        using (var anchor = Command("INSERT OR IGNORE INTO correction_anchors (correction_id, document_id, sentence_start, date_value) VALUES ($id, $document, $start, $date)"))
        {
            anchor.Transaction = transaction;
            anchor.Parameters.AddWithValue("$id", id);
            var document = anchor.Parameters.Add("$document", SqliteType.Text);
            var start = anchor.Parameters.Add("$start", SqliteType.Integer);
            var dateValue = anchor.Parameters.Add("$date", SqliteType.Text);
            foreach (var (documentId, sentenceStart, value) in CorrectionLayer.Anchors(stored))
            {
                (document.Value, start.Value, dateValue.Value) = (documentId, sentenceStart, value);
                anchor.ExecuteNonQuery();
            }
        }
        var tables = new CorrectionTables(this, transaction);
        CorrectionLayer.Reapply(tables, [id]);
        AdvanceGeneration(transaction);
        var added = tables.Corrections([id]).Single();
        Commit(transaction);
        return added;
    }

    public bool UndoCorrection(long correctionId, string editor, DateTimeOffset at)
    {
        using var transaction = BeginWrite();
        using (var undo = Command("UPDATE corrections SET undone_at = $at, undone_by = $editor WHERE id = $id AND undone_at IS NULL",
                   ("$at", at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)), ("$editor", editor), ("$id", correctionId)))
        {
            undo.Transaction = transaction;
            if (undo.ExecuteNonQuery() == 0)
                return false;
        }
        CorrectionLayer.Reapply(new CorrectionTables(this, transaction), [correctionId]);
        AdvanceGeneration(transaction);
        Commit(transaction);
        return true;
    }

    public IReadOnlyList<Correction> GetCorrections(string? eventId = null) => eventId is null
        ? Query($"SELECT {CorrectionColumns} FROM corrections ORDER BY id", ReadCorrection)
        : Query($"SELECT {CorrectionColumns} FROM corrections WHERE event_id = $event OR applied_to = $event ORDER BY id", ReadCorrection, ("$event", eventId));

    private static Correction ReadCorrection(SqliteDataReader r) => CorrectionLayer.Read(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), NullableText(r, 4), NullableText(r, 5), NullableText(r, 6),
        r.GetString(7), r.GetString(8), ParseTime(r.GetString(9)), r.IsDBNull(10) ? null : ParseTime(r.GetString(10)), NullableText(r, 11), NullableText(r, 12));

    private static string? NullableText(SqliteDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private sealed class CorrectionTables(SqliteAlmanacStore store, SqliteTransaction transaction) : ICorrectionTables
    {
        public bool HasActiveCorrections() =>
            store.Query(transaction, "SELECT EXISTS (SELECT 1 FROM corrections WHERE undone_at IS NULL)", r => r.GetInt64(0) == 1).Single();

        public IReadOnlyList<Correction> Corrections(IReadOnlyCollection<long>? ids) => ids is null
            ? store.Query(transaction, $"SELECT {CorrectionColumns} FROM corrections ORDER BY id", ReadCorrection)
            : store.Query(transaction, $"SELECT {CorrectionColumns} FROM corrections WHERE id IN (SELECT value FROM json_each($ids)) ORDER BY id",
                ReadCorrection, ("$ids", JsonSerializer.Serialize(ids)));

        public IReadOnlyList<long> CorrectionsTouching(IReadOnlyCollection<string> eventIds) => store.Query(transaction, """
            SELECT a.correction_id FROM mentions m
            JOIN correction_anchors a ON a.document_id = m.document_id AND a.sentence_start = m.sentence_start AND a.date_value = json_extract(m.payload, '$.dateValue')
            JOIN corrections c ON c.id = a.correction_id
            WHERE m.event_id IN (SELECT value FROM json_each($ids)) AND c.undone_at IS NULL
            UNION SELECT id FROM corrections WHERE applied_to IN (SELECT value FROM json_each($ids))
            """, r => r.GetInt64(0), ("$ids", JsonSerializer.Serialize(eventIds)));

        public IReadOnlyList<CorrectionHolding> Holdings(IReadOnlyCollection<long> correctionIds) => store.Query(transaction, """
            SELECT a.correction_id, c.action, m.event_id, count(*), (SELECT count(*) FROM mentions o WHERE o.event_id = m.event_id) FROM correction_anchors a
            JOIN corrections c ON c.id = a.correction_id
            JOIN mentions m ON m.document_id = a.document_id AND m.sentence_start = a.sentence_start AND json_extract(m.payload, '$.dateValue') = a.date_value
            JOIN documents d ON d.id = m.document_id
            WHERE a.correction_id IN (SELECT value FROM json_each($ids)) AND m.event_id IS NOT NULL AND d.analysis_failure IS NULL
            GROUP BY a.correction_id, c.action, m.event_id
            """, r => new CorrectionHolding(r.GetInt64(0), Enum.Parse<CorrectionAction>(r.GetString(1), ignoreCase: true), r.GetString(2), r.GetInt32(3), r.GetInt32(4)),
            ("$ids", JsonSerializer.Serialize(correctionIds)));

        public void SetAppliedTo(long correctionId, string? eventId) => store.Execute(transaction,
            "UPDATE corrections SET applied_to = $event WHERE id = $id", ("$event", (object?)eventId ?? DBNull.Value), ("$id", correctionId));

        public IReadOnlyList<Correction> CorrectionsAppliedTo(string eventId) => store.Query(transaction,
            $"SELECT {CorrectionColumns} FROM corrections WHERE applied_to = $event AND undone_at IS NULL ORDER BY id", ReadCorrection, ("$event", eventId));

        public HistoricalEvent? ReadEvent(string eventId) => store.StoredEvent(eventId, transaction);

        public void RewriteEvent(HistoricalEvent e)
        {
            using var writer = new EventWriter(store, transaction);
            writer.Remove([e.Id], keepMentions: true);
            writer.Write([(e, null)]);
            writer.FileTerms();
        }
    }
}
