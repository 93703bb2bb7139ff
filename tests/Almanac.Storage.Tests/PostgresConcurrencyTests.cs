using Almanac.TestSupport;
using Almanac.Core;
using Almanac.Storage.Postgres;
using Npgsql;

namespace Almanac.Storage.Tests;

/// <summary>
/// Several workers write one PostgreSQL store at once and web nodes learn of their writes without a query per request:
/// a writer never waits for another one's commit unless both touch the same events (and then the database fails one,
/// which starts again), and a node's change listener follows every commit, recovering by itself when its connection dies.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresConcurrencyTests(PostgresTestDatabase database)
{
    /// <summary>Far longer than a write takes; a writer still blocked after it is waiting for the other's commit.</summary>
    private static readonly TimeSpan Blocked = TimeSpan.FromSeconds(20);

    private readonly Lazy<string> _schema = new(database.NewSchema);

    [SkippableFact]
    public void AddDocument_WhileAnotherWorkerCountingTheSameWordsHasNotCommitted_CommitsWithoutWaiting()
    {
        using var store = PostgresAlmanacStore.Open(_schema.Value);
        using var connection = new NpgsqlConnection(_schema.Value);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var (first, firstMentions) = AlmanacStoreContract.Speech("doc-a");
        Assert.True(PostgresAlmanacStore.AddDocument(connection, transaction, new DocumentToStore(first, firstMentions)));

        var (second, secondMentions) = AlmanacStoreContract.Speech("doc-b");
        var other = Task.Run(() => store.AddDocument(second, secondMentions));
        Assert.True(other.Wait(Blocked), "the second worker waited for the first one's commit");
        Assert.True(other.Result);
        var before = store.GetGeneration();
        transaction.Commit();

        Assert.True(store.GetGeneration() > before);
        var frequencies = store.GetKeywordFrequencies(["speech", "secret"]);
        Assert.Equal(2, frequencies.Mentions);
        Assert.Equal(2, frequencies.ByKeyword["speech"]);
        Assert.Equal(2, frequencies.ByKeyword["secret"]);
    }

    [SkippableFact]
    public void UpdateEvents_WhileAResolutionOfAnotherDayHasNotCommitted_CommitsWithoutWaiting()
    {
        using var store = PostgresAlmanacStore.Open(_schema.Value);
        var speech = Resolution(store, "doc-a", HistoricalDate.OnDay(1956, 2, 25));
        var invasion = Resolution(store, "doc-b", HistoricalDate.OnDay(1812, 6, 24));
        using var connection = new NpgsqlConnection(_schema.Value);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Assert.True(PostgresAlmanacStore.UpdateEvents(connection, transaction, speech.Update, speech.Basis));

        var other = Task.Run(() => store.UpdateEvents(invasion.Update, invasion.Basis));
        Assert.True(other.Wait(Blocked), "the second resolution waited for the first one's commit");
        Assert.True(other.Result);
        transaction.Commit();

        Assert.Equal("doc-a-event", Assert.Single(store.GetEventsOnDay(2, 25)).Event.Id);
        Assert.Equal("doc-b-event", Assert.Single(store.GetEventsOnDay(6, 24)).Event.Id);
    }

    [SkippableFact]
    public void UpdateEvents_TwoResolutionsFoundingAnEventOnTheSameDayAtOnce_TheSecondWaitsThenStartsAgain()
    {
        using var store = PostgresAlmanacStore.Open(_schema.Value);
        var first = Resolution(store, "doc-a", HistoricalDate.OnDay(1956, 2, 25));
        var second = Resolution(store, "doc-b", HistoricalDate.OnDay(1956, 2, 25));
        using var connection = new NpgsqlConnection(_schema.Value);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Assert.True(PostgresAlmanacStore.UpdateEvents(connection, transaction, first.Update, first.Basis));

        // Neither saw the other's event when it read the day: both committing would list the speech twice.
        var other = Task.Run(() => store.UpdateEvents(second.Update, second.Basis));
        Assert.False(other.Wait(TimeSpan.FromSeconds(1)), "the second resolution did not wait for the first one on the same day");
        transaction.Commit();
        Assert.True(other.Wait(Blocked));

        Assert.False(other.Result);
        Assert.Equal("doc-a-event", Assert.Single(store.GetEventsOnDay(2, 25)).Event.Id);
    }

    [SkippableFact]
    public void UpdateEvents_AnEventFiledMeanwhileThatLeavesTheResolutionStanding_CommitsAfterAskingAboutIt()
    {
        using var store = PostgresAlmanacStore.Open(_schema.Value);
        var first = Resolution(store, "doc-a", HistoricalDate.OnDay(1956, 2, 25));
        var second = Resolution(store, "doc-b", HistoricalDate.OnDay(1956, 2, 26));
        Assert.True(store.UpdateEvents(first.Update, first.Basis));

        var asked = new List<string>();
        var standing = second.Basis with { UnaffectedBy = arrived => { asked.AddRange(arrived); return true; } };
        Assert.True(store.UpdateEvents(second.Update, standing));

        Assert.Equal(["doc-a-event"], asked);
        Assert.Equal("doc-b-event", Assert.Single(store.GetEventsOnDay(2, 26)).Event.Id);
    }

    [SkippableFact]
    public async Task Version_AfterAWriteCommits_GrowsWithoutBeingAskedForIt()
    {
        using var store = PostgresAlmanacStore.Open(_schema.Value);
        using var listener = new PostgresChangeListener(_schema.Value, store.GetGeneration);
        await Until(() => listener.IsListening, "the listener never started listening");
        var before = listener.Version;
        var (document, mentions) = AlmanacStoreContract.Speech("doc-a");
        store.AddDocument(document, mentions);
        await Until(() => listener.Version > before, "the commit was not noticed");
    }

    [SkippableFact]
    public async Task Version_NotificationConnectionTerminated_ReconnectsAndFollowsLaterWrites()
    {
        using var store = PostgresAlmanacStore.Open(_schema.Value);
        using var listener = new PostgresChangeListener(_schema.Value, store.GetGeneration);
        await Until(() => listener.IsListening, "the listener never started listening");
        var killed = listener.ProcessId;
        var beforeKill = listener.Version;
        await using (var connection = new NpgsqlConnection(_schema.Value))
        {
            await connection.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", connection);
            terminate.Parameters.AddWithValue("pid", killed);
            Assert.True((bool)(await terminate.ExecuteScalarAsync())!);
        }
        // Writes may have been missed while it was down: the version moves on as it recovers, then follows commits again.
        await Until(() => listener.IsListening && listener.ProcessId != killed, "the listener did not reconnect");
        Assert.True(listener.Version > beforeKill);
        var before = listener.Version;
        var (document, mentions) = AlmanacStoreContract.Speech("doc-a");
        store.AddDocument(document, mentions);
        await Until(() => listener.Version > before, "a commit after the reconnection was not noticed");
    }

    [SkippableFact]
    public async Task Version_WhileNotificationsCannotArrive_FollowsWritesByPollingEverySecond()
    {
        using var store = PostgresAlmanacStore.Open(_schema.Value);
        // The listening connection goes to a port where no server is; the generation is still read from the store.
        var unreachable = new NpgsqlConnectionStringBuilder(_schema.Value) { Host = "127.0.0.1", Port = 1 }.ConnectionString;
        using var listener = new PostgresChangeListener(unreachable, store.GetGeneration);
        await Task.Delay(PostgresChangeListener.PollInterval * 2.5);
        var before = listener.Version;
        var (document, mentions) = AlmanacStoreContract.Speech("doc-a");
        store.AddDocument(document, mentions);
        await Until(() => listener.Version > before, "the write was not noticed by polling", PostgresChangeListener.PollInterval * 3);
        Assert.False(listener.IsListening);
    }

    /// <summary>A document with one mention on <paramref name="day"/> stored, and the update filing it under a new event, with what it read.</summary>
    private static (EventUpdate Update, ResolutionBasis Basis) Resolution(IAlmanacStore store, string documentId, HistoricalDate day)
    {
        var text = $"On that day the {documentId} event took place.";
        var mention = new EventMention(documentId, MentionKind.Event, day, null, "that day", text, 0, text.Length, [], [], ["event"]);
        store.AddDocument(new SourceDocument(documentId, $"/{documentId}.txt", documentId, text, text.Length), [mention]);
        var stored = Assert.Single(store.GetMentionsOfDocuments([documentId]));
        var near = EventKeys.Near(stored.Mention);
        var basis = new ResolutionBasis(store.GetGeneration(), near, store.FindEvents(near));
        var e = AlmanacStoreContract.Event($"{documentId}-event", day, title: $"The {documentId} event");
        return (new EventUpdate([], [e], [new MentionAssignment(stored.Id, e.Id)]), basis);
    }

    private static async Task Until(Func<bool> condition, string failure, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20);
        }
    }
}
