using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Almanac.Text.Decoding;

/// <summary>The decoded text of a file, or the reason it is not text.</summary>
internal readonly record struct DecodedText(string? Text, string? Failure);

/// <summary>
/// Turns raw bytes into text. UTF-8 (with or without BOM) is the default; UTF-16 and UTF-32 are accepted only with
/// a byte-order mark, because without one they cannot be told from binary data. An HTML page without a BOM that
/// declares a legacy charset (&lt;meta charset="windows-1252"&gt;) is decoded with it, as a browser would.
/// Decoding is otherwise strict: a wrong byte is reported with its offset rather than silently replaced, so a
/// broken file is noticed instead of ingested.
/// </summary>
internal static class TextDecoder
{
    /// <summary>Browsers look for a charset declaration in the first 1024 bytes; so do we.</summary>
    private const int CharsetPrescanBytes = 1024;

    public static DecodedText Decode(ReadOnlySpan<byte> content, bool html)
    {
        if (content.IsEmpty)
            return new(null, "file is empty");
        if (BinarySignatures.Identify(content) is { } kind)
            return new(null, $"not text: looks like {kind}");

        var decoded = content switch
        {
            _ when content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) => DecodeUtf8(content[3..], 3),
            _ when content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) => DecodeUtf32(content[4..], 4, bigEndian: false),
            _ when content.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]) => DecodeUtf32(content[4..], 4, bigEndian: true),
            _ when content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) => DecodeUtf16(content[2..], 2, bigEndian: false),
            _ when content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) => DecodeUtf16(content[2..], 2, bigEndian: true),
            _ when html && !content.Contains((byte)0) && DeclaredCharset(content) is { } encoding => new(encoding.GetString(content), null),
            _ => DecodeUnmarked(content),
        };
        if (decoded.Text is { } text && string.IsNullOrWhiteSpace(text))
            return new(null, text.Length == 0 ? "file is empty" : "file is empty: it holds only whitespace");
        return decoded;
    }

    /// <summary>The legacy encoding an HTML page declares ("charset=windows-1252"), or null for UTF-8, UTF-16 or none.</summary>
    private static Encoding? DeclaredCharset(ReadOnlySpan<byte> content)
    {
        var head = Encoding.ASCII.GetString(content[..Math.Min(content.Length, CharsetPrescanBytes)]).ToLowerInvariant();
        var at = head.IndexOf("charset=", StringComparison.Ordinal);
        if (at < 0)
            return null;
        var value = head.AsSpan(at + 8).TrimStart(" \"'");
        var length = 0;
        while (length < value.Length && (char.IsAsciiLetterOrDigit(value[length]) || value[length] is '-' or '_' or ':' or '.'))
            length++;
        var name = value[..length].ToString();
        // A page saved as UTF-8 often still says UTF-16 in its meta tag; without a BOM, UTF-16 is not what it is.
        if (name.Length == 0 || name.StartsWith("utf", StringComparison.Ordinal))
            return null;
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null; // an unknown charset name: read the bytes as UTF-8 and report what does not fit
        }
    }

    private static DecodedText DecodeUnmarked(ReadOnlySpan<byte> content)
    {
        var nul = content.IndexOf((byte)0);
        if (nul >= 0)
            return new(null, $"not text: NUL byte at byte {nul} (binary data, or UTF-16 without a byte-order mark)");
        return DecodeUtf8(content, 0);
    }

    private static DecodedText DecodeUtf8(ReadOnlySpan<byte> content, int offset)
    {
        var buffer = ArrayPool<char>.Shared.Rent(content.Length);
        try
        {
            var status = Utf8.ToUtf16(content, buffer, out var read, out var written, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
                return new(new string(buffer, 0, written), null);
            // NeedMoreData means the file ends inside a multi-byte character: also invalid, at the same place.
            return new(null, $"invalid UTF-8 at byte {offset + read}");
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static DecodedText DecodeUtf16(ReadOnlySpan<byte> content, int offset, bool bigEndian)
    {
        var name = bigEndian ? "UTF-16 BE" : "UTF-16 LE";
        if (content.Length % 2 != 0)
            return new(null, $"invalid {name}: odd number of bytes ({offset + content.Length})");
        var chars = new char[content.Length / 2];
        for (var i = 0; i < chars.Length; i++)
        {
            var hi = content[2 * i + (bigEndian ? 0 : 1)];
            var lo = content[2 * i + (bigEndian ? 1 : 0)];
            chars[i] = (char)(hi << 8 | lo);
        }
        // A lone surrogate is what "invalid" means in UTF-16; find the first one and name its byte.
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                i++;
            else if (char.IsSurrogate(chars[i]))
                return new(null, $"invalid {name} at byte {offset + 2 * i}: unpaired surrogate");
        }
        return new(new string(chars), null);
    }

    private static DecodedText DecodeUtf32(ReadOnlySpan<byte> content, int offset, bool bigEndian)
    {
        var name = bigEndian ? "UTF-32 BE" : "UTF-32 LE";
        if (content.Length % 4 != 0)
            return new(null, $"invalid {name}: byte count ({offset + content.Length}) is not a multiple of 4");
        var builder = new StringBuilder(content.Length / 4);
        for (var i = 0; i < content.Length; i += 4)
        {
            var value = bigEndian
                ? content[i] << 24 | content[i + 1] << 16 | content[i + 2] << 8 | content[i + 3]
                : content[i + 3] << 24 | content[i + 2] << 16 | content[i + 1] << 8 | content[i];
            if (!Rune.IsValid(value))
                return new(null, $"invalid {name} at byte {offset + i}");
            builder.Append(new Rune(value).ToString());
        }
        return new(builder.ToString(), null);
    }
}
