using Almanac.Core;
using Almanac.Storage;
using Almanac.Web.Markup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Almanac.Web.Pages;

/// <summary>
/// The page of one event: in short (cited), its date with every date the sources give, significance,
/// what the sources say, what followed, the people (linked to their timelines) and the sources.
/// </summary>
public static class EventPages
{
    private const int MaxFollowing = 10;

    public static IEndpointRouteBuilder MapEventPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/event");
        pages.MapGet("/{id}", (string id, IAlmanacStore store, Sources sources) =>
            store.GetEvent(id) is { } found
                ? Layout.Page(found.Title, Render(found, store, sources))
                : Layout.Page("No such event", Html.Of($"""
                    <h1>No such event</h1>
                    <p>No event has the id “{id}”. <a href="{Urls.Search(id)}">Search for it</a> instead.</p>
                    """), StatusCodes.Status404NotFound));
        return routes;
    }

    private static HtmlString Render(HistoricalEvent e, IAlmanacStore store, Sources sources)
    {
        var cited = sources.Of(e.DocumentIds.Concat(e.Summary.Select(s => s.DocumentId)).Concat(e.DateClaims.SelectMany(c => c.DocumentIds)));
        var number = cited.Select((s, i) => (s.Id, Number: i + 1)).ToDictionary(p => p.Id, p => p.Number, StringComparer.Ordinal);
        HtmlString Cite(string documentId) => Html.Of($"<sup><a href=\"#source-{number[documentId]}\" aria-label=\"source {number[documentId]}\">[{number[documentId]}]</a></sup>");

        var inShort = e.Summary.Count == 0
            ? Html.Of($"<p>{e.Text}</p>")
            : Html.Of($"<p>{Html.Join(e.Summary.Select(s => Html.Of($"{s.Text}{Cite(s.DocumentId)}")), Html.Of($" "))}</p>");
        var claims = e.DateClaims.Select(c => Html.Of($"""
            <tr><td>{Dates.Label(c.Date, c.EndDate)}{(c.Value == e.DateValue ? Html.Of($" <strong>(best supported)</strong>") : HtmlString.Empty)}</td>
            <td>{c.Date.Precision.ToString().ToLowerInvariant()}</td>
            <td>{Html.Join(c.DocumentIds.Select(Cite), Html.Of($" "))}</td><td>{c.Lineages}</td></tr>
            """));
        var conflict = e.HasDateConflict
            ? Html.Of($"<p><strong>The sources disagree on the date.</strong> Every date they give is listed; the best supported, most precise one is used.</p>")
            : HtmlString.Empty;
        var said = e.Mentions.DistinctBy(m => (m.DocumentId, m.Sentence)).Select(m => Html.Of($"""
            <li><blockquote>{m.Sentence}</blockquote><p class="meta">{sources.Get(m.DocumentId).Title}, dated there “{m.DateText}”{Cite(m.DocumentId)}</p></li>
            """));
        var people = e.People.Count == 0
            ? Html.Of($"<p>No people are named.</p>")
            : Html.Of($"<ul>{e.People.Select(p => Html.Of($"<li><a href=\"{Urls.Timeline(p)}\">{p}</a></li>"))}</ul>");
        var places = e.Places.Count == 0 ? HtmlString.Empty : Html.Of($"<p>Places: {string.Join(", ", e.Places)}</p>");
        var following = Following(e, store);
        var followingSection = following.Count == 0
            ? HtmlString.Empty
            : Html.Of($"""
                <section aria-labelledby="followed"><h2 id="followed">What followed</h2>
                <p class="meta">Later events in the same sources, involving the same people.</p>
                <ul class="plain">{following.Select(f => Html.Of($"<li><span class=\"year\">{Dates.Label(f.Date, f.EndDate)}</span> <a href=\"{Urls.Event(f.Id)}\">{f.Text}</a></li>"))}</ul>
                </section>
                """);
        return Html.Of($"""
            <article>
            <h1>{e.Title}</h1>
            <p class="meta">{Dates.Label(e.Date, e.EndDate)}</p>
            <section aria-labelledby="in-short"><h2 id="in-short">In short</h2>{inShort}</section>
            <section aria-labelledby="date"><h2 id="date">Date</h2>
            <p>{Dates.Label(e.Date, e.EndDate)} ({e.Date.Precision.ToString().ToLowerInvariant()} precision).</p>
            {conflict}
            <table><caption>Dates the sources give</caption>
            <thead><tr><th scope="col">Date</th><th scope="col">Precision</th><th scope="col">Sources</th><th scope="col">Independent lineages</th></tr></thead>
            <tbody>{claims}</tbody></table>
            </section>
            <section aria-labelledby="significance"><h2 id="significance">Significance</h2>
            <p>Score {e.Significance.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}: how many independent sources mention the event, how central it is in them, and how many later events refer back to it. {cited.Count} source{(cited.Count == 1 ? "" : "s")} mention it.</p>
            </section>
            <section aria-labelledby="content"><h2 id="content">What the sources say</h2><ul class="plain">{said}</ul></section>
            {followingSection}
            <section aria-labelledby="people"><h2 id="people">People</h2>{people}{places}</section>
            <section aria-labelledby="sources"><h2 id="sources">Sources</h2>
            <ol>{cited.Select((s, i) => Html.Of($"<li id=\"source-{i + 1}\"><a href=\"{Urls.Source(s.Id)}\">{s.Title}</a></li>"))}</ol>
            </section>
            </article>
            """);
    }

    /// <summary>Later events that share a source document and a person with this one, earliest first.</summary>
    private static IReadOnlyList<HistoricalEvent> Following(HistoricalEvent e, IAlmanacStore store)
    {
        if (e.People.Count == 0)
            return [];
        var documents = e.DocumentIds.ToHashSet(StringComparer.Ordinal);
        return store.SearchEvents(string.Join(" ", e.People), 50)
            .Where(other => other.Id != e.Id && other.Date.CompareTo(e.Date) > 0 && other.DocumentIds.Any(documents.Contains))
            .OrderBy(other => other.Date)
            .Take(MaxFollowing)
            .ToList();
    }
}
