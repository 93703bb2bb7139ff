using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Almanac.Web.Tests;

/// <summary>Pictures kept from a saved page (and hostile ones refused), shown with alt text, served from the store, in the feed; person pages and timelines.</summary>
[Collection(PicturedSiteCollection.Name)]
public sealed partial class PicturesAndPeopleTests(PicturedSite site)
{
    [GeneratedRegex("/image/(?<id>[0-9a-f]{64})")]
    private static partial Regex StoredImage();

    [Fact]
    public void Ingest_HostilePictures_AreRefusedEachWithItsReason()
    {
        var refused = site.Summary.RefusedPictures.ToDictionary(p => p.Source, p => p.Reason);
        Assert.Contains("not a PNG, JPEG, GIF or WebP", refused["images/not-a-photo.jpg"]);
        Assert.Contains("larger than the 8 MiB", refused["images/huge.png"]);
        Assert.Contains("out of the page's folder", refused["../outside.png"]);
        Assert.Contains("'javascript' is not http or https", refused["javascript:alert(1)"]);
        Assert.All(site.Summary.RefusedPictures, p => Assert.EndsWith("khrushchev.html", p.DocumentPath));
        Assert.Equal(4, refused.Count);
    }

    [Fact]
    public async Task TodayPage_ShowsTheStoredPictureWithAltTextAndServesItsBytes()
    {
        var page = await site.GetStringAsync("/");
        Assert.Contains("alt=\"Nikita Khrushchev at the rostrum\"", page);
        Assert.Contains("Khrushchev addressing the Twentieth Party Congress.", page);
        var id = StoredImage().Match(page).Groups["id"].Value;
        using var image = await site.Client.GetAsync($"/image/{id}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(PicturedSite.Png, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", image.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("/image/0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("/image/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/image/KHRUSHCHEV")]
    public async Task Image_UnknownOrMalformedId_IsNotFound(string path)
    {
        using var response = await site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RemotePictures_OnlyTheAllowedOriginIsShown_AndThePolicyAllowsOnlyIt()
    {
        using var sputnik = await site.Client.GetAsync("/day/10-04");
        var page = await sputnik.Content.ReadAsStringAsync();
        Assert.Contains("src=\"https://images.example.org/sputnik.jpg\" alt=\"Sputnik 1 on its stand\"", page);
        Assert.Contains($"img-src 'self' {PicturedSite.AllowedOrigin};", sputnik.Headers.GetValues("Content-Security-Policy").Single());
        var vostok = await site.GetStringAsync("/day/04-12");
        Assert.Contains("Vostok 1", vostok);
        Assert.DoesNotContain("tracker.example.net", vostok);
    }

    [Fact]
    public async Task OnThisDayFeed_FillsThumbnailAndOriginalImageInWikimediasShape()
    {
        var remote = JsonNode.Parse(await site.GetStringAsync("/api/feed/onthisday/events/10/04"))!["events"]!.AsArray();
        var sputnik = remote.Single(e => ((string)e!["text"]!).Contains("Sputnik"))!["pages"]![0]!;
        foreach (var field in new[] { "thumbnail", "originalimage" })
        {
            Assert.Equal("https://images.example.org/sputnik.jpg", (string)sputnik[field]!["source"]!);
            Assert.Equal(300, (int)sputnik[field]!["width"]!);
            Assert.Equal(200, (int)sputnik[field]!["height"]!);
        }
        var stored = JsonNode.Parse(await site.GetStringAsync("/api/feed/onthisday/events/04/15"))!["events"]!.AsArray()
            .Select(e => e!["pages"]![0]!).Single(p => p["thumbnail"] is not null);
        Assert.Matches($"^{Regex.Escape(site.BaseAddress.ToString().TrimEnd('/'))}/image/[0-9a-f]{{64}}$", (string)stored["thumbnail"]!["source"]!);
        Assert.Equal(120, (int)stored["thumbnail"]!["width"]!);
        Assert.Equal(80, (int)stored["originalimage"]!["height"]!);
        // Events without a picture carry neither field, as Wikimedia's pages without one do.
        var plain = JsonNode.Parse(await site.GetStringAsync("/api/feed/onthisday/events/02/25"))!["events"]!.AsArray();
        Assert.All(plain, e => Assert.Null(e!["pages"]![0]!["thumbnail"]));
    }

    [Fact]
    public async Task PersonPage_GivesBirthDeathPictureTimelineEventsAndSources()
    {
        var page = await site.GetStringAsync("/person/Khrushchev");
        Assert.Contains("<h1>Nikita Khrushchev</h1>", page);
        Assert.Contains("15 April 1894", page);
        Assert.Contains("11 September 1971", page);
        Assert.Contains("alt=\"Nikita Khrushchev at the rostrum\"", page);
        Assert.Contains("<svg", page);
        Assert.Contains("role=\"img\"", page);
        Assert.Contains("<title id=\"life-title\">Nikita Khrushchev&#x27;s life and events</title>", page);
        Assert.Matches("<desc id=\"life-desc\">\\d+ events from 1894 to", page);
        Assert.Contains("?from=1800&amp;to=1899#life", page);
        Assert.Contains("Nikita Khrushchev: a life", page);
        Assert.DoesNotContain("<script", page);
    }

    [Fact]
    public async Task PersonTimeline_ZoomsFromCenturyToDecadeToYear()
    {
        var century = await site.GetStringAsync("/person/Khrushchev?from=1900&to=1999");
        Assert.Contains("Zoom by decade", century);
        Assert.Contains("?from=1950&amp;to=1959#life", century);
        var decade = await site.GetStringAsync("/person/Khrushchev?from=1950&to=1959");
        Assert.Contains("Zoom by year", decade);
        Assert.Contains("?from=1956&amp;to=1956#life", decade);
        Assert.DoesNotContain(">1894<", decade);
    }

    [Fact]
    public async Task EventPage_LinksTheNamesInItsTextToPersonPages()
    {
        var feed = JsonNode.Parse(await site.GetStringAsync("/api/feed/onthisday/events/04/15"))!["events"]!.AsArray();
        var id = (string)feed.Single(e => ((string)e!["text"]!).Contains("born"))!["id"]!;
        var page = await site.GetStringAsync($"/event/{id}");
        Assert.Contains("<a href=\"/person/Nikita%20Khrushchev\">Nikita Khrushchev</a>", page);
    }

    [Fact]
    public async Task DayPage_DrawsTheDaysEventsAcrossTheCenturies()
    {
        var page = await site.GetStringAsync("/day/06-04");
        Assert.Contains("<h2 id=\"timeline\">Timeline</h2>", page);
        Assert.Contains("<title id=\"day-timeline-title\">4 June across the centuries</title>", page);
        Assert.Contains("Every event is listed below under Events, Births and Deaths.", page);
    }

    [Theory]
    [InlineData("/person/Zzyzx%20Quillfeather", HttpStatusCode.NotFound)]
    [InlineData("/person/%20", HttpStatusCode.BadRequest)]
    public async Task PersonPage_UnknownOrEmptyName_SaysSo(string path, HttpStatusCode expected)
    {
        using var response = await site.Client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("<h1>", await response.Content.ReadAsStringAsync());
    }
}
