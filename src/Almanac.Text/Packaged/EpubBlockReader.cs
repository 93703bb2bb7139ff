using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using Almanac.Core;
using Almanac.Text.Decoding;
using Almanac.Text.Html;

namespace Almanac.Text.Packaged;

/// <summary>
/// An EPUB: its XHTML chapters read like HTML pages, in the order of the package's spine, one after another; the
/// title from the package's metadata. What the zip holds is bounded as it is inflated, whatever its headers claim,
/// so a zip bomb stops at the document limit.
/// </summary>
internal static class EpubBlockReader
{
    private static readonly XNamespace Container = "urn:oasis:names:tc:opendocument:xmlns:container";
    private static readonly XNamespace Package = "http://www.idpf.org/2007/opf";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    public static PackagedRead Read(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var budget = new InflateBudget();
            var rootPath = Xml(zip, "META-INF/container.xml", budget)?.Descendants(Container + "rootfile").FirstOrDefault()?.Attribute("full-path")?.Value;
            if (rootPath is null || Xml(zip, rootPath, budget) is not { } package)
                return PackagedRead.Failed("not an EPUB: it has no package document (META-INF/container.xml)");
            var folder = rootPath.Contains('/') ? rootPath[..(rootPath.LastIndexOf('/') + 1)] : "";
            var manifest = package.Descendants(Package + "item")
                .Where(i => i.Attribute("id") is not null && i.Attribute("href") is not null)
                .GroupBy(i => i.Attribute("id")!.Value)
                .ToDictionary(g => g.Key, g => g.First().Attribute("href")!.Value, StringComparer.Ordinal);
            var blocks = new List<RawBlock>();
            foreach (var idref in package.Descendants(Package + "itemref").Select(i => i.Attribute("idref")?.Value))
            {
                if (idref is null || !manifest.TryGetValue(idref, out var href) || Bytes(zip, folder + Uri.UnescapeDataString(href), budget) is not { } chapter)
                    continue;
                if (TextDecoder.Decode(chapter, html: true).Text is { } xhtml)
                    blocks.AddRange(HtmlBlockReader.Read(xhtml).Blocks);
            }
            if (blocks.Count == 0)
                return PackagedRead.Failed("an EPUB without readable chapters: its spine names no XHTML with text");
            return new PackagedRead(package.Descendants(DublinCore + "title").FirstOrDefault()?.Value.Trim() ?? "", blocks, null);
        }
        catch (InflateBudget.ExceededException)
        {
            return PackagedRead.Failed($"an EPUB that expands beyond the {DocumentReader.MaxBytes >> 20} MiB limit");
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException or ArgumentException)
        {
            return PackagedRead.Failed($"not a readable EPUB ({e.Message})");
        }
    }

    private static XDocument? Xml(ZipArchive zip, string path, InflateBudget budget)
    {
        if (Bytes(zip, path, budget) is not { } bytes)
            return null;
        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        return XDocument.Load(reader);
    }

    private static byte[]? Bytes(ZipArchive zip, string path, InflateBudget budget)
    {
        if (zip.GetEntry(path) is not { } entry)
            return null;
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            budget.Spend(read);
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    /// <summary>Bytes inflated so far across the whole archive, counted as they come, not as the headers say.</summary>
    private sealed class InflateBudget
    {
        private long _spent;

        public void Spend(int bytes)
        {
            _spent += bytes;
            if (_spent > DocumentReader.MaxBytes)
                throw new ExceededException();
        }

        public sealed class ExceededException : Exception;
    }
}
