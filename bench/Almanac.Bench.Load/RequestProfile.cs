using System.Diagnostics;
using System.Globalization;
using System.Net;
using Almanac.Storage;
using Almanac.Storage.Postgres;
using Almanac.Storage.Sqlite;
using Almanac.Curation;
using Almanac.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Bench.Load;

/// <summary>
/// Where one request's time goes on a day of a big store, one request at a time: the store's share (opening it,
/// reading the day with whole event payloads, and as day pages and feeds read it), the selection, then whole requests to the real app on
/// loopback: the first (cold), a miss in the warmed-up process, a hit and a 304. A miss minus the store's and the selection's
/// share is building the response (feed items and JSON, or HTML) and hashing it for the ETag.
/// </summary>
internal static class RequestProfile
{
    private const int Rounds = 9;

    public static async Task<int> Run(string location, string day)
    {
        var (month, dom) = (int.Parse(day[..2], CultureInfo.InvariantCulture), int.Parse(day[3..], CultureInfo.InvariantCulture));
        var isPostgres = PostgresLocation.IsPostgres(location);
        Console.WriteLine($"profile: {(isPostgres ? "postgres" : "sqlite")} store, day {day}, median of {Rounds} rounds unless marked cold");
        var open = Median(() => { using var _ = Open(location); });
        using var store = Open(location);
        var entries = store.GetEventsOnDay(month, dom);
        var read = Median(() => store.GetEventsOnDay(month, dom));
        store.GetListingsOnDay(month, dom); // warmed up as the full read was just above, so both are timed in steady state
        var listings = Median(() => store.GetListingsOnDay(month, dom));
        var raw = isPostgres ? (TimeSpan?)null : Median(() => SqlitePayloads(location, month, dom));
        var select = Median(() => Selection.Select(entries, DateTime.UtcNow.Year));
        Console.WriteLine(Invariant($"store open {Ms(open)}; GetEventsOnDay {Ms(read)} for {entries.Count} events") +
            (raw is { } r ? Invariant($" (of which reading the payload strings alone {Ms(r)}, so deserializing ~{Ms(read - r)})") : "") +
            Invariant($"; GetListingsOnDay {Ms(listings)} (what day pages and feeds read: listing fields and cited titles); Selection.Select {Ms(select)}"));

        await using var app = AlmanacWeb.Create(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], new AlmanacWebOptions(location, TimeProvider.System));
        await app.StartAsync();
        var origin = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(origin), Timeout = TimeSpan.FromMinutes(5) };
        var misses = 0;
        foreach (var path in new[] { $"/api/feed/onthisday/all/{day[..2]}/{day[3..]}", $"/day/{day}" })
        {
            var (cold, bytes, tag) = await Get(client, path, null);
            // The Host is part of the cache's key (feeds carry absolute URLs): a new one is a miss in a warmed-up process.
            var miss = Median(() => Get(client, path, null, $"miss{++misses}.example").GetAwaiter().GetResult().Elapsed);
            var warm = Median(() => Get(client, path, null).GetAwaiter().GetResult().Elapsed);
            var conditional = Median(() => Get(client, path, tag).GetAwaiter().GetResult().Elapsed);
            Console.WriteLine(Invariant($"GET {path}: {bytes} bytes; cold {Ms(cold)}, miss {Ms(miss)}, hit {Ms(warm)}, If-None-Match {Ms(conditional)}"));
        }
        await app.StopAsync();
        return 0;
    }

    private static IAlmanacStore Open(string location) =>
        PostgresLocation.IsPostgres(location) ? PostgresAlmanacStore.Open(location) : SqliteAlmanacStore.Open(location);

    /// <summary>The day's rows as the store reads them, without deserializing: the floor under GetEventsOnDay.</summary>
    private static void SqlitePayloads(string path, int month, int day)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.payload, d.listed_date, d.is_primary FROM event_days d JOIN events e ON e.id = d.event_id
            WHERE d.month = $month AND d.day = $day ORDER BY d.year DESC, e.significance DESC, e.id
            """;
        command.Parameters.AddWithValue("$month", month);
        command.Parameters.AddWithValue("$day", day);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            _ = reader.GetString(0).Length + reader.GetString(1).Length;
    }

    private static async Task<(TimeSpan Elapsed, long Bytes, string? ETag)> Get(HttpClient client, string path, string? ifNoneMatch, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        if (ifNoneMatch is not null)
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed;
        var expected = ifNoneMatch is null ? HttpStatusCode.OK : HttpStatusCode.NotModified;
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}, expected {(int)expected}");
        return (elapsed, body.Length, response.Headers.ETag?.ToString());
    }

    private static TimeSpan Median(Action action)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < Rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed);
        }
        return times.Order().ElementAt(Rounds / 2);
    }

    private static TimeSpan Median(Func<TimeSpan> timed) => Enumerable.Range(0, Rounds).Select(_ => timed()).Order().ElementAt(Rounds / 2);

    private static string Ms(TimeSpan time) => Invariant($"{time.TotalMilliseconds:F1} ms");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
