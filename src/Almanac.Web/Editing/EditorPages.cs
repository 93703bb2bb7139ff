using Almanac.Core;
using Almanac.Storage;
using Almanac.Web.Markup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Almanac.Web.Editing;

/// <summary>
/// The editor's side of the app, mapped only when an editor token is configured: `/editor` (sign in; the corrections with
/// their undo buttons), and the posts that hide, correct and undo. Readers never see a form; each post needs the editor's
/// session and its form's own token, and answers with a redirect (303) to a page that shows the result.
/// </summary>
public static class EditorPages
{
    public static IEndpointRouteBuilder MapEditorPages(this IEndpointRouteBuilder routes, EditorAccess access)
    {
        if (!access.IsConfigured)
            return routes;
        routes.MapGet("/editor", (HttpContext context, IAlmanacStore store) => access.IsEditor(context)
            ? Layout.Page("Corrections", Corrections(store.GetCorrections(), access))
            : Layout.Page("Editor sign-in", SignIn()));
        routes.MapPost("/editor/sign-in", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (!access.IsToken(form["token"]))
                return Refused("That is not the editor token.");
            context.Response.Cookies.Append(EditorAccess.CookieName, access.SessionValue, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, Path = "/", IsEssential = true,
            });
            return SeeOther("/editor");
        });
        routes.MapPost("/editor/sign-out", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(EditorAccess.CookieName, new CookieOptions { Path = "/" });
            return SeeOther("/");
        });
        routes.MapPost("/event/{id}/hide", (string id, HttpContext context, IAlmanacStore store, TimeProvider clock) =>
            Post(context, access, "event:" + id, form =>
                Apply(store, new CorrectionRequest(id, CorrectionAction.Hide, form["reason"].ToString().Trim(), form["editor"].ToString().Trim(), clock.GetUtcNow()), "/editor")));
        routes.MapPost("/event/{id}/correct", (string id, HttpContext context, IAlmanacStore store, TimeProvider clock) =>
            Post(context, access, "event:" + id, form =>
            {
                HistoricalDate? date = null;
                if (form["date"].ToString().Trim() is { Length: > 0 } text)
                {
                    if (!HistoricalDate.TryParseTimex(text, out var parsed))
                        return Problem($"“{text}” is not a date: write it as 1956-02-25, 1956-02 or 1956.");
                    date = parsed;
                }
                MentionKind? kind = null;
                if (form["kind"].ToString() is { Length: > 0 } kindText)
                {
                    if (!Enum.TryParse<MentionKind>(kindText, ignoreCase: true, out var parsedKind) || !Enum.IsDefined(parsedKind))
                        return Problem("Choose the kind from the list.");
                    kind = parsedKind;
                }
                var title = form["title"].ToString().Trim();
                return Apply(store, new CorrectionRequest(id, CorrectionAction.Correct, form["reason"].ToString().Trim(), form["editor"].ToString().Trim(),
                    clock.GetUtcNow(), title.Length > 0 ? title : null, date, kind), Urls.Event(id));
            }));
        routes.MapPost("/editor/undo/{number:long}", (long number, HttpContext context, IAlmanacStore store, TimeProvider clock) =>
            Post(context, access, "undo:" + number, form =>
                store.UndoCorrection(number, form["editor"].ToString().Trim() is { Length: > 0 } editor ? editor : "editor", clock.GetUtcNow())
                    ? SeeOther("/editor")
                    : Problem($"There is no correction {number} to undo.")));
        return routes;
    }

    /// <summary>What the editor sees on an event's page: the forms to hide and to correct it.</summary>
    public static HtmlString EventForms(HistoricalEvent e, EditorAccess access)
    {
        var token = access.FormToken("event:" + e.Id);
        var kinds = Enum.GetValues<MentionKind>().Select(k => Html.Of($"<option value=\"{k.ToString().ToLowerInvariant()}\">{k.ToString().ToLowerInvariant()}</option>"));
        return Html.Of($"""
            <section aria-labelledby="editing" class="editing"><h2 id="editing">Editor</h2>
            <form method="post" action="{Urls.Event(e.Id)}/hide" aria-label="Hide this event">
            <input type="hidden" name="csrf" value="{token}">
            <label for="hide-reason">Why hide it <input id="hide-reason" name="reason" required maxlength="500"></label>
            <label for="hide-editor">Your name <input id="hide-editor" name="editor" required maxlength="100"></label>
            <button type="submit">Hide this event</button>
            </form>
            <form method="post" action="{Urls.Event(e.Id)}/correct" aria-label="Correct this event">
            <input type="hidden" name="csrf" value="{token}">
            <label for="correct-date">Date (1956-02-25) <input id="correct-date" name="date" maxlength="20" placeholder="{e.DateValue}"></label>
            <label for="correct-title">Title <input id="correct-title" name="title" maxlength="300" placeholder="{e.Title}"></label>
            <label for="correct-kind">Kind <select id="correct-kind" name="kind"><option value="">unchanged</option>{kinds}</select></label>
            <label for="correct-reason">Why <input id="correct-reason" name="reason" required maxlength="500"></label>
            <label for="correct-editor">Your name <input id="correct-editor" name="editor" required maxlength="100"></label>
            <button type="submit">Correct this event</button>
            </form>
            </section>
            """);
    }

    private static HtmlString SignIn() => Html.Of($"""
        <h1>Editor sign-in</h1>
        <form method="post" action="/editor/sign-in">
        <label for="editor-token">Editor token <input id="editor-token" name="token" type="password" required autocomplete="current-password"></label>
        <button type="submit">Sign in</button>
        </form>
        """);

    private static HtmlString Corrections(IReadOnlyList<Correction> corrections, EditorAccess access)
    {
        var rows = corrections.AsEnumerable().Reverse().Select(c => Html.Of($"""
            <li><p><strong>{EditorialLayer.Describe(c.Request)}</strong> of “{c.TitleThen}” by {c.Request.Editor},
            {c.Request.At.ToString("d MMMM yyyy HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)}: {c.Request.Reason}</p>
            <p class="meta">{State(c)}</p>{Undo(c, access)}</li>
            """));
        return Html.Of($"""
            <h1>Corrections</h1>
            <p>Newest first; undone corrections stay in the history.</p>
            {(corrections.Count == 0 ? Html.Of($"<p>No corrections yet. Open an event to hide or correct it.</p>") : Html.Of($"<ul class=\"plain\">{rows}</ul>"))}
            <form method="post" action="/editor/sign-out"><button type="submit">Sign out</button></form>
            """);
    }

    private static HtmlString State(Correction c) =>
        c.UndoneAt is { } undone ? Html.Of($"Undone by {c.UndoneBy}, {undone.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}.")
        : c.AppliedTo is { } target ? (c.Request.Action == CorrectionAction.Hide ? Html.Of($"Hidden now (event {target}).") : Html.Of($"Applies to <a href=\"{Urls.Event(target)}\">event {target}</a>."))
        : Html.Of($"Waiting: no event holds most of its mentions now.");

    private static HtmlString Undo(Correction c, EditorAccess access) => !c.IsActive
        ? HtmlString.Empty
        : Html.Of($"""
            <form method="post" action="/editor/undo/{c.Id}" aria-label="Undo correction {c.Id}">
            <input type="hidden" name="csrf" value="{access.FormToken("undo:" + c.Id)}">
            <label for="undo-editor-{c.Id}">Your name <input id="undo-editor-{c.Id}" name="editor" required maxlength="100"></label>
            <button type="submit">Undo</button>
            </form>
            """);

    private static async Task<IResult> Post(HttpContext context, EditorAccess access, string purpose, Func<IFormCollection, IResult> act)
    {
        if (!context.Request.HasFormContentType)
            return Problem("Send the form.");
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!access.IsEditor(context) || !access.IsFormToken(form["csrf"], purpose))
            return Refused("Only a signed-in editor can change events, from the app's own forms.");
        return act(form);
    }

    private static IResult Apply(IAlmanacStore store, CorrectionRequest request, string then)
    {
        if (EditorialLayer.Problem(request) is { } problem)
            return Problem(problem[0..1].ToUpperInvariant() + problem[1..] + ".");
        return store.AddCorrection(request) is null
            ? Layout.Page("No such event", Html.Of($"<h1>No such event</h1><p>No event has the id “{request.EventId}”.</p>"), StatusCodes.Status404NotFound)
            : SeeOther(then);
    }

    private static IResult SeeOther(string location) => new SeeOtherResult(location);

    /// <summary>303: after a post, the browser gets the page that shows the result, and reloading it posts nothing again.</summary>
    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }

    private static IResult Problem(string message) =>
        Layout.Page("Cannot make this change", Html.Of($"<h1>Cannot make this change</h1><p>{message}</p>"), StatusCodes.Status400BadRequest);

    private static IResult Refused(string message) =>
        Layout.Page("Not allowed", Html.Of($"<h1>Not allowed</h1><p>{message}</p>"), StatusCodes.Status403Forbidden);
}
