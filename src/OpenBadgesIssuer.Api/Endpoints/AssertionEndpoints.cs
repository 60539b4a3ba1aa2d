using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenBadgesIssuer.Api.Auth;
using OpenBadgesIssuer.Api.Contracts;
using OpenBadgesIssuer.Api.Hosting;
using OpenBadgesIssuer.Api.Problems;
using OpenBadgesIssuer.Core.Assertions;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Paging;

namespace OpenBadgesIssuer.Api.Endpoints;

/// <summary>Awards (assertions) of the caller's tenant.</summary>
public static class AssertionEndpoints
{
    public static IEndpointRouteBuilder MapAssertionEndpoints(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder byBadgeClass = routes.MapGroup("/v1/badge-classes/{badgeClassId}/assertions").WithTags("Assertions");
        byBadgeClass.MapPost("/", IssueAssertion).RequireScope(Scopes.AssertionsIssue)
            .WithName(nameof(IssueAssertion))
            .WithSummary("Award the badge class: signs and stores OB 2.0 (hosted, signed) and OB 3.0 (Data Integrity, VC-JWT); links to those, the baked PNG/SVG and the HTML page")
            .Accepts<IssueAssertionRequest>("application/json")
            .WithProblems(400, 404, 409, 413, 415, 422);
        byBadgeClass.MapGet("/", ListAssertions).RequireScope(Scopes.IssuersRead)
            .WithName(nameof(ListAssertions)).WithSummary("List the awards of a badge class (cursor paging)")
            .WithProblems(400, 404);

        routes.MapGroup("/v1/assertions").WithTags("Assertions")
            .MapGet("/{id}", GetAssertion).RequireScope(Scopes.IssuersRead)
            .WithName(nameof(GetAssertion)).WithSummary("Get an award with its public links")
            .WithProblems(404);
        return routes;
    }

    public static async Task<Results<Created<AssertionResponse>, ProblemHttpResult>> IssueAssertion(
        string badgeClassId, IssueAssertionRequest body, ClaimsPrincipal user, AssertionService assertions, PublicUrls urls,
        HttpContext context, IssuanceTimings timings, CancellationToken ct)
    {
        long started = Stopwatch.GetTimestamp();
        Result<Assertion> result = await assertions.IssueAsync(user.GetTenantId(), badgeClassId, body.ToDraft(), urls.Links(context), ct);
        // Server-Timing (W3C): the three signatures, the one SaveChanges and the whole use case, so load tests can report
        // the signing share of the request time.
        context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture,
            $"sign;dur={timings.Signing.TotalMilliseconds:F3}, store;dur={timings.Storing.TotalMilliseconds:F3}, issue;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:F3}");
        return result.IsSuccess
            ? TypedResults.Created(urls.Absolute(context, $"/v1/assertions/{result.Value.Id}"), AssertionResponse.From(result.Value, urls.Links(context)))
            : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<PageResponse<AssertionResponse>>, ProblemHttpResult>> ListAssertions(
        string badgeClassId, ClaimsPrincipal user, AssertionService assertions, PublicUrls urls, HttpContext context,
        CancellationToken ct, int? limit = null, string? cursor = null)
    {
        Result<Page<Assertion>> result = await assertions.ListAsync(user.GetTenantId(), badgeClassId, limit, cursor, ct);
        return result.IsSuccess
            ? TypedResults.Ok(Paging.ToResponse(result.Value, a => AssertionResponse.From(a, urls.Links(context)),
                $"/v1/badge-classes/{badgeClassId}/assertions", limit, urls, context))
            : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<AssertionResponse>, ProblemHttpResult>> GetAssertion(
        string id, ClaimsPrincipal user, AssertionService assertions, PublicUrls urls, HttpContext context, CancellationToken ct)
    {
        Result<Assertion> result = await assertions.GetAsync(user.GetTenantId(), id, ct);
        return result.IsSuccess ? TypedResults.Ok(AssertionResponse.From(result.Value, urls.Links(context))) : result.Error.ToProblem();
    }
}
