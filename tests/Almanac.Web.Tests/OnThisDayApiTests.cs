using System.Net;
using System.Text.Json;

namespace Almanac.Web.Tests;

/// <summary>The on-this-day feed checked against the shape of Wikimedia's feed, which its clients read.</summary>
[Collection(ServerCollection.Name)]
public sealed class OnThisDayApiTests(AlmanacServer server)
{
    [Fact]
    public async Task All_HasEveryArrayInWikimediasShape()
    {
        using var document = JsonDocument.Parse(await server.GetStringAsync("/api/feed/onthisday/all/06/04"));
        var root = document.RootElement;
        foreach (var name in new[] { "selected", "births", "deaths", "events", "holidays" })
            Assert.Equal(JsonValueKind.Array, root.GetProperty(name).ValueKind);
        Assert.NotEmpty(root.GetProperty("events").EnumerateArray());
        foreach (var property in root.EnumerateObject())
            foreach (var item in property.Value.EnumerateArray())
                AssertFeedItem(item, hasYear: property.Name != "holidays");
    }

    [Theory]
    [InlineData("events")]
    [InlineData("births")]
    [InlineData("deaths")]
    [InlineData("holidays")]
    [InlineData("selected")]
    public async Task OneType_HasOnlyItsArray(string type)
    {
        using var document = JsonDocument.Parse(await server.GetStringAsync($"/api/feed/onthisday/{type}/02/25"));
        Assert.Equal([type], document.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Events_CarryAlmanacsFieldsAlongside()
    {
        using var document = JsonDocument.Parse(await server.GetStringAsync("/api/feed/onthisday/events/02/25"));
        var speech = document.RootElement.GetProperty("events").EnumerateArray()
            .First(e => e.GetProperty("text").GetString()!.Contains("denunciation", StringComparison.Ordinal));
        Assert.Equal(1956, speech.GetProperty("year").GetInt32());
        Assert.Equal("day", speech.GetProperty("precision").GetString());
        Assert.StartsWith("1956-02-2", speech.GetProperty("date").GetString());
        Assert.NotEmpty(speech.GetProperty("sources").EnumerateArray());
        Assert.True(speech.GetProperty("conflicts").GetArrayLength() > 1, "the seeds disagree on the speech's date");
        Assert.Contains(speech.GetProperty("pages").EnumerateArray(), p => p.GetProperty("kind").GetString() == "event");
    }

    [Fact]
    public async Task Selected_SaysWhyEachWasChosen()
    {
        using var document = JsonDocument.Parse(await server.GetStringAsync("/api/feed/onthisday/selected/06/04"));
        var selected = document.RootElement.GetProperty("selected").EnumerateArray().ToList();
        Assert.InRange(selected.Count, 1, 5);
        Assert.All(selected, s =>
        {
            // Words for readers in `why`, the figures beside them in `selection`.
            Assert.StartsWith("Reported by ", s.GetProperty("why").GetString());
            Assert.DoesNotMatch(@"\d\.\d", s.GetProperty("why").GetString()!);
            var score = s.GetProperty("selection");
            Assert.InRange(score.GetProperty("rank").GetInt32(), 1, score.GetProperty("candidates").GetInt32());
            Assert.Equal(s.GetProperty("significance").GetDouble(), score.GetProperty("significance").GetDouble());
        });
        Assert.Equal(1, selected[0].GetProperty("selection").GetProperty("rank").GetInt32());
    }

    [Theory]
    [InlineData("/api/feed/onthisday/all/13/01", "Not a calendar day")]
    [InlineData("/api/feed/onthisday/all/02/30", "Not a calendar day")]
    [InlineData("/api/feed/onthisday/all/6/4", "Not a calendar day")]
    [InlineData("/api/feed/onthisday/all/ab/cd", "Not a calendar day")]
    [InlineData("/api/feed/onthisday/trivia/06/04", "Unknown feed type")]
    [InlineData("/api/search?q=", "Unusable query")]
    [InlineData("/api/timeline", "Unusable query")]
    public async Task BadInput_Is400ProblemJson(string path, string title)
    {
        using var response = await server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task HugeQuery_Is400NotAnError()
    {
        foreach (var path in new[] { "/api/search?q=", "/api/timeline?q=", "/calendar.ics?q=" })
        {
            using var response = await server.Client.GetAsync(path + new string('x', 2000));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task Api_RepeatedWithItsETag_Is304()
    {
        using var first = await server.Client.GetAsync("/api/feed/onthisday/all/06/04");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feed/onthisday/all/06/04");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Event_SearchAndTimeline_AnswerJson()
    {
        using var timeline = JsonDocument.Parse(await server.GetStringAsync("/api/timeline?q=Khrushchev"));
        var events = timeline.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(events);
        var id = events[0].GetProperty("id").GetString()!;
        using var single = JsonDocument.Parse(await server.GetStringAsync("/api/events/" + id));
        Assert.Equal(id, single.RootElement.GetProperty("id").GetString());
        Assert.NotEmpty(single.RootElement.GetProperty("sources").EnumerateArray());
        using var search = JsonDocument.Parse(await server.GetStringAsync("/api/search?q=secret%20speech"));
        Assert.NotEmpty(search.RootElement.GetProperty("sources").EnumerateArray());
        using var missing = await server.Client.GetAsync("/api/events/no-such-event");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData(1956, 1956)]
    [InlineData(1, 1)]
    [InlineData(0, -1)]
    [InlineData(-43, -44)]
    public void WikimediaYear_CountsBcYearsNegativeWithoutAYearZero(int astronomical, int wikimedia) =>
        Assert.Equal(wikimedia, Almanac.Core.DateDisplay.HistoricalYear(astronomical));

    /// <summary>An item of Wikimedia's feed: text, year (not for holidays) and pages, each a page summary.</summary>
    private static void AssertFeedItem(JsonElement item, bool hasYear)
    {
        Assert.Equal(JsonValueKind.String, item.GetProperty("text").ValueKind);
        Assert.Equal(hasYear, item.TryGetProperty("year", out var year));
        if (hasYear)
            Assert.Equal(JsonValueKind.Number, year.ValueKind);
        var pages = item.GetProperty("pages").EnumerateArray().ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            foreach (var name in new[] { "type", "title", "displaytitle", "description", "extract" })
                Assert.Equal(JsonValueKind.String, page.GetProperty(name).ValueKind);
            foreach (var name in new[] { "canonical", "normalized", "display" })
                Assert.Equal(JsonValueKind.String, page.GetProperty("titles").GetProperty(name).ValueKind);
            Assert.True(page.GetProperty("pageid").TryGetInt64(out var id) && id >= 0);
            foreach (var site in new[] { "desktop", "mobile" })
                Assert.True(Uri.TryCreate(page.GetProperty("content_urls").GetProperty(site).GetProperty("page").GetString(), UriKind.Absolute, out _));
        }
    }
}
