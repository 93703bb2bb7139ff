namespace Almanac.Storage.Tests;

/// <summary>
/// SQL taking a store back to the schema of an earlier version, for migration tests: a store of an older version has the
/// old schema of every step after its own, so a test rewinding to a step rewinds each later one too.
/// </summary>
internal static class SqliteRewinds
{
    /// <summary>The last step: fingerprints filed under the document's id again, not its number.</summary>
    public const string FingerprintsByNumber = """
        CREATE TABLE fingerprints_by_id (hash INTEGER NOT NULL, document_id TEXT NOT NULL, PRIMARY KEY (hash, document_id)) WITHOUT ROWID;
        INSERT INTO fingerprints_by_id (hash, document_id) SELECT f.hash, n.document_id FROM document_fingerprints f JOIN document_numbers n ON n.number = f.document;
        DROP TABLE document_fingerprints;
        DROP TABLE document_numbers;
        ALTER TABLE fingerprints_by_id RENAME TO document_fingerprints;
        """;
}
