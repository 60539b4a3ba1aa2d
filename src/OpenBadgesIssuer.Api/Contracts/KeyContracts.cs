using System.ComponentModel;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Keys;
using OpenBadgesIssuer.Core.Signing;

namespace OpenBadgesIssuer.Api.Contracts;

/// <summary>A public signing key of an issuer (private keys are never returned).</summary>
public sealed record SigningKeyResponse(
    string Id,
    [property: Description("Ed25519 (Data Integrity), P256 (VC-JWT ES256) or Rsa2048 (OB 2.0 signed badges).")] string Algorithm,
    string KeyId,
    [property: Description("active or retired (retired keys stay published).")] string Status,
    [property: Description("DID URL of the verification method (did:web of the issuer + '#' + keyId).")] string VerificationMethod,
    [property: Description("Public URL of the bare JWK (VC-JWT kid) or, for RSA, also of the OB 2.0 CryptographicKey.")] string? PublicKeyUrl,
    string? PublicKeyMultibase,
    DateTime CreatedAt,
    DateTime? RetiredAt);

/// <summary>An issuer's identity: its did:web, the public documents and every key.</summary>
public sealed record IssuerKeysResponse(string Did, string DidDocument, string Jwks, string Ob2Issuer, string Ob3Profile, IReadOnlyList<SigningKeyResponse> Keys)
{
    public static IssuerKeysResponse From(string issuerId, IReadOnlyList<IssuerSigningKey> keys, PublicLinks links)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(links);
        string did = links.IssuerDid(issuerId);
        return new(did, links.DidDocument(issuerId), links.Jwks(issuerId), links.Ob2Issuer(issuerId), links.Ob3Profile(issuerId),
            keys.Select(k => new SigningKeyResponse(k.Id, k.Algorithm.ToString(), k.KeyId, k.Status == SigningKeyStatus.Active ? "active" : "retired",
                did + "#" + k.KeyId,
                k.Algorithm == SigningKeyAlgorithm.Ed25519 ? null
                    : k.Algorithm == SigningKeyAlgorithm.P256 ? links.Jwk(issuerId, k.KeyId) : links.Ob2Key(issuerId, k.KeyId),
                k.PublicKeyMultibase, k.CreatedAt, k.RetiredAt)).ToList());
    }
}
