using Almanac.Text.Feed;
using Almanac.Text.Html;
using Almanac.Text.Packaged;
using Almanac.Text.Plain;

namespace Almanac.Text;

/// <summary>
/// A format Almanac reads: its name, its file extensions, and how its text becomes a title and blocks; or, for a
/// binary or zipped format (PDF, Word, EPUB), how its bytes do. A format whose extension other files share (".json")
/// says how its files start (<see cref="Starts"/>), so a folder's other files of that extension are passed over, and
/// why a file of its extension that reads as nothing is refused.
/// </summary>
internal sealed record DocumentFormat(string Name, IReadOnlyList<string> Extensions, Func<string, (string Title, IReadOnlyList<RawBlock> Blocks)> Read)
{
    /// <summary>Set for a format read from its bytes, not from decoded text.</summary>
    public Func<byte[], PackagedRead>? ReadBytes { get; init; }

    public Func<string, bool>? Starts { get; init; }

    public string NothingRead { get; init; } = "no readable text in the file";

    /// <summary>Plain text has no heading markup: its headings are recognised by shape after boilerplate removal.</summary>
    public bool PromotesHeadings => Name == "text";
}

/// <summary>
/// The one registry of document formats: the ingest's file selection and the reader both ask it. A plain-text file,
/// or one whose extension names no format, is HTML when it starts like an HTML page.
/// </summary>
public static class DocumentFormats
{
    internal static readonly DocumentFormat Html = new("html", [".html", ".htm", ".xhtml"], HtmlBlockReader.Read);
    internal static readonly DocumentFormat Markdown = new("markdown", [".md", ".markdown"], text => ("", MarkdownBlockReader.Read(text)));
    internal static readonly DocumentFormat PlainText = new("text", [".txt"], text => ("", PlainTextBlockReader.Read(text)));
    internal static readonly DocumentFormat OnThisDayFeed = new("on-this-day feed", [".json"], OnThisDayFeedReader.Read)
    {
        Starts = OnThisDayFeedReader.StartsLikeFeed,
        NothingRead = "not an on-this-day feed: Almanac reads JSON only in the shape of Wikimedia's feed, an object with "
            + "\"events\", \"births\", \"deaths\", \"holidays\" or \"selected\" arrays of {\"text\", \"year\"} items",
    };
    internal static readonly DocumentFormat Pdf = Packaged("pdf", ".pdf", PdfBlockReader.Read);
    internal static readonly DocumentFormat Word = Packaged("word", ".docx", DocxBlockReader.Read);
    internal static readonly DocumentFormat Epub = Packaged("epub", ".epub", EpubBlockReader.Read);

    /// <summary>How much of a file a folder walk reads to tell whether it starts like its extension's format.</summary>
    private const int StartBytes = 4096;

    private static readonly IReadOnlyList<DocumentFormat> All = [Html, Markdown, PlainText, OnThisDayFeed, Pdf, Word, Epub];

    /// <summary>Every extension a format claims, for choosing the files of a folder.</summary>
    public static IReadOnlySet<string> Extensions { get; } =
        All.SelectMany(f => f.Extensions).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The binary or zipped format a file's extension names, read from its bytes; null for the text formats.</summary>
    internal static DocumentFormat? PackagedOf(string path) =>
        All.FirstOrDefault(f => f.ReadBytes is not null && f.Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase));

    private static DocumentFormat Packaged(string name, string extension, Func<byte[], PackagedRead> read) =>
        new(name, [extension], _ => throw new InvalidOperationException($"{name} is read from its bytes")) { ReadBytes = read };

    /// <summary>
    /// Whether a file found in a folder is one to read: its extension names a format, and where that format says how
    /// its files start, the file starts so (a ".json" of settings or data is not an on-this-day feed, and is passed over
    /// quietly). A file that cannot be opened is left to the reader, which says why.
    /// </summary>
    public static bool IsDocumentFile(string path)
    {
        var extension = Path.GetExtension(path);
        if (All.FirstOrDefault(f => f.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase)) is not { } format)
            return false;
        if (format.Starts is not { } starts)
            return true;
        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[StartBytes];
            var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return starts(System.Text.Encoding.UTF8.GetString(buffer, 0, length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    internal static DocumentFormat Of(string path, string text)
    {
        var extension = Path.GetExtension(path);
        var format = All.FirstOrDefault(f => f.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase)) ?? PlainText;
        // A page saved as .txt (or with no extension) is often HTML source.
        return format == PlainText && LooksLikeHtml(text) ? Html : format;
    }

    internal static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && start[..Math.Min(start.Length, 500)].Contains("<html", StringComparison.OrdinalIgnoreCase));
    }
}
