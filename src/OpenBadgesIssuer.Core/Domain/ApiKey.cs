namespace OpenBadgesIssuer.Core.Domain;

/// <summary>
/// A tenant's API key. Only the SHA-256 hash of the full key is stored; <see cref="Prefix"/> is the readable,
/// non-secret part that finds the row and lets people tell keys apart in listings.
/// </summary>
public sealed class ApiKey
{
    public const string IdPrefix = "key";

    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string Name { get; init; }

    public required string Prefix { get; init; }

    public required byte[] SecretHash { get; init; }

    /// <summary>Space-separated scope names (see <see cref="Scopes"/>).</summary>
    public required string Scopes { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? ExpiresAt { get; init; }

    public DateTime? RevokedAt { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
