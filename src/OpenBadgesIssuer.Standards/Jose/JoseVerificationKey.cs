using System.Security.Cryptography;
using System.Text.Json.Nodes;
using NSec.Cryptography;

namespace OpenBadgesIssuer.Standards.Jose;

/// <summary>
/// A public key usable for one JWS algorithm family: RSA (RS256), EC P-256 (ES256) or Ed25519 (EdDSA).
/// Built from a public JWK (private members are refused) or from platform key objects.
/// </summary>
public sealed class JoseVerificationKey : IDisposable
{
    /// <summary>RSA moduli below this size are refused (1EdTech Security Framework: 2048 bits minimum).</summary>
    public const int MinimumRsaBits = 2048;

    // JWK members that only private or symmetric keys have (RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037 §2).
    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

    private readonly RSA? _rsa;
    private readonly ECDsa? _ecdsa;
    private readonly PublicKey? _ed25519;

    private JoseVerificationKey(RSA? rsa, ECDsa? ecdsa, PublicKey? ed25519, string? keyId, string? declaredAlgorithm)
    {
        _rsa = rsa;
        _ecdsa = ecdsa;
        _ed25519 = ed25519;
        KeyId = keyId;
        DeclaredAlgorithm = declaredAlgorithm;
    }

    /// <summary>The JWK key type: "RSA", "EC" or "OKP".</summary>
    public string KeyType => _rsa is not null ? "RSA" : _ecdsa is not null ? "EC" : "OKP";

    /// <summary>The key id (JWK "kid"), if known.</summary>
    public string? KeyId { get; }

    /// <summary>The JWK "alg" member, if the key restricts itself to one algorithm.</summary>
    public string? DeclaredAlgorithm { get; }

    /// <summary>Whether this key may verify signatures made with <paramref name="alg"/>.</summary>
    public bool IsCompatibleWith(string alg)
    {
        if (DeclaredAlgorithm is not null && !string.Equals(DeclaredAlgorithm, alg, StringComparison.Ordinal))
        {
            return false;
        }
        return alg switch
        {
            JoseAlgorithms.RS256 => _rsa is not null,
            JoseAlgorithms.ES256 => _ecdsa is not null,
            JoseAlgorithms.EdDSA => _ed25519 is not null,
            _ => false,
        };
    }

    /// <summary>Wraps a copy of an RSA public key (at least 2048 bits).</summary>
    public static JoseVerificationKey FromRsa(RSA rsa, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(rsa);
        var parameters = rsa.ExportParameters(false);
        return FromRsaParameters(parameters, keyId, null) ?? throw new ArgumentException("RSA key is shorter than 2048 bits.", nameof(rsa));
    }

    /// <summary>Wraps a copy of an EC P-256 public key.</summary>
    public static JoseVerificationKey FromECDsa(ECDsa ecdsa, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(ecdsa);
        var parameters = ecdsa.ExportParameters(false);
        if (!IsP256(parameters.Curve))
        {
            throw new ArgumentException("Only P-256 keys are supported for ES256.", nameof(ecdsa));
        }
        return new JoseVerificationKey(null, ECDsa.Create(parameters), null, keyId, null);
    }

    /// <summary>Wraps a raw 32-byte Ed25519 public key.</summary>
    public static JoseVerificationKey FromEd25519(ReadOnlySpan<byte> publicKey, string? keyId = null)
    {
        if (publicKey.Length != 32 ||
            !PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            throw new ArgumentException("Not a 32-byte Ed25519 public key.", nameof(publicKey));
        }
        return new JoseVerificationKey(null, null, key, keyId, null);
    }

