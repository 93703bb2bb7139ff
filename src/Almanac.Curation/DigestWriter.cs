using Almanac.Core;
using Almanac.Storage;
using System.Text;
using Almanac.Curation.Markup;

namespace Almanac.Curation;

/// <summary>A digest as Markdown (for a newsletter) and as HTML (for a newsletter, Atom and RSS); links are absolute under <c>origin</c>.</summary>
public static class DigestWriter
{
    public static string Markdown(Digest digest, string origin)
    {
        var text = new StringBuilder();
        text.Append("# ").AppendLine(MarkdownEscape.Text(digest.Title)).AppendLine();
        if (digest.Events.Count == 0)
            text.AppendLine($"No events are stored for {DateDisplay.Day(digest.Day)}.");
        foreach (var e in digest.Events)
        {
            text.Append("- **").Append(DateDisplay.Year(e.Entry.ListedDate.Year)).Append("**: [")
                .Append(MarkdownEscape.Text(e.Entry.Event.Text)).Append("](").Append(origin).Append(Urls.Event(e.Entry.Event.Id)).AppendLine(")");
            if (e.Sources.Count > 0)
                text.Append("  Sources: ").AppendLine(string.Join(", ", e.Sources.Select(s => $"[{MarkdownEscape.Text(s.Title)}]({origin}{Urls.Source(s.Id)})")));
        }
        if (digest.Thought is { } thought)
        {
            text.AppendLine().AppendLine("## Thought for the day").AppendLine();
            text.Append("> ").AppendLine(MarkdownEscape.Text(thought.Quotation));
            if (thought.Author is { } author)
                text.AppendLine(">").Append("> — ").AppendLine(MarkdownEscape.Text(author));
            if (digest.ThoughtSource is { } source)
                text.AppendLine().AppendLine($"From [{MarkdownEscape.Text(source.Title)}]({origin}{Urls.Source(source.Id)}).");
        }
        return text.ToString();
    }

    /// <summary>The digest as an HTML fragment, every document text encoded.</summary>
    public static HtmlString Fragment(Digest digest, string origin)
    {
        var events = digest.Events.Count == 0
            ? Html.Of($"<p>No events are stored for {DateDisplay.Day(digest.Day)}.</p>")
            : Html.Of($"<ul>{digest.Events.Select(e => Html.Of($"""
                <li><strong>{DateDisplay.Year(e.Entry.ListedDate.Year)}</strong>: <a href="{origin + Urls.Event(e.Entry.Event.Id)}">{e.Entry.Event.Text}</a>{SourceLinks(e.Sources, origin)}</li>
                """))}</ul>");
        var thought = digest.Thought is not { } t
            ? HtmlString.Empty
            : Html.Of($"""
                <h2>Thought for the day</h2>
                <blockquote><p>{t.Quotation}</p>{(t.Author is { } author ? Html.Of($"<footer>— {author}</footer>") : HtmlString.Empty)}</blockquote>
                {(digest.ThoughtSource is { } source ? Html.Of($"<p>From <a href=\"{origin + Urls.Source(source.Id)}\">{source.Title}</a>.</p>") : HtmlString.Empty)}
                """);
        return Html.Of($"{events}{thought}");
    }

    /// <summary>A whole HTML document, for pasting into a newsletter tool or opening in a browser.</summary>
    public static string Document(Digest digest, string origin) => Html.Of($"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>{digest.Title}</title></head>
        <body>
        <h1>{digest.Title}</h1>
        {Fragment(digest, origin)}
        </body>
        </html>
        """).Value;

    private static HtmlString SourceLinks(IReadOnlyList<SourceRef> sources, string origin) =>
        sources.Count == 0
            ? HtmlString.Empty
            : Html.Of($" <small>(sources: {Html.Join(sources.Select(s => Html.Of($"<a href=\"{origin + Urls.Source(s.Id)}\">{s.Title}</a>")), Html.Of($", "))})</small>");

    /// <summary>Backslash-escapes Markdown's punctuation and drops raw HTML angle brackets, so a document's text stays text in a Markdown renderer.</summary>
}
