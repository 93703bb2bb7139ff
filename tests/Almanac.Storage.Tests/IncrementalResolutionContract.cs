using System.Globalization;
using Almanac.Core;
using Almanac.Ingest;
using Almanac.Storage.Postgres;
using Almanac.Storage.Sqlite;
using Almanac.TestSupport;

namespace Almanac.Storage.Tests;

/// <summary>
/// Ingest resolves each document into the events it touches, reading a neighbourhood of the store; the events it
/// leaves must be those a full resolution of everything stored gives (`reindex`): same dates, claims and mentions.
/// One suite, both backends.
/// </summary>
public abstract class IncrementalResolutionContract : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("almanac-incremental-").FullName;

    /// <summary>A folder of the test's own, deleted after it: the documents it writes, and the SQLite store.</summary>
    protected string Folder => _folder;

    /// <summary>An empty store of the test's own.</summary>
    protected abstract IAlmanacStore Open();

    public void Dispose()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [SkippableFact]
    public void Ingest_SeedsOneByOne_LeavesTheEventsOfAFullResolution() =>
        AssertIncrementalEqualsFull(Directory.GetFiles(SharedFolder.Seeds).Order(StringComparer.Ordinal));

    [SkippableFact]
    public void Ingest_SeedsInReverseOrder_LeavesTheEventsOfAFullResolution() =>
        AssertIncrementalEqualsFull(Directory.GetFiles(SharedFolder.Seeds).OrderDescending(StringComparer.Ordinal));

    [SkippableFact]
    public void Ingest_RealPagesOneByOne_LeavesTheEventsOfAFullResolution() =>
        AssertIncrementalEqualsFull(
            Directory.GetFiles(Path.Combine(SharedFolder.Corpus("real-pages"), "days")).Order(StringComparer.Ordinal)
                .Concat(Directory.GetFiles(Path.Combine(SharedFolder.Corpus("real-pages"), "prose")).Order(StringComparer.Ordinal))
                .Concat(Directory.GetFiles(SharedFolder.Seeds).Order(StringComparer.Ordinal)));

    [SkippableFact]
    public void Ingest_RealPagesAsOneFolderInSmallBatches_LeavesTheEventsOfAFullResolution()
    {
        using var store = Open();
        // A few hundred mentions a batch: the 30 day pages alone make several, and prose sits in batches with day pages.
        var ingestor = new Ingestor(store, batchMentions: 300);
        var summary = ingestor.Ingest(DocumentFiles.Find([Path.Combine(SharedFolder.Corpus("real-pages"), "days"),
            Path.Combine(SharedFolder.Corpus("real-pages"), "prose"), SharedFolder.Seeds]));

        Assert.Empty(summary.Failures);
        Assert.Empty(store.GetDocumentsAwaitingResolution(1));
        AssertStoredEqualsFullResolution(store, ingestor);
    }

    [SkippableFact]
    public void ImportCalendars_ThenSeeds_LeavesTheEventsOfAFullResolution()
    {
        Skip.IfNot(Directory.Exists(CalendarImport.DefaultFolder), "Debian's calendar files are not installed");
        using var store = Open();
        new CalendarImport(store).Import(CalendarImport.DefaultFolder, new HashSet<string>(["calendar.history", "calendar.birthday", "calendar.computer", "calendar.music"]));
        var ingestor = new Ingestor(store);
        foreach (var seed in Directory.GetFiles(SharedFolder.Seeds).Order(StringComparer.Ordinal))
            ingestor.Ingest(DocumentFiles.Find([seed]));
        AssertStoredEqualsFullResolution(store, ingestor);
    }

    [SkippableFact]
    public void Ingest_CopyArrivingAfterItsOriginal_CountsOneLineage()
    {
        var original = string.Join(" ", Enumerable.Range(0, 60).Select(i => $"word{i}")) + ". On 25 February 1956 Khrushchev denounced Stalin in a secret speech.";
        var first = Write("original.txt", original);
        var copy = Write("copy.txt", "A reprint of the article follows.\n\n" + original);
        using var store = Open();
        var ingestor = new Ingestor(store);
        ingestor.Ingest(DocumentFiles.Find([first]));
        ingestor.Ingest(DocumentFiles.Find([copy]));

        var speech = Assert.Single(store.GetEventsOnDay(2, 25)).Event;
        Assert.Equal(2, speech.SourceCount);
        Assert.Equal(1, Assert.Single(speech.DateClaims).Lineages);
        AssertStoredEqualsFullResolution(store, ingestor);
    }

    [SkippableFact]
    public void Ingest_DayPageWithTwoEntriesOfOneYear_ListsTwoEvents()
    {
        var page = Write("october-21.txt", """
            October 21 in history

            1859 – Spain declares war on Morocco.

            1859 – The first stone of the new harbour of Trieste is laid.

            1959 – The Guggenheim Museum opens to the public in New York City.
            """);
        using var store = Open();
        new Ingestor(store).Ingest(DocumentFiles.Find([page]));

        Assert.Equal(2, store.GetEventsOnDay(10, 21).Count(e => e.ListedDate.Year == 1859));
    }

    [SkippableFact]
    public void Ingest_DayPagesGroupedUnderPeriodHeadings_TheHeadingsAreNoEventsTyingThePagesTogether()
    {
        string Page(string day, string early, string late) => $"# {day}\n\n## Events\n\n### Pre-1600\n\n{early}\n\n### 1901–present\n\n{late}\n";
        var pages = new[]
        {
            Write("march-3.md", Page("March 3", "- 1284 – The Statute of Rhuddlan incorporates Wales into England.\n- 1575 – Akbar defeats the army of Bengal at the Battle of Tukaroi.",
                "- 1918 – Russia signs the Treaty of Brest-Litovsk.\n- 1969 – NASA launches Apollo 9 to test the lunar module.")),
            Write("march-4.md", Page("March 4", "- 1152 – Frederick Barbarossa is elected King of the Germans.\n- 1493 – Columbus arrives back in Lisbon aboard the Niña.",
                "- 1933 – Frances Perkins becomes the first female member of a US cabinet.\n- 1966 – A Canadian Pacific airliner crashes at Tokyo airport.")),
        };
        using var store = Open();
        var ingestor = new Ingestor(store);
        foreach (var page in pages)
            ingestor.Ingest(DocumentFiles.Find([page]));

        var events = store.GetEventsOfDocuments(store.GetDocuments().Select(d => d.Id).ToList()).Select(id => store.GetEvent(id)!).ToList();
        Assert.Equal(8, events.Count);
        Assert.All(events, e => Assert.Single(e.DocumentIds));
        AssertStoredEqualsFullResolution(store, ingestor);
    }

    [SkippableFact]
    public void Reindex_StoreWhoseEventsWereLost_FilesEveryDocumentAsAFullResolutionDoes()
    {
        using var store = Open();
        var ingestor = new Ingestor(store);
        foreach (var file in Directory.GetFiles(Path.Combine(SharedFolder.Corpus("real-pages"), "prose")).Order(StringComparer.Ordinal)
                     .Concat(Directory.GetFiles(SharedFolder.Seeds).Order(StringComparer.Ordinal)))
            ingestor.Ingest(DocumentFiles.Find([file]));
        // As a store from before events were filed, or one whose rules changed: the mentions are stored, no event holds them.
        store.ReplaceEvents([]);

        var summary = ingestor.Reindex();

        Assert.Empty(summary.Failures);
        Assert.Equal(store.GetCounts().Documents, summary.Resolved);
        Assert.Empty(store.GetDocumentsAwaitingResolution(1));
        AssertStoredEqualsFullResolution(store, ingestor);
    }

    [SkippableFact]
    public void Resolve_DocumentDatedByItsYearOnly_ReadsTheEventOfItsYearsSharingAPersonNotTheOneSharingNothing()
    {
        using var store = Open();
        var resolution = new IncrementalResolution(store);
        EventMention Stored(string document, HistoricalDate date, IReadOnlyList<string> people, IReadOnlyList<string> places, IReadOnlyList<string> keywords)
        {
            var mention = new EventMention(document, MentionKind.Event, date, null, date.ToTimex(), "A sentence.", 0, 11, people, places, keywords);
            store.AddDocument(new SourceDocument(document, $"/{document}.txt", document, "A sentence.", 11), [mention]);
            return mention;
        }
        Stored("document-a", HistoricalDate.OnDay(1956, 10, 23), ["Imre Nagy"], ["Budapest"], ["uprising", "students"]);
        Stored("document-b", HistoricalDate.OnDay(1957, 3, 25), [], ["Rome"], ["treaty", "signed"]);
        resolution.Resolve(["document-a"]);
        resolution.Resolve(["document-b"]);
        // More events of those years, so the index is asked (fewer lookups than events to read), sharing nothing either.
        foreach (var month in Enumerable.Range(1, 8))
        {
            Stored($"document-{month}", HistoricalDate.OnDay(1955, month, 1), [], [$"Town {month}"], [$"charter{month}"]);
            resolution.Resolve([$"document-{month}"]);
        }
        var (sharing, apart) = (Assert.Single(store.GetEventsOfDocuments(["document-a"])), Assert.Single(store.GetEventsOfDocuments(["document-b"])));
        Stored("document-c", HistoricalDate.InYear(1956), ["Imre Nagy"], [], ["premier", "reforms"]);

        // Both events are of the years around 1956, any of which a year-dated mention could join.
        var reads = MentionReads.Of(store);
        new IncrementalResolution(reads.Store).Resolve(["document-c"]);

        Assert.Contains(sharing, reads.EventsRead);
        Assert.DoesNotContain(apart, reads.EventsRead);
        AssertStoredEqualsFullResolution(store, new Ingestor(store));
    }

    /// <summary>A store passing every call on to another, noting the events whose mentions are read.</summary>
    public class MentionReads : System.Reflection.DispatchProxy
    {
        private IAlmanacStore _store = null!;

        public IAlmanacStore Store => (IAlmanacStore)(object)this;

        public HashSet<string> EventsRead { get; } = new(StringComparer.Ordinal);

        public static MentionReads Of(IAlmanacStore store)
        {
            var reads = (MentionReads)(object)Create<IAlmanacStore, MentionReads>();
            reads._store = store;
            return reads;
        }

        protected override object? Invoke(System.Reflection.MethodInfo? method, object?[]? args)
        {
            if (method!.Name == nameof(IAlmanacStore.GetMentionsOfEvents))
                EventsRead.UnionWith((IReadOnlyCollection<string>)args![0]!);
            try
            {
                return method.Invoke(_store, args);
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }

    [SkippableFact]
    public void Resolve_RealPages_EveryEventReadsBackAsResolvedWithItsMentionsInOrder()
    {
        using var store = Open();
        var ingestor = new Ingestor(store);
        ingestor.Ingest(DocumentFiles.Find([Path.Combine(SharedFolder.Corpus("real-pages"), "prose"), SharedFolder.Seeds]));

        var resolved = ingestor.Resolve().Events;
        Assert.NotEmpty(resolved);
        Assert.All(resolved, e => Assert.Equal(System.Text.Json.JsonSerializer.Serialize(e), System.Text.Json.JsonSerializer.Serialize(store.GetEvent(e.Id))));
    }

    private void AssertIncrementalEqualsFull(IEnumerable<string> files)
    {
        using var store = Open();
        var ingestor = new Ingestor(store);
        foreach (var file in files)
            ingestor.Ingest(DocumentFiles.Find([file]));
        AssertStoredEqualsFullResolution(store, ingestor);
    }

    protected static void AssertStoredEqualsFullResolution(IAlmanacStore store, Ingestor ingestor)
    {
        var documents = store.GetDocuments().Select(d => d.Id).ToList();
        var incremental = store.GetEventsOfDocuments(documents).Select(id => store.GetEvent(id)!).Select(Describe).Order(StringComparer.Ordinal).ToList();
        var full = ingestor.Resolve().Events.Select(Describe).Order(StringComparer.Ordinal).ToList();

        Assert.Empty(full.Except(incremental, StringComparer.Ordinal));
        Assert.Empty(incremental.Except(full, StringComparer.Ordinal));
        Assert.Equal(full.Count, incremental.Count);
    }

    /// <summary>What two resolutions must agree on: the event's kind and dates, every claim with its support, and the mentions it shows, in their order.</summary>
    private static string Describe(HistoricalEvent e) => string.Create(CultureInfo.InvariantCulture,
        $"{e.Kind} {e.DateValue} [{string.Join("; ", e.DateClaims.Select(c => $"{c.Value} docs={c.DocumentCount} lineages={c.Lineages}"))}] "
        + $"mentions={e.MentionCount} sources={e.SourceCount} significance={e.Significance} "
        + $"{{{string.Join(", ", e.Mentions.Select(m => $"{m.DocumentId[..8]}@{m.SentenceStart}:{m.DateValue}"))}}} {e.Id} {e.Title}");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}

public sealed class SqliteIncrementalResolutionTests : IncrementalResolutionContract
{
    protected override IAlmanacStore Open() => SqliteAlmanacStore.Open(Path.Combine(Folder, "store.db"));

    [Fact]
    public void Ingest_DocumentJoiningOneEvent_LeavesTheNeighbourItResolvedAgainUnwritten()
    {
        using var store = Open();
        var ingestor = new Ingestor(store);
        var first = Path.Combine(Folder, "kronstadt.txt");
        File.WriteAllText(first, "On 1 March 1921 the sailors of Kronstadt passed a resolution demanding free elections to the soviets.\n\n"
            + "On 2 March 1921 the sailors elected a provisional revolutionary committee to run the fortress.\n");
        ingestor.Ingest(DocumentFiles.Find([first]));
        var events = store.GetEventsOfDocuments([store.GetDocuments().Single().Id]).Select(id => store.GetEvent(id)!).ToList();
        var (joined, neighbour) = (events.Single(e => e.Date.Day == 1), events.Single(e => e.Date.Day == 2));
        Sql("CREATE TABLE written (event_id TEXT); CREATE TRIGGER note_written AFTER INSERT ON events BEGIN INSERT INTO written VALUES (new.id); END;");

        // The new document joins the event of 1 March; the one of 2 March, a day away in the same source, is resolved again beside it.
        var second = Path.Combine(Folder, "report.txt");
        File.WriteAllText(second, "On 1 March 1921 the Kronstadt sailors passed a resolution that demanded free elections to the soviets, a report says.\n");
        ingestor.Ingest(DocumentFiles.Find([second]));

        Assert.Equal(2, store.GetEvent(joined.Id)?.SourceCount);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(neighbour), System.Text.Json.JsonSerializer.Serialize(store.GetEvent(neighbour.Id)));
        Assert.Equal([joined.Id], Sql("SELECT event_id FROM written"));
    }

    [Fact]
    public void Reindex_StoreFromBeforeFingerprints_FilesThemSoALaterCopyJoinsItsOriginal()
    {
        var original = string.Join(" ", Enumerable.Range(0, 60).Select(i => $"word{i}")) + ". On 25 February 1956 Khrushchev denounced Stalin in a secret speech.";
        var first = Path.Combine(Folder, "original.txt");
        File.WriteAllText(first, original);
        using var store = Open();
        var ingestor = new Ingestor(store);
        ingestor.Ingest(DocumentFiles.Find([first]));
        // What the migration to fingerprints leaves: documents filed under none.
        Sql("DELETE FROM document_fingerprints");

        ingestor.Reindex();
        var copy = Path.Combine(Folder, "copy.txt");
        File.WriteAllText(copy, "A reprint of the article follows.\n\n" + original);
        ingestor.Ingest(DocumentFiles.Find([copy]));

        var speech = Assert.Single(store.GetEventsOnDay(2, 25)).Event;
        Assert.Equal(2, speech.SourceCount);
        Assert.Equal(1, Assert.Single(speech.DateClaims).Lineages);
    }

    private List<string> Sql(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Folder, "store.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(reader.GetString(0));
        return rows;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresIncrementalResolutionTests(PostgresTestDatabase database) : IncrementalResolutionContract
{
    private readonly Lazy<string> _schema = new(database.NewSchema);

    protected override IAlmanacStore Open() => PostgresAlmanacStore.Open(_schema.Value);

    [SkippableFact]
    public async Task Drain_TwoWorkersOnTheRealPages_LeavesTheEventsOfAFullResolution()
    {
        using var store = PostgresAlmanacStore.Open(_schema.Value);
        var queued = DocumentQueueing.Enqueue(new PostgresDocumentQueue(store), DocumentFiles.Find([
            Path.Combine(SharedFolder.Corpus("real-pages"), "days"), Path.Combine(SharedFolder.Corpus("real-pages"), "prose"), SharedFolder.Seeds]));

        // Small batches, so the two workers resolve many at once, in the same date keys.
        var workers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => new QueueWorker(store, new Ingestor(store, batchMentions: 300)).Run())));

        Assert.Equal(queued.Queued, workers.Sum(w => w.Stored));
        Assert.Empty(store.GetDocumentsAwaitingResolution(1));
        AssertStoredEqualsFullResolution(store, new Ingestor(store));
    }
}
