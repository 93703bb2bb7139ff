using Almanac.Core;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace Almanac.Web;

/// <summary>"Today" for a web reader: the day in the time zone the client names (?tz=, else the tz cookie), else UTC.</summary>
public sealed record ReaderToday(AnnualDate Day, int Year, TimeZoneInfo Zone, string? UnknownZone)
{
    public const string Parameter = "tz";
    private const int MaxZoneLength = 64;

    public static ReaderToday Resolve(HttpContext context, TimeProvider clock)
    {
        // Query only when there is one: a cached response's key is resolved per request, and an empty query still allocates.
        var requested = context.Request.QueryString.HasValue ? context.Request.Query[Parameter].FirstOrDefault() : null;
        var fromQuery = !string.IsNullOrWhiteSpace(requested);
        if (!fromQuery)
            requested = context.Request.Cookies[Parameter];
        var zone = TimeZoneInfo.Utc;
        string? unknown = null;
        if (!string.IsNullOrWhiteSpace(requested))
        {
            if (requested.Length <= MaxZoneLength && TimeZoneInfo.TryFindSystemTimeZoneById(requested, out var found))
            {
                zone = found;
                // Remember a zone the reader chose, so the links they follow keep their day.
                if (fromQuery)
                    context.Response.Cookies.Append(Parameter, found.Id, new CookieOptions { SameSite = SameSiteMode.Lax, HttpOnly = true, MaxAge = TimeSpan.FromDays(365) });
            }
            else
            {
                unknown = requested.Length <= MaxZoneLength ? requested : requested[..MaxZoneLength];
            }
        }
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        return new ReaderToday(new AnnualDate(local.Month, local.Day), local.Year, zone, unknown);
    }
}
