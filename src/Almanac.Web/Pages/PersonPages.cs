using Almanac.Core;
using Almanac.Events;
using Almanac.Storage;
using Almanac.Web.Markup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Almanac.Web.Pages;

/// <summary>
/// A person's page: birth and death where the sources give them, the picture, their life and events drawn as a
/// timeline, the events in order and the sources. The profile is the one `almanac person` prints (<see cref="People"/>).
/// </summary>
public static class PersonPages
{
    public static IEndpointRouteBuilder MapPersonPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/person/{name}", (string name, HttpContext context, IAlmanacStore store, Sources sources, PictureSettings pictures) =>
        {
            if (Timelines.Problem(name) is { } problem)
                return Layout.Page("Not a name", Html.Of($"<h1>Not a name</h1><p>That name cannot be looked up: {problem}.</p>"), StatusCodes.Status400BadRequest);
            var person = People.Of(store.SearchEvents(name, People.MaxCandidates), name);
            return person is null
                ? Layout.Page("No such person", Html.Of($"""
                    <h1>No such person</h1>
                    <p>No event names a person called “{name}”. <a href="{Urls.Search(name)}">Search for the name</a> instead.</p>
                    """), StatusCodes.Status404NotFound)
                : Layout.Page(person.Name, Render(person, name, TimelineWindow.Of(context.Request.Query), sources, pictures));
        });
        return routes;
    }

    private static HtmlString Render(PersonProfile person, string asked, TimelineWindow? window, Sources sources, PictureSettings pictures)
    {
        var life = new[] { ("Born", person.Born), ("Died", person.Died) }.Where(l => l.Item2 is not null)
            .Select(l => l.Item2!.EventId is { } id
                ? Html.Of($"""{l.Item1} <a href="{Urls.Event(id)}">{DateDisplay.Of(l.Item2.Date)}</a>""")
                : Html.Of($"{l.Item1} {DateDisplay.Of(l.Item2.Date)}"))
            .ToList();
        var lifeLine = life.Count == 0
            ? Html.Of($"<p class=\"meta\">The sources give no birth or death.</p>")
            : Html.Of($"<p class=\"meta\">{Html.Join(life, Html.Of($" · "))}</p>");
        var points = person.Events.Select(e => TimelinePoint.Of(e.Date, e.Text, e.Kind)).ToList();
        var span = person is { Born: { } born, Died: { } died }
            ? (born.Date.Year + 0.0, died.Date.Year + 1.0, $"{person.Name}'s life, {DateDisplay.Year(born.Date.Year)}–{DateDisplay.Year(died.Date.Year)}")
            : ((double, double, string)?)null;
        var timeline = TimelineSvg.Figure("life", $"{person.Name}'s life and events", "Every event is listed below under Events.", points, window,
            w => w is null ? Urls.Person(asked) : $"{Urls.Person(asked)}?from={w.From}&to={w.To}", span);
        var cited = sources.Of(person.DocumentIds);
        var count = person.Events.Count == 1 ? "1 event" : $"{person.Events.Count} events";
        return Html.Of($"""
            <article class="person">
            <h1>{person.Name}</h1>
            {lifeLine}
            {PictureMarkup.Figure(person.Picture, pictures)}
            <section aria-labelledby="person-timeline"><h2 id="person-timeline">Timeline</h2>{timeline}</section>
            <section aria-labelledby="person-events"><h2 id="person-events">Events</h2>
            <p class="meta">{count}, earliest first.</p>
            <ol class="events">{person.Events.Select(e => Html.Of($"""
                <li><span class="year">{DateDisplay.Of(e.Date, e.EndDate)}</span> <a href="{Urls.Event(e.Id)}">{e.Text}</a></li>
                """))}</ol>
            </section>
            <section aria-labelledby="person-sources"><h2 id="person-sources">Sources</h2>
            <ol>{cited.Select(s => Html.Of($"<li><a href=\"{Urls.Source(s.Id)}\">{s.Title}</a></li>"))}</ol>
            </section>
            </article>
            """);
    }
}
