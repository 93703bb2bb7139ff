using Almanac.TestSupport;
using System.Text;
using Almanac.Ingest;
using Microsoft.AspNetCore.Http;

namespace Almanac.Cli.Tests;

/// <summary>Fetching the addresses a user names, against a site on loopback only.</summary>
public sealed class WebFetcherTests : IAsyncLifetime
{
    private const string Page = "<html><head><title>Moon landing</title></head><body><p>On 20 July 1969 Apollo 11 landed on the Moon.</p></body></html>";

    private LoopbackSite _site = null!;
    private readonly WebFetcher _fetcher = new();

    public Task InitializeAsync()
    {
        _site = LoopbackSite.Start(new Dictionary<string, Func<HttpContext, Task>>
        {
            ["/landing"] = c => Reply(c, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Page)),
            ["/latin"] = c => Reply(c, "text/plain; charset=windows-1252", Encoding.Latin1.GetBytes("On 14 July 1789 the Bastille fell in Paris, a café said.")),
            ["/image"] = c => Reply(c, "image/png", [0x89, 0x50, 0x4E, 0x47]),
            ["/huge"] = c => Reply(c, "text/plain", new byte[Almanac.Text.DocumentReader.MaxBytes + 1]),
            ["/moved"] = c => Redirect(c, "/landing"),
            ["/loop"] = c => Redirect(c, "/loop"),
            ["/notes.md"] = c => Reply(c, "application/octet-stream", Encoding.UTF8.GetBytes("# Notes\n\nOn 4 June 1956 the speech was published.")),
            ["/sitemap_index.xml"] = c => Reply(c, "application/xml", Encoding.UTF8.GetBytes(SitemapIndex(_site.Origin + "/pages.xml.gz"))),
            ["/pages.xml.gz"] = c => Reply(c, "application/gzip", Gzip(UrlSet(_site.Origin + "/landing", _site.Origin + "/latin", _site.Origin + "/gone"))),
            ["/feed.xml"] = c => Reply(c, "application/xml", Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>not a sitemap</title></channel></rss>")),
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _fetcher.Dispose();
        await _site.DisposeAsync();
    }

    [Fact]
    public void Fetch_HtmlPage_KeepsItsAddressAndSaysItIsHtml()
    {
        var outcome = _fetcher.Fetch(_site.Origin + "/landing");

        Assert.Null(outcome.Failure);
        Assert.Equal(_site.Origin + "/landing", outcome.Document!.Url);
        Assert.Equal("landing.html", outcome.Document.FileName);
        Assert.Equal(Page, Encoding.UTF8.GetString(outcome.Document.Content));
        Assert.Equal(WebFetcher.UserAgent, _site.LastUserAgent);
    }

    [Fact]
    public void Fetch_TextInADeclaredCharacterSet_IsReencodedAsUtf8()
    {
        var outcome = _fetcher.Fetch(_site.Origin + "/latin");

        Assert.Contains("café", Encoding.UTF8.GetString(outcome.Document!.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void Fetch_Redirect_IsFollowedToTheFinalAddress() =>
        Assert.Equal(_site.Origin + "/landing", _fetcher.Fetch(_site.Origin + "/moved").Document!.Url);

    [Fact]
    public void Fetch_GenericContentType_TakesTheFormatFromTheAddress() =>
        Assert.Equal("notes.md", _fetcher.Fetch(_site.Origin + "/notes.md").Document!.FileName);

    [Theory]
    [InlineData("/missing", "HTTP 404")]
    [InlineData("/image", "not a document Almanac reads (content type image/png)")]
    [InlineData("/huge", "larger than the 32 MiB limit")]
    [InlineData("/loop", "redirects")]
    public void Fetch_Unusable_SaysWhy(string path, string reason)
    {
        var outcome = _fetcher.Fetch(_site.Origin + path);

        Assert.Null(outcome.Document);
        Assert.Contains(reason, outcome.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Fetch_NothingListening_SaysTheConnectionWasRefused()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var outcome = _fetcher.Fetch($"http://127.0.0.1:{port}/");

        Assert.Contains("was refused", outcome.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_WebAddressAndAFileOfAddresses_StoresThePageUnderItsAddressOnceAndNamesWhatFailed()
    {
        using var cli = new CliRun();
        var list = Path.Combine(cli.Folder, "urls.txt");
        File.WriteAllLines(list, ["# reading list", _site.Origin + "/latin", _site.Origin + "/image"]);

        var first = cli.Run("ingest", _site.Origin + "/landing", "--urls", list);
        var again = cli.Run("ingest", _site.Origin + "/landing");
        var day = cli.Run("day", "07-20", "--json");

        Assert.StartsWith("2 documents read, 0 skipped as already stored, 1 failed", first.Out, StringComparison.Ordinal);
        Assert.Contains($"almanac ingest: {_site.Origin}/image: not a document Almanac reads (content type image/png)", first.Error, StringComparison.Ordinal);
        Assert.StartsWith("0 documents read, 1 skipped as already stored", again.Out, StringComparison.Ordinal);
        Assert.Contains($"\"path\":\"{_site.Origin}/landing\"", day.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Fetch_Sitemap_ListsItsPagesInsteadOfADocument()
    {
        var outcome = _fetcher.Fetch(_site.Origin + "/pages.xml.gz");

        Assert.Null(outcome.Document);
        Assert.Null(outcome.Failure);
        Assert.Equal([_site.Origin + "/landing", _site.Origin + "/latin", _site.Origin + "/gone"], outcome.Sitemap!.Pages);
    }

    [Fact]
    public void Fetch_XmlThatIsNoSitemap_IsNotADocument() =>
        Assert.Contains("not a document Almanac reads (content type application/xml)", _fetcher.Fetch(_site.Origin + "/feed.xml").Failure, StringComparison.Ordinal);

    [Fact]
    public void Ingest_SitemapIndex_ReadsEveryPageItsSitemapsListAndNamesWhatFailed()
    {
        using var cli = new CliRun();

        var run = cli.Run("ingest", _site.Origin + "/sitemap_index.xml");
        var day = cli.Run("day", "07-14", "--json");

        Assert.StartsWith("2 documents read, 0 skipped as already stored, 1 failed", run.Out, StringComparison.Ordinal);
        Assert.Contains($"almanac ingest: {_site.Origin}/gone: the server answered HTTP 404", run.Error, StringComparison.Ordinal);
        Assert.Contains($"\"path\":\"{_site.Origin}/latin\"", day.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_SitemapSavedAsTheFileOfAddresses_ReadsItsPages()
    {
        using var cli = new CliRun();
        var saved = Path.Combine(cli.Folder, "sitemap.xml");
        File.WriteAllText(saved, UrlSet(_site.Origin + "/landing"));

        Assert.StartsWith("1 documents read", cli.Run("ingest", "--urls", saved).Out, StringComparison.Ordinal);
    }

    private static string UrlSet(params string[] pages) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + string.Concat(pages.Select(p => $"<url><loc>{p}</loc><lastmod>2024-01-01</lastmod></url>")) + "</urlset>";

    private static string SitemapIndex(string sitemap) =>
        $"<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>{sitemap}</loc></sitemap></sitemapindex>";

    private static byte[] Gzip(string text)
    {
        using var bytes = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(bytes, System.IO.Compression.CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return bytes.ToArray();
    }

    private static async Task Reply(HttpContext context, string type, byte[] body)
    {
        context.Response.ContentType = type;
        await context.Response.Body.WriteAsync(body);
    }

    private static Task Redirect(HttpContext context, string to)
    {
        context.Response.Redirect(to);
        return Task.CompletedTask;
    }
}
