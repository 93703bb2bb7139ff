using System.Text;

namespace Almanac.Text.Tests.Decoding;

public class EncodingTests
{
    private const string Text = "Khrushchev’s secret speech — 25 février 1956, Хрущёв 🚩";

    public static TheoryData<string, byte[]> Encoded => new()
    {
        { "UTF-8", Encoding.UTF8.GetBytes(Text) },
        { "UTF-8 with BOM", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text)] },
        { "UTF-16 LE with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Text)] },
        { "UTF-16 BE with BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Text)] },
        { "UTF-32 LE with BOM", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(Text)] },
    };

    [Theory]
    [MemberData(nameof(Encoded))]
    public void Read_SupportedEncoding_DecodesText(string encoding, byte[] content)
    {
        var result = DocumentReader.Read("a.txt", content);
        Assert.True(result.IsSuccess, $"{encoding}: {result.Failure?.Reason}");
        Assert.Equal(Text, result.Document.Text);
    }

    [Fact]
    public void Read_InvalidUtf8_NamesTheByteOffset()
    {
        byte[] content = [.. "Stalin died in 1953"u8, 0xC3, 0x28, .. " and then"u8];
        Assert.Equal("invalid UTF-8 at byte 19", Reading.Failure("a.txt", content));
    }

    [Fact]
    public void Read_TruncatedUtf8AtEnd_NamesTheByteOffset()
    {
        byte[] content = [.. "Khrushchev"u8, 0xE2, 0x80];
        Assert.Equal("invalid UTF-8 at byte 10", Reading.Failure("a.txt", content));
    }

    [Fact]
    public void Read_UnpairedSurrogateInUtf16_NamesTheByteOffset()
    {
        byte[] content = [0xFF, 0xFE, (byte)'A', 0, 0x00, 0xD8, (byte)'B', 0];
        Assert.Equal("invalid UTF-16 LE at byte 4: unpaired surrogate", Reading.Failure("a.txt", content));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "PNG image")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "JPEG image")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0 }, "GIF image")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "PDF document")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0 }, "ELF executable")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0 }, "ZIP archive")]
    public void Read_BinaryFormat_SaysWhatItLooksLike(byte[] content, string kind)
    {
        var reason = Reading.Failure("a.txt", content);
        Assert.StartsWith("not text: looks like", reason);
        Assert.Contains(kind, reason);
    }

    [Fact]
    public void Read_NulBytes_AreNotText()
    {
        Assert.Equal("not text: NUL byte at byte 3 (binary data, or UTF-16 without a byte-order mark)",
            Reading.Failure("a.txt", [(byte)'a', (byte)'b', (byte)'c', 0, (byte)'d']));
    }

    [Theory]
    [InlineData(new byte[0], "file is empty")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "file is empty")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x0D, 0x0A }, "file is empty: it holds only whitespace")]
    public void Read_EmptyOrWhitespace_IsEmpty(byte[] content, string reason)
    {
        Assert.Equal(reason, Reading.Failure("a.txt", content));
    }

    [Fact]
    public void Read_ContentOverLimit_IsRefused()
    {
        var content = new byte[DocumentReader.MaxBytes + 1];
        var result = DocumentReader.Read("big.txt", content);
        Assert.False(result.IsSuccess);
        Assert.StartsWith("larger than the 32 MiB limit", result.Failure.Reason);
        Assert.Null(result.ContentHash);
    }

    [Fact]
    public void Read_FileOverLimit_IsRefusedWithoutReadingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"almanac-big-{Guid.NewGuid():N}.txt");
        try
        {
            // A sparse file: its length is over the limit but nothing is written, so reading it whole would show.
            using (var stream = File.Create(path))
                stream.SetLength(DocumentReader.MaxBytes + 1);
            var result = DocumentReader.Read(path);
            Assert.False(result.IsSuccess);
            Assert.StartsWith("larger than the 32 MiB limit", result.Failure.Reason);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_MissingFile_IsAFailureNotAnException()
    {
        var result = DocumentReader.Read(Path.Combine(Path.GetTempPath(), "almanac-no-such-file.txt"));
        Assert.Equal("file not found", result.Failure?.Reason);
    }

    [Fact]
    public void Read_Directory_IsAFailureNotAnException()
    {
        var result = DocumentReader.Read(Path.GetTempPath());
        Assert.Equal("is a directory, not a file", result.Failure?.Reason);
    }

    [Fact]
    public void Read_FailureAfterReading_StillCarriesTheContentHash()
    {
        var result = DocumentReader.Read("a.txt", [0xC3]);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([0xC3])), result.ContentHash);
    }

    [Fact]
    public void Read_HtmlDeclaringLegacyCharset_IsDecodedWithIt()
    {
        byte[] content = [.. "<html><head><meta charset=\"windows-1252\"></head><body><p>Le 25 f"u8, 0xE9, .. "vrier 1956 "u8, 0x97, .. " Khrouchtchev parla.</p></body></html>"u8];
        var result = DocumentReader.Read("page.html", content);
        Assert.True(result.IsSuccess, result.Failure?.Reason);
        Assert.Equal("Le 25 février 1956 — Khrouchtchev parla.", result.Document.Blocks.Single().Text);
    }

    [Fact]
    public void Read_PlainTextInLegacyEncoding_IsInvalidUtf8()
    {
        byte[] content = [.. "charset=windows-1252 f"u8, 0xE9, .. "vrier"u8];
        Assert.Equal("invalid UTF-8 at byte 22", Reading.Failure("a.txt", content));
    }
}
