using Almanac.Core;
using Almanac.Storage;
using Almanac.Web.Editing;
using Almanac.Web.Markup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Almanac.Web.Pages;

/// <summary>
/// The page of one event: in short (cited), its date with every date the sources give, significance
/// and why it mattered, content, aftermath, the people (linked to their timelines), related reading and the sources.
/// </summary>
public static class EventPages
{
    public static IEndpointRouteBuilder MapEventPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/event");
        pages.MapGet("/{id}", (string id, HttpContext context, IAlmanacStore store, Sources sources, PictureSettings pictures, EditorAccess editor) =>
            store.GetEvent(id) is { } found
                ? Layout.Page(found.Title, Html.Of($"{Render(found, sources, EventPictures.Of(found, pictures, TimelineWindow.Of(context.Request.Query)), editor.IsEditor(context) ? EditorPages.EventForms(found, editor) : HtmlString.Empty)}{BrowsePages.AroundEvent(found, store, sources)}"))
                : Layout.Page("No such event", Html.Of($"""
                    <h1>No such event</h1>
                    <p>No event has the id “{id}”. <a href="{Urls.Search(id)}">Search for it</a> instead.</p>
                    """), StatusCodes.Status404NotFound));
        return routes;
    }

    private static HtmlString Render(HistoricalEvent e, Sources sources, EventPictures pictures, HtmlString editing)
    {
        var cited = sources.Of(e.DocumentIds.Concat(e.Summary.Concat(e.Why).Concat(e.Content).Select(s => s.DocumentId))
            .Concat(e.RelatedReading.Select(r => r.DocumentId)).Concat(e.DateClaims.SelectMany(c => c.DocumentIds)));
        var number = cited.Select((s, i) => (s.Id, Number: i + 1)).ToDictionary(p => p.Id, p => p.Number, StringComparer.Ordinal);
        HtmlString Cite(string documentId) => Html.Of($"<sup><a href=\"#source-{number[documentId]}\" aria-label=\"source {number[documentId]}\">[{number[documentId]}]</a></sup>");

        var inShort = e.Summary.Count == 0
            ? Html.Of($"<p>{PersonLinks.In(e.Text, e.People)}</p>")
            : Html.Of($"<p>{Html.Join(e.Summary.Select(s => Html.Of($"{PersonLinks.In(s.Text, e.People)}{Cite(s.DocumentId)}")), Html.Of($" "))}</p>");
        var claims = e.DateClaims.Select(c => Html.Of($"""
            <tr><td>{DateDisplay.Of(c.Date, c.EndDate)}{(c.Value == e.DateValue ? Html.Of($" <strong>(best supported)</strong>") : HtmlString.Empty)}</td>
            <td>{c.Date.Precision.ToString().ToLowerInvariant()}</td>
            <td>{Html.Join(c.DocumentIds.Select(Cite), Html.Of($" "))}{MoreSources(c.DocumentCount - c.DocumentIds.Count)}</td><td>{c.Lineages}</td></tr>
            """));
        var conflict = e.HasDateConflict
            ? Html.Of($"<p><strong>The sources disagree on the date.</strong> Every date they give is listed; the best supported, most precise one is used.</p>")
            : HtmlString.Empty;
        HtmlString CitedList(IReadOnlyList<CitedSentence> sentences) =>
            Html.Of($"<ul class=\"plain\">{sentences.Select(c => Html.Of($"<li>{c.Text}{Cite(c.DocumentId)}</li>"))}</ul>");
        // Without sentences the resolver marked as content, the sentences that date the event say what it was.
        var content = e.Content.Count > 0
            ? CitedList(e.Content)
            : Html.Of($"<ul class=\"plain\">{e.Mentions.DistinctBy(m => (m.DocumentId, m.Sentence)).Select(m => Html.Of($"<li><blockquote>{m.Sentence}</blockquote><p class=\"meta\">{sources.Get(m.DocumentId).Title}, dated there “{m.DateText}”{Cite(m.DocumentId)}</p></li>"))}</ul>");
        var why = e.Why.Count == 0 ? HtmlString.Empty : Html.Of($"<h3>Why it mattered</h3>{CitedList(e.Why)}");
        var people = e.People.Count == 0
            ? Html.Of($"<p>No people are named.</p>")
            : Html.Of($"<ul>{e.People.Select(p => Html.Of($"<li><a href=\"{Urls.Person(p)}\">{p}</a> · <a href=\"{Urls.Timeline(p)}\">events naming them</a></li>"))}</ul>");
        var places = e.Places.Count == 0 ? HtmlString.Empty : Html.Of($"<p>Places: {string.Join(", ", e.Places)}</p>");
        var aftermath = e.Aftermath.Count == 0
            ? HtmlString.Empty
            : Html.Of($"""
                <section aria-labelledby="aftermath"><h2 id="aftermath">Aftermath</h2>
                {pictures.Aftermath}
                <ul class="plain">{e.Aftermath.Select(a => Html.Of($"<li>{AftermathDate(a.DateValue)}<a href=\"{Urls.Event(a.Id)}\">{a.Title}</a></li>"))}</ul>
                </section>
                """);
        var reading = e.RelatedReading.Count == 0
            ? HtmlString.Empty
            : Html.Of($"""
                <section aria-labelledby="reading"><h2 id="reading">Related reading</h2>
                <ul class="plain">{e.RelatedReading.Select(r => Html.Of($"<li><cite>{r.Title}</cite>{(string.IsNullOrWhiteSpace(r.Author) ? "" : " by " + r.Author)}{Cite(r.DocumentId)}</li>"))}</ul>
                </section>
                """);
        return Html.Of($"""
            <article>
            <h1>{e.Title}</h1>
            <p class="meta">{DateDisplay.Of(e.Date, e.EndDate)}</p>
            {Corrected(e)}
            {pictures.Figure}
            <section aria-labelledby="in-short"><h2 id="in-short">In short</h2>{inShort}</section>
            <section aria-labelledby="date"><h2 id="date">Date</h2>
            <p>{DateDisplay.Of(e.Date, e.EndDate)} ({e.Date.Precision.ToString().ToLowerInvariant()} precision).</p>
            {conflict}
            <table><caption>Dates the sources give</caption>
            <thead><tr><th scope="col">Date</th><th scope="col">Precision</th><th scope="col">Sources</th><th scope="col">Independent lineages</th></tr></thead>
            <tbody>{claims}</tbody></table>
            </section>
            <section aria-labelledby="significance"><h2 id="significance">Significance</h2>
            <p>Score {e.Significance.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}: how many independent sources mention the event, how central it is in them, and how many later events refer back to it. {Mentioned(e, cited.Count)}</p>
            {why}
            </section>
            <section aria-labelledby="content"><h2 id="content">Content</h2>{content}</section>
            {aftermath}
            <section aria-labelledby="people"><h2 id="people">People</h2>{people}{places}</section>
            {reading}
            <section aria-labelledby="sources"><h2 id="sources">Sources</h2>
            <ol>{cited.Select((s, i) => Html.Of($"<li id=\"source-{i + 1}\"><a href=\"{Urls.Source(s.Id)}\">{s.Title}</a></li>"))}</ol>
            </section>
            {editing}
            </article>
            """);
    }

    /// <summary>Says that the editor corrected the event, why, and what the machine had; nothing for an event as the machine resolved it.</summary>
    private static HtmlString Corrected(HistoricalEvent e) => e.Editorial is not { } note
        ? HtmlString.Empty
        : Html.Of($"""
            <aside class="corrected" aria-labelledby="corrected"><h2 id="corrected">Corrected by the editor</h2>
            <ul class="plain">{note.Corrections.Select(c => Html.Of($"<li>{c.Request.Editor} {EditorialLayer.Describe(c.Request)} on {c.Request.At.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}: {c.Request.Reason}</li>"))}</ul>
            <p class="meta">The machine had {EditorialLayer.MachineOriginal(note)}.</p>
            </aside>
            """);

    /// <summary>How many sources name the event; when there are more than the page cites, that the cited ones were chosen.</summary>
    private static string Mentioned(HistoricalEvent e, int cited) =>
        e.SourceCount <= cited
            ? (cited == 1 ? "1 source mentions it." : $"{cited} sources mention it.")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{e.SourceCount:N0} sources mention it {e.MentionCount:N0} times; the {cited} cited here say it most precisely.");

    private static HtmlString MoreSources(int more) =>
        more <= 0 ? HtmlString.Empty : Html.Of($" and {more.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} more");

    private static HtmlString AftermathDate(string dateValue) => Html.Of($"<span class=\"year\">{DateDisplay.OfTimexValue(dateValue)}</span> ");
}
