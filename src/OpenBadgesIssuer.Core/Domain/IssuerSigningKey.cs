using OpenBadgesIssuer.Core.Keys;

namespace OpenBadgesIssuer.Core.Domain;

/// <summary>
/// One signing key of an issuer. Every issuer has an active Ed25519 (Data Integrity), P-256 (VC-JWT ES256) and
/// RSA-2048 (OB 2.0 signed badges) key; rotation retires them (still published) and creates new active ones.
/// The private key exists here only as an envelope-encrypted blob (<see cref="IKeyEncryptor"/>).
/// </summary>
public sealed class IssuerSigningKey
{
    public const string IdPrefix = "sk";

    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string IssuerId { get; init; }

    /// <summary>Public key id: the Multikey value (Ed25519) or the RFC 7638 JWK thumbprint (P-256, RSA).</summary>
    public required string KeyId { get; init; }

    public required SigningKeyAlgorithm Algorithm { get; init; }

    public required string PublicKeyPem { get; init; }

    public required string PublicJwk { get; init; }

    public string? PublicKeyMultibase { get; init; }

    public required byte[] EncryptedPrivateKey { get; init; }

    public SigningKeyStatus Status { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime? RetiredAt { get; set; }

    public StoredSigningKey ToStored() =>
        new(KeyId, Algorithm, PublicKeyPem, PublicJwk, PublicKeyMultibase, EncryptedPrivateKey);

    public static IssuerSigningKey From(StoredSigningKey key, string id, string tenantId, string issuerId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new IssuerSigningKey
        {
            Id = id,
            TenantId = tenantId,
            IssuerId = issuerId,
            KeyId = key.KeyId,
            Algorithm = key.Algorithm,
            PublicKeyPem = key.PublicKeyPem,
            PublicJwk = key.PublicJwk,
            PublicKeyMultibase = key.PublicKeyMultibase,
            EncryptedPrivateKey = key.EncryptedPrivateKey,
            Status = SigningKeyStatus.Active,
            CreatedAt = now,
        };
    }
}

/// <summary>Lifecycle of a signing key.</summary>
public enum SigningKeyStatus
{
    /// <summary>Signs new credentials.</summary>
    Active,

    /// <summary>Rotated out; still published so earlier credentials verify.</summary>
    Retired,
}
