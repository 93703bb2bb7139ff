using Almanac.Text;

namespace Almanac.Ingest;

/// <summary>
/// What an ingest will read: files by path and pages fetched from the web addresses a user named (keyed by address),
/// and the paths it could not use, each with the reason.
/// </summary>
public sealed record FileSelection(IReadOnlyList<string> Files, IReadOnlyList<IngestFailure> Failures)
{
    public IReadOnlyDictionary<string, FetchedDocument> Fetched { get; init; } = new Dictionary<string, FetchedDocument>();

    /// <summary>
    /// Reads one entry: a fetched page from its bytes, its address kept as the document's path (shown and cited); a
    /// file from disk. The document's identity stays its content hash, so an unchanged page is stored once.
    /// </summary>
    public (ReadResult Result, long Bytes) Read(string entry)
    {
        if (Fetched.TryGetValue(entry, out var page))
        {
            var read = DocumentReader.Read(page.FileName, page.Content);
            return (read.IsSuccess ? ReadResult.Success(read.Document with { Path = page.Url }, read.ContentHash) : read, page.Content.Length);
        }
        var file = DocumentReader.Read(entry);
        return (file, file.IsSuccess ? new FileInfo(entry).Length : 0);
    }

    /// <summary>This selection with the pages fetched from <paramref name="addresses"/> added; an address that gave nothing is a failure.</summary>
    public FileSelection WithPages(IEnumerable<string> addresses, WebFetcher fetcher)
    {
        var fetched = new Dictionary<string, FetchedDocument>(Fetched);
        var files = Files.ToList();
        var failures = Failures.ToList();
        foreach (var address in addresses.Distinct(StringComparer.Ordinal))
        {
            var outcome = fetcher.Fetch(address);
            if (outcome.Document is { } page)
            {
                fetched[address] = page;
                files.Add(address);
            }
            else
            {
                failures.Add(new IngestFailure(address, outcome.Failure ?? "nothing fetched"));
            }
        }
        return new FileSelection(files, failures) { Fetched = fetched };
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
