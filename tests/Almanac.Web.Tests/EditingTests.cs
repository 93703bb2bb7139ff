using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Almanac.Web.Editing;

namespace Almanac.Web.Tests;

/// <summary>Without an editor token the app has no editing at all: no page, no form, no post.</summary>
[Collection(ServerCollection.Name)]
public sealed class EditingWithoutTokenTests(AlmanacServer server)
{
    [Fact]
    public async Task NoToken_EditorPageAndPostsDoNotExist_AndTheEventPageHasNoForm()
    {
        var id = await EditingTests.SpeechIdAsync(server);
        using var editor = await server.Client.GetAsync("/editor");
        Assert.Equal(HttpStatusCode.NotFound, editor.StatusCode);
        using var hide = await server.Client.PostAsync($"/event/{id}/hide", new FormUrlEncodedContent([new("reason", "x"), new("editor", "x")]));
        // No route takes a post there: the error pages' fallback answers GET and HEAD only, so a post is refused as a method.
        Assert.Contains(hide.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync($"/event/{id}")).StatusCode);
        var page = await server.GetStringAsync($"/event/{id}");
        Assert.DoesNotContain("<form method=\"post\"", page, StringComparison.Ordinal);
    }
}

/// <summary>An editor signs in with the token, hides and corrects events through the event page's forms, and undoes it.</summary>
[Collection(EditorServerCollection.Name)]
public sealed partial class EditingTests(EditorServer server) : IDisposable
{
    /// <summary>A client that shows the redirects the app answers posts with, instead of following them.</summary>
    private readonly HttpClient _poster = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

    public void Dispose() => _poster.Dispose();

