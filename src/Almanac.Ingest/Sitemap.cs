using System.IO.Compression;
using System.Xml;

namespace Almanac.Ingest;

/// <summary>What a sitemap lists: the pages it names, and the further sitemaps a sitemap index names.</summary>
public sealed record SitemapListing(IReadOnlyList<string> Pages, IReadOnlyList<string> Sitemaps);

/// <summary>
/// Reads sitemaps (sitemaps.org protocol 0.9): a <c>urlset</c> names pages, a <c>sitemapindex</c> names more sitemaps,
/// each address in a <c>loc</c>. Plain or gzip-compressed; the XML is read without a DTD or external entities and
/// within the same size bound as any document, decompressed size included.
/// </summary>
public static class Sitemap
{
    /// <summary>The protocol's own limit on the addresses one sitemap file may list.</summary>
    public const int MaxAddresses = 50_000;

    /// <summary>The listing in <paramref name="content"/>, or null when it is not a sitemap (any other XML, HTML, bytes).</summary>
    public static SitemapListing? Read(byte[] content, long maxBytes)
    {
        var xml = IsGzip(content) ? Decompressed(content, maxBytes) : content;
        if (xml is null)
            return null;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxBytes,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName is not ("urlset" or "sitemapindex"))
                return null;
            var isIndex = reader.LocalName == "sitemapindex";
            var addresses = new List<string>();
            while (reader.Read() && addresses.Count < MaxAddresses)
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "loc")
                    continue;
                if (reader.ReadElementContentAsString().Trim() is { Length: > 0 } loc && WebFetcher.IsWebAddress(loc))
                    addresses.Add(loc);
            }
            return isIndex ? new SitemapListing([], addresses) : new SitemapListing(addresses, []);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static bool IsGzip(byte[] content) => content is [0x1f, 0x8b, ..];

    /// <summary>The decompressed bytes, or null when they are not gzip or would pass <paramref name="maxBytes"/> (a gzip bomb stops there).</summary>
    private static byte[]? Decompressed(byte[] content, long maxBytes)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
            return WebFetcher.ReadBounded(gzip, maxBytes);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
