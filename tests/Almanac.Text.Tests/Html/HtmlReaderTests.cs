using System.Text;
using Almanac.Core;

namespace Almanac.Text.Tests.Html;

public class HtmlReaderTests
{
    private const string Story =
        "On 25 February 1956 Nikita Khrushchev addressed a closed session of the Twentieth Party Congress and denounced Stalin for the purges and the cult of personality.";

    private static readonly string Page = $$"""
        <!DOCTYPE html>
        <html><head><title>The Secret Speech | Example History</title>
        <style>p { color: red }</style><script>var tracking = "Home";</script></head>
        <body class="post-template has-sidebar">
          <a class="skip-link" href="#main">Skip to content</a>
          <header><div class="logo">Example History</div></header>
          <nav><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul></nav>
          <div class="layout with-sidebar">
            <main id="main"><article>
              <header><h1>Khrushchev&rsquo;s secret speech</h1></header>
              <p>{{Story}}</p>
              <h2>Aftermath</h2>
              <ul><li>Unrest in Poland, June 1956.</li><li>The Hungarian uprising, October 1956.</li></ul>
              <div class="share-buttons"><a href="#">Share on Facebook</a></div>
              <p style="display: none">Hidden teaser text.</p>
              <noscript>Enable JavaScript</noscript>
            </article></main>
            <aside class="widget-area"><h3>Popular Posts</h3><ul><li><a href="/x">Subway dogs</a></li></ul></aside>
            <div id="comments" class="comments-area"><h2>3 Comments</h2><p>Great article, thanks!</p></div>
          </div>
          <div class="cookie-consent">We use cookies.</div>
          <form><label>Email</label><button>Subscribe</button></form>
          <footer><p>&copy; 2024 Example History</p></footer>
        </body></html>
        """;

    [Fact]
    public void Read_PageWithChrome_KeepsOnlyTheArticle()
    {
        var document = Reading.Document("page.html", Page);

        Assert.Equal(
            [
                new TextBlock(BlockKind.Heading, "Khrushchev’s secret speech"),
                new TextBlock(BlockKind.Paragraph, Story),
                new TextBlock(BlockKind.Heading, "Aftermath"),
                new TextBlock(BlockKind.ListItem, "Unrest in Poland, June 1956."),
                new TextBlock(BlockKind.ListItem, "The Hungarian uprising, October 1956."),
            ],
            document.Blocks);
        Assert.Equal("The Secret Speech | Example History", document.Title);
    }

    [Fact]
    public void Read_NoTitleElement_TitleIsFirstH1()
    {
        var document = Reading.Document("a.htm", $"<body><h2>Before</h2><h1>The <em>Thaw</em></h1><p>{Story}</p></body>");
        Assert.Equal("The Thaw", document.Title);
    }

    [Fact]
    public void Read_Entities_AreDecoded()
    {
        var document = Reading.Document("a.html", "<p>Stalin &amp; Lenin &eacute;t&eacute; 1948&ndash;50&nbsp;AD &#8220;thaw&#8221; &#x2014; end</p>");
        Assert.Equal("Stalin & Lenin été 1948–50 AD “thaw” — end", document.Blocks.Single().Text);
    }

    [Fact]
    public void Read_BreakInsideParagraph_KeepsLineBreak()
    {
        var document = Reading.Document("a.html", "<p>Any fool can start a war.<br>Nikita Khrushchev</p>");
        Assert.Equal("Any fool can start a war.\nNikita Khrushchev", document.Blocks.Single().Text);
    }

    [Fact]
    public void Read_ListOfLinksOnly_IsDroppedAsMenu()
    {
        var document = Reading.Document("a.html",
            $"<div><ul><li><a href=1>Texts</a></li><li><a href=2>Images</a></li><li><a href=3>Audio</a></li></ul><p>{Story}</p></div>");
        Assert.Equal([Story], document.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Read_ListOfShortFacts_IsKept()
    {
        var document = Reading.Document("a.html", $"<p>{Story}</p><ul><li>Malenkov</li><li>Beria</li><li>Molotov</li></ul>");
        Assert.Equal(4, document.Blocks.Count);
    }

    [Fact]
    public void Read_RoleNavigationAndAriaHidden_AreSkipped()
    {
        var document = Reading.Document("a.html",
            $"<div role=\"navigation\">Menu here</div><div aria-hidden=\"true\">Decoration</div><div hidden>Secret</div><p>{Story}</p>");
        Assert.Equal([Story], document.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Read_HundredThousandNestedElements_DoesNotOverflowTheStack()
    {
        const int depth = 100_000;
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < depth; i++)
            html.Append("<div>");
        html.Append("<p>").Append(Story).Append("</p>");
        for (var i = 0; i < depth; i++)
            html.Append("</div>");
        html.Append("</body></html>");

        var result = DocumentReader.Read("deep.html", Encoding.UTF8.GetBytes(html.ToString()));

        Assert.True(result.IsSuccess, result.Failure?.Reason);
        Assert.Equal(Story, result.Document.Blocks.Single().Text);
    }

    [Fact]
    public void Read_TxtFileHoldingHtml_IsReadAsHtml()
    {
        var document = Reading.Document("saved.txt", $"  <!doctype html><html><body><script>x()</script><p>{Story}</p></body></html>");
        Assert.Equal([Story], document.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Read_OnlyNavigation_FailsWithReason()
    {
        var result = DocumentReader.Read("nav.html", "<nav><a href=/>Home</a></nav><footer>© 2024</footer>"u8);
        Assert.False(result.IsSuccess);
        Assert.Contains("no", result.Failure.Reason);
    }
}
