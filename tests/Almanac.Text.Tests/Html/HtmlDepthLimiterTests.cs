using Almanac.Text.Html;

namespace Almanac.Text.Tests.Html;

public class HtmlDepthLimiterTests
{
    [Fact]
    public void Limit_ShallowPage_IsUnchanged()
    {
        const string html = "<!DOCTYPE html><html><body><div class=\"a>b\"><p>One<p>Two<br/><img src=x><!-- <div> --><script>if (a<b) {}</script></div></body></html>";
        Assert.Equal(html, HtmlDepthLimiter.Limit(html));
    }

    [Fact]
    public void Limit_TooDeep_DropsOnlyTheExcessTagsAndKeepsText()
    {
        var depth = HtmlDepthLimiter.MaxDepth + 100;
        var html = string.Concat(Enumerable.Repeat("<div>", depth)) + "deep text" + string.Concat(Enumerable.Repeat("</div>", depth)) + "<p>after</p>";

        var limited = HtmlDepthLimiter.Limit(html);

        Assert.Equal(HtmlDepthLimiter.MaxDepth, CountOf(limited, "<div>"));
        Assert.Equal(HtmlDepthLimiter.MaxDepth, CountOf(limited, "</div>"));
        Assert.Contains("deep text", limited);
        Assert.EndsWith("<p>after</p>", limited);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
