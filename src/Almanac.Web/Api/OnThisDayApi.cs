using Almanac.Core;
using Almanac.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Almanac.Web.Api;

/// <summary>`/api/feed/onthisday/{type}/{MM}/{DD}` in the shape of Wikimedia's on-this-day feed.</summary>
public static class OnThisDayApi
{
    public static readonly IReadOnlyList<string> Types = ["all", "selected", "events", "births", "deaths", "holidays"];

    public static IEndpointRouteBuilder MapOnThisDayApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/feed/onthisday");
        api.MapGet("/{type}/{month}/{day}", IResult (string type, string month, string day, HttpContext context, IAlmanacStore store, Sources sources, TimeProvider clock) =>
        {
            if (!Types.Contains(type))
                return Problems.BadRequest("Unknown feed type", $"'{Clip(type)}' is not a feed type; use one of: {string.Join(", ", Types)}.");
            if (month.Length != 2 || day.Length != 2 || Dates.ParseDay($"{month}-{day}") is not { } annual)
                return Problems.BadRequest("Not a calendar day", $"'{Clip(month)}/{Clip(day)}' is not a calendar day; write MM/DD with two digits each, for example 06/04.");
            var entries = store.GetListingsOnDay(annual.Month, annual.Day);
            var items = new FeedItems(sources, $"{context.Request.Scheme}://{context.Request.Host}");
            var body = new Dictionary<string, IEnumerable<object>>(StringComparer.Ordinal);
            if (type is "all" or "selected")
                body["selected"] = Selection.Select(entries, ReaderToday.Resolve(context, clock).Year).Select(items.Selected).ToList();
            foreach (var (name, kind) in new[] { ("births", MentionKind.Birth), ("deaths", MentionKind.Death), ("events", MentionKind.Event), ("holidays", MentionKind.Holiday) })
                if (type == "all" || type == name)
                    body[name] = entries.Where(e => e.Event.Kind == kind).Select(e => items.Item(e)).ToList();
            // Holidays listed without a year are the day's every year (moving ones as they fall in the reader's year);
            // dated ones (a founding in 1918) are events of theirs.
            if (type is "all" or "holidays")
            {
                var holidays = Holidays.On(store, annual, ReaderToday.Resolve(context, clock).Year);
                sources.Load(holidays.SelectMany(h => h.DocumentIds));
                body["holidays"] = holidays.Select(items.Holiday).Concat<object>(body["holidays"]).ToList();
            }
            return TypedResults.Ok(body);
        }).CachePerGeneration();
        return routes;
    }

    /// <summary>Echoes at most a few characters of bad input back in a problem message.</summary>
    internal static string Clip(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
