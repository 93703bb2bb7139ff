using System.Text.RegularExpressions;

namespace Almanac.Web.Tests;

/// <summary>A document carrying &lt;script&gt; and onerror= payloads is shown as text on every page that shows it.</summary>
[Collection(ServerCollection.Name)]
public sealed class HostileDocumentTests(AlmanacServer server)
{
    [Fact]
    public async Task EveryPageShowingIt_RendersThePayloadsAsText()
    {
        var day = await server.GetStringAsync("/day/06-04");
        var eventPath = Regex.Match(day, $"href=\"(/event/[^\"]+)\">[^<]*{HostileDocument.Marker}").Groups[1].Value;
        Assert.NotEmpty(eventPath);
        var sourcePath = Regex.Match(await server.GetStringAsync(eventPath), "href=\"(/source/[^\"]+)\">&lt;script&gt;").Groups[1].Value;
        Assert.NotEmpty(sourcePath);

        string[] pages = ["/", "/day/06-04", eventPath, sourcePath, $"/search?q={HostileDocument.Marker}", $"/timeline?q={HostileDocument.Marker}", "/feed/today.atom", "/feed/today.rss"];
        foreach (var path in pages)
        {
            var body = await server.GetStringAsync(path);
            Assert.True(body.Contains(HostileDocument.Marker, StringComparison.Ordinal), $"{path} does not show the document");
            Assert.False(body.Contains("<script", StringComparison.OrdinalIgnoreCase), $"{path} contains a script element");
            Assert.False(body.Contains("<img", StringComparison.OrdinalIgnoreCase), $"{path} contains an img element");
            Assert.False(Regex.IsMatch(body, "<[a-z]+[^>]*\\son[a-z]+=", RegexOptions.IgnoreCase), $"{path} contains an event handler attribute");
            Assert.True(body.Contains("&lt;script&gt;", StringComparison.Ordinal) || body.Contains("&amp;lt;script&amp;gt;", StringComparison.Ordinal),
                $"{path} does not show the payload as text");
        }
    }

    [Fact]
    public async Task Api_CarriesThePayloadAsJsonTextAndEncodesDisplayTitles()
    {
        using var response = await server.Client.GetAsync("/api/feed/onthisday/events/06/04");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", json, StringComparison.OrdinalIgnoreCase);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var item = document.RootElement.GetProperty("events").EnumerateArray()
            .Single(e => e.GetProperty("text").GetString()!.Contains(HostileDocument.Marker, StringComparison.Ordinal));
        // The headline leaves bracketed asides out ("('xss')"); the tags themselves must arrive as text.
        Assert.Contains("<script>alert", item.GetProperty("text").GetString());
        Assert.Contains("</script>", item.GetProperty("text").GetString());
        foreach (var page in item.GetProperty("pages").EnumerateArray())
        {
            Assert.DoesNotContain("<", page.GetProperty("displaytitle").GetString());
            Assert.DoesNotContain("<", page.GetProperty("titles").GetProperty("display").GetString());
        }
    }
}
