using Almanac.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Almanac.Web.Pages;

/// <summary>
/// Image files stored with documents, served by the SHA-256 of their bytes: with the type their content was checked
/// to be, never sniffed, cached for good (the address is the content), and sandboxed should a browser ever open one as a page.
/// </summary>
public static class ImagePages
{
    public static IEndpointRouteBuilder MapImages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/image/{id}", (string id, HttpContext context, IAlmanacStore store) =>
        {
            if (id.Length != 64 || !id.All(char.IsAsciiHexDigitLower) || store.GetImage(id) is not { } image)
                return Results.NotFound();
            var headers = context.Response.Headers;
            headers.CacheControl = "public, max-age=31536000, immutable";
            headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            headers.ContentDisposition = "inline";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return Results.Bytes(image.Bytes, image.ContentType);
        });
        return routes;
    }
}
