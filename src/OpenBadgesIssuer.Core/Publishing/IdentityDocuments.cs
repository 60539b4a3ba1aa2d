using System.Buffers;
using System.Text.Json;
using OpenBadgesIssuer.Core.Keys;

namespace OpenBadgesIssuer.Core.Publishing;

/// <summary>Lifecycle of a published issuer key.</summary>
public enum PublishedKeyStatus
{
    /// <summary>Used for new signatures.</summary>
    Active,

    /// <summary>Rotated out: no new signatures, but still published so that earlier credentials verify.</summary>
    Retired,

    /// <summary>Compromised: published with <c>revoked</c> and removed from assertionMethod/authentication.</summary>
    Revoked,
}

/// <summary>An issuer key as published in identity documents.</summary>
/// <param name="Key">The stored key (only public members are read).</param>
/// <param name="Status">Lifecycle state.</param>
/// <param name="RevokedAt">When the key was revoked (for <see cref="PublishedKeyStatus.Revoked"/>).</param>
public sealed record PublishedKey(StoredSigningKey Key, PublishedKeyStatus Status = PublishedKeyStatus.Active, DateTimeOffset? RevokedAt = null);

/// <summary>
/// Writes the public identity documents of an issuer: the did:web DID document, a JWKS and bare JWKs.
/// Verification method ids are <c>&lt;did&gt;#&lt;KeyId&gt;</c> (Ed25519: the Multikey value, so 1EdTech's validator
/// can read the key from the fragment; others: the JWK thumbprint). The same string is the JWT <c>kid</c>.
/// </summary>
public static class IdentityDocuments
{
    /// <summary>DID Core context.</summary>
    public const string DidContext = "https://www.w3.org/ns/did/v1";

    /// <summary>Multikey context.</summary>
    public const string MultikeyContext = "https://w3id.org/security/multikey/v1";

    /// <summary>JsonWebKey context.</summary>
    public const string JwkContext = "https://w3id.org/security/jwk/v1";

    /// <summary>
    /// The issuer's did:web: the public base URL (e.g. <c>https://badges.example.org:8443/obi</c>) joined with the
    /// issuer's path below it (e.g. <c>issuers/3f2a</c>); its DID document is served at
    /// <c>&lt;base&gt;/&lt;path&gt;/did.json</c> (<see cref="Standards.Keys.DidWeb.ToDocumentUrl"/>).
    /// </summary>
    /// <exception cref="FormatException">The URL cannot be expressed as a did:web (not https, IP host, query…).</exception>
    public static string IssuerDid(string publicBaseUrl, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        ArgumentNullException.ThrowIfNull(relativePath);
        foreach (var segment in relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.IndexOfAny([':', '%', '?', '#']) >= 0)
            {
                throw new FormatException($"Path segment '{segment}' cannot be used in a did:web.");
            }
        }
        return Standards.Keys.DidWeb.FromUrl(publicBaseUrl.TrimEnd('/') + "/" + relativePath.Trim('/'));
    }

    /// <summary>The verification method id (and JWT kid) of a key under a controller id.</summary>
    public static string VerificationMethodId(string controller, StoredSigningKey key) => controller + "#" + key.KeyId;

    /// <summary>Writes the DID document (all keys; active and retired ones in assertionMethod and authentication).</summary>
    public static byte[] WriteDidDocument(string did, IReadOnlyList<PublishedKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!did.StartsWith("did:", StringComparison.Ordinal))
        {
            throw new ArgumentException("Not a DID.", nameof(did));
        }
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("@context");
            w.WriteStringValue(DidContext);
            w.WriteStringValue(MultikeyContext);
            w.WriteStringValue(JwkContext);
            w.WriteEndArray();
            w.WriteString("id", did);
            w.WriteStartArray("verificationMethod");
            foreach (var k in keys)
            {
                w.WriteStartObject();
                w.WriteString("id", VerificationMethodId(did, k.Key));
                if (k.Key.Algorithm == SigningKeyAlgorithm.Ed25519)
                {
                    w.WriteString("type", "Multikey");
                    w.WriteString("controller", did);
                    w.WriteString("publicKeyMultibase", k.Key.PublicKeyMultibase);
                }
                else
                {
                    w.WriteString("type", "JsonWebKey");
                    w.WriteString("controller", did);
                    w.WritePropertyName("publicKeyJwk");
                    WriteJwkMembers(w, k.Key, kid: null);
                }
                if (k.Status == PublishedKeyStatus.Revoked)
                {
                    w.WriteString("revoked", (k.RevokedAt ?? DateTimeOffset.UnixEpoch).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            var usable = keys.Where(k => k.Status != PublishedKeyStatus.Revoked).Select(k => VerificationMethodId(did, k.Key)).ToList();
            foreach (var relation in new[] { "assertionMethod", "authentication" })
            {
                w.WriteStartArray(relation);
                foreach (var id in usable)
                {
                    w.WriteStringValue(id);
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        });
    }

    /// <summary>Writes a JWKS (<c>{"keys":[…]}</c>) of the active and retired keys, each with kid, alg and use=sig.</summary>
    public static byte[] WriteJwks(string controller, IReadOnlyList<PublishedKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("keys");
            foreach (var k in keys.Where(k => k.Status != PublishedKeyStatus.Revoked))
            {
                WriteJwkMembers(w, k.Key, VerificationMethodId(controller, k.Key));
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Writes one bare public JWK (what the 1EdTech validator expects when it dereferences a JWT kid URL).</summary>
    public static byte[] WriteJwk(string controller, StoredSigningKey key) =>
        Write(w => WriteJwkMembers(w, key, VerificationMethodId(controller, key)));

    private static void WriteJwkMembers(Utf8JsonWriter w, StoredSigningKey key, string? kid)
    {
        using var jwk = JsonDocument.Parse(key.PublicJwk);
        w.WriteStartObject();
        foreach (var p in jwk.RootElement.EnumerateObject())
        {
            // Only public members are ever copied.
            if (p.Name is "kty" or "crv" or "x" or "y" or "n" or "e")
            {
                p.WriteTo(w);
            }
        }
        if (kid is not null)
        {
            w.WriteString("kid", kid);
            w.WriteString("alg", key.JwsAlgorithm);
            w.WriteString("use", "sig");
        }
        w.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer))
        {
            body(w);
        }
        return buffer.WrittenSpan.ToArray();
    }
}
