using Almanac.TestSupport;
using System.Text;
using System.Xml.Linq;
using Almanac.Storage.Sqlite;
using Almanac.Web.Feeds;
using NodaTime;

namespace Almanac.Web.Tests;

[Collection(ServerCollection.Name)]
public sealed class FeedTests(AlmanacServer server)
{
    private static readonly XNamespace AtomNs = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Atom_OneEntryForTodaysDigestWithAThought()
    {
        var feed = XDocument.Parse(await server.GetStringAsync("/feed/today.atom"));
        var entry = Assert.Single(feed.Root!.Elements(AtomNs + "entry"));
        Assert.Equal("On this day: 4 June, 2026", entry.Element(AtomNs + "title")!.Value);
        var content = entry.Element(AtomNs + "content")!.Value;
        Assert.Contains("Secret speech", content);
        Assert.Contains("Thought for the day", content);
    }

    [Fact]
    public async Task Rss_OneItemForTodaysDigest()
    {
        var feed = XDocument.Parse(await server.GetStringAsync("/feed/today.rss"));
        var item = Assert.Single(feed.Descendants("item"));
        Assert.EndsWith("/day/06-04", item.Element("link")!.Value);
        Assert.Contains("Secret speech", item.Element("description")!.Value);
    }

    [Fact]
    public async Task Calendar_YearlyAnniversariesWithFoldedLines()
    {
        using var response = await server.Client.GetAsync("/calendar.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        Assert.EndsWith("END:VCALENDAR\r\n", text);
        Assert.Contains("DTSTART;VALUE=DATE:19560604\r\nRRULE:FREQ=YEARLY", text);
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        var all = CountEvents(text);
        var filtered = CountEvents(await server.GetStringAsync("/calendar.ics?q=" + HostileDocument.Marker));
        Assert.Equal(1, filtered);
        Assert.True(all > filtered);
    }

    [Fact]
    public void Digest_AsMarkdown_ListsTheDayAndEscapesDocumentText()
    {
        using var store = SqliteAlmanacStore.Open(server.DatabasePath);
        var digest = Digest.Build(store, new Sources(store), new AnnualDate(6, 4), 2026);
        var markdown = DigestWriter.Markdown(digest, "http://example.test");
        Assert.StartsWith("# On this day: 4 June", markdown);
        Assert.Contains("](http://example.test/event/", markdown);
        Assert.Contains("## Thought for the day", markdown);
        Assert.DoesNotContain("<script>", markdown);
        Assert.DoesNotContain("<script>", DigestWriter.Document(digest, "http://example.test"));
    }

    [Fact]
    public async Task Atom_HoldsEveryElementRfc4287Requires()
    {
        var feed = XDocument.Parse(await server.GetStringAsync("/feed/today.atom")).Root!;
        Assert.Equal(AtomNs + "feed", feed.Name);
        foreach (var element in new[] { feed, Assert.Single(feed.Elements(AtomNs + "entry")) })
        {
            Assert.False(string.IsNullOrWhiteSpace(element.Element(AtomNs + "id")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(element.Element(AtomNs + "title")?.Value));
            Assert.True(DateTimeOffset.TryParse(element.Element(AtomNs + "updated")?.Value, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out _));
        }
        Assert.Equal("Almanac", feed.Element(AtomNs + "author")?.Element(AtomNs + "name")?.Value);
        Assert.Contains(feed.Elements(AtomNs + "link"), l => (string?)l.Attribute("rel") == "self" && ((string?)l.Attribute("href"))!.EndsWith("/feed/today.atom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rss_HoldsEveryElementRss20RequiresWithRfc822Dates()
    {
        var channel = XDocument.Parse(await server.GetStringAsync("/feed/today.rss")).Root!.Element("channel")!;
        Assert.All(new[] { "title", "link", "description" }, name => Assert.False(string.IsNullOrWhiteSpace(channel.Element(name)?.Value), name));
        var item = Assert.Single(channel.Elements("item"));
        Assert.Equal("false", (string?)item.Element("guid")?.Attribute("isPermaLink"));
        // RFC 822 dates, as RSS 2.0 writes them: "Thu, 04 Jun 2026 20:00:00 Z" or with a numeric zone.
        Assert.Matches(@"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (Z|GMT|[+-]\d{4})$", item.Element("pubDate")!.Value);
    }

    [Fact]
    public async Task Calendar_IsWellFormedRfc5545ReadLineByLine()
    {
        var text = await server.GetStringAsync("/calendar.ics");
        Assert.DoesNotContain(text.Replace("\r\n", "", StringComparison.Ordinal), c => c is '\r' or '\n');
        // Unfolded: a line that starts with a space continues the one before.
        var lines = text.Split("\r\n").Aggregate(new List<string>(), (all, line) =>
        {
            if (line.StartsWith(' ') && all.Count > 0)
                all[^1] += line[1..];
            else if (line.Length > 0)
                all.Add(line);
            return all;
        });
        var open = new Stack<string>();
        var properties = new List<string>();
        foreach (var line in lines)
        {
            Assert.Matches(@"^[A-Z][A-Z0-9-]*(;[^:]+)?:", line);
            var name = line[..line.IndexOfAny([':', ';'])];
            if (name == "BEGIN")
            {
                open.Push(line[6..]);
                properties.Clear();
            }
            else if (name == "END")
            {
                Assert.Equal(open.Pop(), line[4..]);
                if (line == "END:VEVENT")
                    Assert.All(new[] { "UID", "DTSTAMP", "DTSTART", "RRULE", "SUMMARY" }, required => Assert.Contains(required, properties));
            }
            else
            {
                properties.Add(name);
            }
        }
        Assert.Empty(open);
    }

    private static int CountEvents(string calendar) => calendar.Split("\r\n").Count(l => l == "BEGIN:VEVENT");
}
