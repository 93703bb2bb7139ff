using Almanac.TestSupport;
using System.Text;
using Almanac.Core;
using Almanac.Ingest;
using Almanac.Storage.Postgres;
using Almanac.Storage.Sqlite;
using FsCheck;
using FsCheck.Fluent;

namespace Almanac.Storage.Tests;

/// <summary>
/// One hostile document never stops the store, whatever the backend: the whole pipeline (read, analyse, store,
/// resolve) runs on it, then an ordinary document is ingested and its event must be on its day.
/// </summary>
public abstract class PipelineIsolationContract : IDisposable
{
    private const string Ordinary = "On 9 November 1989 the Berlin Wall fell.";

    private int _files;

    /// <summary>A folder of the test's own, deleted after it: the documents it writes, and the SQLite store.</summary>
    protected string Folder { get; } = Directory.CreateTempSubdirectory("almanac-isolation-").FullName;

    protected abstract IAlmanacStore Open();

    public void Dispose()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    [SkippableFact]
    public void Ingest_FiveMillionLetterWordThenAnOrdinaryDocument_BothEventsAreOnTheirDays()
    {
        using var store = Open();
        var ingestor = new Ingestor(store);

        var hostile = ingestor.Ingest(Files(new string('a', 5_000_000) + " On 4 June 1956 the speech was published.\n"));
        var ordinary = ingestor.Ingest(Files(Ordinary));

        Assert.Empty(hostile.Failures.Concat(hostile.FailedAnalyses));
        Assert.Empty(ordinary.Failures.Concat(ordinary.FailedAnalyses));
        var speech = Assert.Single(store.GetEventsOnDay(6, 4)).Event;
        // The day line is a headline, however long the token before the date.
        Assert.True(speech.Text.Length <= 200, $"{speech.Text.Length} characters shown");
        Assert.True(speech.Title.Length <= 200, speech.Title);
        Assert.Contains(store.GetEventsOnDay(11, 9), e => e.Event.Title.Contains("Berlin Wall", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Ingest_StoredDocumentThatBreaksResolution_IsMarkedFailedAndTheRestIsStillResolved()
    {
        using var store = Open();
        var (corrupt, mention) = Corrupt("corrupt-doc");
        store.AddDocument(corrupt, [mention]);
        var ingestor = new Ingestor(store);

        var first = ingestor.Ingest(Files(Ordinary));
        var second = ingestor.Ingest(Files("On 6 June 1944 Allied troops landed in Normandy."));

        Assert.Equal("/corrupt/doc.txt", Assert.Single(first.FailedAnalyses).Path);
        Assert.Empty(second.FailedAnalyses);
        Assert.Equal("corrupt-doc", Assert.Single(store.GetFailedDocuments()).Id);
        Assert.NotEmpty(store.GetEventsOnDay(11, 9));
        Assert.NotEmpty(store.GetEventsOnDay(6, 6));
        Assert.DoesNotContain(store.GetMentions(), m => m.Mention.DocumentId == "corrupt-doc");
    }

    [SkippableFact]
    public void Reindex_FailedDocumentThisVersionCanRead_IsAnalysedAgainAndJoinsItsDay()
    {
        using var store = Open();
        var (corrupt, mention) = Corrupt("corrupt-doc");
        store.AddDocument(corrupt, [mention]);
        var ingestor = new Ingestor(store);
        ingestor.Ingest(Files(Ordinary));

        var reindex = ingestor.Reindex();

        Assert.Equal((1, 1), (reindex.Retried, reindex.Cleared));
        Assert.Empty(reindex.Failures);
        Assert.Empty(store.GetFailedDocuments());
        Assert.Contains(store.GetEventsOnDay(7, 20), e => e.Event.DocumentIds.Contains("corrupt-doc"));
    }

    [SkippableFact]
    public void Ingest_DocumentOverItsAnalysisBudget_IsRefusedWithTheReasonAndNothingIsStored()
    {
        using var store = Open();
        var ingestor = new Ingestor(store, budget: new AnalysisBudget.Limits(TimeSpan.Zero, long.MaxValue));

        var summary = ingestor.Ingest(Files(string.Concat(Enumerable.Repeat("On 4 June 1956 the speech was published. ", 3000))));

        var failure = Assert.Single(summary.Failures);
        Assert.Contains("took longer than", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(new StoreCounts(0, 0, 0), store.GetCounts());
    }

    [SkippableFact]
    public void Ingest_ThousandsOfMentionsOfOneDay_KeepsTheBestHundredAndCountsThemAll()
    {
        using var store = Open();
        var sentences = Enumerable.Range(0, 3000).Select(i => $"On 4 June 1956 the speech was published again, edition {i}.");

        new Ingestor(store).Ingest(Files(string.Join(' ', sentences)));

        var speech = Assert.Single(store.GetEventsOnDay(6, 4)).Event;
        Assert.True(speech.MentionCount >= 3000, $"{speech.MentionCount} mentions counted");
        Assert.Equal(Almanac.Events.EventResolver.MaxKeptMentions, speech.Mentions.Count);
    }

    [SkippableFact]
    public void Ingest_GeneratedHostileDocuments_NeverStopAnOrdinaryDocumentAfterThem()
    {
        using var store = Open();
        var ingestor = new Ingestor(store);
        Prop.ForAll(HostileDocument().ToArbitrary(), text =>
        {
            var summary = ingestor.Ingest(Files(text));
            return summary.FailedAnalyses.Count == 0;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(15).WithEndSize(60));

        var ordinary = ingestor.Ingest(Files(Ordinary));

        Assert.Empty(ordinary.FailedAnalyses);
        Assert.Contains(store.GetEventsOnDay(11, 9), e => e.Event.Title.Contains("Berlin Wall", StringComparison.Ordinal));
    }

    /// <summary>
    /// Documents made to strain every stage: very long tokens, one date repeated thousands of times, letters of every
    /// script and class (marks, surrogate pairs, controls, bidirectional text), and ordinary dated sentences among them.
    /// </summary>
    private static Gen<string> HostileDocument()
    {
        var pieces = Gen.OneOf(
            Gen.Choose(1, 200_000).Select(n => new string('x', n)),
            Gen.Choose(1, 2000).Select(n => string.Concat(Enumerable.Repeat("On 4 June 1956 it rained. ", n))),
            Gen.Elements("e\u0301", "😀", "\u200D", "\u202E", "\u0000", "\uD800", "漢字", "العربية", "हिन्दी", "Ελληνικά", "\r\n", "\t", "ﷺ")
                .ListOf().Select(parts => string.Concat(parts)),
            Gen.Elements("On 25 February 1956 Khrushchev spoke.", "In 1453 Constantinople fell.", "14 October 1066 (O.S.)", "the Ides of March, 44 BC"),
            Gen.Choose(1, 5000).Select(n => string.Concat(Enumerable.Repeat("😀", n)) + " On 1 May 1886 workers struck."));
        return pieces.ListOf().Select(parts => string.Join(' ', parts) is { Length: > 0 } text ? text : "empty");
    }

    private static (SourceDocument, EventMention) Corrupt(string id)
    {
        const string text = "On 20 July 1969 Apollo 11 landed on the Moon.";
        // What a payload stored by a faulty version can hold: a field it promised would never be null.
        var mention = new EventMention(id, MentionKind.Event, HistoricalDate.OnDay(1969, 7, 20), null, "20 July 1969", text, 0, text.Length,
            [], [], ["apollo", "landed", "moon"]) { Clause = null! };
        return (new SourceDocument(id, "/corrupt/doc.txt", "Apollo", text, text.Length), mention);
    }

    private FileSelection Files(string text)
    {
        var path = Path.Combine(Folder, $"document-{++_files}.txt");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return DocumentFiles.Find([path]);
    }
}

public sealed class SqlitePipelineIsolationTests : PipelineIsolationContract
{
    protected override IAlmanacStore Open() => SqliteAlmanacStore.Open(Path.Combine(Folder, "almanac.db"));
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresPipelineIsolationTests(PostgresTestDatabase database) : PipelineIsolationContract
{
    private readonly Lazy<string> _schema = new(database.NewSchema);

    protected override IAlmanacStore Open() => PostgresAlmanacStore.Open(_schema.Value);
}
