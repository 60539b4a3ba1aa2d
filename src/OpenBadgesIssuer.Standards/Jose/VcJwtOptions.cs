using System.Text.Json.Nodes;

namespace OpenBadgesIssuer.Standards.Jose;

/// <summary>What the verifier knows about a token when it asks the caller for a key.</summary>
/// <param name="Algorithm">The header "alg" (already checked against the allowed set).</param>
/// <param name="KeyId">The header "kid", if any.</param>
/// <param name="EmbeddedJwk">The header "jwk" (public members only), if any; a resolver may accept it when it matches a key it trusts.</param>
public sealed record JwtKeyRequest(string Algorithm, string? KeyId, JsonObject? EmbeddedJwk);

/// <summary>Supplies the verification key for a token, or null when the caller knows none. Returned keys stay owned by the caller.</summary>
public delegate ValueTask<JoseVerificationKey?> JwtKeyResolver(JwtKeyRequest request, CancellationToken cancellationToken);

/// <summary>Options for signing an OB 3.0 VC-JWT.</summary>
public sealed class VcJwtSigningOptions
{
    /// <summary>Also put the public key in the "jwk" header (OB 3.0 allows jwk when kid is absent; prefer a dereferenceable kid).</summary>
    public bool IncludeJwk { get; init; }

    /// <summary>The "typ" header; OB 3.0 says "JWT" when present. Null omits it.</summary>
    public string? Type { get; init; } = "JWT";
}

/// <summary>Options for verifying an OB 3.0 VC-JWT.</summary>
public sealed class VcJwtVerificationOptions
{
    /// <summary>The algorithms accepted; anything else fails with <see cref="JoseFailure.AlgorithmNotAllowed"/>.</summary>
    public required IReadOnlySet<string> AllowedAlgorithms { get; init; }

    /// <summary>Finds the key for a token; null means only an embedded jwk can be used (if allowed).</summary>
    public JwtKeyResolver? KeyResolver { get; init; }

    /// <summary>
    /// Trust a public key carried in the "jwk" header when the resolver supplies none. An inline key proves nothing
    /// about the issuer; the 1EdTech validator accepts it, so this exists for checking such tokens. Default false.
    /// </summary>
    public bool AllowEmbeddedJwk { get; init; }

    /// <summary>Tolerance for nbf/exp comparisons. Default 2 minutes.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The clock; default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Longest token accepted, in characters. Default 1 MiB.</summary>
    public int MaxTokenLength { get; init; } = 1 << 20;
}

/// <summary>Outcome of verifying a VC-JWT: either valid with the decoded parts, or a specific <see cref="JoseFailure"/>.</summary>
public sealed class VcJwtVerificationResult
{
    private VcJwtVerificationResult(JoseFailure failure, string message, JsonObject? header, JsonObject? payload, JsonObject? credential)
    {
        Failure = failure;
        Message = message;
        Header = header;
        Payload = payload;
        Credential = credential;
    }

    /// <summary>True when the signature and all claim checks passed.</summary>
    public bool IsValid => Failure == JoseFailure.None;

    /// <summary>Why it failed, or <see cref="JoseFailure.None"/>.</summary>
    public JoseFailure Failure { get; }

    /// <summary>A short human-readable explanation (never contains key material).</summary>
    public string Message { get; }

    /// <summary>The decoded JOSE header (when it could be decoded).</summary>
    public JsonObject? Header { get; }

    /// <summary>The decoded payload (only when the signature verified).</summary>
    public JsonObject? Payload { get; }

    /// <summary>The credential: the "vc" claim for VCDM 1.1 style tokens, else the payload without the JWT registered claims.</summary>
    public JsonObject? Credential { get; }

    /// <summary>True when the credential was carried in a legacy "vc" claim.</summary>
    public bool UsedVcClaim { get; init; }

    internal static VcJwtVerificationResult Fail(JoseFailure failure, string message, JsonObject? header = null, JsonObject? payload = null) =>
        new(failure, message, header, payload, null);

    internal static VcJwtVerificationResult Success(JsonObject header, JsonObject payload, JsonObject credential, bool usedVcClaim) =>
        new(JoseFailure.None, "valid", header, payload, credential) { UsedVcClaim = usedVcClaim };
}
