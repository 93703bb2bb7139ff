using Almanac.Core;
using Microsoft.Data.Sqlite;

namespace Almanac.Storage.Sqlite;

/// <summary>
/// SQLite's index of events by the terms of their mentions (<see cref="IAlmanacStore.FindEventsSharingTerms"/>): the FTS5
/// table <c>event_terms</c>, without content, one row an event (its rowid the event's <c>search_rowid</c>) holding a token
/// for each term, mention kind, key kind and span of <see cref="EventTerms.YearsPerToken"/> years its date keys fall in.
/// </summary>
/// <remarks>
/// A B-tree of (term, kind, key, event) rows did the same, but an ingest of day pages files its rows all over it: a batch's
/// 30,000 rows, terms and years from every part of the alphabet and history, dirtied most pages of the table and of its index
/// by event, so every batch rewrote both (a fifth of the 366 Wikipedia day pages' ingest). FTS5 writes a batch's tokens as
/// one new sorted segment and merges segments as they accumulate. A token stands for a span of years, so a range of years
/// is a token or two a term, and the events found are checked against the range by their date keys. Tokens are hashes:
/// two terms sharing one (one chance in 2^64) would only add an event sharing no term, which the caller tests anyway.
/// </remarks>
internal static class SqliteEventTerms
{
    /// <summary>The table, created by a migration.</summary>
    public const string Table = "CREATE VIRTUAL TABLE event_terms USING fts5(tokens, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii')";

    /// <summary>Lets SQL make a term's token (<c>event_term(term, mention kind, key kind, key value)</c>), as writing and migrating need.</summary>
    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction<string?, long, long, long, string>("event_term", Token, isDeterministic: true);

    /// <summary>
    /// Files the terms of the events whose ids the statement's <c>$ids</c> holds (a JSON array), replacing what was filed of
    /// them: every term of every mention filed under them (<see cref="SqliteAlmanacStore.TermRows"/>).
    /// </summary>
    public const string Refile = $"""
        DELETE FROM event_terms WHERE rowid IN (SELECT search_rowid FROM events WHERE id IN (SELECT value FROM json_each($ids)));
        {TokensOf}{SqliteAlmanacStore.TermRows} AND k.event_id IN (SELECT value FROM json_each($ids)){GroupedByEvent}
        """;

    /// <summary>
    /// Files events by the tokens <c>$rows</c> gives them (<c>[[id, tokens]]</c>, <see cref="Tokens"/>), replacing what was
    /// filed of those among them whose ids <c>$ids</c> holds (the others have new search rows, under which nothing is filed).
    /// </summary>
    public const string File = """
        DELETE FROM event_terms WHERE rowid IN (SELECT search_rowid FROM events WHERE id IN (SELECT value FROM json_each($ids)));
        INSERT INTO event_terms (rowid, tokens) SELECT e.search_rowid, r.value ->> 1 FROM json_each($rows) r JOIN events e ON e.id = r.value ->> 0;
        """;

    /// <summary>The tokens an event is filed under (<see cref="EventTerms.Filed"/>), as <see cref="Refile"/> makes them in SQL.</summary>
    public static string Tokens(HistoricalEvent e, IReadOnlyList<EventTerm> terms) => string.Join(",",
        EventTerms.Filed(e, terms).Select(f => Token(f.Term.Term, (long)f.Term.Kind, (long)f.Key.Kind, f.Key.Value)).Distinct(StringComparer.Ordinal));

    /// <summary>Fills the table from every event's mentions, as the migration that made it does.</summary>
    public const string FileAll = $"""
        {TokensOf}{SqliteAlmanacStore.TermRows}{GroupedByEvent}
        """;

    /// <summary>Around rows of <see cref="SqliteAlmanacStore.TermRows"/>: files each event by the tokens of its rows.</summary>
    private const string TokensOf = """
        INSERT INTO event_terms (rowid, tokens)
        SELECT e.search_rowid, group_concat(DISTINCT event_term(r.term, r.mention_kind, r.kind, r.value)) FROM (
        """;

    private const string GroupedByEvent = """
        ) r JOIN events e ON e.id = r.event_id GROUP BY e.search_rowid;
        """;

    /// <summary>
    /// The events holding a mention of <paramref name="kind"/> with one of the terms under a key in the range: the FTS5 query
    /// finds those filed in the range's spans of years, and their keys keep those in the range itself.
    /// </summary>
    public static IReadOnlyList<string> Find(SqliteConnection connection, EventKeyRange range, MentionKind kind, IReadOnlyCollection<string> terms)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.id FROM event_terms f JOIN events e ON e.search_rowid = f.rowid
            WHERE event_terms MATCH $match
              AND EXISTS (SELECT 1 FROM event_keys k INDEXED BY event_keys_event WHERE k.event_id = e.id AND k.kind = $kind AND k.value BETWEEN $from AND $to)
            """;
        // A span's first year stands for it: Token files a key by the span its year falls in.
        var years = EventTerms.Spans(range).Select(span => span * (long)EventTerms.YearsPerToken).ToList();
        var tokens = terms.SelectMany(term => years.Select(year => Token(term, (long)kind, (long)range.Kind, year))).Distinct(StringComparer.Ordinal);
        command.Parameters.AddWithValue("$match", string.Join(" OR ", tokens));
        command.Parameters.AddWithValue("$kind", (int)range.Kind);
        command.Parameters.AddWithValue("$from", range.From);
        command.Parameters.AddWithValue("$to", range.To);
        using var reader = command.ExecuteReader();
        var found = new List<string>();
        while (reader.Read())
            found.Add(reader.GetString(0));
        return found;
    }

    /// <summary>The token of a term of a mention kind under a key: an FNV-1a hash of them all, the key's year by its span.</summary>
    private static string Token(string? term, long mentionKind, long keyKind, long value)
    {
        var hash = 14695981039346656037UL;
        foreach (var part in new[] { mentionKind, keyKind, EventTerms.Span(value) })
            hash = unchecked((hash ^ (ulong)part) * 1099511628211UL);
        foreach (var c in term ?? "")
            hash = unchecked((hash ^ c) * 1099511628211UL);
        return $"t{hash:x16}";
    }
}
