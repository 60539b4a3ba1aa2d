using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenBadgesIssuer.Api.Auth;
using OpenBadgesIssuer.Api.Contracts;
using OpenBadgesIssuer.Api.Hosting;
using OpenBadgesIssuer.Api.Problems;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Signing;

namespace OpenBadgesIssuer.Api.Endpoints;

/// <summary>An issuer's signing keys (public parts only) and their rotation.</summary>
public static class KeyEndpoints
{
    public static RouteGroupBuilder MapKeyEndpoints(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder group = routes.MapGroup("/v1/issuers/{id}/keys").WithTags("Issuers");
        group.MapGet("/", ListIssuerKeys).RequireScope(Scopes.IssuersRead)
            .WithName(nameof(ListIssuerKeys)).WithSummary("The issuer's did:web, public identity documents and keys (active and retired)")
            .WithProblems(404);
        group.MapPost("/rotate", RotateIssuerKeys).RequireScope(Scopes.IssuersWrite)
            .WithName(nameof(RotateIssuerKeys))
            .WithSummary("Rotate the issuer's keys: new Ed25519, P-256 and RSA keys become active; old ones are retired but stay published")
            .WithProblems(404);
        return group;
    }

    public static async Task<Results<Ok<IssuerKeysResponse>, ProblemHttpResult>> ListIssuerKeys(
        string id, ClaimsPrincipal user, SigningKeyService keys, PublicUrls urls, HttpContext context, CancellationToken ct)
    {
        Result<IReadOnlyList<IssuerSigningKey>> result = await keys.ListAsync(user.GetTenantId(), id, ct);
        return result.IsSuccess ? TypedResults.Ok(IssuerKeysResponse.From(id, result.Value, urls.Links(context))) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<IssuerKeysResponse>, ProblemHttpResult>> RotateIssuerKeys(
        string id, ClaimsPrincipal user, SigningKeyService keys, PublicUrls urls, HttpContext context, CancellationToken ct)
    {
        Result<IReadOnlyList<IssuerSigningKey>> result = await keys.RotateAsync(user.GetTenantId(), id, ct);
        return result.IsSuccess ? TypedResults.Ok(IssuerKeysResponse.From(id, result.Value, urls.Links(context))) : result.Error.ToProblem();
    }
}
