using System.Net;
using System.Text.RegularExpressions;

namespace Almanac.Web.Tests;

[Collection(ServerCollection.Name)]
public sealed class PageTests(AlmanacServer server)
{
    [Fact]
    public async Task Today_WithoutZone_IsTheDayInUtc()
    {
        var html = await server.GetStringAsync("/");
        Assert.Contains("<h1>Today, 4 June</h1>", html);
        Assert.Contains("Secret speech", html);
    }

    [Fact]
    public async Task Today_WithZoneAhead_IsTheReadersDayAndIsRemembered()
    {
        using var response = await server.Client.GetAsync("/?tz=Asia/Tokyo");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Today, 5 June</h1>", html);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tz=Asia%2FTokyo", StringComparison.Ordinal));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "tz=Asia/Tokyo");
        using var fromCookie = await server.Client.SendAsync(request);
        Assert.Contains("<h1>Today, 5 June</h1>", await fromCookie.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Today_WithUnknownZone_SaysSoAndUsesUtc()
    {
        var html = await server.GetStringAsync("/?tz=Mars/Olympus");
        Assert.Contains("<h1>Today, 4 June</h1>", html);
        Assert.Contains("is unknown", html);
    }

    [Fact]
    public async Task Day_IsAccessibleAndLinksItsNeighbours()
    {
        var html = await server.GetStringAsync("/day/06-04");
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<a class=\"skip\" href=\"#main\">", html);
        Assert.Contains("<main id=\"main\"", html);
        Assert.Contains("<nav class=\"site\" aria-label=\"Site\">", html);
        Assert.Contains("name=\"viewport\"", html);
        Assert.Contains("href=\"/day/06-03\"", html);
        Assert.Contains("href=\"/day/06-05\"", html);
        Assert.Contains("<select id=\"pick-month\" name=\"month\">", html);
        Assert.Matches(new Regex("<h2 id=\"selected\">Selected</h2>.*Why: Reported by ", RegexOptions.Singleline), html);
        Assert.DoesNotContain("ranked 1 of", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Day_NeighboursOfYearEndsAndLeapDay_Wrap()
    {
        var newYear = await server.GetStringAsync("/day/01-01");
        Assert.Contains("href=\"/day/12-31\"", newYear);
        var leap = await server.GetStringAsync("/day/02-29");
        Assert.Contains("href=\"/day/02-28\"", leap);
        Assert.Contains("href=\"/day/03-01\"", leap);
    }

    [Theory]
    [InlineData("/day/13-01")]
    [InlineData("/day/02-30")]
    [InlineData("/day/6-4")]
    [InlineData("/day?month=2&day=30")]
    public async Task Day_NotACalendarDay_Is400WithAPage(string path)
    {
        using var response = await server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Not a calendar day", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DayPicker_RedirectsToTheDaysPage()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseAddress };
        using var response = await client.GetAsync("/day?month=6&day=4");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/day/06-04", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Event_ShowsDateConflictsSourcesAndPeopleLinkedToTimelines()
    {
        var speech = await SpeechEventPath();
        var html = await server.GetStringAsync(speech);
        Assert.Contains("<h2 id=\"in-short\">In short</h2>", html);
        Assert.Contains("The sources disagree on the date.", html);
        Assert.Contains("25 February 1956", html);
        Assert.Contains("24 February 1956", html);
        Assert.Contains("href=\"/timeline?q=", html);
        Assert.Contains("<h2 id=\"sources\">Sources</h2>", html);
    }

    [Fact]
    public async Task Timeline_ListsEventsEarliestFirst()
    {
        var html = await server.GetStringAsync("/timeline?q=Khrushchev");
        var years = Regex.Matches(html, "<span class=\"year\">[^<]*?(\\d{4})</span>").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.True(years.Count >= 3, $"only {years.Count} dated events");
        Assert.Equal(years.Order(), years);
    }

    [Fact]
    public async Task Search_FindsEventsAndSources()
    {
        var html = await server.GetStringAsync("/search?q=secret+speech");
        Assert.Matches("Events \\([1-9]\\d*\\)", html);
        Assert.Matches("Sources \\([1-9]\\d*\\)", html);
    }

    [Fact]
    public async Task Search_HugeQuery_Is400()
    {
        using var response = await server.Client.GetAsync("/search?q=" + new string('a', 600));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Pages_ForbidInlineScriptByPolicy()
    {
        using var response = await server.Client.GetAsync("/day/06-04");
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Pages_RepeatedWithItsETag_Are304WithoutABody()
    {
        using var first = await server.Client.GetAsync("/day/06-04");
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.NotNull(first.Content.Headers.LastModified);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/day/06-04");
        request.Headers.IfNoneMatch.Add(tag);
        using var second = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, "/day/06-05");
        other.Headers.IfNoneMatch.Add(tag);
        using var otherResponse = await server.Client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
    }

    [Fact]
    public async Task Day_EventSomeSourcesDateOtherwise_ListsTheDaysSourcesAndCountsTheRest()
    {
        var day = await server.GetStringAsync("/day/02-25");
        var speech = Regex.Match(day, "<li><span class=\"year\">1956</span> <a href=\"(/event/[^\"]+)\">[^<]*denunciation[^<]*</a>(?:(?!</li>).)*?<p class=\"meta\">Sources:.*?</li>", RegexOptions.Singleline);
        Assert.True(speech.Success, "no secret-speech item on 02-25");

        var listed = Regex.Matches(speech.Value, "href=\"/source/").Count;
        var more = Regex.Match(speech.Value, "<a href=\"" + Regex.Escape(speech.Groups[1].Value) + "\">(\\d+) more</a> with another or a less precise date");
        Assert.True(more.Success, speech.Value);
        var sources = Regex.Matches(await server.GetStringAsync(speech.Groups[1].Value), "href=\"/source/[^\"]+\"").Select(m => m.Value).Distinct().Count();
        Assert.Equal(sources, listed + int.Parse(more.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<string> SpeechEventPath()
    {
        var day = await server.GetStringAsync("/day/02-25");
        return Regex.Match(day, "href=\"(/event/[^\"]+)\">[^<]*denunciation").Groups[1].Value is { Length: > 0 } path
            ? path
            : throw new InvalidOperationException("no secret-speech event on 02-25");
    }

    [Theory]
    [InlineData("/event/")]
    [InlineData("/no/such/page")]
    [InlineData("/month/13")]
    [InlineData("/year/0")]
    [InlineData("/century/x")]
    public async Task UnknownPage_Is404WithAPageThatSaysSo(string path)
    {
        using var response = await server.Client.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<main id=\"main\"", html);
        Assert.Matches("<h1>(Page not found|No such (month|year|century))</h1>", html);
    }

    [Fact]
    public async Task UnknownApiAddress_Is404ProblemJson()
    {
        using var response = await server.Client.GetAsync("/api/nothing/here");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/api/nothing/here", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Browsing_MonthYearAndCentury_ListTheSpeechAndLinkEachOther()
    {
        var february = await server.GetStringAsync("/month/02");
        Assert.Contains("href=\"/day/02-25\"", february);
        Assert.Contains("href=\"/year/1956\"", february);
        Assert.Equal(29, Regex.Matches(february, "<li( class=\"empty\")?><a class=\"date\"").Count);
        var year = await server.GetStringAsync("/year/1956");
        Assert.Contains("<h2 id=\"month-2\">February 1956</h2>", year);
        Assert.Contains("href=\"/century/20\"", year);
        var century = await server.GetStringAsync("/century/20");
        Assert.Contains("href=\"/year/1956\"", century);
        Assert.Contains("href=\"/century/19\"", century);
        Assert.Contains("href=\"/century/21\"", century);
    }

    [Fact]
    public async Task Event_LinksItsDayItsYearAndTheOtherEventsOfItsSources()
    {
        using var json = System.Text.Json.JsonDocument.Parse(await server.GetStringAsync("/api/search?q=denunciation"));
        var id = json.RootElement.GetProperty("events")[0].GetProperty("id").GetString()!;
        var html = await server.GetStringAsync(Urls.Event(id));
        Assert.Contains("<h2 id=\"browse\">Around this event</h2>", html);
        Assert.Contains("href=\"/day/02-25\"", html);
        Assert.Contains("href=\"/year/1956\"", html);
        Assert.Contains("<h3>More from ", html);
    }
}
