using System.Globalization;
using Almanac.Storage.Postgres;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Web;

/// <summary>What a cached response is keyed by so that a write to the store makes the next request build afresh.</summary>
public interface IStoreGeneration
{
    ValueTask<long> CurrentAsync();
}

/// <summary>
/// A PostgreSQL store's generation as the node's <see cref="PostgresChangeListener"/> knows it: notified by every write's
/// commit (polled while notifications are down), so a cached response or a 304 costs no round trip to the database.
/// </summary>
public sealed class NotifiedGeneration(PostgresChangeListener listener) : IStoreGeneration
{
    public ValueTask<long> CurrentAsync() => ValueTask.FromResult(listener.Version);
}

/// <summary>
/// A SQLite store's generation, read for every cacheable request (a read of one row on a connection kept open: SQLite's
/// cheap check, with no server to ask). A request needs a read that began after it arrived
/// (then every write committed before it is seen), not a read of its own: while one read runs, everyone who
/// arrives shares the next one, which starts when it ends. So under load the store answers about one generation
/// query per round trip, not one per request (a PostgreSQL round trip costs more than a cached response), and
/// reads never overlap, which lets SQLite use one connection, kept open because opening is the costly part.
/// </summary>
public sealed class StoreGeneration(Func<long> read, IDisposable? ownedStore = null) : IStoreGeneration, IDisposable
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<long>? _running;
    private TaskCompletionSource<long>? _next;

    ValueTask<long> IStoreGeneration.CurrentAsync() => new(CurrentAsync());

    public Task<long> CurrentAsync()
    {
        lock (_gate)
        {
            if (_running is not null)
                return (_next ??= new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            _running = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            Start(_running);
            return _running.Task;
        }
    }

    public void Dispose() => ownedStore?.Dispose();

    /// <summary>On a pool thread, so no request's own thread is kept serving the reads queued behind it.</summary>
    private void Start(TaskCompletionSource<long> generation) => ThreadPool.QueueUserWorkItem(_ =>
    {
        try
        {
            generation.SetResult(read());
        }
        catch (Exception e)
        {
            generation.SetException(e);
        }
        lock (_gate)
        {
            _running = _next;
            _next = null;
            if (_running is not null)
                Start(_running);
        }
    });
}

/// <summary>
/// Day pages and on-this-day feeds are built once per store generation and kept in memory (ASP.NET Core's output
/// cache, bounded by <see cref="SizeLimit"/>), with the ETag the validation middleware computed: a hit writes the
/// stored bytes, or a 304 for a matching If-None-Match, without opening the store. The key holds everything such
/// a response depends on: the path, the Host (feeds carry absolute URLs), the reader's today (the selection's
/// round anniversaries, today's page) and the generation, read before the store is, so a write makes the next
/// request build afresh. Requests with a query string (?tz= sets a cookie) are always built afresh, and so are
/// those with If-Modified-Since alone, which the cache would otherwise answer by date (see <see cref="Caching"/>).
/// </summary>
public sealed class ResponseCache : IOutputCachePolicy
{
    public const string Policy = "store-generation";

    /// <summary>Room for a few dozen days of a million-event store (a day's complete feed is about 4 MB).</summary>
    public const long SizeLimit = 128L * 1024 * 1024;

    /// <summary>Entries of an old generation are never looked up again; this only bounds how long they hold memory.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = HttpMethods.IsGet(request.Method) && !request.QueryString.HasValue
            && !(request.Headers.IfModifiedSince.Count > 0 && request.Headers.IfNoneMatch.Count == 0);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        // Concurrent misses on one key wait for the first to build the response instead of each building it.
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        if (cacheable)
        {
            var today = ReaderToday.Resolve(http, http.RequestServices.GetRequiredService<TimeProvider>());
            var vary = context.CacheVaryByRules.VaryByValues;
            var pending = http.RequestServices.GetRequiredService<IStoreGeneration>().CurrentAsync();
            var generation = pending.IsCompletedSuccessfully ? pending.Result : await pending.AsTask().WaitAsync(cancellation);
            vary["generation"] = generation.ToString(CultureInfo.InvariantCulture);
            vary["today"] = FormattableString.Invariant($"{today.Year}-{today.Day.Month}-{today.Day.Day} {today.Zone.Id} {today.UnknownZone}");
            // The cache's own key upper-cases the host; the feed's URLs carry it as the client sent it.
            vary["host"] = request.Host.Value ?? "";
        }
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
