using Almanac.Text;

namespace Almanac.Ingest;

/// <summary>A document's bytes before reading: its path (a web page's address), the file name whose extension says its format, the bytes.</summary>
public sealed record RawDocument(string Path, string ReadAs, byte[] Content);

/// <summary>
/// What an ingest will read: files by path and web addresses (fetched one at a time as they are read, so a long list
/// of pages never sits in memory at once), and the entries it could not use, each with the reason.
/// </summary>
public sealed record FileSelection(IReadOnlyList<string> Files, IReadOnlyList<IngestFailure> Failures)
{
    /// <summary>The most sitemaps one ingest reads (a sitemap index names at most 50,000, each naming 50,000 pages).</summary>
    public const int MaxSitemaps = 1_000;

    /// <summary>Pages already fetched (a named address that might have been a sitemap), keyed by address.</summary>
    private IReadOnlyDictionary<string, FetchedDocument> Fetched { get; init; } = new Dictionary<string, FetchedDocument>();

    private WebFetcher? Fetcher { get; init; }

    /// <summary>
    /// Reads one entry: a web page from its fetched bytes, its address kept as the document's path (shown and cited);
    /// a file from disk. The document's identity stays its content hash, so an unchanged page is stored once.
    /// </summary>
    public (ReadResult Result, long Bytes) Read(string entry)
    {
        var (raw, failure) = Raw(entry);
        return raw is null ? (ReadResult.Failed(new ReadFailure(entry, failure!)), 0) : Read(raw);
    }

    /// <summary>Reads an entry's bytes (see <see cref="Raw"/>) into a document.</summary>
    public static (ReadResult Result, long Bytes) Read(RawDocument raw)
    {
        var read = DocumentReader.Read(raw.ReadAs, raw.Content);
        return (read.IsSuccess ? ReadResult.Success(read.Document with { Path = raw.Path }, read.ContentHash) : read, raw.Content.Length);
    }

    /// <summary>One entry's bytes, unread: a web page fetched now, a file from disk within the size limit; or why there are none.</summary>
    public (RawDocument? Document, string? Failure) Raw(string entry)
    {
        if (IsWebPage(entry))
        {
            if (Fetched.TryGetValue(entry, out var fetched))
                return (new RawDocument(fetched.Url, fetched.FileName, fetched.Content), null);
            var outcome = Fetcher!.Fetch(entry);
            if (outcome.Document is { } page)
                return (new RawDocument(page.Url, page.FileName, page.Content), null);
            return (null, outcome.Sitemap is null
                ? outcome.Failure ?? "nothing fetched"
                : "a sitemap listed among pages; name it on its own to read the pages it lists");
        }
        var (content, failure) = DocumentReader.Load(entry);
        return content is null ? (null, failure) : (new RawDocument(entry, entry, content), null);
    }

    /// <summary>
    /// This selection with the web pages at <paramref name="addresses"/> added. An address that looks like a sitemap
    /// (an .xml or .xml.gz path, or "sitemap" in its name) is fetched now and, when it is one, replaced by the pages it
    /// lists, nested sitemap indexes followed; every other address is fetched when it is read.
    /// </summary>
    public FileSelection WithPages(IEnumerable<string> addresses, WebFetcher fetcher)
    {
        var fetched = new Dictionary<string, FetchedDocument>(Fetched);
        var files = Files.ToList();
        var failures = Failures.ToList();
        var seen = new HashSet<string>(Files, StringComparer.Ordinal);
        var pending = new Queue<(string Address, bool Listed)>(addresses.Select(a => (a, false)));
        var sitemapsRead = 0;
        while (pending.TryDequeue(out var next))
        {
            var (address, listed) = next;
            if (!seen.Add(address))
                continue;
            if (listed || !LooksLikeSitemap(address))
            {
                files.Add(address);
                continue;
            }
            var outcome = fetcher.Fetch(address);
            if (outcome.Document is { } page)
            {
                fetched[address] = page;
                files.Add(address);
            }
            else if (outcome.Sitemap is { } sitemap && ++sitemapsRead <= MaxSitemaps)
            {
                foreach (var listedPage in sitemap.Pages)
                    pending.Enqueue((listedPage, true));
                foreach (var nested in sitemap.Sitemaps)
                    pending.Enqueue((nested, false));
            }
            else
            {
                failures.Add(new IngestFailure(address, outcome.Sitemap is null
                    ? outcome.Failure ?? "nothing fetched"
                    : $"more than {MaxSitemaps} sitemaps in one ingest; this one was not read"));
            }
        }
        return new FileSelection(files, failures) { Fetched = fetched, Fetcher = fetcher };
    }

    private bool IsWebPage(string entry) => Fetcher is not null && WebFetcher.IsWebAddress(entry);

    private static bool LooksLikeSitemap(string address)
    {
        var path = new Uri(address).AbsolutePath.ToLowerInvariant();
        return path.EndsWith(".xml") || path.EndsWith(".xml.gz") || Path.GetFileName(path).Contains("sitemap");
    }
}

public static class DocumentFiles
{
    public static IReadOnlySet<string> Extensions => Text.DocumentFormats.Extensions;

    /// <summary>True when <paramref name="path"/> has the extension of a format Almanac reads.</summary>
    public static bool IsDocument(string path) => Extensions.Contains(Path.GetExtension(path));

    /// <summary>
    /// Expands files and folders into document files, in a stable order. Folders are walked
    /// recursively; a folder reached twice (a symlink loop) is walked once.
    /// </summary>
    public static FileSelection Find(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var failures = new List<IngestFailure>();
        var seenFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
                files.Add(path);
            else if (Directory.Exists(path))
                Walk(path);
            else
                failures.Add(new IngestFailure(path, "no such file or folder"));
        }
        return new FileSelection(files.Distinct(StringComparer.Ordinal).ToList(), failures);

        void Walk(string root)
        {
            var pending = new Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var folder = pending.Pop();
                string real;
                try
                {
                    real = new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(folder);
                }
                catch (IOException e)
                {
                    failures.Add(new IngestFailure(folder, $"cannot follow link: {e.Message}"));
                    continue;
                }
                if (!seenFolders.Add(real))
                    continue;
                try
                {
                    files.AddRange(Directory.EnumerateFiles(folder).Where(Text.DocumentFormats.IsDocumentFile).Order(StringComparer.Ordinal));
                    foreach (var sub in Directory.EnumerateDirectories(folder).OrderDescending(StringComparer.Ordinal))
                        pending.Push(sub);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    failures.Add(new IngestFailure(folder, $"cannot read folder: {e.Message}"));
                }
            }
        }
    }
}
