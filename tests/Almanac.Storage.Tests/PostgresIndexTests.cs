using Almanac.TestSupport;
using Almanac.Core;
using Almanac.Storage.Postgres;
using Npgsql;

namespace Almanac.Storage.Tests;

/// <summary>
/// The hot queries use indexes. The store holds enough events (20,000 over every day of the year, with
/// statistics gathered) that the planner, left at its default settings, picks the index because it is cheaper:
/// no enable_seqscan = off, so the plans checked are the plans a real store gets, not merely proof that an
/// index exists.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresIndexTests(PostgresTestDatabase database)
{
    private const int EventCount = 20_000;
    private const int DocumentCount = 2_000;
    private static readonly Lock FillLock = new();
    // Filled once per run and shared by the tests (its connections close when the run's database is dropped).
    private static (string Location, PostgresAlmanacStore Store)? s_filled;

    private (string Location, PostgresAlmanacStore Store) Filled
    {
        get
        {
            lock (FillLock)
                return s_filled ??= Fill(database.NewSchema());
        }
    }

    [SkippableFact]
    public void EventsOnDay_LargeStore_UsesTheDayIndex()
    {
        var plan = Explain(PostgresQueries.EventsOnDay, ("month", (short)2), ("day", (short)25));
        Assert.Contains("event_days_by_day", plan);
        Assert.Contains("events_pkey", plan);
        Assert.DoesNotContain("Seq Scan", plan);
        Assert.Equal(EventCount / 366 + 1, Filled.Store.GetEventsOnDay(2, 25).Count, tolerance: 1);
    }

    [SkippableFact]
    public void ListingsOnDay_LargeStore_UsesTheDayIndexAndReadsTheDayOnly()
    {
        var plan = Explain(PostgresQueries.ListingsOnDay, ("month", (short)2), ("day", (short)25), ("left_out", new[] { "summary" }));
        Assert.Contains("mentions_event", plan);
        Assert.Contains("event_days_by_day", plan);
        Assert.Contains("events_pkey", plan);
        Assert.DoesNotContain("Seq Scan", plan);
        Assert.Equal(Filled.Store.GetEventsOnDay(2, 25).Select(e => e.Event.Id), Filled.Store.GetListingsOnDay(2, 25).Select(e => e.Event.Id));
    }

    [SkippableFact]
    public void ShownMentions_LargeStore_ReadsThePageOfEventsFromTheFilingIndex()
    {
        var plan = Explain(PostgresQueries.ShownMentions, ("ids", new[] { "e00042", "e00043" }));
        Assert.Contains("mentions_event", plan);
        Assert.DoesNotContain("Seq Scan", plan);
        Assert.EndsWith("marker00042", Assert.Single(Filled.Store.GetEvent("e00042")!.Mentions).Sentence, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void LastIngestedAt_LargeStore_ReadsTheNewestFromTheIndex()
    {
        var plan = Explain(PostgresQueries.LastIngestedAt);
        Assert.Contains("documents_ingested_at", plan);
        Assert.DoesNotContain("Seq Scan", plan);
        Assert.NotNull(Filled.Store.GetLastIngestedAt());
    }

    [SkippableFact]
    public void EventById_LargeStore_UsesThePrimaryKey()
    {
        var plan = Explain(PostgresQueries.EventById, ("id", "e00042"));
        Assert.Contains("events_pkey", plan);
        Assert.DoesNotContain("Seq Scan", plan);
    }

    [SkippableFact]
    public void SearchEvents_LargeStore_UsesTheTextIndex()
    {
        var plan = Explain(PostgresQueries.SearchEvents, ("query", "treaty | marker00042"), ("all", "treaty & marker00042"),
            ("phrase", "treaty <-> marker00042"), ("title_phrase", "treaty:A <-> marker00042:A"), ("limit", 10));
        Assert.Contains("events_search", plan);
        Assert.DoesNotContain("Seq Scan", plan);
        Assert.Equal("e00042", Filled.Store.SearchEvents("marker00042", 10).First().Id);
    }

    private string Explain(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new NpgsqlConnection(Filled.Location);
        connection.Open();
        using var command = new NpgsqlCommand("EXPLAIN " + sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
            lines.Add(reader.GetString(0));
        return string.Join("\n", lines);
    }

    private static (string, PostgresAlmanacStore) Fill(string location)
    {
        var store = PostgresAlmanacStore.Open(location);
        // Leap years only, so 29 February is a day like the others.
        var start = new DateOnly(2000, 1, 1);
        var events = Enumerable.Range(0, EventCount).Select(i =>
        {
            var day = start.AddDays(i % 366);
            var date = HistoricalDate.OnDay(1904 + 4 * (i % 24), day.Month, day.Day);
            var title = i % 500 == 0 ? $"Treaty signed, marker{i:D5}" : $"Battle number {i} of the long war, marker{i:D5}";
            var mention = new EventMention($"d{i % DocumentCount:D4}", MentionKind.Event, date, null, "", title, i, i + title.Length, [], [], []);
            return AlmanacStoreContract.Event($"e{i:D5}", date, title: title) with { Mentions = [mention] };
        }).ToList();
        // Each event is mentioned by one of the documents, as a day of a real store cites hundreds, and shows its mention.
        foreach (var document in events.GroupBy(e => e.Mentions[0].DocumentId))
            store.AddDocument(new SourceDocument(document.Key, $"/{document.Key}.txt", $"Chronicle {document.Key}", $"Chronicle {document.Key} of the long war.", 29),
                document.Select(e => e.Mentions[0]).ToList());
        var rowOf = store.GetMentions().ToDictionary(m => (m.Mention.DocumentId, m.Mention.SentenceStart), m => m.Id);
        store.ReplaceEvents(events, events.Select(e => new MentionAssignment(rowOf[(e.Mentions[0].DocumentId, e.Mentions[0].SentenceStart)], e.Id, 0)).ToList());
        using var connection = new NpgsqlConnection(location);
        connection.Open();
        PostgresAlmanacStore.Execute(connection, null, "ANALYZE");
        return (location, store);
    }
}
