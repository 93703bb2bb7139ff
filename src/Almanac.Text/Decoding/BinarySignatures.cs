namespace Almanac.Text.Decoding;

/// <summary>Magic numbers of the binary formats people most often feed a text tool by mistake.</summary>
internal static class BinarySignatures
{
    private sealed record Signature(byte[] Magic, string Description);

    private static readonly Signature[] Known =
    [
        new([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        new([0xFF, 0xD8, 0xFF], "a JPEG image"),
        new("GIF87a"u8.ToArray(), "a GIF image"),
        new("GIF89a"u8.ToArray(), "a GIF image"),
        new("%PDF-"u8.ToArray(), "a PDF document"),
        new([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        new([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or a DOCX/EPUB/ODT file, which are ZIP archives)"),
        new([0x50, 0x4B, 0x05, 0x06], "an empty ZIP archive"),
        new([0x1F, 0x8B], "a gzip archive"),
        new([0x42, 0x5A, 0x68], "a bzip2 archive"),
        new([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz archive"),
        new([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        new([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Microsoft Office document"),
        new("SQLite format 3\0"u8.ToArray(), "an SQLite database"),
        new([0x4D, 0x5A, 0x90, 0x00], "a Windows executable"),
    ];

    /// <summary>What the bytes look like ("a PNG image"), or null when they start like no known binary format.</summary>
    public static string? Identify(ReadOnlySpan<byte> content)
    {
        foreach (var signature in Known)
            if (content.StartsWith(signature.Magic))
                return signature.Description;
        // RIFF containers carry their kind at offset 8.
        if (content.Length >= 12 && content.StartsWith("RIFF"u8))
        {
            var kind = content.Slice(8, 4);
            if (kind.SequenceEqual("WEBP"u8)) return "a WebP image";
            if (kind.SequenceEqual("WAVE"u8)) return "a WAV audio file";
            if (kind.SequenceEqual("AVI "u8)) return "an AVI video";
        }
        return null;
    }
}
