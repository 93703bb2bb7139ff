using Almanac.Web.Api;
using Almanac.Web.Markup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Almanac.Web.Pages;

/// <summary>
/// Every address no route answers gets a body that says so: problem+json under /api/, else an HTML page with the way
/// back. (The response cache's validation sets a length on every buffered response, so the status-code pages of
/// ASP.NET Core never see an empty 404; the fallback route answers it instead.)
/// </summary>
public static class ErrorPages
{
    public static IEndpointRouteBuilder MapErrorPages(this IEndpointRouteBuilder routes)
    {
        // GET and HEAD only: another method on a known address stays a 405.
        routes.MapFallback((HttpContext context) => NotFound(context.Request.Path)).WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]));
        return routes;
    }

    public static IResult NotFound(PathString path) =>
        path.StartsWithSegments("/api")
            ? Problems.NotFound("No such address", $"Nothing is served at {Clip(path)}. The API answers /api/feed/onthisday/{{type}}/{{MM}}/{{DD}}, /api/events/{{id}}, /api/search?q= and /api/timeline?q=.")
            : Layout.Page("Page not found", Html.Of($"""
                <h1>Page not found</h1>
                <p>Nothing is served at “{Clip(path)}”. The address may be mistyped, or the page may have moved.</p>
                <ul>
                <li><a href="/">Today's page</a></li>
                <li><a href="{Urls.Month(1)}">Browse by month</a>, <a href="/century/20">by century</a></li>
                <li><a href="/search">Search events and sources</a></li>
                </ul>
                """), StatusCodes.Status404NotFound);

    private static string Clip(PathString path) => path.Value is { Length: > 80 } value ? value[..80] + "…" : path.Value ?? "/";
}
