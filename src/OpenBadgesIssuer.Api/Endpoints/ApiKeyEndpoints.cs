using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenBadgesIssuer.Api.Auth;
using OpenBadgesIssuer.Api.Contracts;
using OpenBadgesIssuer.Api.Hosting;
using OpenBadgesIssuer.Api.Problems;
using OpenBadgesIssuer.Core.ApiKeys;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Paging;

namespace OpenBadgesIssuer.Api.Endpoints;

/// <summary><c>/v1/api-keys</c>: the tenant's API keys (scope <c>tenant:admin</c>).</summary>
public static class ApiKeyEndpoints
{
    public static RouteGroupBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder group = routes.MapGroup("/v1/api-keys").WithTags("API keys");

        group.MapPost("/", CreateApiKey).RequireScope(Scopes.TenantAdmin)
            .WithName(nameof(CreateApiKey)).WithSummary("Create an API key (the secret is returned once)")
            .Accepts<CreateApiKeyRequest>("application/json")
            .WithProblems(400, 413, 415, 422);
        group.MapGet("/", ListApiKeys).RequireScope(Scopes.TenantAdmin)
            .WithName(nameof(ListApiKeys)).WithSummary("List API keys without their secrets")
            .WithProblems(400);
        group.MapDelete("/{id}", RevokeApiKey).RequireScope(Scopes.TenantAdmin)
            .WithName(nameof(RevokeApiKey)).WithSummary("Revoke an API key (it stays listed with revokedAt)")
            .WithProblems(404);
        return group;
    }

    public static async Task<Results<Created<CreatedApiKeyResponse>, ProblemHttpResult>> CreateApiKey(
        CreateApiKeyRequest body, ClaimsPrincipal user, ApiKeyService apiKeys, PublicUrls urls, HttpContext context,
        CancellationToken ct)
    {
        Result<CreatedApiKey> result = await apiKeys.CreateAsync(
            user.GetTenantId(), body.Name, body.Scopes?.ToList(), body.ExpiresAt?.UtcDateTime, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        ApiKey key = result.Value.Key;
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created(urls.Absolute(context, "/v1/api-keys"),
            new CreatedApiKeyResponse(key.Id, key.Name, key.Prefix, key.ScopeList, key.CreatedAt, key.ExpiresAt, result.Value.Secret));
    }

    public static async Task<Results<Ok<PageResponse<ApiKeyResponse>>, ProblemHttpResult>> ListApiKeys(
        ClaimsPrincipal user, ApiKeyService apiKeys, PublicUrls urls, HttpContext context, CancellationToken ct,
        [Description("Page size, 1–100 (default 20).")] int? limit = null,
        [Description("Opaque cursor from the previous page's nextCursor.")] string? cursor = null)
    {
        Result<Page<ApiKey>> result = await apiKeys.ListAsync(user.GetTenantId(), limit, cursor, ct);
        return result.IsSuccess
            ? TypedResults.Ok(Paging.ToResponse(result.Value, ApiKeyResponse.From, "/v1/api-keys", limit, urls, context))
            : result.Error.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeApiKey(
        string id, ClaimsPrincipal user, ApiKeyService apiKeys, CancellationToken ct)
    {
        Result<ApiKey> result = await apiKeys.RevokeAsync(user.GetTenantId(), id, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }
}
