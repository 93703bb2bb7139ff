using System.Security.Cryptography;
using Almanac.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Almanac.Web;

/// <summary>
/// ETag and Last-Modified for every successful GET: the ETag is a hash of the body, so it changes
/// exactly when what the reader gets changes (new documents, re-resolved events, a new "today"),
/// and a matching If-None-Match gets a 304 with no body. Last-Modified is when the latest document
/// was stored; If-Modified-Since alone is not trusted for a 304, because events can be re-resolved
/// (and "today" can move) without a new document.
/// </summary>
public static class Caching
{
    public static async Task Validate(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await next(context);
            return;
        }
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32]}\"");
            response.Headers.ETag = tag.ToString();
            response.Headers.CacheControl = "no-cache";
            if (context.RequestServices.GetRequiredService<IAlmanacStore>().GetLastIngestedAt() is { } stored)
                response.Headers.LastModified = HeaderUtilities.FormatDate(stored);
            if (Names(context.Request.Headers.IfNoneMatch, tag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>Whether an If-None-Match names the tag (compared weakly, as RFC 9110 says for If-None-Match) or is "*".</summary>
    public static bool Names(StringValues ifNoneMatch, EntityTagHeaderValue tag) =>
        ifNoneMatch.Count > 0 && EntityTagHeaderValue.TryParseList(ifNoneMatch, out var requested)
        && requested.Any(r => r.Compare(tag, useStrongComparison: false) || r.Tag == "*");
}
