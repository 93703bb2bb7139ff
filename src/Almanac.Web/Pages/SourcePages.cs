using Almanac.Storage;
using Almanac.Web.Markup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Almanac.Web.Pages;

/// <summary>A source document as Almanac read it: its title and text, every word escaped.</summary>
public static class SourcePages
{
    public static IEndpointRouteBuilder MapSourcePages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/source");
        pages.MapGet("/{id}", (string id, IAlmanacStore store) =>
        {
            if (store.GetDocument(id) is not { } document)
                return Layout.Page("No such source", Html.Of($"<h1>No such source</h1><p>No document has the id “{id}”.</p>"), StatusCodes.Status404NotFound);
            var paragraphs = document.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return Layout.Page(document.Title, Html.Of($"""
                <article>
                <h1>{document.Title}</h1>
                <p class="meta">The text as Almanac read it ({document.ByteLength} bytes); what the document names as dated events is on the day and event pages.</p>
                <div class="source-text">{paragraphs.Select(p => Html.Of($"<p>{p}</p>"))}</div>
                </article>
                """));
        });
        return routes;
    }
}
