using Almanac.Core;
using Almanac.TestSupport;

namespace Almanac.Text.Tests.Packaged;

public sealed class PackagedReaderTests
{
    private const string Landing = "On 20 July 1969 the crew of Apollo 11 landed on the Moon, and Neil Armstrong stepped onto its surface.";
    private const string Return = "Four days later, on 24 July 1969, the astronauts splashed down safely in the Pacific Ocean.";

    [Fact]
    public void Read_PdfWithATextLayer_GivesItsParagraphsAndTitle()
    {
        var read = DocumentReader.Read("apollo.pdf", PackagedDocuments.Pdf("Apollo 11", Landing, Return));

        Assert.True(read.IsSuccess, read.Failure?.Reason);
        Assert.Equal("Apollo 11", read.Document.Title);
        Assert.Equal([Landing, Return], read.Document.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Read_PdfWithoutText_IsRefusedAsAScan()
    {
        var read = DocumentReader.Read("scan.pdf", PackagedDocuments.Pdf("Scan"));

        Assert.False(read.IsSuccess);
        Assert.Contains("without a text layer", read.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DocxWithHeadingParagraphsAndTable_KeepsEachAsABlock()
    {
        var docx = PackagedDocuments.Docx("Apollo 11", [Landing, Return], [["1969", "Apollo 11 lands on the Moon"], ["1972", "Apollo 17"]]);

        var read = DocumentReader.Read("apollo.docx", docx);

        Assert.True(read.IsSuccess, read.Failure?.Reason);
        Assert.Equal("Apollo 11", read.Document.Title);
        Assert.Equal((BlockKind.Heading, "Apollo 11"), (read.Document.Blocks[0].Kind, read.Document.Blocks[0].Text));
        Assert.Contains(read.Document.Blocks, b => b.Text == Landing);
        Assert.Contains(read.Document.Blocks, b => b.Text == "1969 | Apollo 11 lands on the Moon");
    }

    [Fact]
    public void Read_Epub_ReadsItsChaptersInSpineOrderWithItsTitle()
    {
        var read = DocumentReader.Read("apollo.epub", PackagedDocuments.Epub("The Flight of Apollo 11", Landing, Return));

        Assert.True(read.IsSuccess, read.Failure?.Reason);
        Assert.Equal("The Flight of Apollo 11", read.Document.Title);
        var text = read.Document.Text;
        Assert.True(text.IndexOf(Landing, StringComparison.Ordinal) is >= 0 and var landing && landing < text.IndexOf(Return, StringComparison.Ordinal), text);
    }

    [Fact]
    public void Read_EpubThatInflatesPastTheLimit_IsRefusedWithoutInflatingIt()
    {
        var bomb = PackagedDocuments.EpubBomb(DocumentReader.MaxBytes + (1 << 20));
        Assert.True(bomb.Length < 1 << 20, $"{bomb.Length} bytes compressed");

        var read = DocumentReader.Read("bomb.epub", bomb);

        Assert.False(read.IsSuccess);
        Assert.Contains("expands beyond the 32 MiB limit", read.Failure.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apollo.pdf", "not a readable PDF")]
    [InlineData("apollo.docx", "not a readable Word document")]
    [InlineData("apollo.epub", "not a readable EPUB")]
    public void Read_TruncatedFile_IsRefusedNamingTheFormat(string path, string reason)
    {
        var whole = Path.GetExtension(path) switch
        {
            ".pdf" => PackagedDocuments.Pdf("Apollo 11", Landing),
            ".docx" => PackagedDocuments.Docx("Apollo 11", [Landing]),
            _ => PackagedDocuments.Epub("Apollo 11", Landing),
        };

        var read = DocumentReader.Read(path, whole.AsSpan(0, whole.Length / 3));

        Assert.False(read.IsSuccess);
        Assert.Contains(reason, read.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EncryptedWordDocument_IsRefusedNotThrown()
    {
        // An encrypted .docx is an OLE compound file, not a zip: its signature is all the reader sees.
        byte[] compoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4096]];

        var read = DocumentReader.Read("secret.docx", compoundFile);

        Assert.False(read.IsSuccess);
        Assert.Contains("not a readable Word document", read.Failure.Reason, StringComparison.Ordinal);
    }
}
