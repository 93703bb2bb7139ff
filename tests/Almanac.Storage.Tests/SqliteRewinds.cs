namespace Almanac.Storage.Tests;

/// <summary>
/// SQL taking a store back to the schema of an earlier version, for migration tests: a store of an older version has the
/// old schema of every step after its own, so a test rewinding to a step rewinds each later one too, the latest first.
/// </summary>
internal static class SqliteRewinds
{
    /// <summary>The last step: the documents' search index with its own copy of their text again.</summary>
    public const string SearchWithoutCopy = """
        CREATE VIRTUAL TABLE documents_search USING fts5(id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO documents_search (id, title, body) SELECT id, title, text FROM documents ORDER BY rowid;
        DROP TABLE documents_fts;
        DROP VIEW document_search_text;
        ALTER TABLE documents_search RENAME TO documents_fts;
        """;

    /// <summary>The step before: fingerprints filed under the document's id again, not its number.</summary>
    public const string FingerprintsByNumber = """
        CREATE TABLE fingerprints_by_id (hash INTEGER NOT NULL, document_id TEXT NOT NULL, PRIMARY KEY (hash, document_id)) WITHOUT ROWID;
        INSERT INTO fingerprints_by_id (hash, document_id) SELECT f.hash, n.document_id FROM document_fingerprints f JOIN document_numbers n ON n.number = f.document;
        DROP TABLE document_fingerprints;
        DROP TABLE document_numbers;
        ALTER TABLE fingerprints_by_id RENAME TO document_fingerprints;
        """;
}
