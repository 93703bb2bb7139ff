using System.Globalization;
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
            var calendar = Anniversaries.Calendar(store, q, Origin(context), Updated(store, clock));
            return Results.Text(calendar, "text/calendar; charset=utf-8", Encoding.UTF8);
        });
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
    public static string Atom(Digest digest, string origin, DateTimeOffset now)
    {
        const string ns = "http://www.w3.org/2005/Atom";
        return Write(xml =>
        {
            xml.WriteStartElement("feed", ns);
            xml.WriteElementString("title", ns, "Almanac: on this day");
            xml.WriteElementString("id", ns, $"{origin}/feed/today.atom");
            xml.WriteElementString("updated", ns, now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            Link(xml, ns, "self", $"{origin}/feed/today.atom");
            Link(xml, ns, "alternate", origin + "/");
            xml.WriteStartElement("author", ns);
            xml.WriteElementString("name", ns, "Almanac");
            xml.WriteEndElement();
            xml.WriteStartElement("entry", ns);
            xml.WriteElementString("title", ns, Clean($"{digest.Title}, {digest.Year}"));
            xml.WriteElementString("id", ns, EntryId(digest, origin));
            xml.WriteElementString("updated", ns, now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            Link(xml, ns, "alternate", origin + Urls.Day(digest.Day));
            xml.WriteStartElement("content", ns);
            xml.WriteAttributeString("type", "html");
            xml.WriteString(Clean(DigestWriter.Fragment(digest, origin).Value));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        });
    }

    public static string Rss(Digest digest, string origin, DateTimeOffset now) => Write(xml =>
    {
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteStartElement("channel");
        xml.WriteElementString("title", "Almanac: on this day");
        xml.WriteElementString("link", origin + "/");
        xml.WriteElementString("description", "A daily digest: the day's selected events and a thought for the day.");
        xml.WriteElementString("lastBuildDate", now.ToString("r", CultureInfo.InvariantCulture));
        xml.WriteStartElement("item");
        xml.WriteElementString("title", Clean($"{digest.Title}, {digest.Year}"));
        xml.WriteElementString("link", origin + Urls.Day(digest.Day));
        xml.WriteStartElement("guid");
        xml.WriteAttributeString("isPermaLink", "false");
        xml.WriteString(EntryId(digest, origin));
        xml.WriteEndElement();
        xml.WriteElementString("pubDate", now.ToString("r", CultureInfo.InvariantCulture));
        xml.WriteElementString("description", Clean(DigestWriter.Fragment(digest, origin).Value));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    });

    private static string EntryId(Digest digest, string origin) =>
        FormattableString.Invariant($"{origin}/digest/{digest.Year:D4}-{digest.Day.Month:D2}-{digest.Day.Day:D2}");

    private static void Link(XmlWriter xml, string ns, string relation, string href)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", relation);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Write(Action<XmlWriter> write)
    {
        using var text = new Utf8StringWriter();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true }))
        {
            write(xml);
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
