namespace Almanac.Web.Tests.Browser;

/// <summary>
/// A reader in headless Chromium: today's page with its picture and timeline, the pictured event, the person it names,
/// their timeline zoomed to a century. Each page is checked at a desktop width and a 360-pixel phone width (no sideways
/// scrolling, landmarks and headings, alt text on every image, contrast of every text) and screenshot into screenshots/people/.
/// </summary>
[Collection(PicturedSiteCollection.Name)]
public sealed class PicturesAndPeopleJourneyTests(PicturedSite site)
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots", "people");

    [BrowserFact]
    public async Task Reader_GoesFromTodaysPictureAndTimelineToAPersonAndTheirTimeline()
    {
        await using var browser = await Chromium.LaunchAsync();

        await browser.OpenAsync(new Uri(site.BaseAddress, "/").ToString());
        Assert.Equal("Today, 4 June", await browser.TextOfAsync("h1"));
        Assert.True((await browser.EvaluateAsync("document.querySelector('figure.picture img').naturalWidth"))?.GetValue<int>() > 0, "today's picture did not load");
        Assert.Equal("Nikita Khrushchev at the rostrum", await browser.EvaluateTextAsync("document.querySelector('figure.picture img').alt"));
        Assert.Contains("across the centuries", await browser.EvaluateTextAsync("document.querySelector('#day-timeline svg title').textContent"));
        await CheckAndShootAsync(browser, "1-today");

        await browser.ClickAsync("figure.picture figcaption a");
        Assert.Contains("/event/", await browser.LocationAsync());
        await CheckAndShootAsync(browser, "2-pictured-event");

        await browser.ClickAsync("#people ~ ul a", "Nikita Khrushchev");
        Assert.Equal("Nikita Khrushchev", await browser.TextOfAsync("h1"));
        var person = await browser.VisibleTextAsync();
        Assert.Contains("Born 15 April 1894", person);
        Assert.Contains("Died 11 September 1971", person);
        await CheckAndShootAsync(browser, "3-person");

        await browser.ClickAsync("#life nav a", "20th century");
        Assert.Contains("from=1900&to=1999", await browser.LocationAsync());
        Assert.Contains("Zoom by decade", await browser.VisibleTextAsync());
        await CheckAndShootAsync(browser, "4-person-20th-century");
    }

    /// <summary>At a desktop and a phone width: fits, passes the accessibility checks, and is saved as a screenshot.</summary>
    private static async Task CheckAndShootAsync(Chromium browser, string name)
    {
        foreach (var (width, label) in new[] { (1280, "desktop"), (360, "phone") })
        {
            await browser.ResizeAsync(width);
            Assert.True(await browser.FitsWidthAsync(), $"{name} scrolls sideways at {width} px");
            Assert.Null(await browser.AccessibilityProblemAsync());
            Assert.Null(await browser.EvaluateTextOrNullAsync(PictureAndContrastProblem));
            await browser.ScreenshotAsync(Path.Combine(Screenshots, $"{name}-{label}.png"));
        }
    }

    /// <summary>Null when every image has alt text, every SVG a title and description, and every text a contrast of 4.5:1 with its background (WCAG AA).</summary>
    private const string PictureAndContrastProblem = """
        (() => {
          const noAlt = [...document.querySelectorAll('img')].find(i => !i.alt || !i.alt.trim());
          if (noAlt) return 'image without alt text: ' + noAlt.outerHTML;
          const bare = [...document.querySelectorAll('svg')].find(s => s.getAttribute('role') !== 'img' || !s.querySelector('title') || !s.querySelector('desc'));
          if (bare) return 'svg without role, title or description';
          const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          const background = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3); } return [255, 255, 255]; };
          for (const e of document.querySelectorAll('main *, header *, footer *')) {
            if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
            if (e.closest('svg')) continue;
            const a = lum(rgb(getComputedStyle(e).color).slice(0, 3)), b = lum(background(e));
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) return 'contrast ' + ratio.toFixed(2) + ' at: ' + e.textContent.trim().slice(0, 60);
          }
          return null;
        })()
        """;
}
