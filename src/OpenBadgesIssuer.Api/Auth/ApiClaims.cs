using System.Security.Claims;

namespace OpenBadgesIssuer.Api.Auth;

/// <summary>Claims the API-key handler puts on the principal.</summary>
public static class ApiClaims
{
    public const string TenantId = "obi:tenant";
    public const string KeyId = "obi:key";
    public const string Scope = "scope";

    /// <summary>The caller's tenant; every endpoint behind a scope policy has an authenticated principal.</summary>
    public static string GetTenantId(this ClaimsPrincipal user) =>
        user?.FindFirst(TenantId)?.Value ?? throw new InvalidOperationException("The request is not authenticated.");

    public static string? GetKeyId(this ClaimsPrincipal user) => user?.FindFirst(KeyId)?.Value;
}

/// <summary>Endpoint metadata naming the one scope the endpoint requires (read by tests and the 403 message).</summary>
public sealed record RequiredScopeMetadata(string Scope);

public static class ScopeEndpointExtensions
{
    /// <summary>Requires an API key carrying <paramref name="scope"/> (policy of the same name).</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(scope);
        builder.WithMetadata(new RequiredScopeMetadata(scope));
        return builder;
    }
}
