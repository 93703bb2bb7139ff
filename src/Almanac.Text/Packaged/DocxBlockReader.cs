using Almanac.Core;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Almanac.Text.Packaged;

/// <summary>
/// A Word document (.docx), read with the Open XML SDK: headings (Title and Heading styles), list items (numbered
/// paragraphs), paragraphs, and each table row as a block of its cells, in document order, for the structure stage.
/// </summary>
internal static class DocxBlockReader
{
    public static PackagedRead Read(byte[] content)
    {
        try
        {
            // A part that expands past the document limit (a zip bomb) is refused by the SDK as it is read.
            using var word = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false,
                new OpenSettings { MaxCharactersInPart = DocumentReader.MaxBytes });
            if (word.MainDocumentPart?.Document?.Body is not { } body)
                return PackagedRead.Failed("a Word document without a body: there is no text to read");
            var blocks = new List<RawBlock>();
            foreach (var element in body.ChildElements)
            {
                if (element is Paragraph paragraph && Text(paragraph) is { Length: > 0 } text)
                    blocks.Add(new RawBlock(KindOf(paragraph), text));
                else if (element is Table table)
                    blocks.AddRange(table.Elements<TableRow>()
                        .Select(row => string.Join(" | ", row.Elements<TableCell>().Select(c => string.Join(" ", c.Elements<Paragraph>().Select(Text)).Trim())))
                        .Where(row => row.Trim('|', ' ').Length > 0)
                        .Select(row => new RawBlock(BlockKind.Paragraph, row)));
            }
            var title = word.PackageProperties.Title?.Trim() is { Length: > 0 } declared
                ? declared
                : blocks.FirstOrDefault(b => b.Kind == BlockKind.Heading)?.Text ?? "";
            return new PackagedRead(title, blocks, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return PackagedRead.Failed($"not a readable Word document: damaged, encrypted or too large ({e.Message})");
        }
    }

    private static string Text(Paragraph paragraph) =>
        string.Concat(paragraph.Descendants().Select(d => d switch
        {
            global::DocumentFormat.OpenXml.Wordprocessing.Text t => t.Text,
            TabChar => " ",
            Break or CarriageReturn => "\n",
            _ => "",
        })).Trim();

    private static BlockKind KindOf(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        var style = properties?.ParagraphStyleId?.Val?.Value ?? "";
        if (style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) || style.Equals("Title", StringComparison.OrdinalIgnoreCase)
            || properties?.OutlineLevel is not null)
            return BlockKind.Heading;
        return properties?.NumberingProperties is not null || style.StartsWith("List", StringComparison.OrdinalIgnoreCase)
            ? BlockKind.ListItem
            : BlockKind.Paragraph;
    }
}
