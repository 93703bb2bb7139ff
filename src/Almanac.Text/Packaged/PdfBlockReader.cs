using Almanac.Core;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Almanac.Text.Packaged;

/// <summary>
/// A PDF's text layer, read with PdfPig: each page's words grouped into text blocks by their layout (Docstrum),
/// in reading order, each block a paragraph.
/// A PDF with no text on any page is a scan, refused with that reason; an encrypted one is refused too.
/// </summary>
internal static class PdfBlockReader
{
    /// <summary>No history book has more; a file claiming more pages is refused before they are read.</summary>
    private const int MaxPages = 5000;

    public static PackagedRead Read(byte[] content)
    {
        try
        {
            using var pdf = PdfDocument.Open(content);
            if (pdf.NumberOfPages > MaxPages)
                return PackagedRead.Failed($"a PDF of {pdf.NumberOfPages:N0} pages, more than the {MaxPages:N0} read");
            var blocks = new List<RawBlock>();
            long characters = 0;
            foreach (var page in pdf.GetPages())
            {
                foreach (var paragraph in Paragraphs(page))
                {
                    characters += paragraph.Length;
                    if (characters > DocumentReader.MaxBytes)
                        return PackagedRead.Failed($"the PDF's text is larger than the {DocumentReader.MaxBytes >> 20} MiB limit");
                    blocks.Add(new RawBlock(BlockKind.Paragraph, paragraph));
                }
            }
            if (blocks.Count == 0)
                return PackagedRead.Failed("a PDF without a text layer (a scan?): there is no text to read; run OCR on it first");
            return new PackagedRead(pdf.Information.Title?.Trim() ?? "", blocks, null);
        }
        catch (PdfDocumentEncryptedException)
        {
            return PackagedRead.Failed("an encrypted PDF: it cannot be read without its password");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return PackagedRead.Failed($"not a readable PDF ({e.Message})");
        }
    }

    private static IEnumerable<string> Paragraphs(Page page)
    {
        var words = NearestNeighbourWordExtractor.Instance.GetWords(page.Letters);
        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        return UnsupervisedReadingOrderDetector.Instance.Get(blocks).SelectMany(b => PackagedRead.Paragraphs(b.Text));
    }
}
