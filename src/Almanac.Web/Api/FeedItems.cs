using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Almanac.Core;
using Almanac.Storage;

namespace Almanac.Web.Api;

/// <summary>Turns a day's listings into on-this-day feed items, with page summaries for the event, its people and its sources.</summary>
public sealed class FeedItems(Sources sources, string origin)
{
    /// <summary>A selected event: its item with the reason in words (<c>why</c>) and the figures behind it (<c>selection</c>).</summary>
    public FeedItem Selected(SelectedEvent selected) => Item(selected.Entry, selected.Why) with { Selection = SelectionItem.Of(selected.Score) };

    public FeedItem Item(DayEntry entry, string? why = null)
    {
        var e = entry.Event;
        var cited = sources.ForListing(entry);
        var image = Image(e.Picture);
        var pages = new List<FeedPage> { Page("event", e.Id, e.Title, Urls.Event(e.Id), $"{KindName(e.Kind)}, {DateDisplay.Of(e.Date, e.EndDate)}", e.Text) with { Thumbnail = image, OriginalImage = image } };
        pages.AddRange(e.People.Select(p => Page("person", p, p, Urls.Person(p), "Person named in Almanac's sources", "")));
        pages.AddRange(cited.Select(s => Page("source", s.Id, s.Title, Urls.Source(s.Id), "Source document", "")));
        return new FeedItem(
            e.Text,
            e.Kind == MentionKind.Holiday ? null : DateDisplay.HistoricalYear(entry.ListedDate.Year),
            pages,
            e.Id,
            e.DateValue,
            entry.ListedDate.ToTimex(),
            Lower(e.Date.Precision),
            Lower(entry.ListedDate.Calendar),
            e.Significance,
            cited.Select(Source).ToList(),
            e.HasDateConflict ? Claims(e) : [],
            why)
        { CalendarNote = DayListing.CalendarNote(e, entry.ListedDate) };
    }

    /// <summary>A holiday listed without a year: its pages are the documents that list it.</summary>
    public HolidayItem Holiday(DayObservance holiday)
    {
        var cited = sources.Of(holiday.DocumentIds);
        return new HolidayItem(holiday.Name, cited.Select(s => Page("source", s.Id, s.Title, Urls.Source(s.Id), "Source document", "")).ToList(),
            cited.Select(Source).ToList());
    }

    /// <summary>
    /// A picture in the feed: a stored file at its address here, a remote one at its own address when its size is known
    /// (Wikimedia's fields require it). A remote address is given whether or not the pages may show it: a client fetches it, not the server.
    /// </summary>
    private FeedImage? Image(Picture? picture) => picture switch
    {
        { StoredId: { } id, Width: { } width, Height: { } height } => new FeedImage(origin + Urls.Image(id), width, height),
        { Url: { } url, Width: { } width, Height: { } height } => new FeedImage(url, width, height),
        _ => null,
    };

    public SourceItem Source(SourceRef source) => new(source.Id, source.Title, origin + Urls.Source(source.Id));

    public IReadOnlyList<DateClaimItem> Claims(HistoricalEvent e) =>
        e.DateClaims.Select(c => new DateClaimItem(c.Value, Lower(c.Date.Precision), c.DocumentIds, c.Lineages)).ToList();

    /// <summary>
    /// A page summary. Wikimedia's displaytitle and titles.display are HTML that clients insert as
    /// markup, so ours are HTML-encoded: a title from a document cannot become a script in a client.
    /// </summary>
    private FeedPage Page(string kind, string id, string title, string path, string description, string extract)
    {
        var url = new ContentUrl(origin + path);
        var display = HtmlEncoder.Default.Encode(title);
        return new FeedPage("standard", title.Replace(' ', '_'), display, new PageTitles(title.Replace(' ', '_'), title, display),
            PageId(kind, id), description, extract, new ContentUrls(url, url), kind, id);
    }

    /// <summary>Wikimedia's pageid is a number; ours is a stable hash of the page's kind and id, kept within JSON's exact integers.</summary>
    private static long PageId(string kind, string id) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{id}")), 0) & ((1L << 53) - 1);

    private static string KindName(MentionKind kind) => kind switch
    {
        MentionKind.Birth => "Birth",
        MentionKind.Death => "Death",
        MentionKind.Holiday => "Holiday",
        _ => "Event",
    };

    private static string Lower<T>(T value) where T : Enum => value.ToString().ToLowerInvariant();
}
