using Almanac.Core;
using Almanac.Storage;
using Almanac.Web.Markup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Almanac.Web.Pages;

/// <summary>Search over events and documents, and the timeline of a person or a theme.</summary>
public static class SearchPages
{
    private const int MaxHits = 20;

    public static IEndpointRouteBuilder MapSearchPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("");
        pages.MapGet("/search", (string? q, IAlmanacStore store, Sources sources) =>
        {
            if (Timelines.Problem(q) is { } problem)
                return Form("Search", "/search", q, problem);
            var events = store.SearchEvents(q!, MaxHits);
            var documents = store.SearchDocuments(q!, MaxHits);
            return Layout.Page($"Search: {q}", Html.Of($"""
                <h1>Search: {q}</h1>
                {SearchForm("/search", q)}
                <section aria-labelledby="found-events"><h2 id="found-events">Events ({events.Count})</h2>
                <ul class="plain">{events.Select(e => EventItem(e, sources))}</ul></section>
                <section aria-labelledby="found-sources"><h2 id="found-sources">Sources ({documents.Count})</h2>
                <ul class="plain">{documents.Select(d => Html.Of($"<li><a href=\"{Urls.Source(d.Document.Id)}\">{d.Document.Title}</a><p class=\"meta\">{d.Excerpt}</p></li>"))}</ul></section>
                <p><a href="{Urls.Timeline(q!)}">These events as a timeline</a></p>
                """));
        });
        pages.MapGet("/timeline", (string? q, IAlmanacStore store, Sources sources) =>
        {
            if (Timelines.Problem(q) is { } problem)
                return Form("Timeline", "/timeline", q, problem);
            var events = Timelines.Timeline(store, q!);
            var body = events.Count == 0
                ? Html.Of($"<p>No events mention “{q}”.</p>")
                : Html.Of($"<ol class=\"events\">{events.Select(e => EventItem(e, sources))}</ol>");
            return Layout.Page($"Timeline: {q}", Html.Of($"""
                <h1>Timeline: {q}</h1>
                {SearchForm("/timeline", q)}
                <p class="meta">{events.Count} event{(events.Count == 1 ? "" : "s")}, earliest first.</p>
                {body}
                """));
        });
        return routes;
    }

    private static IResult Form(string heading, string action, string? query, string problem) =>
        Layout.Page(heading, Html.Of($"""
            <h1>{heading}</h1>
            <p>{(string.IsNullOrWhiteSpace(query) ? "Type some words to look for." : "That query cannot be used: " + problem + ".")}</p>
            {SearchForm(action, null)}
            """), string.IsNullOrWhiteSpace(query) ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    private static HtmlString SearchForm(string action, string? query) => Html.Of($"""
        <form action="{action}" method="get">
        <label for="page-query">Words</label>
        <input id="page-query" type="search" name="q" value="{query ?? ""}" maxlength="{SearchQuery.MaxLength}">
        <button type="submit">Go</button>
        </form>
        """);

    private static HtmlString EventItem(HistoricalEvent e, Sources sources) => Html.Of($"""
        <li><span class="year">{DateDisplay.Of(e.Date, e.EndDate)}</span> <a href="{Urls.Event(e.Id)}">{e.Text}</a>
        {Layout.SourceList(sources.Of(e.DocumentIds))}</li>
        """);
}
