using Almanac.Core;
using Almanac.Storage;
using NodaTime;
using Microsoft.AspNetCore.Http;

namespace Almanac.Web.Markup;

/// <summary>The frame every page shares: language, landmarks, skip link, site navigation with search, feeds in the footer.</summary>
public static class Layout
{
    public static IResult Page(string title, HtmlString main, int statusCode = StatusCodes.Status200OK)
    {
        var document = Html.Of($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · Almanac</title>
            <link rel="stylesheet" href="/site.css">
            <link rel="alternate" type="application/atom+xml" title="Today's digest (Atom)" href="/feed/today.atom">
            <link rel="alternate" type="application/rss+xml" title="Today's digest (RSS)" href="/feed/today.rss">
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header>
            <nav class="site" aria-label="Site">
            <a class="brand" href="/">Almanac</a>
            <a href="/">Today</a>
            <form role="search" action="/search" method="get">
            <label for="site-search">Search events and sources</label>
            <input id="site-search" type="search" name="q" maxlength="500">
            <button type="submit">Search</button>
            </form>
            </nav>
            </header>
            <main id="main" tabindex="-1">
            {main}
            </main>
            <footer>
            <p>Subscribe: <a href="/feed/today.atom">Atom</a> · <a href="/feed/today.rss">RSS</a> · <a href="/calendar.ics">Calendar of anniversaries</a></p>
            </footer>
            </body>
            </html>
            """);
        return Results.Content(document.Value, "text/html; charset=utf-8", statusCode: statusCode);
    }

    /// <summary>A form to pick any calendar day: a month and a day, sent as a plain GET so it works without JavaScript.</summary>
    public static HtmlString DayPicker(AnnualDate selected)
    {
        var months = Enumerable.Range(1, 12).Select(m => m == selected.Month
            ? Html.Of($"<option value=\"{m}\" selected>{DateDisplay.MonthName(m)}</option>")
            : Html.Of($"<option value=\"{m}\">{DateDisplay.MonthName(m)}</option>"));
        var days = Enumerable.Range(1, 31).Select(d => d == selected.Day
            ? Html.Of($"<option selected>{d}</option>")
            : Html.Of($"<option>{d}</option>"));
        return Html.Of($"""
            <form class="day-picker" action="/day" method="get" aria-label="Choose a day">
            <label for="pick-month">Month <select id="pick-month" name="month">{months}</select></label>
            <label for="pick-day">Day <select id="pick-day" name="day">{days}</select></label>
            <button type="submit">Show this day</button>
            </form>
            """);
    }

    public static HtmlString SourceList(IReadOnlyList<SourceRef> sources) => SourceList(sources, HtmlString.Empty);

    /// <summary>
    /// The sources that give the day an event is listed under, and how many more report it with another or a less precise
    /// date (on its page), so the count a reader sees beside it ("reported by 5 independent sources") adds up.
    /// </summary>
    public static HtmlString SourceListForDay(IReadOnlyList<SourceRef> sources, HistoricalEvent e)
    {
        var others = e.SourceCount - sources.Count;
        var more = others <= 0 ? HtmlString.Empty
            : Html.Of($"; <a href=\"{Urls.Event(e.Id)}\">{(others == 1 ? "one more" : $"{others} more")}</a> with another or a less precise date");
        return SourceList(sources, more);
    }

    private static HtmlString SourceList(IReadOnlyList<SourceRef> sources, HtmlString more) =>
        sources.Count == 0
            ? HtmlString.Empty
            : Html.Of($"<p class=\"meta\">Sources: {Html.Join(sources.Select(s => Html.Of($"<a href=\"{Urls.Source(s.Id)}\">{s.Title}</a>")), Html.Of($", "))}{more}</p>");
}
