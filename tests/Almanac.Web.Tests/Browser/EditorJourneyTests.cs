using System.Text.Json;

namespace Almanac.Web.Tests.Browser;

/// <summary>
/// An editor's visit in headless Chromium: sign in with the token, open an event from the day page, hide it with the
/// page's own form, and see it gone from the day page, the on-this-day API and the Atom feed; then undo it. Screenshots
/// at a phone's width and a desktop's are saved under the test output folder (screenshots/editor-*.png).
/// </summary>
[Collection(EditorServerCollection.Name)]
public sealed class EditorJourneyTests(EditorServer server)
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [BrowserFact]
    public async Task Editor_HidesAnEventFromItsPage_ItIsGoneFromTheDayTheApiAndTheFeed()
    {
        await using var browser = await Chromium.LaunchAsync();
        string Url(string path) => new Uri(server.BaseAddress, path).ToString();

        await browser.OpenAsync(Url("/editor"));
        Assert.Equal("Editor sign-in", await browser.TextOfAsync("h1"));
        await browser.TypeAndEnterAsync("#editor-token", EditorServer.Token);
        Assert.Equal("Corrections", await browser.TextOfAsync("h1"));

        await browser.OpenAsync(Url("/day/06-04"));
        await browser.ClickAsync("#events ~ ol a", "Secret speech");
        var eventUrl = await browser.LocationAsync();
        Assert.Contains("/event/", eventUrl);
        var id = eventUrl[(eventUrl.LastIndexOf('/') + 1)..];
        Assert.Contains("Hide this event", await browser.VisibleTextAsync());
        Assert.True(await browser.FitsWidthAsync(), "the editor's event page scrolls sideways on a phone");
        Assert.Null(await browser.AccessibilityProblemAsync());
        await browser.ScreenshotAsync(Path.Combine(Screenshots, "editor-1-event-phone.png"));
        await browser.ResizeAsync(1280, 900);
        await browser.ScreenshotAsync(Path.Combine(Screenshots, "editor-1-event-desktop.png"));
        await browser.ResizeAsync(412, 915);

        await browser.EvaluateAsync("document.querySelector('#hide-reason').value = 'made public later; the speech was on 25 February'");
        await browser.EvaluateAsync("document.querySelector('#hide-editor').value = 'Ada'");
        await browser.ClickAsync("form[aria-label='Hide this event'] button");
        Assert.EndsWith("/editor", await browser.LocationAsync());
        var list = await browser.VisibleTextAsync();
        Assert.Contains("hid the event", list);
        Assert.Contains("made public later; the speech was on 25 February", list);
        Assert.Null(await browser.AccessibilityProblemAsync());
        await browser.ScreenshotAsync(Path.Combine(Screenshots, "editor-2-corrections-phone.png"));

        await browser.OpenAsync(Url("/day/06-04"));
        Assert.DoesNotContain("Secret speech", await browser.VisibleTextAsync());
        Assert.True(await browser.FitsWidthAsync(), "the day page scrolls sideways on a phone");
        await browser.ScreenshotAsync(Path.Combine(Screenshots, "editor-3-day-without-it-phone.png"));
        await browser.ResizeAsync(1280, 900);
        await browser.ScreenshotAsync(Path.Combine(Screenshots, "editor-3-day-without-it-desktop.png"));
        Assert.DoesNotContain(id, await server.GetStringAsync("/api/feed/onthisday/all/06/04"));
        Assert.DoesNotContain("Secret speech", await server.GetStringAsync("/feed/today.atom"));

        // Undo from the corrections page: the event is back for readers.
        await browser.OpenAsync(Url("/editor"));
        await browser.EvaluateAsync("document.querySelector('form[aria-label^=\"Undo\"] input[name=editor]').value = 'Ada'");
        await browser.ClickAsync("form[aria-label^='Undo'] button");
        Assert.Contains("Undone by Ada", await browser.VisibleTextAsync());
        using var feed = JsonDocument.Parse(await server.GetStringAsync("/api/feed/onthisday/events/06/04"));
        Assert.Contains(feed.RootElement.GetProperty("events").EnumerateArray(), e => e.GetProperty("id").GetString() == id);
    }
}
