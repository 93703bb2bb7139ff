using System.Net;
using Almanac.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Almanac.Robustness.Tests;

/// <summary>
/// Hostile requests to the web app on 127.0.0.1: path traversal in every route parameter reaches no file, and SQL
/// (and full-text query) metacharacters in every parameter are data: no server error, the store unchanged.
/// </summary>
public sealed class WebRequestTests : IAsyncLifetime
{
    private readonly IngestBatch _batch = new();
    private WebApplication? _app;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var (exitCode, _, error) = _batch.Ingest(_batch.Folder);
        Assert.True(exitCode == 0, error);
        _app = AlmanacWeb.Create(["--urls", "http://127.0.0.1:0"], new AlmanacWebOptions(_batch.DatabasePath, new FakeTimeProvider(new DateTimeOffset(2026, 2, 25, 12, 0, 0, TimeSpan.Zero))));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
        _batch.Dispose();
    }

    private static readonly string[] Traversals =
    [
        "..%2F..%2F..%2F..%2Fetc%2Fpasswd", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "....%2F%2F....%2F%2Fetc%2Fpasswd",
        "..%5C..%5Cetc%5Cpasswd", "%252E%252E%252Fetc%252Fpasswd", "etc%2Fpasswd%00.html",
    ];

    private static readonly string[] RouteTemplates =
    [
        "/day/{0}", "/event/{0}", "/source/{0}", "/api/events/{0}", "/api/feed/onthisday/{0}/06/04", "/api/feed/onthisday/events/{0}/04",
        "/search?q={0}", "/api/search?q={0}", "/timeline?q={0}", "/api/timeline?q={0}", "/calendar.ics?q={0}", "/{0}", "/site.css/{0}",
        "/person/{0}", "/image/{0}", "/day/06-04?from={0}&to=2000", "/person/Khrushchev?from=1900&to={0}",
    ];

    [Fact]
    public async Task HugeRequestLine_IsRefusedBeforeAnyRoute()
    {
        using var response = await _client.GetAsync("/search?q=" + new string('a', AlmanacWeb.MaxRequestLineBytes * 2));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task LongQueryWithinTheRequestLine_IsA400Problem()
    {
        using var response = await _client.GetAsync("/api/search?q=" + new string('a', 2000));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task LargeRequestBody_IsRefused()
    {
        using var body = new ByteArrayContent(new byte[256 * 1024]);
        using var response = await _client.PostAsync("/api/search?q=speech", body);
        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.MethodNotAllowed, response.StatusCode.ToString());
        Assert.False((int)response.StatusCode >= 500);
    }

    [Fact]
    public async Task EveryRoute_PathTraversal_ReachesNoFile()
    {
        foreach (var template in RouteTemplates)
        {
            foreach (var traversal in Traversals)
            {
                var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, traversal);
                using var response = await _client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode < 500, $"GET {path}: {(int)response.StatusCode}");
                Assert.DoesNotContain("root:x:0:0", body);
                Assert.DoesNotContain("Almanac.Web", body);
            }
        }
    }

    private static readonly string[] SqlPayloads =
    [
        "' OR '1'='1", "\" OR \"1\"=\"1", "1956'); DELETE FROM documents; --", "x'; DROP TABLE events; --", "*", "\"", "NEAR(a b)",
        "a OR b AND NOT c", "title:x", "%", "_", "\\", "?", "$id", ":id", "@id", ";", "--", "/*", "';--", "\u0000", "\uD800",
    ];

    [Fact]
    public async Task EveryRoute_SqlMetacharacters_AreDataAndLeaveTheStoreAlone()
    {
        var before = _batch.Counts();
        foreach (var template in RouteTemplates)
        {
            foreach (var payload in SqlPayloads)
            {
                var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(payload));
                using var response = await _client.GetAsync(path);
                Assert.True((int)response.StatusCode < 500, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        Assert.Equal(before, _batch.Counts());
        using var day = await _client.GetAsync("/api/feed/onthisday/events/02/25");
        Assert.Equal(HttpStatusCode.OK, day.StatusCode);
        Assert.Contains("Khrushchev", await day.Content.ReadAsStringAsync());
    }
}
