using System.Diagnostics;
using Almanac.Ingest;
using Almanac.Storage.Postgres;
using Almanac.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Almanac.Web.Tests;

/// <summary>
/// A web node on PostgreSQL serving the seeds' cached day page and feed while another process's ingest (here, a store of
/// its own) commits: the node learns of it from the commit's notification, or by polling every
/// <see cref="PostgresChangeListener.PollInterval"/> while notifications are down, never by asking on each request.
/// Skipped without $ALMANAC_TEST_POSTGRES.
/// </summary>
public sealed class PostgresNodeTests : IDisposable
{
    private const string Feed = "/api/feed/onthisday/all/06/04";
    private const string DayPage = "/day/06-04";

    /// <summary>
    /// The guarantee is one <see cref="PostgresChangeListener.PollInterval"/> after the commit; the bound tested leaves as
    /// much again for a test machine whose cores other work shares (a notification takes about a millisecond).
    /// </summary>
    private static readonly TimeSpan Bound = PostgresChangeListener.PollInterval * 2;

    private readonly PostgresTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [SkippableFact]
    public async Task DayAndFeed_AfterAnIngestElsewhereCommits_ShowTheNewEventOnceNotified()
    {
        var location = _database.NewSchema();
        await using var node = await Node.Start(location);
        await node.Until(() => node.Listener.IsListening, "the node never started listening");
        await node.AssertCachedWithout(Lantern.Words);

        using (var store = PostgresAlmanacStore.Open(location))
            await Lantern.IngestInto(store);

        await node.AssertShownWithin(Lantern.Words, Bound);
        Assert.True(node.Listener.IsListening);
    }

    [SkippableFact]
    public async Task DayAndFeed_NotificationConnectionKilledThenAnIngestCommits_ShowTheNewEventWithinTheFallback()
    {
        var location = _database.NewSchema();
        await using var node = await Node.Start(location);
        await node.Until(() => node.Listener.IsListening, "the node never started listening");
        await node.AssertCachedWithout(Lantern.Words);

        await using (var connection = new NpgsqlConnection(location))
        {
            await connection.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", connection);
            terminate.Parameters.AddWithValue("pid", node.Listener.ProcessId);
            Assert.True((bool)(await terminate.ExecuteScalarAsync())!);
        }
        using (var store = PostgresAlmanacStore.Open(location))
            await Lantern.IngestInto(store);

        await node.AssertShownWithin(Lantern.Words, Bound);
    }

    /// <summary>The app on Kestrel over a PostgreSQL store holding the five seeds, its clock on 4 June 2026.</summary>
    private sealed class Node : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly HttpClient _client;

        private Node(WebApplication app, HttpClient client) => (_app, _client) = (app, client);

        public PostgresChangeListener Listener => _app.Services.GetRequiredService<PostgresChangeListener>();

        public static async Task<Node> Start(string location)
        {
            using (var store = PostgresAlmanacStore.Open(location))
                Assert.Equal(5, new Ingestor(store).Ingest(DocumentFiles.Find([SharedFolder.Seeds])).Read);
            var app = AlmanacWeb.Create(["--urls", "http://127.0.0.1:0"], new AlmanacWebOptions(location, new FakeTimeProvider(AlmanacServer.Now)));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return new Node(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) });
        }

        /// <summary>The day page and the feed, each asked twice so the second answer is the cached one, lack <paramref name="words"/>.</summary>
        public async Task AssertCachedWithout(string words)
        {
            foreach (var path in new[] { Feed, DayPage })
            {
                await Get(path);
                Assert.DoesNotContain(words, await Get(path));
            }
        }

        /// <summary>Asks for the day page and the feed until both show <paramref name="words"/>, failing past <paramref name="bound"/>.</summary>
        public async Task AssertShownWithin(string words, TimeSpan bound)
        {
            var clock = Stopwatch.StartNew();
            foreach (var path in new[] { Feed, DayPage })
                await Until(async () => (await Get(path)).Contains(words, StringComparison.Ordinal), $"GET {path} did not show “{words}” within {bound.TotalSeconds} s", bound - clock.Elapsed);
        }

        public Task Until(Func<bool> condition, string failure) => Until(() => Task.FromResult(condition()), failure, TimeSpan.FromSeconds(30));

        private static async Task Until(Func<Task<bool>> condition, string failure, TimeSpan within)
        {
            var clock = Stopwatch.StartNew();
            while (!await condition())
            {
                Assert.True(clock.Elapsed < within, failure);
                await Task.Delay(10);
            }
        }

        private Task<string> Get(string path) => _client.GetSuccessfulStringAsync(path);

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
