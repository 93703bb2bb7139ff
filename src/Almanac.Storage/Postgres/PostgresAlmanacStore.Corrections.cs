using Almanac.Core;
using Npgsql;
using NpgsqlTypes;

namespace Almanac.Storage.Postgres;

/// <summary>The editorial layer on PostgreSQL: the corrections table, the mentions each is kept on, and their application.</summary>
public sealed partial class PostgresAlmanacStore
{
    private const string CorrectionColumns =
        "id, event_id, title_then, action, title, date, kind, reason, editor, created_at, undone_at, undone_by, applied_to";

    public Correction? AddCorrection(CorrectionRequest request)
    {
        if (EditorialLayer.Problem(request) is { } problem)
            throw new ArgumentException(problem, nameof(request));
        using var connection = DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        // Every write slot first, so no resolution commits events under the correction being laid (a rare editor's write may wait).
        Execute(connection, transaction, "SELECT value FROM store_generation FOR UPDATE");
        var slot = TakeWriteSlot(connection, transaction);
        var tables = new CorrectionTables(connection, transaction);
        if (tables.ReadEvent(request.EventId) is not { } stored)
            return null;
        var (action, date, kind) = CorrectionLayer.Columns(request);
        var id = QueryIn(connection, transaction, """
            INSERT INTO corrections (event_id, title_then, action, title, date, kind, reason, editor, created_at)
            VALUES (@event, @then, @action, @title, @date, @kind, @reason, @editor, @at) RETURNING id
            """, r => r.GetInt64(0),
            ("event", request.EventId), ("then", stored.Title), ("action", action), ("title", Text(request.Title)), ("date", Text(date)),
            ("kind", Text(kind)), ("reason", request.Reason), ("editor", request.Editor), ("at", request.At.ToUniversalTime())).Single();
        var anchors = CorrectionLayer.Anchors(stored);
        QueryIn(connection, transaction, """
            INSERT INTO correction_anchors (correction_id, document_id, sentence_start, date_value)
            SELECT DISTINCT @id, a.document_id, a.sentence_start, a.date_value FROM unnest(@documents, @starts, @dates) AS a(document_id, sentence_start, date_value)
            ON CONFLICT DO NOTHING RETURNING 1
            """, _ => 0, ("id", id), ("documents", anchors.Select(a => a.DocumentId).ToArray()), ("starts", anchors.Select(a => a.SentenceStart).ToArray()),
            ("dates", anchors.Select(a => a.DateValue).ToArray()));
        CorrectionLayer.Reapply(tables, [id]);
        AdvanceGeneration(connection, transaction, slot);
        var added = tables.Corrections([id]).Single();
        transaction.Commit();
        return added;
    }

    public bool UndoCorrection(long correctionId, string editor, DateTimeOffset at)
    {
        using var connection = DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        // Every write slot, so no resolution commits events under the correction being laid (a rare editor's write may wait).
        Execute(connection, transaction, "SELECT value FROM store_generation FOR UPDATE");
        var slot = TakeWriteSlot(connection, transaction);
        var undone = QueryIn(connection, transaction,
            "UPDATE corrections SET undone_at = @at, undone_by = @editor WHERE id = @id AND undone_at IS NULL RETURNING id",
            r => r.GetInt64(0), ("at", at.ToUniversalTime()), ("editor", editor), ("id", correctionId));
        if (undone.Count == 0)
            return false;
        CorrectionLayer.Reapply(new CorrectionTables(connection, transaction), [correctionId]);
        AdvanceGeneration(connection, transaction, slot);
        transaction.Commit();
        return true;
    }

    public IReadOnlyList<Correction> GetCorrections(string? eventId = null) => eventId is null
        ? Query($"SELECT {CorrectionColumns} FROM corrections ORDER BY id", ReadCorrection)
        : Query($"SELECT {CorrectionColumns} FROM corrections WHERE event_id = @event OR applied_to = @event ORDER BY id", ReadCorrection, ("event", eventId));

