using Almanac.Core;

namespace Almanac.Web;

/// <summary>
/// Which remote pictures pages may show: those on the origins the operator lists in the Almanac:RemoteImages setting
/// (space- or comma-separated, such as "https://upload.wikimedia.org"), which the Content-Security-Policy's img-src
/// then allows. By default none: a remote picture is linked in the API but not shown, and the server never fetches one.
/// </summary>
public sealed class PictureSettings
{
    public static readonly PictureSettings None = new([]);

    private readonly HashSet<string> _origins;

    private PictureSettings(IReadOnlyList<string> origins)
    {
        _origins = origins.ToHashSet(StringComparer.OrdinalIgnoreCase);
        ContentSecurityPolicy = origins.Count == 0
            ? SecurityHeaders.ContentSecurityPolicy
            : SecurityHeaders.ContentSecurityPolicy.Replace("img-src 'self'", "img-src 'self' " + string.Join(' ', origins), StringComparison.Ordinal);
    }

    /// <summary>The policy every page is sent with: the default one, its img-src extended by the allowed origins.</summary>
    public string ContentSecurityPolicy { get; }

    /// <summary>Reads the setting; an entry that is not an http(s) origin (a path, a query, a wildcard, a quote) is refused, naming it.</summary>
    public static PictureSettings Parse(string? setting)
    {
        var origins = new List<string>();
        foreach (var entry in (setting ?? "").Split([' ', ',', ';', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Uri.TryCreate(entry, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.PathAndQuery != "/"
                || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment) || entry.Contains('*') || entry.Contains('\''))
                throw new InvalidOperationException($"Almanac:RemoteImages: '{entry}' is not an origin such as https://upload.wikimedia.org (scheme and host, no path)");
            origins.Add(uri.GetLeftPart(UriPartial.Authority));
        }
        return new PictureSettings(origins.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>The address a page shows the picture from: the store's copy, or a remote one on an allowed origin; null when it may not be shown.</summary>
    public string? Source(Picture picture) =>
        picture.StoredId is { } id ? Urls.Image(id)
        : picture.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && _origins.Contains(uri.GetLeftPart(UriPartial.Authority)) ? uri.AbsoluteUri
        : null;
}
