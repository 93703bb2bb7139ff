using Almanac.Core;
using Almanac.Storage;
using Almanac.Web.Markup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace Almanac.Web.Pages;

/// <summary>
/// Browsing beyond one day: a month as a grid of its days (each day's count and most significant event), a year by month,
/// a century by decade, and from an event its day, its year and the other events of its sources. Every page reads the
/// store with bounded queries (<see cref="IAlmanacStore.SummarizeMonth"/>, <see cref="IAlmanacStore.GetListingsInYears"/>).
/// </summary>
public static class BrowsePages
{
    /// <summary>A year page lists at most this many events (the most significant), a century page this many of its best.</summary>
    public const int MaxYearEvents = 500;
    public const int MaxCenturyEvents = 40;
    public const int MaxSourceEvents = 12;

    public static IEndpointRouteBuilder MapBrowsePages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("");
        pages.MapGet("/month/{month}", (string month, IAlmanacStore store) =>
            Number(month) is { } m and >= 1 and <= 12 ? Month(store, m) : NotFound("No such month", $"“{month}” is not a month: write 01 to 12, for example /month/06."))
            .CachePerGeneration();
        pages.MapGet("/year/{year}", (string year, IAlmanacStore store) =>
            Number(year) is { } y and not 0 and >= -9999 and <= 9999 ? Year(store, y) : NotFound("No such year", $"“{year}” is not a year: write it as a number, negative for BC (there is no year 0), for example /year/1956 or /year/-44."))
            .CachePerGeneration();
        pages.MapGet("/century/{century}", (string century, IAlmanacStore store) =>
            Number(century) is { } c and not 0 and >= -100 and <= 100 ? Century(store, c) : NotFound("No such century", $"“{century}” is not a century: write its number, negative for BC, for example /century/20 or /century/-1."))
            .CachePerGeneration();
        return routes;
    }

    /// <summary>Below an event: its day, its year and century, and the other events its sources tell of.</summary>
    public static HtmlString AroundEvent(HistoricalEvent e, IAlmanacStore store, Sources sources)
    {
        var links = new List<HtmlString>();
        if (DayListing.DaysOf(e).FirstOrDefault(d => d.IsPrimary).Listed is { Precision: Precision.Day, Month: { } month, Day: { } day })
            links.Add(Html.Of($"<li>Everything on <a href=\"{Urls.Day(new AnnualDate(month, day))}\">{DateDisplay.Day(new AnnualDate(month, day))}</a>, in <a href=\"{Urls.Month(month)}\">{DateDisplay.MonthName(month)}</a></li>"));
        if (e.Date.Precision is Precision.Day or Precision.Month or Precision.Season or Precision.Year)
            links.Add(Html.Of($"<li>What else happened in <a href=\"{Urls.Year(e.Date.Year)}\">{DateDisplay.Year(e.Date.Year)}</a>, in <a href=\"{Urls.Century(e.Date.Year)}\">{DateDisplay.Century(e.Date.Year)}</a></li>"));
        var bySource = e.DocumentIds.Take(3).Select(id => (Source: sources.Get(id), Events: store.GetEventsOfDocument(id, MaxSourceEvents + 1).Where(o => o.Id != e.Id).ToList()))
            .Where(s => s.Events.Count > 0)
            .Select(s => Html.Of($"""
                <h3>More from {s.Source.Title}</h3>
                <ol class="events">{s.Events.Take(MaxSourceEvents).Select(o => Html.Of($"<li><span class=\"year\">{DateDisplay.Of(o.Date, o.EndDate)}</span> <a href=\"{Urls.Event(o.Id)}\">{o.Text}</a></li>"))}</ol>
                """));
        return Html.Of($"""
            <section aria-labelledby="browse">
            <h2 id="browse">Around this event</h2>
            <ul>{links}</ul>
            {bySource}
            </section>
            """);
    }

    private static IResult Month(IAlmanacStore store, int month)
    {
        var days = store.SummarizeMonth(month).ToDictionary(d => d.Day);
        var length = CalendarSystem.Iso.GetDaysInMonth(2000, month); // a leap year: 29 February is a day of the almanac
        var cells = Enumerable.Range(1, length).Select(day => days.TryGetValue(day, out var summary)
            ? Html.Of($"""
                <li><a class="date" href="{Urls.Day(new AnnualDate(month, day))}"><span class="number">{day}</span> <span class="count">{Count(summary.Events)}</span></a>
                <p class="top"><a class="year" href="{Urls.Year(summary.Top.ListedDate.Year)}">{DateDisplay.Year(summary.Top.ListedDate.Year)}</a> <a href="{Urls.Event(summary.Top.Event.Id)}">{TextCut.AtWord(summary.Top.Event.Text, 90)}</a></p></li>
                """)
            : Html.Of($"""<li class="empty"><a class="date" href="{Urls.Day(new AnnualDate(month, day))}"><span class="number">{day}</span> <span class="count">no events</span></a></li>"""));
        var (previous, next) = (month == 1 ? 12 : month - 1, month == 12 ? 1 : month + 1);
        var name = DateDisplay.MonthName(month);
        return Layout.Page(name, Html.Of($"""
            <h1>{name}: every day in history</h1>
            <nav class="days" aria-label="Neighbouring months">
            <a rel="prev" href="{Urls.Month(previous)}">← {DateDisplay.MonthName(previous)}</a>
            <a rel="next" href="{Urls.Month(next)}">{DateDisplay.MonthName(next)} →</a>
            </nav>
            <p class="meta">Each day of {name} with how many events the sources date to it and the most significant of them, across all years.</p>
            <ol class="month-grid" aria-label="Days of {name}">{cells}</ol>
            """));
    }

    private static IResult Year(IAlmanacStore store, int historianYear)
    {
        var year = historianYear < 0 ? historianYear + 1 : historianYear;
        var listings = store.GetListingsInYears(year, year, MaxYearEvents);
        var title = DateDisplay.Year(year);
        var months = listings.OrderBy(l => l.ListedDate.Month).ThenBy(l => l.ListedDate.Day).ThenByDescending(l => l.Event.Significance)
            .GroupBy(l => l.ListedDate.Month!.Value)
            .Select(g => Html.Of($"""
                <section aria-labelledby="month-{g.Key}">
                <h2 id="month-{g.Key}">{DateDisplay.MonthName(g.Key)} {title}</h2>
                <ol class="events">{g.Select(l => Html.Of($"<li><a class=\"year\" href=\"{Urls.Day(new AnnualDate(l.ListedDate.Month!.Value, l.ListedDate.Day!.Value))}\">{l.ListedDate.Day!.Value} {DateDisplay.MonthName(l.ListedDate.Month!.Value)}</a> <a href=\"{Urls.Event(l.Event.Id)}\">{l.Event.Text}</a></li>"))}</ol>
                </section>
                """));
        var more = listings.Count == MaxYearEvents ? Html.Of($"<p class=\"meta\">The {MaxYearEvents} most significant events of {title} are listed.</p>") : HtmlString.Empty;
        var (previous, next) = (year - 1, year + 1);
        var body = listings.Count == 0 ? Html.Of($"<p>No event of {title} is stored with its day yet.</p>") : Html.Of($"{more}{months}");
        return Layout.Page(title, Html.Of($"""
            <h1>What happened in {title}</h1>
            <nav class="days" aria-label="Neighbouring years">
            <a rel="prev" href="{Urls.Year(previous)}">← {DateDisplay.Year(previous)}</a>
            <a href="{Urls.Century(year)}">{DateDisplay.Century(year)}</a>
            <a rel="next" href="{Urls.Year(next)}">{DateDisplay.Year(next)} →</a>
            </nav>
            <p class="meta">{Count(listings.Count)} of {title} with their day, by month.</p>
            {body}
            """));
    }

    private static IResult Century(IAlmanacStore store, int century)
    {
        // Astronomical years: the 20th century is 1901–2000, the 1st century BC 100 BC–1 BC (-99..0).
        var (first, last) = century > 0 ? ((century - 1) * 100 + 1, century * 100) : (century * 100 + 1, (century + 1) * 100);
        var counts = store.CountListingsByYear(first, last);
        var best = store.GetListingsInYears(first, last, MaxCenturyEvents);
        var title = DateDisplay.Century(first);
        var years = counts.Count == 0
            ? Html.Of($"<p>No event of {title} is stored with its day yet.</p>")
            : Html.Of($"<ul class=\"years\">{counts.Select(c => Html.Of($"<li><a href=\"{Urls.Year(c.Year)}\">{DateDisplay.Year(c.Year)}</a> <span class=\"meta\">{c.Events}</span></li>"))}</ul>");
        var highlights = best.OrderBy(l => l.ListedDate).Select(l => Html.Of($"<li><span class=\"year\">{DateDisplay.Of(l.ListedDate)}</span> <a href=\"{Urls.Event(l.Event.Id)}\">{l.Event.Text}</a></li>"));
        var (previous, next) = (century == 1 ? -1 : century - 1, century == -1 ? 1 : century + 1);
        return Layout.Page(title, Html.Of($"""
            <h1>{char.ToUpperInvariant(title[0]) + title[1..]}</h1>
            <nav class="days" aria-label="Neighbouring centuries">
            <a rel="prev" href="/century/{previous}">← {DateDisplay.Century(CenturyStart(previous))}</a>
            <a rel="next" href="/century/{next}">{DateDisplay.Century(CenturyStart(next))} →</a>
            </nav>
            <section aria-labelledby="years"><h2 id="years">Years with events</h2>{years}</section>
            {(best.Count == 0 ? HtmlString.Empty : Html.Of($"<section aria-labelledby=\"highlights\"><h2 id=\"highlights\">The most significant, in order</h2><ol class=\"events\">{highlights}</ol></section>"))}
            """));
    }

    private static int CenturyStart(int century) => century > 0 ? (century - 1) * 100 + 1 : century * 100 + 1;

    private static string Count(int events) => events == 1 ? "1 event" : $"{events} events";

    private static int? Number(string text) =>
        text.Length is > 0 and <= 6 && int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private static IResult NotFound(string title, string message) => Layout.Page(title, Html.Of($"""
        <h1>{title}</h1>
        <p>{message}</p>
        <p><a href="/">Today's page</a> · <a href="{Urls.Month(1)}">January</a> · <a href="/century/20">The 20th century</a></p>
        """), StatusCodes.Status404NotFound);
}