    private static Correction ReadCorrection(NpgsqlDataReader r) => CorrectionLayer.Read(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), NullableText(r, 4), NullableText(r, 5), NullableText(r, 6),
        r.GetString(7), r.GetString(8), r.GetFieldValue<DateTimeOffset>(9), r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10),
        NullableText(r, 11), NullableText(r, 12));

    private static string? NullableText(NpgsqlDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

    /// <summary>A text parameter that may be null, typed so PostgreSQL knows it.</summary>
    private static NpgsqlParameter<string?> Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = value };

    private static List<T> QueryIn<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Func<NpgsqlDataReader, T> read,
        params (string Name, object Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            if (value is NpgsqlParameter parameter)
            {
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            else
                command.Parameters.AddWithValue(name, value);
        }
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }

    private sealed class CorrectionTables(NpgsqlConnection connection, NpgsqlTransaction transaction) : ICorrectionTables
    {
        public bool HasActiveCorrections() =>
            QueryIn(connection, transaction, "SELECT EXISTS (SELECT 1 FROM corrections WHERE undone_at IS NULL)", r => r.GetBoolean(0)).Single();

        public IReadOnlyList<Correction> Corrections(IReadOnlyCollection<long>? ids) => ids is null
            ? QueryIn(connection, transaction, $"SELECT {CorrectionColumns} FROM corrections ORDER BY id", ReadCorrection)
            : QueryIn(connection, transaction, $"SELECT {CorrectionColumns} FROM corrections WHERE id = ANY(@ids) ORDER BY id", ReadCorrection, ("ids", ids.ToArray()));

        public IReadOnlyList<long> CorrectionsTouching(IReadOnlyCollection<string> eventIds) => QueryIn(connection, transaction, """
            SELECT a.correction_id FROM mentions m
            JOIN correction_anchors a ON a.document_id = m.document_id AND a.sentence_start = m.sentence_start AND a.date_value = m.payload::jsonb ->> 'dateValue'
            JOIN corrections c ON c.id = a.correction_id
            WHERE m.event_id = ANY(@ids) AND c.undone_at IS NULL
            UNION SELECT id FROM corrections WHERE applied_to = ANY(@ids)
            """, r => r.GetInt64(0), ("ids", eventIds.ToArray()));

        public IReadOnlyList<CorrectionHolding> Holdings(IReadOnlyCollection<long> correctionIds) => QueryIn(connection, transaction, """
            SELECT a.correction_id, c.action, m.event_id, count(*), (SELECT count(*) FROM mentions o WHERE o.event_id = m.event_id) FROM correction_anchors a
            JOIN corrections c ON c.id = a.correction_id
            JOIN mentions m ON m.document_id = a.document_id AND m.sentence_start = a.sentence_start AND m.payload::jsonb ->> 'dateValue' = a.date_value
            JOIN documents d ON d.id = m.document_id
            WHERE a.correction_id = ANY(@ids) AND m.event_id IS NOT NULL AND d.analysis_failure IS NULL
            GROUP BY a.correction_id, c.action, m.event_id
            """, r => new CorrectionHolding(r.GetInt64(0), Enum.Parse<CorrectionAction>(r.GetString(1), ignoreCase: true), r.GetString(2),
                checked((int)r.GetInt64(3)), checked((int)r.GetInt64(4))),
            ("ids", correctionIds.ToArray()));

        public void SetAppliedTo(long correctionId, string? eventId) => QueryIn(connection, transaction,
            "UPDATE corrections SET applied_to = @event WHERE id = @id RETURNING id", r => r.GetInt64(0), ("event", Text(eventId)), ("id", correctionId));

        public IReadOnlyList<Correction> CorrectionsAppliedTo(string eventId) => QueryIn(connection, transaction,
            $"SELECT {CorrectionColumns} FROM corrections WHERE applied_to = @event AND undone_at IS NULL ORDER BY id", ReadCorrection, ("event", eventId));

        public HistoricalEvent? ReadEvent(string eventId) =>
            QueryIn(connection, transaction, PostgresQueries.EventById, r => ShownMentions.ReadEvent(r.GetString(0)), ("id", eventId)).FirstOrDefault() is { } e
                ? ShownMentions.Attach([e], QueryIn(connection, transaction, PostgresQueries.ShownMentions, ReadShownMention, ("ids", new[] { eventId }))).Single()
                : null;

        public void RewriteEvent(HistoricalEvent e)
        {
            // The event's mentions stay filed under it: the same event is written back (FileTerms replaces its row of terms).
            QueryIn(connection, transaction, """
                DELETE FROM event_days WHERE event_id = @id;
                DELETE FROM event_keys WHERE event_id = @id;
                DELETE FROM events WHERE id = @id;
                """, _ => 0, ("id", e.Id));
            WriteEvents(connection, transaction, [e]);
            FileTerms(connection, transaction, [e.Id]);
        }
    }
}
