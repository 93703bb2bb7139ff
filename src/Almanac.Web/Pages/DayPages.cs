using Almanac.Core;
using NodaTime;
using Almanac.Storage;
using Almanac.Web.Markup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Almanac.Web.Pages;

/// <summary>Today's page and the page of any calendar day: selected events with reasons, then events by year, births, deaths, holidays.</summary>
public static class DayPages
{
    public static IEndpointRouteBuilder MapDayPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("");
        pages.MapGet("/", (HttpContext context, IAlmanacStore store, Sources sources, TimeProvider clock, PictureSettings pictures) =>
        {
            var today = ReaderToday.Resolve(context, clock);
            var zoneNote = today.UnknownZone is { } unknown
                ? Html.Of($"<p class=\"meta\">The time zone “{unknown}” is unknown, so today is the day in UTC.</p>")
                : Html.Of($"<p class=\"meta\">Today is {DateDisplay.Day(today.Day)} {today.Year} in {today.Zone.Id}.</p>");
            return Day(store, sources, today.Day, today.Year, $"Today, {DateDisplay.Day(today.Day)}", zoneNote, new DayExtras(pictures, TimelineWindow.Of(context.Request.Query), "/"));
        }).CachePerGeneration();
        pages.MapGet("/day/{day}", (string day, HttpContext context, IAlmanacStore store, Sources sources, TimeProvider clock, PictureSettings pictures) =>
            Dates.ParseDay(day) is { } annual
                ? Day(store, sources, annual, ReaderToday.Resolve(context, clock).Year, $"On this day: {DateDisplay.Day(annual)}", HtmlString.Empty,
                    new DayExtras(pictures, TimelineWindow.Of(context.Request.Query), Urls.Day(annual)))
                : NotADay(day)).CachePerGeneration();
        // The day picker's GET target: a month and a day become the day's own URL.
        pages.MapGet("/day", (string? month, string? day) =>
            Dates.FromParts(month ?? "", day ?? "") is { } annual
                ? Results.Redirect(Urls.Day(annual))
                : NotADay($"{month}-{day}"));
        return routes;
    }

    private static IResult NotADay(string text) => Layout.Page("Not a calendar day", Html.Of($"""
        <h1>Not a calendar day</h1>
        <p>“{text}” is not a day of the year. Days are written month-day, for example <a href="/day/06-04">06-04</a> for 4 June.</p>
        {Layout.DayPicker(new AnnualDate(1, 1))}
        """), StatusCodes.Status400BadRequest);

    /// <summary>What the day's picture and timeline need: which pictures may be shown, the timeline's zoom, the page's own path.</summary>
    private sealed record DayExtras(PictureSettings Pictures, TimelineWindow? Window, string Path);

    private static IResult Day(IAlmanacStore store, Sources sources, AnnualDate day, int currentYear, string heading, HtmlString note, DayExtras extras)
    {
        var entries = store.GetListingsOnDay(day.Month, day.Day);
        var holidays = Holidays.On(store, day, currentYear);
        sources.Load(holidays.SelectMany(h => h.DocumentIds));
        var selected = Selection.Select(entries, currentYear);
        var previous = Dates.Neighbour(day, -1);
        var next = Dates.Neighbour(day, 1);
        var body = entries.Count == 0 && holidays.Count == 0
            ? Html.Of($"<p>No events are stored for {DateDisplay.Day(day)} yet.</p>")
            : Html.Of($"""
                {DayPictures.Lead(entries, selected, extras.Pictures)}
                {SelectedSection(selected)}
                {DayPictures.Timeline(entries, DateDisplay.Day(day), extras.Window, extras.Path)}
                {KindSection("events", "Events", entries.Where(e => e.Event.Kind == MentionKind.Event), sources)}
                {KindSection("births", "Births", entries.Where(e => e.Event.Kind == MentionKind.Birth), sources)}
                {KindSection("deaths", "Deaths", entries.Where(e => e.Event.Kind == MentionKind.Death), sources)}
                {HolidaySection(holidays, entries.Where(e => e.Event.Kind == MentionKind.Holiday), sources, currentYear)}
                """);
        return Layout.Page(heading, Html.Of($"""
            <h1>{heading}</h1>
            {note}
            <nav class="days" aria-label="Neighbouring days">
            <a rel="prev" href="{Urls.Day(previous)}">← {DateDisplay.Day(previous)}</a>
            <a href="{Urls.Month(day.Month)}">All of {DateDisplay.MonthName(day.Month)}</a>
            <a rel="next" href="{Urls.Day(next)}">{DateDisplay.Day(next)} →</a>
            </nav>
            {Layout.DayPicker(day)}
            {body}
            """));
    }

    private static HtmlString SelectedSection(IReadOnlyList<SelectedEvent> selected) =>
        selected.Count == 0
            ? HtmlString.Empty
            : Html.Of($"""
                <section aria-labelledby="selected">
                <h2 id="selected">Selected</h2>
                <ol class="events">{selected.Select(s => Html.Of($"""
                    <li><span class="year">{DateDisplay.Year(s.Entry.ListedDate.Year)}</span> <a href="{Urls.Event(s.Entry.Event.Id)}">{s.Entry.Event.Text}</a>
                    <p class="why">Why: {s.Why}.</p></li>
                    """))}</ol>
                </section>
                """);

    private static HtmlString KindSection(string id, string heading, IEnumerable<DayEntry> entries, Sources sources)
    {
        var list = entries.ToList();
        if (list.Count == 0)
            return HtmlString.Empty;
        return Html.Of($"""
            <section aria-labelledby="{id}">
            <h2 id="{id}">{heading}</h2>
            <ol class="events">{list.Select(e => Item(e, sources))}</ol>
            </section>
            """);
    }

    /// <summary>The day's holidays: those listed without a year (the day's every year, or by a rule that gives this day in <paramref name="year"/>), then holiday events of a year.</summary>
    private static HtmlString HolidaySection(IReadOnlyList<DayObservance> holidays, IEnumerable<DayEntry> dated, Sources sources, int year)
    {
        var events = dated.ToList();
        if (holidays.Count == 0 && events.Count == 0)
            return HtmlString.Empty;
        return Html.Of($"""
            <section aria-labelledby="holidays">
            <h2 id="holidays">Holidays and observances</h2>
            <p class="meta">Moving feasts (Easter's, the last Monday of May…) as they fall in {year}.</p>
            <ol class="events">{holidays.Select(h => Html.Of($"""
                <li>{h.Name}
                {Layout.SourceList(sources.Of(h.DocumentIds))}</li>
                """))}{events.Select(e => Item(e, sources))}</ol>
            </section>
            """);
    }

    private static HtmlString Item(DayEntry entry, Sources sources)
    {
        var notes = new List<HtmlString>();
        if (!entry.IsPrimaryDate)
            notes.Add(Html.Of($" <span class=\"note\">date disputed: sources also give {DateDisplay.Of(entry.Event.Date, entry.Event.EndDate)}</span>"));
        if (DayListing.CalendarNote(entry.Event, entry.ListedDate) is { } calendar)
            notes.Add(Html.Of($" <span class=\"note\">{calendar}</span>"));
        var year = entry.Event.Kind == MentionKind.Holiday ? HtmlString.Empty : Html.Of($"<span class=\"year\">{DateDisplay.Year(entry.ListedDate.Year)}</span> ");
        return Html.Of($"""
            <li>{year}<a href="{Urls.Event(entry.Event.Id)}">{entry.Event.Text}</a>{notes}
            {Layout.SourceListForDay(sources.ForListing(entry), entry.Event)}</li>
            """);
    }
}
