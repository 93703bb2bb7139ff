using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Almanac.TestSupport;

/// <summary>PDF, Word and EPUB files written for the tests by the libraries made for them, so readers meet real files.</summary>
public static class PackagedDocuments
{
    /// <summary>A PDF with a text layer: each paragraph on its own lines, paragraphs spaced apart; no paragraphs gives a page without text, as a scan has.</summary>
    public static byte[] Pdf(string title, params string[] paragraphs)
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var y = 780.0;
        foreach (var paragraph in paragraphs)
        {
            foreach (var line in Lines(paragraph, 80))
            {
                page.AddText(line, 11, new PdfPoint(40, y), font);
                y -= 14;
            }
            y -= 24;
        }
        return builder.Build();
    }

    /// <summary>A Word document: a Heading 1, then the paragraphs, then a table of the given rows.</summary>
    public static byte[] Docx(string heading, IReadOnlyList<string> paragraphs, IReadOnlyList<string[]>? rows = null)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }), new Run(new Text(heading))));
            foreach (var paragraph in paragraphs)
                body.Append(new Paragraph(new Run(new Text(paragraph) { Space = SpaceProcessingModeValues.Preserve })));
            if (rows is not null)
                body.Append(new Table(rows.Select(cells => new TableRow(cells.Select(c => new TableCell(new Paragraph(new Run(new Text(c)))))))));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>An EPUB whose spine lists the chapters in the order given (stored in the zip in the reverse order, so order comes from the spine).</summary>
    public static byte[] Epub(string title, params string[] chapters)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "mimetype", "application/epub+zip");
            Add(zip, "META-INF/container.xml", """
                <?xml version="1.0"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
                </container>
                """);
            var items = string.Concat(chapters.Select((_, i) => $"""<item id="c{i}" href="chapter%20{i}.xhtml" media-type="application/xhtml+xml"/>"""));
            var spine = string.Concat(chapters.Select((_, i) => $"""<itemref idref="c{i}"/>"""));
            Add(zip, "OEBPS/content.opf", $"""
                <?xml version="1.0"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title></metadata>
                  <manifest>{items}</manifest>
                  <spine>{spine}</spine>
                </package>
                """);
            for (var i = chapters.Length - 1; i >= 0; i--)
                Add(zip, $"OEBPS/chapter {i}.xhtml", $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Chapter {i + 1}</title></head>
                    <body><h1>Chapter {i + 1}</h1><p>{chapters[i]}</p></body></html>
                    """);
        }
        return stream.ToArray();
    }

    /// <summary>An EPUB whose one chapter inflates to <paramref name="bytes"/> bytes of spaces: a zip bomb when large.</summary>
    public static byte[] EpubBomb(long bytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "META-INF/container.xml", """<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="c.opf"/></rootfiles></container>""");
            Add(zip, "c.opf", """<package xmlns="http://www.idpf.org/2007/opf"><manifest><item id="a" href="a.xhtml"/></manifest><spine><itemref idref="a"/></spine></package>""");
            using var entry = zip.CreateEntry("a.xhtml", CompressionLevel.SmallestSize).Open();
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)' ');
            for (long written = 0; written < bytes; written += chunk.Length)
                entry.Write(chunk, 0, (int)Math.Min(chunk.Length, bytes - written));
        }
        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string path, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    private static IEnumerable<string> Lines(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length + word.Length + 1 > width && line.Length > 0)
            {
                yield return line.ToString();
                line.Clear();
            }
            line.Append(line.Length == 0 ? "" : " ").Append(word);
        }
        if (line.Length > 0)
            yield return line.ToString();
    }
}
