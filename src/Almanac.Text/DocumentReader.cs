using System.Security.Cryptography;
using Almanac.Core;
using Almanac.Text.Boilerplate;
using Almanac.Text.Decoding;
using Almanac.Text.Plain;
using Almanac.Text.Structure;

namespace Almanac.Text;

/// <summary>
/// Reads a document file into a <see cref="ReadDocument"/>: decodes it, extracts blocks (HTML, Markdown or plain
/// text), removes boilerplate and picks a title. Never throws for bad content or IO errors: every problem
/// becomes a <see cref="ReadFailure"/> with a reason a person understands.
/// </summary>
/// <remarks>
/// The format comes from <see cref="DocumentFormats"/> by extension (HTML, Markdown, plain text, on-this-day feed
/// JSON); any other file is HTML when its text starts like an HTML page ("&lt;!DOCTYPE html") and plain text otherwise.
/// </remarks>
public static class DocumentReader
{
    /// <summary>Files larger than 32 MiB are refused before they are read: no history page is that large, a dump or a disk image is.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    private const int MaxTitleLength = 200;

    public static ReadResult Read(string path)
    {
        var (content, failure) = Load(path);
        return content is null ? Failed(path, failure!) : Read(path, content);
    }

    /// <summary>
    /// A file's bytes, or why they cannot be read (missing, a directory, empty, more than <see cref="MaxBytes"/>, unreadable)
    /// in words a person understands. Never throws for IO errors.
    /// </summary>
    public static (byte[]? Content, string? Failure) Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            // The length of a symbolic link is that of the path it holds; sizes are checked on what it points to.
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
                info = info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
            if (!info.Exists)
                return (null, Directory.Exists(path) ? "is a directory, not a file" : "file not found");
            if (info.Length > MaxBytes)
                return (null, TooLarge(info.Length));
            // Pipes, sockets and devices also report 0 bytes; refusing before the open means a named pipe with no
            // writer cannot stall the ingest.
            if (info.Length == 0)
                return (null, "file is empty (0 bytes)");
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            // Read at most one byte past the limit, so a file that grew after the length check is still refused
            // without being read whole.
            var buffer = new byte[Math.Min(info.Length, MaxBytes) + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
                length += read;
            if (length > MaxBytes)
                return (null, TooLarge(stream.Length));
            return (buffer.AsSpan(0, length).ToArray(), null);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Gone since it was listed, or a symbolic link to nothing.
            return (null, "file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            return (null, $"cannot read the file: {e.Message}");
        }
    }

    /// <summary>A document's identity: the SHA-256 of its bytes in lowercase hex.</summary>
    public static string ContentHash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static ReadResult Read(string path, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (content.Length > MaxBytes)
            return Failed(path, TooLarge(content.Length));
        var hash = ContentHash(content);
        if (DocumentFormats.PackagedOf(path) is { ReadBytes: { } readBytes } packaged)
        {
            var read = readBytes(content.ToArray());
            return read.Failure is { } reason
                ? ReadResult.Failed(new ReadFailure(path, reason), hash)
                : Blocks(path, hash, packaged, read.Title, read.Blocks);
        }
        var decoded = TextDecoder.Decode(content, MayBeHtml(path, content));
        if (decoded.Text is not { } text)
            return ReadResult.Failed(new ReadFailure(path, decoded.Failure ?? "not text"), hash);

        var format = DocumentFormats.Of(path, text);
        var (title, raw) = format.Read(text);
        return Blocks(path, hash, format, title, raw);
    }

    /// <summary>What every format shares once it has blocks: boilerplate out, headings found, a title, the day-page structure.</summary>
    private static ReadResult Blocks(string path, string hash, DocumentFormat format, string title, IReadOnlyList<RawBlock> raw)
    {
        if (raw.Count == 0)
            return ReadResult.Failed(new ReadFailure(path, format.NothingRead), hash);
        var blocks = BoilerplateFilter.Default.Apply(raw);
        if (format.PromotesHeadings)
            blocks = PlainHeadings.Promote(blocks);
        if (blocks.Count == 0)
            return ReadResult.Failed(new ReadFailure(path, "no content left: everything in the file looks like navigation, comments or other page furniture"), hash);

        var document = new ReadDocument(path, TitleOf(title, blocks, format), blocks.Select(b => new TextBlock(b.Kind, b.Text) { Pictures = b.Pictures }).ToList());
        document = document with { DayPage = DayPageRecognizer.Recognize(path, document.Title, document.Blocks) };
        return ReadResult.Success(document, hash);
    }

    private static bool MayBeHtml(string path, ReadOnlySpan<byte> content) =>
        Path.GetExtension(path).ToLowerInvariant() is ".html" or ".htm" or ".xhtml"
        || content.TrimStart(" \t\r\n"u8).StartsWith("<"u8);

    /// <summary>HTML: &lt;title&gt;, else the first h1. Markdown: the first heading. Plain text: the first line of content.</summary>
    private static string TitleOf(string htmlTitle, IReadOnlyList<RawBlock> blocks, DocumentFormat format)
    {
        var title = htmlTitle;
        if (title.Length == 0 && format == DocumentFormats.Markdown)
            title = blocks.FirstOrDefault(b => b.Kind == BlockKind.Heading)?.Text ?? "";
        if (title.Length == 0)
            title = blocks[0].Text.Split('\n')[0];
        title = string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd(':').Trim();
        title = TextCut.AtWord(title, MaxTitleLength);
        return title;
    }

    private static string TooLarge(long length) =>
        $"larger than the {MaxBytes / (1024 * 1024)} MiB limit ({length / (1024.0 * 1024.0):0.#} MiB)";

    private static ReadResult Failed(string path, string reason) => ReadResult.Failed(new ReadFailure(path, reason));
}
