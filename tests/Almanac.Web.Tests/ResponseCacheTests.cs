using System.IO.Compression;
using System.Net;
using System.Text;
using Almanac.Storage.Sqlite;

namespace Almanac.Web.Tests;

/// <summary>
/// Day pages and feeds are cached per store generation: repeated requests get the same bytes and ETag, and a
/// document ingested while the server runs shows on the very next request. Each test has a server of its own,
/// since it writes to the store.
/// </summary>
public sealed class ResponseCacheTests : IAsyncLifetime
{
    private const string Feed = "/api/feed/onthisday/all/06/04";
    private const string DayPage = "/day/06-04";
    private readonly AlmanacServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task DayAndFeed_AfterAnotherIngestInTheSameProcess_ShowTheNewEvent()
    {
        foreach (var path in new[] { Feed, DayPage, "/", "/calendar.ics", "/year/1911" })
        {
            // Twice, so the second answer comes from the cache.
            await _server.GetStringAsync(path);
            Assert.DoesNotContain(Lantern.Words, await _server.GetStringAsync(path));
        }
        var before = await ETag(Feed);

        using (var store = SqliteAlmanacStore.Open(_server.DatabasePath))
            await Lantern.IngestInto(store);

        foreach (var path in new[] { Feed, DayPage, "/", "/calendar.ics", "/year/1911" })
            Assert.Contains(Lantern.Words, await _server.GetStringAsync(path));
        Assert.NotEqual(before, await ETag(Feed));
    }

    [Fact]
    public async Task DayPage_Repeated_IsTheSameBytesAndETag()
    {
        using var first = await _server.Client.GetAsync(DayPage);
        using var second = await _server.Client.GetAsync(DayPage);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal("no-cache", second.Headers.CacheControl?.ToString());
        Assert.Equal(first.Content.Headers.LastModified, second.Content.Headers.LastModified);
    }

    [Fact]
    public async Task DayPage_WithZoneAfterACachedCopy_StillRemembersTheZone()
    {
        await _server.GetStringAsync(DayPage);
        await _server.GetStringAsync(DayPage);
        using var response = await _server.Client.GetAsync(DayPage + "?tz=Asia/Tokyo");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tz=Asia%2FTokyo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Feed_CachedWithIfModifiedSinceAlone_IsAnsweredInFull()
    {
        using var first = await _server.Client.GetAsync(Feed);
        using var request = new HttpRequestMessage(HttpMethod.Get, Feed);
        request.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        using var second = await _server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Feed_CachedAndRepeatedWithItsETag_Is304()
    {
        var tag = await ETag(Feed);
        await ETag(Feed);
        using var request = new HttpRequestMessage(HttpMethod.Get, Feed);
        request.Headers.IfNoneMatch.Add(tag);
        using var response = await _server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("*", "br")]
    public async Task FeedAndDayPage_AcceptingAnEncoding_AreTheSameBytesEncodedWithTheirOwnETag(string acceptEncoding, string expected)
    {
        foreach (var path in new[] { Feed, DayPage })
        {
            using var plain = await _server.Client.GetAsync(path);
            var body = await plain.Content.ReadAsByteArrayAsync();
            for (var round = 0; round < 2; round++) // the first may build the response, the second is a hit
            {
                using var encoded = await GetAsync(path, acceptEncoding);
                Assert.Equal(HttpStatusCode.OK, encoded.StatusCode);
                Assert.Equal([expected], encoded.Content.Headers.ContentEncoding);
                Assert.Contains("Accept-Encoding", encoded.Headers.Vary);
                var bytes = await encoded.Content.ReadAsByteArrayAsync();
                Assert.True(bytes.Length < body.Length / 3, $"{path}: {bytes.Length} bytes encoded against {body.Length}");
                Assert.Equal(body, Decode(expected, bytes));
                Assert.Equal(plain.Content.Headers.ContentType, encoded.Content.Headers.ContentType);
                Assert.NotEqual(plain.Headers.ETag, encoded.Headers.ETag);
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    [InlineData("gzip;q=0, br;q=0")]
    [InlineData("compress")]
    public async Task Feed_AcceptingNoEncodingWeKeep_IsTheBodyAsBuilt(string? acceptEncoding)
    {
        using var plain = await _server.Client.GetAsync(Feed);
        using var response = await GetAsync(Feed, acceptEncoding);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(plain.Headers.ETag, response.Headers.ETag);
        Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Feed_EncodedAndRepeatedWithItsETag_Is304OnlyForTheSameEncoding()
    {
        using var first = await GetAsync(Feed, "gzip");
        var tag = first.Headers.ETag!;
        using var again = await GetAsync(Feed, "gzip", tag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(tag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        using var plain = await GetAsync(Feed, null, tag);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task DayPage_MissedWithTheETagOfTheSameBytes_Is304()
    {
        using var first = await GetAsync(DayPage, "gzip");
        // Another Host is another key (so a miss), while the page's links are relative: the same bytes and ETag.
        using var request = new HttpRequestMessage(HttpMethod.Get, DayPage);
        request.Headers.Host = "almanac.example";
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var response = await _server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(first.Headers.ETag, response.Headers.ETag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task DayPage_Missed_IsSentWithItsLengthInOneBody()
    {
        using var response = await GetAsync("/day/02-25", "gzip");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Contains("Secret Speech", Encoding.UTF8.GetString(Decode("gzip", bytes)), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding, System.Net.Http.Headers.EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch is not null)
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        return await _server.Client.SendAsync(request);
    }

    private static byte[] Decode(string coding, byte[] bytes)
    {
        using var input = new MemoryStream(bytes);
        using Stream decoder = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    private async Task<System.Net.Http.Headers.EntityTagHeaderValue> ETag(string path)
    {
        using var response = await _server.Client.GetAsync(path);
        return response.Headers.ETag ?? throw new InvalidOperationException($"GET {path}: no ETag");
    }
}

/// <summary>A document about an event on 4 June 1911 that no seed mentions, ingested while a server runs to show it sees the write.</summary>
internal static class Lantern
{
    public const string Words = "harbour lantern";

    public static async Task IngestInto(Almanac.Storage.IAlmanacStore store)
    {
        var folder = Directory.CreateTempSubdirectory("almanac-cache-").FullName;
        try
        {
            var document = Path.Combine(folder, "lantern.txt");
            await File.WriteAllTextAsync(document, "The harbour lantern\n\nOn June 4, 1911, the harbour lantern of Port Almanac was lit for the first time.\n");
            Assert.Equal(1, new Almanac.Ingest.Ingestor(store).Ingest(Almanac.Ingest.DocumentFiles.Find([document])).Read);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
