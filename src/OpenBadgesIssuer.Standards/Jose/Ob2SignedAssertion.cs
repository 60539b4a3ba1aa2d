using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace OpenBadgesIssuer.Standards.Jose;

/// <summary>
/// OB 2.0 "Signed badges": the Assertion JSON (UTF-8) as the payload of a compact JWS, header {"alg":"RS256"},
/// verified with the issuer's CryptographicKey (publicKeyPem).
/// </summary>
public static class Ob2SignedAssertion
{
    /// <summary>Longest JWS accepted when verifying, in characters (1 MiB).</summary>
    public const int DefaultMaxLength = 1 << 20;

    /// <summary>
    /// Signs the exact assertion bytes (which must be one JSON object) with RS256 and returns the compact JWS.
    /// </summary>
    public static string Sign(ReadOnlySpan<byte> assertionJson, RSA privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (CompactJws.TryParseObject(assertionJson) is null)
        {
            throw new ArgumentException("The assertion must be a JSON object.", nameof(assertionJson));
        }
        var key = JoseSigningKey.Rs256(privateKey);
        return CompactJws.Create(new JsonObject { ["alg"] = JoseAlgorithms.RS256 }, assertionJson, key);
    }

    /// <summary>Verifies a signed OB 2.0 assertion with an SPKI PEM RSA public key (CryptographicKey.publicKeyPem).</summary>
    public static Ob2VerificationResult Verify(string jws, string publicKeyPem, int maxLength = DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(publicKeyPem);
        using var key = JoseVerificationKey.FromRsaPublicKeyPem(publicKeyPem);
        if (key is null)
        {
            return Ob2VerificationResult.Fail(JoseFailure.InvalidKey, "publicKeyPem is not an RSA public key of at least 2048 bits");
        }
        return Verify(jws, key, maxLength);
    }

    /// <summary>Verifies a signed OB 2.0 assertion with an RSA verification key.</summary>
    public static Ob2VerificationResult Verify(string jws, JoseVerificationKey key, int maxLength = DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(jws);
        ArgumentNullException.ThrowIfNull(key);
        var parsed = CompactJws.TryParse(jws.Trim(), maxLength, out var failure);
        if (parsed is null)
        {
            return Ob2VerificationResult.Fail(failure, failure == JoseFailure.TooLarge ? "JWS too long" : "not a compact JWS");
        }
        var alg = VcJwt.StringMember(parsed.Header, "alg");
        if (alg is null)
        {
            return Ob2VerificationResult.Fail(JoseFailure.Malformed, "missing alg");
        }
        // OB 2.0 defines RS256 only.
        if (!string.Equals(alg, JoseAlgorithms.RS256, StringComparison.Ordinal))
        {
            return Ob2VerificationResult.Fail(JoseFailure.UnsupportedAlgorithm, "OB 2.0 signed badges use RS256");
        }
        if (parsed.Header.ContainsKey("crit"))
        {
            return Ob2VerificationResult.Fail(JoseFailure.UnsupportedHeader, "crit header not supported");
        }
        if (!key.IsCompatibleWith(alg))
        {
            return Ob2VerificationResult.Fail(JoseFailure.KeyAlgorithmMismatch, $"a {key.KeyType} key cannot verify RS256");
        }
        if (!key.Verify(alg, parsed.SigningInput, parsed.Signature))
        {
            return Ob2VerificationResult.Fail(JoseFailure.InvalidSignature, "signature does not verify");
        }
        var assertion = CompactJws.TryParseObject(parsed.Payload);
        if (assertion is null)
        {
            return Ob2VerificationResult.Fail(JoseFailure.InvalidPayload, "payload is not a JSON object");
        }
        return new Ob2VerificationResult(JoseFailure.None, "valid", parsed.Payload, assertion);
    }
}

/// <summary>Outcome of verifying an OB 2.0 signed assertion.</summary>
public sealed class Ob2VerificationResult
{
    internal Ob2VerificationResult(JoseFailure failure, string message, byte[]? assertionJson, JsonObject? assertion)
    {
        Failure = failure;
        Message = message;
        AssertionJson = assertionJson;
        Assertion = assertion;
    }

    /// <summary>True when the signature verified and the payload is a JSON object.</summary>
    public bool IsValid => Failure == JoseFailure.None;

    /// <summary>Why it failed, or <see cref="JoseFailure.None"/>.</summary>
    public JoseFailure Failure { get; }

    /// <summary>A short explanation.</summary>
    public string Message { get; }

    /// <summary>The exact signed payload bytes (only when valid).</summary>
    public byte[]? AssertionJson { get; }

    /// <summary>The parsed assertion (only when valid).</summary>
    public JsonObject? Assertion { get; }

    internal static Ob2VerificationResult Fail(JoseFailure failure, string message) => new(failure, message, null, null);
}
