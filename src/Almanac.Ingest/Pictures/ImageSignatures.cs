using System.Buffers.Binary;

namespace Almanac.Ingest.Pictures;

/// <summary>An image's type as its bytes show it, and its size in pixels as its header gives it.</summary>
public sealed record ImageHeader(string ContentType, int Width, int Height);

/// <summary>
/// Tells an image's type by its content, never by its name: PNG, JPEG, GIF and WebP, the formats every browser shows
/// and none of which can carry script (SVG can, so it is not one). A file named .jpg that is not one is no image.
/// </summary>
public static class ImageSignatures
{
    /// <summary>How far into a JPEG the size is looked for: its frame header comes before the picture data.</summary>
    private const int MaxJpegScan = 1024 * 1024;

    /// <summary>The type and size of the image these bytes are, or null when they are no image of a known type or have no sensible size.</summary>
    public static ImageHeader? Identify(ReadOnlySpan<byte> bytes)
    {
        var header = Png(bytes) ?? Gif(bytes) ?? WebP(bytes) ?? Jpeg(bytes);
        return header is { Width: > 0 and <= 65_535, Height: > 0 and <= 65_535 } ? header : null;
    }

    private static ImageHeader? Png(ReadOnlySpan<byte> b) =>
        b.Length >= 24 && b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && b.Slice(12, 4).SequenceEqual("IHDR"u8)
            ? new("image/png", (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(b[16..]), int.MaxValue), (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(b[20..]), int.MaxValue))
            : null;

    private static ImageHeader? Gif(ReadOnlySpan<byte> b) =>
        b.Length >= 10 && (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8))
            ? new("image/gif", BinaryPrimitives.ReadUInt16LittleEndian(b[6..]), BinaryPrimitives.ReadUInt16LittleEndian(b[8..]))
            : null;

    private static ImageHeader? WebP(ReadOnlySpan<byte> b)
    {
        if (b.Length < 30 || !b.StartsWith("RIFF"u8) || !b.Slice(8, 4).SequenceEqual("WEBP"u8))
            return null;
        var chunk = b.Slice(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
            return new("image/webp", 1 + (b[24] | b[25] << 8 | b[26] << 16), 1 + (b[27] | b[28] << 8 | b[29] << 16));
        if (chunk.SequenceEqual("VP8 "u8) && b[23] == 0x9D && b[24] == 0x01 && b[25] == 0x2A)
            return new("image/webp", BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF);
        if (chunk.SequenceEqual("VP8L"u8) && b[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            return new("image/webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        return null;
    }

    /// <summary>A JPEG's size is in its start-of-frame segment; the segments before it are walked by their lengths.</summary>
    private static ImageHeader? Jpeg(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8 || b[2] != 0xFF)
            return null;
        var at = 2;
        var end = Math.Min(b.Length, MaxJpegScan);
        while (at + 9 < end)
        {
            if (b[at] != 0xFF)
                return null;
            var marker = b[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(at + 2)..]);
            // Start of frame: baseline, progressive and the other coding processes, but not DHT (C4), JPG (C8) or DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return new("image/jpeg", BinaryPrimitives.ReadUInt16BigEndian(b[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(at + 5)..]));
            if (length < 2)
                return null;
            at += 2 + length;
        }
        return null;
    }
}
