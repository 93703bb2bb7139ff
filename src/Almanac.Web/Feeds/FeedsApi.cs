using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Almanac.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Almanac.Web.Feeds;

/// <summary>The daily digest as Atom and RSS (one entry: today's), and the anniversaries as an iCalendar subscription.</summary>
public static class FeedsApi
{
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder routes)
    {
        var feeds = routes.MapGroup("");
        feeds.MapGet("/feed/today.atom", (HttpContext context, IAlmanacStore store, Sources sources, TimeProvider clock) =>
            Xml(Atom(Today(context, store, sources, clock), Origin(context), Updated(store, clock)), "application/atom+xml; charset=utf-8"));
        feeds.MapGet("/feed/today.rss", (HttpContext context, IAlmanacStore store, Sources sources, TimeProvider clock) =>
            Xml(Rss(Today(context, store, sources, clock), Origin(context), Updated(store, clock)), "application/rss+xml; charset=utf-8"));
        feeds.MapGet("/calendar.ics", IResult (string? q, HttpContext context, IAlmanacStore store, TimeProvider clock) =>
        {
            if (!string.IsNullOrEmpty(q) && Timelines.Problem(q) is { } problem)
                return TypedResults.Problem(detail: problem + ".", title: "Unusable query", statusCode: StatusCodes.Status400BadRequest);
            var calendar = string.IsNullOrEmpty(q)
                ? Anniversaries.Write(Anniversaries.All(store), "Almanac anniversaries", Origin(context), Updated(store, clock))
                : Anniversaries.Write(Anniversaries.Matching(store.SearchEvents(q, Timelines.MaxResults)), $"Almanac anniversaries: {q}", Origin(context), Updated(store, clock));
            return Results.Text(calendar, "text/calendar; charset=utf-8", Encoding.UTF8);
        }).CachePerGeneration();
        return routes;
    }

    private static Digest Today(HttpContext context, IAlmanacStore store, Sources sources, TimeProvider clock)
    {
        var today = ReaderToday.Resolve(context, clock);
        return Digest.Build(store, sources, today.Day, today.Year);
    }

    /// <summary>When the content last changed: the latest stored document (so repeated requests get the same body and ETag), else now.</summary>
    private static DateTimeOffset Updated(IAlmanacStore store, TimeProvider clock) => store.GetLastIngestedAt() ?? clock.GetUtcNow();

    private static string Origin(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private static IResult Xml(string xml, string contentType) => Results.Text(xml, contentType, Encoding.UTF8);

    /// <summary>An Atom feed whose one entry is the day's digest; its id names the day and year, so each day is a new entry.</summary>
    public static string Atom(Digest digest, string origin, DateTimeOffset now) =>
        Write(Feed(digest, origin, now, $"{origin}/feed/today.atom", withContent: true).GetAtom10Formatter());

    /// <summary>The same digest as RSS 2.0: the entry's HTML in the item's description.</summary>
    public static string Rss(Digest digest, string origin, DateTimeOffset now) =>
        Write(Feed(digest, origin, now, $"{origin}/feed/today.rss", withContent: false).GetRss20Formatter(serializeExtensionsAsAtom: false));

    private static SyndicationFeed Feed(Digest digest, string origin, DateTimeOffset now, string self, bool withContent)
    {
        var html = Clean(DigestWriter.Fragment(digest, origin).Value);
        var item = new SyndicationItem
        {
            Id = FormattableString.Invariant($"{origin}/digest/{digest.Year:D4}-{digest.Day.Month:D2}-{digest.Day.Day:D2}"),
            Title = new TextSyndicationContent(Clean($"{digest.Title}, {digest.Year}")),
            LastUpdatedTime = now,
            PublishDate = now,
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(origin + Urls.Day(digest.Day))));
        // Atom carries the digest as the entry's content; RSS has no content element of its own, only the description.
        if (withContent)
            item.Content = new TextSyndicationContent(html, TextSyndicationContentKind.Html);
        else
            item.Summary = new TextSyndicationContent(html, TextSyndicationContentKind.Html);
        var feed = new SyndicationFeed
        {
            Id = $"{origin}/feed/today.atom",
            Title = new TextSyndicationContent("Almanac: on this day"),
            Description = new TextSyndicationContent("A daily digest: the day's selected events and a thought for the day."),
            LastUpdatedTime = now,
            Items = [item],
        };
        feed.Authors.Add(new SyndicationPerson { Name = "Almanac" });
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(self)));
        feed.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(origin + "/")));
        return feed;
    }

    private static string Write(SyndicationFeedFormatter formatter)
    {
        using var text = new Utf8StringWriter();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true }))
        {
            formatter.WriteTo(xml);
        }
        return text.ToString();
    }

    /// <summary>Drops characters XML cannot carry (control characters, lone surrogates) from a document's text.</summary>
    private static string Clean(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
                kept.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
                kept.Append(text[i]).Append(text[++i]);
        }
        return kept.ToString();
    }

    /// <summary>A string writer that declares UTF-8, the encoding the response is sent in.</summary>
    private sealed class Utf8StringWriter() : StringWriter(CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
