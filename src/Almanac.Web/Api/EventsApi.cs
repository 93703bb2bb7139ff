using System.Text.Json.Serialization;
using Almanac.Core;
using Almanac.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Almanac.Web.Api;

/// <summary>`/api/events/{id}`, `/api/search?q=`, `/api/timeline?q=`: the event page, search and timeline as JSON.</summary>
public static class EventsApi
{
    private const int MaxHits = 50;

    public sealed record CitedItem([property: JsonPropertyName("text")] string Text, [property: JsonPropertyName("source")] string Source);

    public sealed record EventDocument(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("date")] string Date,
        [property: JsonPropertyName("precision")] string Precision,
        [property: JsonPropertyName("calendar")] string Calendar,
        [property: JsonPropertyName("dates")] IReadOnlyList<DateClaimItem> Dates,
        [property: JsonPropertyName("date_conflict")] bool DateConflict,
        [property: JsonPropertyName("in_short")] IReadOnlyList<CitedItem> InShort,
        [property: JsonPropertyName("people")] IReadOnlyList<string> People,
        [property: JsonPropertyName("places")] IReadOnlyList<string> Places,
        [property: JsonPropertyName("significance")] double Significance,
        [property: JsonPropertyName("sources")] IReadOnlyList<SourceItem> Sources,
        [property: JsonPropertyName("url")] string Url);

    public sealed record EventSummary(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("date")] string Date,
        [property: JsonPropertyName("precision")] string Precision,
        [property: JsonPropertyName("url")] string Url);

    public sealed record DocumentMatch(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("excerpt")] string Excerpt,
        [property: JsonPropertyName("url")] string Url);

    public sealed record SearchResult(
        [property: JsonPropertyName("query")] string Query,
        [property: JsonPropertyName("events")] IReadOnlyList<EventSummary> Events,
        [property: JsonPropertyName("sources")] IReadOnlyList<DocumentMatch> Sources);

    public sealed record TimelineResult(
        [property: JsonPropertyName("query")] string Query,
        [property: JsonPropertyName("events")] IReadOnlyList<EventSummary> Events);

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api");
        api.MapGet("/events/{id}", IResult (string id, HttpContext context, IAlmanacStore store, Sources sources) =>
        {
            if (store.GetEvent(id) is not { } e)
                return Problems.NotFound("No such event", $"no event has the id '{OnThisDayApi.Clip(id)}'.");
            var origin = Origin(context);
            var items = new FeedItems(sources, origin);
            return TypedResults.Ok(new EventDocument(
                e.Id, e.Kind.ToString().ToLowerInvariant(), e.Title, e.Text, e.DateValue, e.Date.Precision.ToString().ToLowerInvariant(),
                e.Date.Calendar.ToString().ToLowerInvariant(), items.Claims(e), e.HasDateConflict,
                e.Summary.Select(s => new CitedItem(s.Text, s.DocumentId)).ToList(), e.People, e.Places, e.Significance,
                sources.Of(e.DocumentIds).Select(items.Source).ToList(), origin + Urls.Event(e.Id)));
        });
        api.MapGet("/search", IResult (string? q, HttpContext context, IAlmanacStore store) =>
        {
            if (Timelines.Problem(q) is { } problem)
                return Problems.BadRequest("Unusable query", problem + ".");
            var origin = Origin(context);
            return TypedResults.Ok(new SearchResult(q!,
                store.SearchEvents(q!, MaxHits).Select(e => Summary(e, origin)).ToList(),
                store.SearchDocuments(q!, MaxHits).Select(h => new DocumentMatch(h.Document.Id, h.Document.Title, h.Excerpt, origin + Urls.Source(h.Document.Id))).ToList()));
        });
        api.MapGet("/timeline", IResult (string? q, HttpContext context, IAlmanacStore store) =>
        {
            if (Timelines.Problem(q) is { } problem)
                return Problems.BadRequest("Unusable query", problem + ".");
            var origin = Origin(context);
            return TypedResults.Ok(new TimelineResult(q!, Timelines.Timeline(store, q!).Select(e => Summary(e, origin)).ToList()));
        });
        return routes;
    }

    private static string Origin(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private static EventSummary Summary(HistoricalEvent e, string origin) =>
        new(e.Id, e.Title, e.Text, e.DateValue, e.Date.Precision.ToString().ToLowerInvariant(), origin + Urls.Event(e.Id));
}
