using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;

namespace Almanac.Web;

/// <summary>
/// Day pages and on-this-day feeds are built once per store generation and kept in memory as the bytes a hit sends
/// (<see cref="CachedResponse"/>: the body, and its gzip and Brotli encodings, with their headers and ETags), bounded by
/// <see cref="SizeLimit"/>: a hit, or a 304 for a matching If-None-Match, writes them without opening the store, hashing
/// or encoding anything. The key holds everything such a response depends on: the scheme and Host (feeds carry absolute
/// URLs), the path, the reader's today (the selection's round anniversaries, today's page) and the generation, read
/// before the store is, so a write makes the next request build afresh. Requests with a query string (?tz= sets a cookie)
/// are always built afresh, and so are those with If-Modified-Since alone, which would otherwise be answered by date
/// (see <see cref="Caching"/>). Concurrent misses on one key wait for the first to build the response instead of each
/// building it.
/// A hit is answered first in the pipeline (<see cref="AnswerHits"/>), before routing, error pages and the headers every
/// response gets, which its kept headers already hold: only a response of an endpoint marked
/// <see cref="CachedPerGeneration"/> is ever kept, so finding its key is enough (on SQLite the key's generation is then
/// read for every GET without a query, kept or not: one shared read of a row, beside the reads such a page makes).
/// Misses are built after routing (<see cref="BuildMisses"/>), where the endpoint says whether the response may be kept.
/// </summary>
public sealed class ResponseCache(IStoreGeneration generation, TimeProvider clock) : IDisposable
{
    /// <summary>Room for a few dozen days of a million-event store (a day's complete feed is about 4 MB).</summary>
    public const long SizeLimit = 128L * 1024 * 1024;

    /// <summary>Entries of an old generation are never looked up again; this only bounds how long they hold memory.</summary>
    private static readonly TimeSpan Unused = TimeSpan.FromHours(1);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = SizeLimit });
    private readonly ConcurrentDictionary<Key, Task<CachedResponse?>> _building = new();

    /// <summary>Answers a request from the bytes kept under its key, or passes it on.</summary>
    public async Task AnswerHits(HttpContext context, RequestDelegate next)
    {
        if (Eligible(context.Request) && _entries.TryGetValue(await KeyOf(context), out CachedResponse? cached))
            await cached!.WriteTo(context);
        else
            await next(context);
    }

    /// <summary>Builds the response of a cacheable endpoint once per key (or waits for the request building it) and keeps it.</summary>
    public async Task BuildMisses(HttpContext context, RequestDelegate next)
    {
        if (!Eligible(context.Request) || context.GetEndpoint()?.Metadata.GetMetadata<CachedPerGeneration>() is null)
        {
            await next(context);
            return;
        }
        var key = await KeyOf(context);
        if (_entries.TryGetValue(key, out CachedResponse? cached) || (cached = await BuildOrWait(key, context, next)) is not null)
            await cached!.WriteTo(context);
    }

    public void Dispose() => _entries.Dispose();

    private static bool Eligible(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && !request.QueryString.HasValue
        && !(request.Headers.IfModifiedSince.Count > 0 && request.Headers.IfNoneMatch.Count == 0);

    private async ValueTask<Key> KeyOf(HttpContext context)
    {
        var request = context.Request;
        var today = ReaderToday.Resolve(context, clock);
        var current = await generation.CurrentAsync();
        return new Key(request.Scheme, request.Host.Value ?? "", request.Path.Value ?? "", current,
            today.Day.Month, today.Day.Day, today.Year, today.Zone.Id, today.UnknownZone);
    }

    /// <summary>
    /// The response under the key, built by this request or by the one already building it; null when this request was
    /// answered otherwise (a response that is not kept, such as an error page, is sent as it was built).
    /// </summary>
    private async Task<CachedResponse?> BuildOrWait(Key key, HttpContext context, RequestDelegate next)
    {
        var mine = new TaskCompletionSource<CachedResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var building = _building.GetOrAdd(key, mine.Task);
        if (building != mine.Task)
        {
            if (await building is { } built)
                return built;
            await next(context);
            return null;
        }
        CachedResponse? response = null;
        try
        {
            response = await CachedResponse.Build(context, next);
            if (response is not null)
                _entries.Set(key, response, new MemoryCacheEntryOptions { Size = response.Size, SlidingExpiration = Unused });
            return response;
        }
        finally
        {
            _building.TryRemove(key, out _);
            mine.SetResult(response);
        }
    }

    private readonly record struct Key(string Scheme, string Host, string Path, long Generation,
        int Month, int Day, int Year, string Zone, string? UnknownZone);
}

/// <summary>Marks an endpoint whose responses <see cref="ResponseCache"/> keeps for the store's generation.</summary>
public sealed class CachedPerGeneration
{
    public static readonly CachedPerGeneration Marker = new();

    private CachedPerGeneration()
    {
    }
}

public static class CachedPerGenerationExtensions
{
    /// <summary>The endpoint's GET responses are built once per store generation (see <see cref="ResponseCache"/>).</summary>
    public static TBuilder CachePerGeneration<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(CachedPerGeneration.Marker);
}
