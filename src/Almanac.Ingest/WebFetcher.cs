using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Almanac.Text;

namespace Almanac.Ingest;

/// <summary>A page fetched from an address the user named: its address, a file name whose extension says its format, and its bytes.</summary>
public sealed record FetchedDocument(string Url, string FileName, byte[] Content);

/// <summary>A fetch: the document, or why there is none, with the address it was asked for.</summary>
public sealed record FetchOutcome(string Url, FetchedDocument? Document, string? Failure)
{
    /// <summary>What the address listed when it was a sitemap rather than a document.</summary>
    public SitemapListing? Sitemap { get; init; }
}

/// <summary>
/// Fetches the web addresses a user names, and nothing else: within a time limit, at most the size a file may be,
/// following at most <see cref="MaxRedirects"/> redirects, with a User-Agent that says what is asking. The content
/// type says the format (the address's extension when the type is generic), and a text's declared character set is
/// honoured by re-encoding it as UTF-8 before it is read. Every failure is one line a person understands.
/// </summary>
public sealed class WebFetcher : IDisposable
{
    public const int MaxRedirects = 5;
    public const string UserAgent = "Almanac/1.0 (this-day-in-history engine; fetches only the addresses its user names)";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly (string MediaType, string Extension)[] Formats =
    [
        ("text/html", ".html"), ("application/xhtml+xml", ".html"), ("text/plain", ".txt"), ("text/markdown", ".md"),
        ("application/pdf", ".pdf"), ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
        ("application/epub+zip", ".epub"), ("application/json", ".json"),
    ];

    private readonly HttpClient _client;

    // Servers still declare windows-1252 and its kin, which .NET knows only through the code-pages provider.
    static WebFetcher() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public WebFetcher(HttpMessageHandler? handler = null)
    {
        _client = new HttpClient(handler ?? new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = MaxRedirects,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.All,
        })
        { Timeout = Timeout };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    /// <summary>True for an argument that names a web address rather than a file.</summary>
    public static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    public FetchOutcome Fetch(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return new FetchOutcome(url, null, "not an http or https address");
        try
        {
            using var response = _client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
            if ((int)response.StatusCode is >= 300 and < 400)
                return new FetchOutcome(url, null, $"more than {MaxRedirects} redirects, or a redirect without a usable address (HTTP {(int)response.StatusCode})");
            if (!response.IsSuccessStatusCode)
                return new FetchOutcome(url, null, $"the server answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            if (response.Content.Headers.ContentLength > DocumentReader.MaxBytes)
                return new FetchOutcome(url, null, TooLarge());
            var finalUri = response.RequestMessage?.RequestUri ?? uri;
            var type = response.Content.Headers.ContentType;
            var extension = Extension(type, finalUri);
            var notADocument = new FetchOutcome(url, null, $"not a document Almanac reads (content type {type?.MediaType ?? "none"})");
            if (extension is null && !MayBeSitemap(type, finalUri))
                return notADocument;
            using var stream = response.Content.ReadAsStream();
            var content = ReadBounded(stream, DocumentReader.MaxBytes);
            if (content is null)
                return new FetchOutcome(url, null, TooLarge());
            if (extension is null)
                return Sitemap.Read(content, DocumentReader.MaxBytes) is { } listing ? new FetchOutcome(url, null, null) { Sitemap = listing } : notADocument;
            var name = Path.GetFileNameWithoutExtension(finalUri.AbsolutePath) is { Length: > 0 } stem ? stem : "index";
            return new FetchOutcome(url, new FetchedDocument(finalUri.ToString(), name + extension, AsUtf8(content, response.Content.Headers.ContentType)), null);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException socket)
        {
            return new FetchOutcome(url, null, socket.SocketErrorCode switch
            {
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"the host {uri.Host} could not be found (DNS)",
                SocketError.ConnectionRefused => $"the connection to {uri.Authority} was refused",
                _ => $"the host {uri.Authority} could not be reached ({socket.SocketErrorCode})",
            });
        }
        catch (HttpRequestException e)
        {
            return new FetchOutcome(url, null, $"the request failed ({e.Message})");
        }
        catch (TaskCanceledException)
        {
            return new FetchOutcome(url, null, $"no answer within {Timeout.TotalSeconds:0} s");
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>The format the content type names; for a generic type, the one the address's extension names.</summary>
    private static string? Extension(MediaTypeHeaderValue? type, Uri uri)
    {
        var mediaType = type?.MediaType?.ToLowerInvariant();
        foreach (var (known, extension) in Formats)
            if (mediaType == known)
                return extension;
        var fromPath = Path.GetExtension(uri.AbsolutePath).ToLowerInvariant();
        return mediaType is null or "application/octet-stream" or "binary/octet-stream" && DocumentFormats.Extensions.Contains(fromPath) ? fromPath : null;
    }

    /// <summary>XML or gzip, by content type or (when the type is generic) by the address: what a sitemap is served as.</summary>
    private static bool MayBeSitemap(MediaTypeHeaderValue? type, Uri uri)
    {
        var mediaType = type?.MediaType?.ToLowerInvariant();
        if (mediaType is "application/xml" or "text/xml" or "application/gzip" or "application/x-gzip")
            return true;
        var path = uri.AbsolutePath.ToLowerInvariant();
        return mediaType is null or "application/octet-stream" or "binary/octet-stream" && (path.EndsWith(".xml") || path.EndsWith(".xml.gz"));
    }

    /// <summary>All of <paramref name="stream"/>, or null when it is longer than <paramref name="maxBytes"/> (read no further than one buffer past it).</summary>
    internal static byte[]? ReadBounded(Stream stream, long maxBytes)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            copy.Write(buffer, 0, read);
            if (copy.Length > maxBytes)
                return null;
        }
        return copy.ToArray();
    }

    /// <summary>Text in a character set the server declares, re-encoded as UTF-8 so the reader sees what the server meant.</summary>
    private static byte[] AsUtf8(byte[] content, MediaTypeHeaderValue? type)
    {
        if (type?.CharSet is not { Length: > 0 } charset || type.MediaType?.StartsWith("text/", StringComparison.OrdinalIgnoreCase) != true)
            return content;
        try
        {
            var encoding = Encoding.GetEncoding(charset.Trim('"'));
            return encoding.CodePage == Encoding.UTF8.CodePage ? content : Encoding.UTF8.GetBytes(encoding.GetString(content));
        }
        catch (ArgumentException)
        {
            // A character set .NET does not know: the reader's own detection decides.
            return content;
        }
    }

    private static string TooLarge() => $"larger than the {DocumentReader.MaxBytes >> 20} MiB limit";
}