    internal static async Task<string> SpeechIdAsync(AlmanacServer server)
    {
        using var feed = JsonDocument.Parse(await server.GetStringAsync("/api/feed/onthisday/events/06/04"));
        return feed.RootElement.GetProperty("events").EnumerateArray()
            .First(e => e.GetProperty("text").GetString()!.Contains("secret speech", StringComparison.OrdinalIgnoreCase)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Reader_SeesTheSignInPageOnlyAtItsAddress_AndAWrongTokenOrAMissingSessionIsRefused()
    {
        var id = await SpeechIdAsync(server);
        Assert.DoesNotContain("<form method=\"post\"", await server.GetStringAsync($"/event/{id}"), StringComparison.Ordinal);
        Assert.Contains("Editor sign-in", await server.GetStringAsync("/editor"), StringComparison.Ordinal);
        using var wrong = await server.Client.PostAsync("/editor/sign-in", Form(("token", "guess")));
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));

        // A post from elsewhere: no session, or a session without the form's own token.
        using var anonymous = await server.Client.PostAsync($"/event/{id}/hide", Form(("reason", "r"), ("editor", "e")));
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        var cookie = await SignInAsync();
        using var forged = await PostAsync($"/event/{id}/hide", cookie, ("reason", "r"), ("editor", "e"), ("csrf", "0000"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("Secret speech", await server.GetStringAsync("/day/06-04"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_HidesAnEvent_ItLeavesTheDayTheApiTheFeedsAndSearch_AndUndoBringsItBack()
    {
        var id = await SpeechIdAsync(server);
        var cookie = await SignInAsync();
        var page = await GetAsync($"/event/{id}", cookie);
        Assert.Contains("Hide this event", page, StringComparison.Ordinal);

        using var hidden = await PostAsync($"/event/{id}/hide", cookie, ("reason", "made public later, not on this day"), ("editor", "Ada"), ("csrf", CsrfOf(page)));

        Assert.Equal(HttpStatusCode.SeeOther, hidden.StatusCode);
        Assert.Equal("/editor", hidden.Headers.Location?.ToString());
        Assert.DoesNotContain(id, await server.GetStringAsync("/day/06-04"), StringComparison.Ordinal);
        Assert.DoesNotContain(id, await server.GetStringAsync("/api/feed/onthisday/all/06/04"), StringComparison.Ordinal);
        Assert.DoesNotContain("Secret speech", await server.GetStringAsync("/feed/today.atom"), StringComparison.Ordinal);
        Assert.DoesNotContain("Secret speech", await server.GetStringAsync("/feed/today.rss"), StringComparison.Ordinal);
        Assert.DoesNotContain(id, await server.GetStringAsync("/api/search?q=secret+speech"), StringComparison.Ordinal);
        using (var gone = await server.Client.GetAsync($"/event/{id}"))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var list = await GetAsync("/editor", cookie);
        Assert.Contains("made public later, not on this day", list, StringComparison.Ordinal);

        var undo = UndoFormOf(list);
        using var undone = await PostAsync(undo.Action, cookie, ("editor", "Grace"), ("csrf", undo.Csrf));

        Assert.Equal(HttpStatusCode.SeeOther, undone.StatusCode);
        Assert.Contains(id, await server.GetStringAsync("/day/06-04"), StringComparison.Ordinal);
        Assert.Contains("Undone by Grace", await GetAsync("/editor", cookie), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_CorrectsTheTitle_EveryPageShowsIt_AndTheEventPageSaysWhatTheMachineHad()
    {
        var id = await SpeechIdAsync(server);
        var cookie = await SignInAsync();
        var page = await GetAsync($"/event/{id}", cookie);

        using var corrected = await PostAsync($"/event/{id}/correct", cookie, ("title", "The New York Times prints Khrushchev's secret speech"),
            ("date", ""), ("kind", ""), ("reason", "say who published it"), ("editor", "Ada"), ("csrf", CsrfOf(page)));

        Assert.Equal(HttpStatusCode.SeeOther, corrected.StatusCode);
        var shown = await server.GetStringAsync($"/event/{id}");
        Assert.Contains("Corrected by the editor", shown, StringComparison.Ordinal);
        Assert.Contains("say who published it", shown, StringComparison.Ordinal);
        Assert.Contains("The machine had &#x201C;A &#x2018;Secret speech&#x2019;", shown, StringComparison.Ordinal);
        Assert.Contains("The New York Times prints Khrushchev&#x27;s secret speech", await server.GetStringAsync("/day/06-04"), StringComparison.Ordinal);
        Assert.Contains("prints Khrushchev", await server.GetStringAsync("/api/feed/onthisday/events/06/04"), StringComparison.Ordinal);

        using var bad = await PostAsync($"/event/{id}/correct", cookie, ("date", "next week"), ("reason", "r"), ("editor", "Ada"), ("csrf", CsrfOf(page)));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var undo = UndoFormOf(await GetAsync("/editor", cookie));
        using var _ = await PostAsync(undo.Action, cookie, ("editor", "Ada"), ("csrf", undo.Csrf));
        Assert.DoesNotContain("Corrected by the editor", await server.GetStringAsync($"/event/{id}"), StringComparison.Ordinal);
    }

    private async Task<string> SignInAsync()
    {
        using var response = await _poster.PostAsync("/editor/sign-in", Form(("token", EditorServer.Token)));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        return cookie.Split(';')[0];
    }

    private async Task<string> GetAsync(string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string path, string cookie, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Form(fields) };
        request.Headers.Add("Cookie", cookie);
        return _poster.SendAsync(request);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static string CsrfOf(string page) => CsrfField().Match(page).Groups["token"].Value;

    /// <summary>The newest active correction's undo form on the editor's page.</summary>
    private static (string Action, string Csrf) UndoFormOf(string page)
    {
        var match = UndoForm().Match(page);
        Assert.True(match.Success, "no undo form on the editor's page");
        return (match.Groups["action"].Value, match.Groups["token"].Value);
    }

    [GeneratedRegex("name=\"csrf\" value=\"(?<token>[0-9a-f]+)\"")]
    private static partial Regex CsrfField();

    [GeneratedRegex("action=\"(?<action>/editor/undo/\\d+)\"[^>]*>\\s*<input type=\"hidden\" name=\"csrf\" value=\"(?<token>[0-9a-f]+)\"")]
    private static partial Regex UndoForm();
}
