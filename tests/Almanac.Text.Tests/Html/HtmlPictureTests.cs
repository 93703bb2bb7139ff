using System.Text;
using Almanac.Core;

namespace Almanac.Text.Tests.Html;

/// <summary>Pictures a page carries are kept with the block they stand by, with their words; decoration is not.</summary>
public sealed class HtmlPictureTests
{
    private static ReadDocument Read(string html) =>
        DocumentReader.Read("/saved/page.html", Encoding.UTF8.GetBytes(html)).Document!;

    [Fact]
    public void Read_FigureWithCaption_GoesWithTheCaptionBlock_WithItsAltTextAndCaption()
    {
        var document = Read("""
            <html><head><title>Speech</title></head><body><article>
            <h1>The secret speech</h1>
            <figure><img src="images/k.jpg" alt="Khrushchev at the rostrum" width="640" height="480"><figcaption>Khrushchev at the congress, 1956.</figcaption></figure>
            <p>On 25 February 1956 Nikita Khrushchev denounced Stalin before the Twentieth Party Congress.</p>
            </article></body></html>
            """);
        var pictured = Assert.Single(document.Blocks, b => b.Pictures.Count > 0);
        Assert.Equal("Khrushchev at the congress, 1956.", pictured.Text);
        var picture = Assert.Single(pictured.Pictures);
        Assert.Equal(new Picture("images/k.jpg", null, "Khrushchev at the rostrum", "Khrushchev at the congress, 1956.", 640, 480), picture);
    }

    [Fact]
    public void Read_ImageInsideAListItem_StaysWithThatItem()
    {
        var document = Read("""
            <html><body><main><h1>June 4</h1><h2>Events</h2><ul>
            <li>1940 – The Dunkirk evacuation ends.</li>
            <li><img src="https://example.org/speech.jpg" alt="A newspaper front page"> 1956 – The secret speech is published.</li>
            <li>1989 – The Tiananmen Square protests are suppressed.</li>
            </ul></main></body></html>
            """);
        var pictured = Assert.Single(document.Blocks, b => b.Pictures.Count > 0);
        Assert.StartsWith("1956", pictured.Text);
        Assert.Equal("https://example.org/speech.jpg", pictured.Pictures[0].Url);
    }

    [Theory]
    [InlineData("""<img src="spacer.gif" alt="">""")]
    [InlineData("""<img src="pixel.gif" alt="tracking" width="1" height="1">""")]
    [InlineData("""<img alt="no address">""")]
    [InlineData("""<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline blob">""")]
    [InlineData("""<nav><img src="logo.png" alt="Site logo"></nav>""")]
    [InlineData("""<img src="hidden.png" alt="hidden" hidden>""")]
    public void Read_DecorationOrChrome_KeepsNoPicture(string image)
    {
        var document = Read($"<html><body><article><h1>Title</h1>{image}<p>On 25 February 1956 a speech was given.</p></article></body></html>");
        Assert.All(document.Blocks, b => Assert.Empty(b.Pictures));
    }

    [Fact]
    public void Read_LongAltText_IsCutAtAWord()
    {
        var alt = string.Join(' ', Enumerable.Repeat("word", 500));
        var document = Read($"<html><body><p><img src=\"a.png\" alt=\"{alt}\"> On 25 February 1956 a speech was given.</p></body></html>");
        var picture = document.Blocks.SelectMany(b => b.Pictures).Single();
        Assert.True(picture.Alt.Length <= 301, $"alt text kept {picture.Alt.Length} characters");
    }
}
