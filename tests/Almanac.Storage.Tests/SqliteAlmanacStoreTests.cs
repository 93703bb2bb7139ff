using Almanac.Core;
using Almanac.Ingest;
using Almanac.Storage.Sqlite;
using Almanac.TestSupport;
using Microsoft.Data.Sqlite;

namespace Almanac.Storage.Tests;

public sealed class SqliteAlmanacStoreTests : AlmanacStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("almanac-store-").FullName;

    private string DatabasePath => Path.Combine(_folder, "nested", "almanac.db");

    protected override IAlmanacStore Open() => SqliteAlmanacStore.Open(DatabasePath);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Open_MissingFolder_CreatesStoreInWalMode()
    {
        using var store = SqliteAlmanacStore.Open(DatabasePath);
        Assert.Equal(new StoreCounts(0, 0, 0), store.GetCounts());
        Assert.True(File.Exists(DatabasePath + "-wal") || File.Exists(DatabasePath));
    }

    [Fact]
    public void UpdateEvents_LineagesMergedAfterTheResolutionRead_ChangesNothing()
    {
        // A merge changes what the resolution counted as independent sources: it must start again.
        using var store = Open();
        var (update, basis) = SpeechResolution(store);
        var (copy, mentions) = Speech("doc-b");
        store.AddDocument(copy, mentions);
        store.MergeLineages(["doc-a", "doc-b"], "doc-a");

        Assert.False(store.UpdateEvents(update, basis));
        Assert.Equal(0, store.GetCounts().Events);
    }

    [Fact]
    public void UpdateEvents_EventStoredOutsideTheNeighbourhood_KeepsTheTermsOfTheMentionsTheResolutionNeverRead()
    {
        // A store resolved before events were filed can hand a resolution an event it did not read: the terms the
        // resolution brings are only those of the mentions it read, so the event's others are read from the store.
        using var store = Open();
        var (founding, basis) = SpeechResolution(store);
        var speech = Assert.Single(founding.Written);
        Assert.True(store.UpdateEvents(founding with { Terms = TermsOf(store, "doc-a") }, basis));
        var (document, mentions) = Speech("doc-b");
        store.AddDocument(document, [mentions[0] with { People = [], Keywords = ["denunciation"] }]);
        var joining = Assert.Single(store.GetMentionsOfDocuments(["doc-b"]));

        var outside = new EventUpdate([], [speech], [new MentionAssignment(joining.Id, speech.Id)]) { Terms = TermsOf(store, "doc-b") };
        Assert.True(store.UpdateEvents(outside, new ResolutionBasis(store.GetEventsGeneration(), [], [])));

        IReadOnlyList<EventKeyRange> of1956 = [new(EventKeyKind.AnyYear, 1956, 1956)];
        Assert.Equal([speech.Id], store.FindEventsSharingTerms(of1956, MentionKind.Event, ["denunciation"]));
        Assert.Equal([speech.Id], store.FindEventsSharingTerms(of1956, MentionKind.Event, ["Nikita Khrushchev"]));

        IReadOnlyDictionary<string, IReadOnlyList<EventTerm>> TermsOf(IAlmanacStore store, string documentId) =>
            EventTerms.Of(new Dictionary<string, IReadOnlyList<EventMention>> { [speech.Id] = [.. store.GetMentionsOfDocuments([documentId]).Select(m => m.Mention)] });
    }

    [Fact]
    public void Open_StoreFilingTermsInATable_FilesThemInTheFullTextIndexAsAnIngestWould()
    {
        using (var store = Open())
            TermFilingIngest.DayPagesAndSeeds(store);
        var filed = FiledTokens();
        Assert.True(filed.Count > 1_000, $"only {filed.Count} tokens filed");

        // The store as the version before the index kept it: a table of terms, filled as that version's migration did.
        using (var connection = OpenConnection())
        {
            var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
            Scalar(connection, $"""
                {SqliteRewinds.SearchWithoutCopy}
                {SqliteRewinds.FingerprintsByNumber}
                DROP TABLE event_terms;
                CREATE TABLE event_terms (term TEXT NOT NULL, mention_kind INTEGER NOT NULL, kind INTEGER NOT NULL, value INTEGER NOT NULL,
                    event_id TEXT NOT NULL, PRIMARY KEY (term, mention_kind, kind, value, event_id)) WITHOUT ROWID;
                INSERT OR IGNORE INTO event_terms (term, mention_kind, kind, value, event_id) {SqliteAlmanacStore.TermRows};
                CREATE INDEX event_terms_event ON event_terms(event_id);
                PRAGMA user_version = {version - 3};
                """);
        }
        using (Open())
        {
        }

        Assert.Equal(filed, FiledTokens());
    }

    [Fact]
    public void Open_StoreFilingFingerprintsUnderDocumentIds_FindsTheSameHoldersAfter()
    {
        // The seeds copy passages from one another: their fingerprints are held by more than one document.
        using (var store = Open())
            new Ingestor(store).Ingest(DocumentFiles.Find([SharedFolder.Seeds]));
        List<long> hashes;
        using (var connection = OpenConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT DISTINCT hash FROM document_fingerprints";
            using var reader = command.ExecuteReader();
            hashes = [];
            while (reader.Read())
                hashes.Add(reader.GetInt64(0));
        }
        var before = AllHolders();
        Assert.Contains(before.GroupBy(h => h.Fingerprint), g => g.Count() > 1);

        using (var connection = OpenConnection())
        {
            var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
            Scalar(connection, $"{SqliteRewinds.SearchWithoutCopy}\n{SqliteRewinds.FingerprintsByNumber}\nPRAGMA user_version = {version - 2};");
            Assert.Equal(before.Count, Convert.ToInt32(Scalar(connection, "SELECT count(DISTINCT hash || document_id) FROM document_fingerprints"), System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(before, AllHolders());

        HashSet<(long Fingerprint, string DocumentId)> AllHolders()
        {
            using var store = Open();
            return store.FindFingerprintHolders(hashes).ToHashSet();
        }
    }

    [Fact]
    public void Open_StoreWhoseSearchIndexCopiesTheText_FindsTheSameDocumentsAfterWithoutTheCopy()
    {
        using (var store = Open())
            new Ingestor(store).Ingest(DocumentFiles.Find([SharedFolder.Seeds]));
        string[] queries = ["khrushchev", "secret speech", "stalin cult", "twentieth congress"];
        var before = Hits();
        Assert.All(before, hits => Assert.NotEmpty(hits));

        using (var connection = OpenConnection())
        {
            var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
            Scalar(connection, $"{SqliteRewinds.SearchWithoutCopy}\nPRAGMA user_version = {version - 1};");
        }

        Assert.Equal(before, Hits());
        using (var connection = OpenConnection())
            Assert.Null(Scalar(connection, "SELECT name FROM sqlite_schema WHERE name = 'documents_fts_content'"));

        List<List<(string Id, string Excerpt)>> Hits()
        {
            using var store = Open();
            return [.. queries.Select(q => store.SearchDocuments(q, 10).Select(h => (h.Document.Id, h.Excerpt)).ToList())];
        }
    }

    /// <summary>Every (token, event row) of the index of events by term, read through an fts5vocab table.</summary>
    private HashSet<(string Token, long Row)> FiledTokens()
    {
        using var connection = OpenConnection();
        Scalar(connection, "CREATE VIRTUAL TABLE temp.filed USING fts5vocab(main, event_terms, 'instance')");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT term, doc FROM temp.filed";
        using var reader = command.ExecuteReader();
        var tokens = new HashSet<(string, long)>();
        while (reader.Read())
            tokens.Add((reader.GetString(0), reader.GetInt64(1)));
        return tokens;
    }

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
