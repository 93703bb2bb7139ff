namespace Almanac.Web;

/// <summary>The one stylesheet, embedded so the app serves it wherever it runs from.</summary>
internal static class SiteStyle
{
    public static readonly string Css = Load();

    private static string Load()
    {
        using var stream = typeof(SiteStyle).Assembly.GetManifestResourceStream("Almanac.Web.site.css")
            ?? throw new InvalidOperationException("the embedded stylesheet Almanac.Web.site.css is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
