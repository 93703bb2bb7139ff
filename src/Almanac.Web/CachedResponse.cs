using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Almanac.Web;

/// <summary>
/// A response <see cref="ResponseCache"/> keeps, as the bytes a hit sends: the body as built, and encoded with Brotli and
/// gzip (each kept only when smaller), each with its own ETag, the headers the response was built with, and
/// <c>Vary: Accept-Encoding</c>. A hit picks the smallest representation the client accepts and writes it in one call with
/// its Content-Length, or answers a 304 when If-None-Match names it; nothing is hashed, encoded or copied per request.
/// </summary>
public sealed class CachedResponse
{
    /// <summary>What the headers kept besides the bodies are counted as against the cache's size limit.</summary>
    private const int HeaderAllowance = 1024;

    /// <summary>The codings kept besides the body as built, as Accept-Encoding names them.</summary>
    private static readonly (string Name, Func<Stream, Stream> Encoder)[] Codings =
    [
        ("br", output => new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true)),
        ("gzip", output => new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)),
    ];

    /// <summary>Headers each representation sets for itself, or the server sets per response; the others are kept as built.</summary>
    private static readonly HashSet<string> NotKept = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentLength, HeaderNames.ContentEncoding, HeaderNames.ContentType, HeaderNames.ETag, HeaderNames.Vary,
        HeaderNames.Date, HeaderNames.Server, HeaderNames.TransferEncoding,
    };

    private readonly string? _contentType;
    private readonly KeyValuePair<string, StringValues>[] _headers;

    /// <summary>The encoded representations, smallest first, then the body as built (identity).</summary>
    private readonly Representation[] _representations;

    private CachedResponse(HttpResponse built, byte[] body)
    {
        _contentType = built.ContentType;
        _headers = built.Headers.Where(header => !NotKept.Contains(header.Key)).ToArray();
        var tag = EntityTagHeaderValue.Parse(built.Headers.ETag.ToString());
        var identity = new Representation(null, body, tag);
        _representations =
        [
            .. Codings.Select(coding => new Representation(coding.Name, Encode(body, coding.Encoder), Tagged(tag, coding.Name)))
                .Where(encoded => encoded.Body.Length < body.Length).OrderBy(encoded => encoded.Body.Length),
            identity,
        ];
        Size = _representations.Sum(representation => (long)representation.Body.Length) + HeaderAllowance;
    }

    /// <summary>What it holds in memory, in bytes, as counted against the cache's size limit.</summary>
    public long Size { get; }

    /// <summary>
    /// Runs the rest of the pipeline for the request with its body kept in memory and without If-None-Match (the full
    /// response is what is kept; the condition is checked when it is sent). A successful response without cookies is
    /// returned to be kept; any other (an error page, a cookie set) is sent as it was built, and null returned.
    /// </summary>
    internal static async Task<CachedResponse?> Build(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var response = context.Response;
        var condition = request.Headers.IfNoneMatch;
        var original = response.Body;
        using var buffer = new MemoryStream();
        request.Headers.IfNoneMatch = StringValues.Empty;
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
            request.Headers.IfNoneMatch = condition;
        }
        if (response.StatusCode == StatusCodes.Status200OK && response.Headers.SetCookie.Count == 0 && response.Headers.ETag.Count == 1)
            return new CachedResponse(response, buffer.ToArray());
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
        return null;
    }

    public Task WriteTo(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var chosen = Choose(request.Headers.AcceptEncoding);
        foreach (var (name, value) in _headers)
            response.Headers[name] = value;
        response.Headers.ETag = chosen.ETag;
        if (_representations.Length > 1)
            response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (Caching.Names(request.Headers.IfNoneMatch, chosen.Tag))
        {
            // Without the body's headers, which the response this request built itself carries.
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentLength = null;
            response.Headers.ContentType = default;
            return Task.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = _contentType;
        if (chosen.Coding is { } coding)
            response.Headers.ContentEncoding = coding;
        response.ContentLength = chosen.Body.Length;
        // Without RequestAborted, whose token source a request makes only when asked: Kestrel ends the write when the connection goes.
        return response.Body.WriteAsync(chosen.Body).AsTask();
    }

    /// <summary>The smallest representation whose coding the client accepts; else the body as built.</summary>
    private Representation Choose(StringValues acceptEncoding)
    {
        if (acceptEncoding.Count > 0)
            foreach (var representation in _representations)
                if (representation.Coding is { } coding && AcceptEncoding.Accepts(acceptEncoding, coding))
                    return representation;
        return _representations[^1];
    }

    private static byte[] Encode(byte[] body, Func<Stream, Stream> encoder)
    {
        using var output = new MemoryStream();
        using (var encoding = encoder(output))
            encoding.Write(body);
        return output.ToArray();
    }

    /// <summary>An encoded representation's ETag: the body's, marked with the coding (different bytes need a different tag).</summary>
    private static EntityTagHeaderValue Tagged(EntityTagHeaderValue tag, string coding) =>
        new($"{tag.Tag.Substring(0, tag.Tag.Length - 1)}-{coding}\"", tag.IsWeak);

    private sealed record Representation(string? Coding, byte[] Body, EntityTagHeaderValue Tag)
    {
        public string ETag { get; } = Tag.ToString();
    }
}
