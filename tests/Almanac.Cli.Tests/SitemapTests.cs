using System.IO.Compression;
using System.Text;
using Almanac.Ingest;

namespace Almanac.Cli.Tests;

/// <summary>Sitemaps are untrusted XML: only the protocol's two shapes are read, with no DTD and within the size bound.</summary>
public sealed class SitemapTests
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public void Read_UrlSet_GivesItsWebAddressesInOrderAndSkipsOthers()
    {
        var xml = $"<urlset xmlns=\"{Namespace}\"><url><loc> https://example.org/a </loc></url><url><loc>ftp://example.org/b</loc></url><url><loc>https://example.org/c</loc></url></urlset>";

        var listing = Sitemap.Read(Encoding.UTF8.GetBytes(xml), 1 << 20);

        Assert.Equal(["https://example.org/a", "https://example.org/c"], listing!.Pages);
        Assert.Empty(listing.Sitemaps);
    }

    [Fact]
    public void Read_SitemapIndex_GivesSitemapsNotPages()
    {
        var xml = $"<sitemapindex xmlns=\"{Namespace}\"><sitemap><loc>https://example.org/s1.xml</loc></sitemap></sitemapindex>";

        var listing = Sitemap.Read(Encoding.UTF8.GetBytes(xml), 1 << 20);

        Assert.Empty(listing!.Pages);
        Assert.Equal(["https://example.org/s1.xml"], listing.Sitemaps);
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel/></rss>")]
    [InlineData("<html><body>not xml at all<br></body></html>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><urlset><url><loc>&b;</loc></url></urlset>")]
    [InlineData("")]
    public void Read_AnythingElse_IsNoSitemap(string text) =>
        Assert.Null(Sitemap.Read(Encoding.UTF8.GetBytes(text), 1 << 20));

    [Fact]
    public void Read_GzipThatInflatesPastTheLimit_IsNoSitemap()
    {
        using var bytes = new MemoryStream();
        using (var gzip = new GZipStream(bytes, CompressionLevel.SmallestSize))
        {
            gzip.Write(Encoding.UTF8.GetBytes($"<urlset xmlns=\"{Namespace}\">"));
            var padding = new byte[1 << 20];
            Array.Fill(padding, (byte)' ');
            for (var i = 0; i < 8; i++)
                gzip.Write(padding);
            gzip.Write(Encoding.UTF8.GetBytes("</urlset>"));
        }
        var bomb = bytes.ToArray();

        Assert.True(bomb.Length < 64 * 1024);
        Assert.Null(Sitemap.Read(bomb, 4 << 20));
    }
}
