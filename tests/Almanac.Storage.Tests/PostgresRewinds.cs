using Almanac.Storage.Postgres;

namespace Almanac.Storage.Tests;

/// <summary>
/// SQL taking a PostgreSQL store back to the schema of an earlier version, for migration tests: as <see cref="SqliteRewinds"/>
/// does for SQLite, a test rewinding to a step rewinds each later one too, the latest first.
/// </summary>
internal static class PostgresRewinds
{
    /// <summary>The last step: the events' terms as a row a term and date key again, filled as that version's migration did.</summary>
    public static readonly string TermsAsRows = $"""
        DROP TABLE event_terms;
        CREATE TABLE event_terms (term text NOT NULL, mention_kind smallint NOT NULL, kind smallint NOT NULL, value integer NOT NULL,
            event_id text NOT NULL, PRIMARY KEY (term, mention_kind, kind, value, event_id));
        INSERT INTO event_terms (term, mention_kind, kind, value, event_id) {PostgresAlmanacStore.TermRows} ON CONFLICT DO NOTHING;
        CREATE INDEX event_terms_event ON event_terms (event_id);
        """;
}
