using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Almanac.Web.Api;

/// <summary>RFC 7807 problem responses: what was wrong with the request, in words a client developer can act on.</summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(detail: detail, title: title, statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(detail: detail, title: title, statusCode: StatusCodes.Status404NotFound);
}
