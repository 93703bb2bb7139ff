using Almanac.Core;
using Almanac.Storage;
using Almanac.Web.Markup;

namespace Almanac.Web.Pages;

/// <summary>What a day page shows beside its lists: the day's picture and the day's events drawn across the centuries.</summary>
public static class DayPictures
{
    /// <summary>The picture of the first selected event that has one it may show, else of the day's most significant such event.</summary>
    public static HtmlString Lead(IReadOnlyList<DayEntry> entries, IReadOnlyList<SelectedEvent> selected, PictureSettings pictures)
    {
        var pictured = selected.Select(s => s.Entry).Concat(entries.OrderByDescending(e => e.Event.Significance))
            .FirstOrDefault(e => e.Event.Picture is { } p && pictures.Source(p) is not null);
        return pictured is null
            ? HtmlString.Empty
            : PictureMarkup.Figure(pictured.Event.Picture, pictures,
                Html.Of($"""<a href="{Urls.Event(pictured.Event.Id)}">{DateDisplay.Year(pictured.ListedDate.Year)}: {pictured.Event.Text}</a>"""));
    }

    /// <summary>The day's events across the centuries, zoomable by century, decade and year through <paramref name="path"/>'s query.</summary>
    public static HtmlString Timeline(IReadOnlyList<DayEntry> entries, string dayName, TimelineWindow? window, string path)
    {
        var points = entries.Where(e => e.Event.Kind != MentionKind.Holiday)
            .Select(e => TimelinePoint.Of(e.ListedDate, e.Event.Text, e.Event.Kind)).ToList();
        if (points.Count == 0)
            return HtmlString.Empty;
        var figure = TimelineSvg.Figure("day-timeline", $"{dayName} across the centuries", "Every event is listed below under Events, Births and Deaths.",
            points, window, w => w is null ? path : $"{path}?from={w.From}&to={w.To}");
        return Html.Of($"""<section aria-labelledby="timeline"><h2 id="timeline">Timeline</h2>{figure}</section>""");
    }
}
