using Almanac.Core;
using Almanac.Web.Markup;

namespace Almanac.Web.Pages;

/// <summary>A picture as pages show it: a figure with its alt text and caption, sized so the page does not jump, or nothing when it may not be shown.</summary>
public static class PictureMarkup
{
    public static HtmlString Figure(Picture? picture, PictureSettings settings, HtmlString caption = default)
    {
        if (picture is null || settings.Source(picture) is not { } source)
            return HtmlString.Empty;
        var size = picture is { Width: { } width, Height: { } height } ? Html.Of($" width=\"{width}\" height=\"{height}\"") : HtmlString.Empty;
        var words = picture.Caption.Length > 0 ? Html.Of($"{picture.Caption}") : HtmlString.Empty;
        var captionText = caption.Value is { Length: > 0 } ? (words.Value.Length > 0 ? Html.Of($"{words} · {caption}") : caption) : words;
        var figcaption = captionText.Value.Length > 0 ? Html.Of($"<figcaption>{captionText}</figcaption>") : HtmlString.Empty;
        return Html.Of($"""<figure class="picture"><img src="{source}" alt="{picture.Description}"{size} referrerpolicy="no-referrer">{figcaption}</figure>""");
    }
}
