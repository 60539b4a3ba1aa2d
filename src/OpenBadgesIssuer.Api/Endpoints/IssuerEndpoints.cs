using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OpenBadgesIssuer.Api.Auth;
using OpenBadgesIssuer.Api.Contracts;
using OpenBadgesIssuer.Api.Hosting;
using OpenBadgesIssuer.Api.OpenApi;
using OpenBadgesIssuer.Api.Problems;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Issuers;
using OpenBadgesIssuer.Core.Paging;

namespace OpenBadgesIssuer.Api.Endpoints;

/// <summary><c>/v1/issuers</c>: issuer profiles of the caller's tenant.</summary>
public static class IssuerEndpoints
{
    public static RouteGroupBuilder MapIssuerEndpoints(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder group = routes.MapGroup("/v1/issuers").WithTags("Issuers");

        group.MapPost("/", CreateIssuer).RequireScope(Scopes.IssuersWrite)
            .WithName(nameof(CreateIssuer)).WithSummary("Create an issuer profile")
            .Accepts<CreateIssuerRequest>("application/json")
            .WithProblems(400, 413, 415, 422);
        group.MapGet("/", ListIssuers).RequireScope(Scopes.IssuersRead)
            .WithName(nameof(ListIssuers)).WithSummary("List issuer profiles (cursor paging, ordered by id)")
            .WithProblems(400);
        group.MapGet("/{id}", GetIssuer).RequireScope(Scopes.IssuersRead)
            .WithName(nameof(GetIssuer)).WithSummary("Get an issuer profile")
            .WithProblems(404);
        group.MapPatch("/{id}", UpdateIssuer).RequireScope(Scopes.IssuersWrite)
            .WithName(nameof(UpdateIssuer)).WithSummary("Partially update an issuer profile (JSON merge patch, If-Match required)")
            .Accepts<UpdateIssuerRequest>("application/merge-patch+json", "application/json")
            .WithMetadata(new IfMatchMetadata(Required: true))
            .WithProblems(400, 404, 412, 413, 415, 422, 428);
        group.MapDelete("/{id}", DeleteIssuer).RequireScope(Scopes.IssuersWrite)
            .WithName(nameof(DeleteIssuer)).WithSummary("Delete an issuer profile (soft delete; If-Match optional)")
            .WithMetadata(new IfMatchMetadata(Required: false))
            .WithProblems(404, 412);
        return group;
    }

    public static async Task<Results<Created<IssuerResponse>, ProblemHttpResult>> CreateIssuer(
        CreateIssuerRequest body, ClaimsPrincipal user, IssuerService issuers, PublicUrls urls, HttpContext context,
        CancellationToken ct)
    {
        Result<IssuerProfile> result = await issuers.CreateAsync(user.GetTenantId(), body.ToDraft(), ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        context.Response.Headers.ETag = EntityTags.For(result.Value.Version);
        return TypedResults.Created(urls.Absolute(context, $"/v1/issuers/{result.Value.Id}"), IssuerResponse.From(result.Value));
    }

    public static async Task<Results<Ok<PageResponse<IssuerResponse>>, ProblemHttpResult>> ListIssuers(
        ClaimsPrincipal user, IssuerService issuers, PublicUrls urls, HttpContext context, CancellationToken ct,
        [Description("Page size, 1–100 (default 20).")] int? limit = null,
        [Description("Opaque cursor from the previous page's nextCursor.")] string? cursor = null)
    {
        Result<Page<IssuerProfile>> result = await issuers.ListAsync(user.GetTenantId(), limit, cursor, ct);
        return result.IsSuccess
            ? TypedResults.Ok(Paging.ToResponse(result.Value, IssuerResponse.From, "/v1/issuers", limit, urls, context))
            : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<IssuerResponse>, ProblemHttpResult>> GetIssuer(
        string id, ClaimsPrincipal user, IssuerService issuers, HttpContext context, CancellationToken ct)
    {
        Result<IssuerProfile> result = await issuers.GetAsync(user.GetTenantId(), id, ct);
        return WithETag(result, context);
    }

    public static async Task<Results<Ok<IssuerResponse>, ProblemHttpResult>> UpdateIssuer(
        string id, ClaimsPrincipal user, IssuerService issuers, HttpContext context, IOptions<JsonOptions> json,
        CancellationToken ct)
    {
        if (!context.Request.HasJsonContentType())
        {
            return TypedResults.Problem(ErrorMapping.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "Send the patch as application/merge-patch+json or application/json."));
        }

        Result<IssuerPatch> patch = await MergePatch.ReadIssuerPatchAsync(context.Request, json.Value.SerializerOptions, ct);
        if (!patch.IsSuccess)
        {
            return patch.Error.ToProblem();
        }

        Result<IssuerProfile> result = await issuers.UpdateAsync(
            user.GetTenantId(), id, patch.Value, IfMatch(context), ct);
        return WithETag(result, context);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteIssuer(
        string id, ClaimsPrincipal user, IssuerService issuers, HttpContext context, CancellationToken ct)
    {
        Result<IssuerProfile> result = await issuers.DeleteAsync(user.GetTenantId(), id, IfMatch(context), ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static Results<Ok<IssuerResponse>, ProblemHttpResult> WithETag(Result<IssuerProfile> result, HttpContext context)
    {
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        context.Response.Headers.ETag = EntityTags.For(result.Value.Version);
        return TypedResults.Ok(IssuerResponse.From(result.Value));
    }

    private static string? IfMatch(HttpContext context) =>
        context.Request.Headers.IfMatch.Count == 0 ? null : string.Join(',', context.Request.Headers.IfMatch.ToArray());
}
