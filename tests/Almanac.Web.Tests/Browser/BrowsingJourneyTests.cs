namespace Almanac.Web.Tests.Browser;

/// <summary>
/// A reader browsing beyond one day, in headless Chromium at a desktop width and a 360-pixel phone width: today's page,
/// its month as a grid, a year from the grid, an event of that year, and the event whose sources disagree on its date
/// (its table of dates is the widest thing the app shows). Every page passes the accessibility audit (landmarks,
/// headings, labels, alt text, contrast) and fits the window; screenshots go to screenshots/browse-{width}-*.png under
/// the test output folder.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BrowsingJourneyTests(AlmanacServer server)
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [BrowserFact]
    public async Task Reader_BrowsesFromTodayToItsMonthAYearAndAnEvent_OnADesktopAndAPhone()
    {
        foreach (var (width, height) in new[] { (1280, 900), (360, 780) })
        {
            await using var browser = await Chromium.LaunchAsync();
            await browser.ResizeAsync(width, height);
            async Task Check(string step)
            {
                Assert.Null(await browser.AccessibilityAuditAsync());
                Assert.True(await browser.FitsWidthAsync(), $"{step} scrolls sideways at {width} px");
                await browser.ScreenshotAsync(Path.Combine(Screenshots, $"browse-{width}-{step}.png"));
            }

            await browser.OpenAsync(new Uri(server.BaseAddress, "/").ToString());
            Assert.Equal("Today, 4 June", await browser.TextOfAsync("h1"));
            await Check("1-today");

            await browser.ClickAsync("nav.days a", "All of June");
            Assert.EndsWith("/month/06", await browser.LocationAsync());
            Assert.Equal("June: every day in history", await browser.TextOfAsync("h1"));
            Assert.Equal(30, (await browser.EvaluateAsync("document.querySelectorAll('ol.month-grid > li').length"))?.GetValue<int>());
            var fourth = await browser.TextOfAsync("ol.month-grid > li:nth-child(4)");
            Assert.Matches("^4\\s+[1-9]\\d* events?", fourth);
            await Check("2-month");

            await browser.ClickAsync("ol.month-grid > li:nth-child(4) a.year");
            Assert.Matches("/year/\\d+$", await browser.LocationAsync());
            Assert.StartsWith("What happened in ", await browser.TextOfAsync("h1"));
            Assert.Contains("June", await browser.TextOfAsync("main section h2"));
            await Check("3-year");

            await browser.ClickAsync("main section ol.events a[href^='/event/']");
            Assert.Contains("/event/", await browser.LocationAsync());
            var around = await browser.TextOfAsync("#browse ~ ul");
            Assert.Contains("Everything on", around);
            Assert.Contains("What else happened in", around);
            await Check("4-event");

            // The speech, whose sources disagree on its date: the table of dates must fit a phone too.
            await browser.OpenAsync(new Uri(server.BaseAddress, "/day/02-25").ToString());
            await browser.ClickAsync("#events ~ ol a", "denunciation");
            Assert.Contains("The sources disagree on the date.", await browser.VisibleTextAsync());
            await Check("5-disputed-event");

            await browser.OpenAsync(new Uri(server.BaseAddress, "/century/20").ToString());
            Assert.Equal("The 20th century", await browser.TextOfAsync("h1"));
            await Check("6-century");

            await browser.OpenAsync(new Uri(server.BaseAddress, "/event/").ToString());
            Assert.Equal("Page not found", await browser.TextOfAsync("h1"));
            await Check("7-not-found");
        }
    }
}
