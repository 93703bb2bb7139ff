using System.Globalization;
using AngleSharp.Dom;
using Almanac.Core;

namespace Almanac.Text.Html;

/// <summary>
/// What an &lt;img&gt; tells a reader: its address as written, its alt text and the caption of the figure it stands in.
/// Only pictures that say in words what they show are kept: an image with neither alt text nor caption, or one a few
/// pixels wide (a spacer, a tracking pixel, an icon), is decoration.
/// </summary>
internal static class HtmlPictures
{
    /// <summary>The longest address kept; a longer one is a data blob or a tracking URL, not a picture's place.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>The most of an alt text or caption kept: a description, shown as one line.</summary>
    public const int MaxTextLength = 300;

    /// <summary>Images narrower or lower than this, as the page sizes them, are icons and spacers.</summary>
    private const int MinSide = 32;

    public static Picture? Of(IElement img)
    {
        var source = (img.GetAttribute("src") ?? "").Trim();
        if (source.Length is 0 or > MaxUrlLength || source.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            return null;
        var width = Pixels(img.GetAttribute("width"));
        var height = Pixels(img.GetAttribute("height"));
        if (width < MinSide || height < MinSide)
            return null;
        var alt = Words(img.GetAttribute("alt") ?? "");
        var caption = img.Closest("figure")?.QuerySelector("figcaption") is { } figcaption ? Words(figcaption.TextContent) : "";
        return alt.Length == 0 && caption.Length == 0 ? null : new Picture(source, null, alt, caption, width, height);
    }

    private static int? Pixels(string? value) =>
        int.TryParse(value?.Trim().TrimEnd('x', 'p'), NumberStyles.None, CultureInfo.InvariantCulture, out var pixels) && pixels is > 0 and <= 100_000 ? pixels : null;

    private static string Words(string text) =>
        TextCut.AtWord(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), MaxTextLength);
}