    /// <summary>Reads an SPKI PEM ("-----BEGIN PUBLIC KEY-----") RSA key, as an OB 2.0 CryptographicKey publishes it.</summary>
    public static JoseVerificationKey? FromRsaPublicKeyPem(string pem, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(pem);
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return null;
        }
        return FromRsaParameters(rsa.ExportParameters(false), keyId, null);
    }

    /// <summary>
    /// Reads a public JWK. Returns null with a reason when the JWK is unusable; a JWK with private members
    /// (d, p, q, dp, dq, qi, oth, k) yields <see cref="JoseFailure.PrivateKeyInHeader"/>.
    /// </summary>
    public static JoseVerificationKey? FromJwk(JsonObject jwk, out JoseFailure failure)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        failure = JoseFailure.InvalidKey;
        foreach (var member in PrivateMembers)
        {
            if (jwk.ContainsKey(member))
            {
                failure = JoseFailure.PrivateKeyInHeader;
                return null;
            }
        }
        var kty = GetString(jwk, "kty");
        var kid = GetString(jwk, "kid");
        var alg = GetString(jwk, "alg");
        if (jwk.ContainsKey("use") && !string.Equals(GetString(jwk, "use"), "sig", StringComparison.Ordinal))
        {
            return null;
        }
        JoseVerificationKey? key = null;
        switch (kty)
        {
            case "RSA":
                if (TryBytes(jwk, "n", out var n) && TryBytes(jwk, "e", out var e) && n.Length > 0 && e.Length > 0 && n[0] != 0)
                {
                    key = FromRsaParameters(new RSAParameters { Modulus = n, Exponent = e }, kid, alg);
                }
                break;
            case "EC":
                if (string.Equals(GetString(jwk, "crv"), "P-256", StringComparison.Ordinal) &&
                    TryBytes(jwk, "x", out var x) && TryBytes(jwk, "y", out var y) && x.Length == 32 && y.Length == 32)
                {
                    try
                    {
                        var ec = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
                        key = new JoseVerificationKey(null, ec, null, kid, alg);
                    }
                    catch (CryptographicException)
                    {
                        // Point not on the curve.
                    }
                }
                break;
            case "OKP":
                if (string.Equals(GetString(jwk, "crv"), "Ed25519", StringComparison.Ordinal) &&
                    TryBytes(jwk, "x", out var ex) && ex.Length == 32 &&
                    PublicKey.TryImport(SignatureAlgorithm.Ed25519, ex, KeyBlobFormat.RawPublicKey, out var pk) && pk is not null)
                {
                    key = new JoseVerificationKey(null, null, pk, kid, alg);
                }
                break;
        }
        if (key is not null)
        {
            failure = JoseFailure.None;
        }
        return key;
    }

    /// <summary>The public JWK of this key (kty and its public members, plus kid when known).</summary>
    public JsonObject ToJwk()
    {
        var jwk = new JsonObject();
        if (_rsa is not null)
        {
            var p = _rsa.ExportParameters(false);
            jwk["kty"] = "RSA";
            jwk["n"] = Base64UrlText.Encode(p.Modulus);
            jwk["e"] = Base64UrlText.Encode(p.Exponent);
        }
        else if (_ecdsa is not null)
        {
            var p = _ecdsa.ExportParameters(false);
            jwk["kty"] = "EC";
            jwk["crv"] = "P-256";
            jwk["x"] = Base64UrlText.Encode(p.Q.X);
            jwk["y"] = Base64UrlText.Encode(p.Q.Y);
        }
        else
        {
            jwk["kty"] = "OKP";
            jwk["crv"] = "Ed25519";
            jwk["x"] = Base64UrlText.Encode(_ed25519!.Export(KeyBlobFormat.RawPublicKey));
        }
        if (KeyId is not null)
        {
            jwk["kid"] = KeyId;
        }
        return jwk;
    }

    /// <summary>Verifies <paramref name="signature"/> over <paramref name="data"/> for <paramref name="alg"/>.</summary>
    internal bool Verify(string alg, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (!IsCompatibleWith(alg))
        {
            return false;
        }
        switch (alg)
        {
            case JoseAlgorithms.RS256:
                // PKCS#1 v1.5 signatures are exactly the modulus length (RFC 8017 §8.2.2 step 1).
                if (signature.Length != (_rsa!.KeySize + 7) / 8)
                {
                    return false;
                }
                return _rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            case JoseAlgorithms.ES256:
                // JWS uses the fixed 64-byte R||S form, never DER (RFC 7518 §3.4).
                if (signature.Length != 64)
                {
                    return false;
                }
                return _ecdsa!.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            case JoseAlgorithms.EdDSA:
                return signature.Length == 64 && SignatureAlgorithm.Ed25519.Verify(_ed25519!, data, signature);
            default:
                return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _rsa?.Dispose();
        _ecdsa?.Dispose();
    }

    internal static bool IsP256(ECCurve curve) =>
        curve.IsNamed && (string.Equals(curve.Oid.Value, "1.2.840.10045.3.1.7", StringComparison.Ordinal) ||
                          string.Equals(curve.Oid.FriendlyName, "nistP256", StringComparison.Ordinal) ||
                          string.Equals(curve.Oid.FriendlyName, "ECDSA_P256", StringComparison.Ordinal));

    private static JoseVerificationKey? FromRsaParameters(RSAParameters parameters, string? kid, string? alg)
    {
        var modulus = parameters.Modulus ?? [];
        var bits = modulus.Length * 8;
        if (modulus.Length > 0)
        {
            bits -= System.Numerics.BitOperations.LeadingZeroCount((uint)modulus[0]) - 24;
        }
        if (bits < MinimumRsaBits)
        {
            return null;
        }
        try
        {
            return new JoseVerificationKey(RSA.Create(new RSAParameters { Modulus = modulus, Exponent = parameters.Exponent }), null, null, kid, alg);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static string? GetString(JsonObject o, string name) =>
        o.TryGetPropertyValue(name, out var v) && v is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    private static bool TryBytes(JsonObject o, string name, out byte[] bytes)
    {
        bytes = [];
        var s = GetString(o, name);
        return s is not null && Base64UrlText.TryDecode(s, out bytes);
    }
}
