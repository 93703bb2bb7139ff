using System.Security.Cryptography;
using Almanac.Core;

namespace Almanac.Ingest.Pictures;

/// <summary>A picture of a document that is not kept, and why, naming the document and the picture.</summary>
public sealed record RefusedPicture(string DocumentPath, string Source, string Reason);

/// <summary>A document whose pictures are resolved, the image files to store with it and the pictures refused.</summary>
public sealed record ResolvedPictures(ReadDocument Document, IReadOnlyList<ImageFile> Files, IReadOnlyList<RefusedPicture> Refused);

/// <summary>
/// Turns the pictures a reader found, written as the page writes them, into pictures Almanac keeps. A remote address
/// (or one relative to a fetched page's address) is kept as an address and never fetched. A saved page's local image
/// file is copied into the store when it lies inside the page's own folder, is at most <see cref="MaxBytes"/>, and its
/// bytes are a PNG, JPEG, GIF or WebP image whatever its name says; any other address (javascript:, file:, a path
/// leading out of the folder) is refused.
/// </summary>
public static class DocumentPictures
{
    /// <summary>The largest image file copied: a photograph saved with a page is well under it.</summary>
    public const long MaxBytes = 8L * 1024 * 1024;

    /// <summary>The most image files one document brings into the store; later ones are refused.</summary>
    public const int MaxFiles = 32;

    public static ResolvedPictures Resolve(ReadDocument read)
    {
        if (read.Blocks.All(b => b.Pictures.Count == 0))
            return new(read, [], []);
        var files = new Dictionary<string, ImageFile>(StringComparer.Ordinal);
        var refused = new List<RefusedPicture>();
        var byPath = new Dictionary<string, Picture?>(StringComparer.Ordinal);
        var baseUri = Uri.TryCreate(read.Path, UriKind.Absolute, out var address) && address.Scheme is "http" or "https" ? address : null;
        var blocks = read.Blocks.Select(block => block.Pictures.Count == 0 ? block : block with
        {
            Pictures = block.Pictures.Select(p => ResolveOne(p)).OfType<Picture>().ToList(),
        }).ToList();
        return new(read with { Blocks = blocks }, files.Values.ToList(), refused);

        Picture? ResolveOne(Picture picture)
        {
            var source = picture.Url!;
            if (Remote(source, baseUri) is { } url)
                return picture with { Url = url };
            if (baseUri is not null)
                return Refuse(source, "not a web address");
            if (Uri.TryCreate(source, UriKind.Absolute, out var other) && !IsWindowsPath(source))
                return Refuse(source, other.IsFile ? "the path is not relative to the page's folder" : $"the address scheme '{other.Scheme}' is not http or https");
            if (!byPath.TryGetValue(source, out var copied))
                byPath[source] = copied = Copy(picture, source);
            return copied;
        }

        Picture? Copy(Picture picture, string source)
        {
            var (file, reason) = LocalFile(read.Path, source);
            if (file is null)
                return Refuse(source, reason!);
            if (!files.ContainsKey(file.Id) && files.Count >= MaxFiles)
                return Refuse(source, $"the document already brings {MaxFiles} image files");
            files.TryAdd(file.Id, file);
            return picture with { Url = null, StoredId = file.Id, Width = file.Width, Height = file.Height };
        }

        Picture? Refuse(string source, string reason)
        {
            refused.Add(new RefusedPicture(read.Path, source, reason));
            return null;
        }
    }

    private static string? Remote(string source, Uri? baseUri)
    {
        Uri? uri;
        if (baseUri is not null)
            Uri.TryCreate(baseUri, source, out uri);
        else
            Uri.TryCreate(source, UriKind.Absolute, out uri);
        return uri is { Scheme: "http" or "https" } && !IsWindowsPath(source) ? uri.AbsoluteUri : null;
    }

    private static bool IsWindowsPath(string source) => source.Length > 2 && source[1] == ':' && char.IsAsciiLetter(source[0]);

    /// <summary>The image file a saved page names by a relative path, read and checked, or why it is not kept.</summary>
    private static (ImageFile? File, string? Reason) LocalFile(string documentPath, string source)
    {
        var relative = Uri.UnescapeDataString(source.Split('?', '#')[0]).Replace('\\', '/');
        if (relative.Length == 0 || relative.StartsWith('/'))
            return (null, "the path is not relative to the page's folder");
        var folder = Path.GetFullPath(Path.GetDirectoryName(Path.GetFullPath(documentPath)) ?? ".");
        var inside = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(folder, relative));
        if (!path.StartsWith(inside, StringComparison.Ordinal))
            return (null, "the path leads out of the page's folder");
        try
        {
            var info = new FileInfo(path);
            // A link inside the folder may point anywhere: what it points to must be inside too.
            if (info.LinkTarget is not null)
            {
                if (info.ResolveLinkTarget(returnFinalTarget: true) is not FileInfo target || !Path.GetFullPath(target.FullName).StartsWith(inside, StringComparison.Ordinal))
                    return (null, "the file is a link leading out of the page's folder");
                info = target;
            }
            if (!info.Exists)
                return (null, "no such file beside the page");
            if (info.Length > MaxBytes)
                return (null, $"larger than the {MaxBytes / (1024 * 1024)} MiB an image may be ({info.Length / (1024.0 * 1024.0):0.#} MiB)");
            var bytes = File.ReadAllBytes(info.FullName);
            if (bytes.Length > MaxBytes)
                return (null, $"larger than the {MaxBytes / (1024 * 1024)} MiB an image may be");
            if (ImageSignatures.Identify(bytes) is not { } header)
                return (null, "its content is not a PNG, JPEG, GIF or WebP image, whatever its name says");
            return (new ImageFile(Convert.ToHexStringLower(SHA256.HashData(bytes)), header.ContentType, header.Width, header.Height, bytes), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return (null, $"cannot read it: {e.Message}");
        }
    }
}
