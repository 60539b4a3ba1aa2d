using System.Security.Cryptography;
using System.Text.Json.Nodes;
using NSec.Cryptography;

namespace OpenBadgesIssuer.Standards.Jose;

/// <summary>
/// A private key bound to one JWS algorithm (RS256, ES256 or EdDSA). The caller owns the wrapped key object;
/// this wrapper never exposes or serializes private material.
/// </summary>
public sealed class JoseSigningKey
{
    private readonly RSA? _rsa;
    private readonly ECDsa? _ecdsa;
    private readonly Key? _ed25519;

    private JoseSigningKey(string algorithm, string? keyId, RSA? rsa, ECDsa? ecdsa, Key? ed25519)
    {
        Algorithm = algorithm;
        KeyId = keyId;
        _rsa = rsa;
        _ecdsa = ecdsa;
        _ed25519 = ed25519;
    }

    /// <summary>The JWS "alg" this key signs with.</summary>
    public string Algorithm { get; }

    /// <summary>The "kid" written into the JOSE header (a URL dereferencing to the public JWK, or a DID URL), if any.</summary>
    public string? KeyId { get; }

    /// <summary>An RS256 key (RSA, at least 2048 bits).</summary>
    public static JoseSigningKey Rs256(RSA rsa, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(rsa);
        if (rsa.KeySize < JoseVerificationKey.MinimumRsaBits)
        {
            throw new ArgumentException("RSA keys must have at least 2048 bits.", nameof(rsa));
        }
        return new JoseSigningKey(JoseAlgorithms.RS256, keyId, rsa, null, null);
    }

    /// <summary>An ES256 key (ECDSA on P-256).</summary>
    public static JoseSigningKey Es256(ECDsa ecdsa, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(ecdsa);
        if (!JoseVerificationKey.IsP256(ecdsa.ExportParameters(false).Curve))
        {
            throw new ArgumentException("ES256 needs a P-256 key.", nameof(ecdsa));
        }
        return new JoseSigningKey(JoseAlgorithms.ES256, keyId, null, ecdsa, null);
    }

    /// <summary>An EdDSA key (Ed25519, NSec).</summary>
    public static JoseSigningKey EdDsa(Key ed25519, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(ed25519);
        if (ed25519.Algorithm != SignatureAlgorithm.Ed25519)
        {
            throw new ArgumentException("EdDSA needs an Ed25519 key.", nameof(ed25519));
        }
        return new JoseSigningKey(JoseAlgorithms.EdDSA, keyId, null, null, ed25519);
    }

    /// <summary>The public JWK (never any private member), with "kid" when set.</summary>
    public JsonObject PublicJwk()
    {
        using var key = CreateVerificationKey();
        return key.ToJwk();
    }

    /// <summary>A verification key for the public half (the caller disposes it).</summary>
    public JoseVerificationKey CreateVerificationKey() => Algorithm switch
    {
        JoseAlgorithms.RS256 => JoseVerificationKey.FromRsa(_rsa!, KeyId),
        JoseAlgorithms.ES256 => JoseVerificationKey.FromECDsa(_ecdsa!, KeyId),
        _ => JoseVerificationKey.FromEd25519(_ed25519!.PublicKey.Export(KeyBlobFormat.RawPublicKey), KeyId),
    };

    internal byte[] Sign(ReadOnlySpan<byte> signingInput) => Algorithm switch
    {
        JoseAlgorithms.RS256 => _rsa!.SignData(signingInput, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        JoseAlgorithms.ES256 => _ecdsa!.SignData(signingInput, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        _ => SignatureAlgorithm.Ed25519.Sign(_ed25519!, signingInput),
    };
}
