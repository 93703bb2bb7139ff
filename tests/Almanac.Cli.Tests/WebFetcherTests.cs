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
