using Almanac.Core;
using Almanac.Web.Markup;

namespace Almanac.Web.Pages;

/// <summary>What an event page shows beside its text: the event's picture, and the event with its aftermath drawn as a timeline.</summary>
public sealed record EventPictures(HtmlString Figure, HtmlString Aftermath)
{
    public static EventPictures Of(HistoricalEvent e, PictureSettings pictures, TimelineWindow? window)
    {
        var points = new List<TimelinePoint> { TimelinePoint.Of(e.Date, e.Text, e.Kind) };
        foreach (var link in e.Aftermath)
            if (HistoricalDate.TryParseTimex(link.DateValue.Split('/')[0], out var date))
                points.Add(TimelinePoint.Of(date, link.Title, MentionKind.Event));
        var aftermath = e.Aftermath.Count == 0
            ? HtmlString.Empty
            : TimelineSvg.Figure("aftermath-timeline", $"{e.Title} and what followed", "The event is the first mark; every later one is listed below.",
                points, window, w => w is null ? Urls.Event(e.Id) : $"{Urls.Event(e.Id)}?from={w.From}&to={w.To}");
        return new EventPictures(PictureMarkup.Figure(e.Picture, pictures), aftermath);
    }
}
