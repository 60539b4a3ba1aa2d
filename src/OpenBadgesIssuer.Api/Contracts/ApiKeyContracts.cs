using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using OpenBadgesIssuer.Core.Domain;

namespace OpenBadgesIssuer.Api.Contracts;

/// <summary>Body of <c>POST /v1/api-keys</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateApiKeyRequest(
    [property: Required, Description("A label for people, e.g. the integration that uses the key.")] string? Name,
    [property: Required, Description("Scopes: issuers:read, issuers:write, badges:write, assertions:issue, assertions:revoke, tenant:admin.")]
    IReadOnlyList<string>? Scopes,
    [property: Description("Optional expiry (RFC 3339); the key is refused from then on.")] DateTimeOffset? ExpiresAt = null);

/// <summary>An API key without its secret.</summary>
public sealed record ApiKeyResponse(
    string Id,
    string Name,
    [property: Description("The non-secret lookup part of the key (obi_live_<prefix>_…).")] string Prefix,
    IReadOnlyList<string> Scopes,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    DateTime? RevokedAt)
{
    public static ApiKeyResponse From(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.Id, key.Name, key.Prefix, key.ScopeList, key.CreatedAt, key.ExpiresAt, key.RevokedAt);
    }
}

/// <summary>A new API key. <see cref="Key"/> is shown only in this response; the service keeps only its hash.</summary>
public sealed record CreatedApiKeyResponse(
    string Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    [property: Description("The secret key; send it as `Authorization: Bearer <key>`. Shown once.")] string Key);
