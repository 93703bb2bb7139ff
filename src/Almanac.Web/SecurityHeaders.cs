using Microsoft.AspNetCore.Http;

namespace Almanac.Web;

/// <summary>Headers that keep a document's text inert even if it ever escaped encoding: no script runs, nothing is sniffed or framed.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static Task Add(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        // An operator who allows remote pictures extends img-src with their origins (PictureSettings).
        headers.ContentSecurityPolicy = (context.RequestServices?.GetService(typeof(PictureSettings)) as PictureSettings)?.ContentSecurityPolicy ?? ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
