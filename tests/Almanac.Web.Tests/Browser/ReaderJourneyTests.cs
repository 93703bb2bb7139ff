namespace Almanac.Web.Tests.Browser;

/// <summary>
/// A reader's visit in headless Chromium: today's page, then 4 June through the day picker, the
/// secret-speech event (made public that day, then the speech itself), a person's timeline, and a search. Each step asserts what the page shows and
/// saves a screenshot under the test output folder (screenshots/).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ReaderJourneyTests(AlmanacServer server)
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [BrowserFact]
    public async Task Reader_BrowsesFromTodayToAnEventAPersonAndASearch()
    {
        await using var browser = await Chromium.LaunchAsync();

        await browser.OpenAsync(new Uri(server.BaseAddress, "/").ToString());
        Assert.Equal("Today, 4 June", await browser.TextOfAsync("h1"));
        Assert.True(await browser.FitsWidthAsync(), "today's page scrolls sideways on a phone");
        Assert.Equal("Skip to content", await browser.TabAsync());
        Assert.Null(await browser.AccessibilityProblemAsync());
        await browser.ScreenshotAsync(Path.Combine(Screenshots, "1-today.png"));

        await browser.ClickAsync("a[rel=next]");
        Assert.Equal("On this day: 5 June", await browser.TextOfAsync("h1"));
        await browser.SelectAsync("#pick-month", "6");
        await browser.SelectAsync("#pick-day", "4");
        await browser.ClickAsync("form.day-picker button");
        Assert.EndsWith("/day/06-04", await browser.LocationAsync());
        Assert.Equal("On this day: 4 June", await browser.TextOfAsync("h1"));
        var day = await browser.VisibleTextAsync();
        Assert.Contains("Secret speech", day);
        Assert.Contains("Why: Reported by ", day);
        Assert.Null(await browser.AccessibilityProblemAsync());
        await browser.ScreenshotAsync(Path.Combine(Screenshots, "2-day-06-04.png"));

        await browser.ClickAsync("#events ~ ol a", "Secret speech");
        Assert.Contains("/event/", await browser.LocationAsync());
        var eventText = await browser.VisibleTextAsync();
        Assert.Contains("In short", eventText);
        Assert.Contains("Khrushchev", eventText);
        Assert.Contains("Sources", eventText);
        Assert.True(await browser.FitsWidthAsync(), "the event page scrolls sideways on a phone");
        Assert.Null(await browser.AccessibilityProblemAsync());
        await browser.ScreenshotAsync(Path.Combine(Screenshots, "3-event.png"));

        // The speech itself, on the day it was given, names the people taking part.
        await browser.OpenAsync(new Uri(server.BaseAddress, "/day/02-25").ToString());
        await browser.ClickAsync("#events ~ ol a", "denunciation");
        Assert.Contains("The sources disagree on the date.", await browser.VisibleTextAsync());
        Assert.Null(await browser.AccessibilityProblemAsync());
        await browser.ScreenshotAsync(Path.Combine(Screenshots, "3b-speech.png"));

        var person = (await browser.TextOfAsync("#people ~ ul a")).Trim();
        Assert.NotEmpty(person);
        await browser.ClickAsync("#people ~ ul a");
        Assert.Equal(person, await browser.TextOfAsync("h1"));
        Assert.Matches("[1-9]\\d* events?, earliest first", await browser.VisibleTextAsync());
        Assert.Null(await browser.AccessibilityProblemAsync());
        await browser.ScreenshotAsync(Path.Combine(Screenshots, "4-timeline.png"));

        await browser.TypeAndEnterAsync("#site-search", "secret speech");
        Assert.Contains("/search?q=secret+speech", await browser.LocationAsync());
        var results = await browser.VisibleTextAsync();
        Assert.Matches("Events \\([1-9]\\d*\\)", results);
        Assert.Contains("Khrushchev", results);
        Assert.Null(await browser.AccessibilityProblemAsync());
        await browser.ScreenshotAsync(Path.Combine(Screenshots, "5-search.png"));
    }

    [BrowserFact]
    public async Task HostileDocument_ShowsItsPayloadAsTextInTheBrowser()
    {
        await using var browser = await Chromium.LaunchAsync();
        await browser.OpenAsync(new Uri(server.BaseAddress, "/day/06-04").ToString());
        await browser.ClickAsync("#events ~ ol a", HostileDocument.Marker);
        var text = await browser.VisibleTextAsync();
        Assert.Contains("<script>alert('xss')</script>", text);
        Assert.Contains("<img src=x onerror=alert(1)>", text);
        Assert.Equal(0, (await browser.EvaluateAsync("document.querySelectorAll('script, img').length"))?.GetValue<int>());
        Assert.Null(await browser.AccessibilityProblemAsync());
        await browser.ScreenshotAsync(Path.Combine(Screenshots, "6-hostile-event.png"));
    }
}
