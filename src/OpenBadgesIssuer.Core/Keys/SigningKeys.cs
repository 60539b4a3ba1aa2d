using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;
using OpenBadgesIssuer.Standards.DataIntegrity;
using OpenBadgesIssuer.Standards.Multiformats;

namespace OpenBadgesIssuer.Core.Keys;

/// <summary>Algorithms of issuer signing keys.</summary>
public enum SigningKeyAlgorithm
{
    /// <summary>Ed25519 for Data Integrity <c>eddsa-rdfc-2022</c>.</summary>
    Ed25519,

    /// <summary>ECDSA P-256 for VC-JWT ES256.</summary>
    P256,

    /// <summary>RSA 2048 for VC-JWT RS256 and OB 2.0 signed badges.</summary>
    Rsa2048,

    /// <summary>RSA 3072.</summary>
    Rsa3072,
}

/// <summary>
/// The stored form of an issuer key: public representations plus the envelope-encrypted private key.
/// Safe to persist; <see cref="ToString"/> never prints the encrypted blob.
/// </summary>
/// <param name="KeyId">Fragment identifying the key: the Multikey value for Ed25519, the RFC 7638 JWK thumbprint otherwise.</param>
/// <param name="Algorithm">Key algorithm.</param>
/// <param name="PublicKeyPem">SPKI PEM of the public key.</param>
/// <param name="PublicJwk">Public JWK members (no kid/alg/use) as compact JSON.</param>
/// <param name="PublicKeyMultibase">Ed25519 only: Multikey <c>z6Mk…</c> value.</param>
/// <param name="EncryptedPrivateKey">Envelope-encrypted private key (see <see cref="EnvelopeKeyEncryptor"/>).</param>
public sealed record StoredSigningKey(
    string KeyId,
    SigningKeyAlgorithm Algorithm,
    string PublicKeyPem,
    string PublicJwk,
    string? PublicKeyMultibase,
    byte[] EncryptedPrivateKey)
{
    /// <summary>The JOSE <c>alg</c> for this key (EdDSA, ES256 or RS256).</summary>
    public string JwsAlgorithm => Algorithm switch
    {
        SigningKeyAlgorithm.Ed25519 => "EdDSA",
        SigningKeyAlgorithm.P256 => "ES256",
        _ => "RS256",
    };

    /// <summary>The associated data bound into the encrypted blob.</summary>
    internal string AssociatedData => AssociatedDataFor(KeyId, Algorithm);

    internal static string AssociatedDataFor(string keyId, SigningKeyAlgorithm algorithm) => keyId + "|" + algorithm.ToString();

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("KeyId = ").Append(KeyId).Append(", Algorithm = ").Append(Algorithm)
            .Append(", EncryptedPrivateKey = [").Append(EncryptedPrivateKey.Length).Append(" bytes, not shown]");
        return true;
    }
}

/// <summary>
/// Generates issuer key sets and unlocks them for signing. Private keys exist in plaintext only transiently:
/// during generation (to be encrypted) and inside an <see cref="UnlockedSigningKey"/> at signing time.
/// </summary>
public sealed class KeyMaterialFactory(IKeyEncryptor encryptor)
{
    /// <summary>Generates a new key and returns its stored form.</summary>
    public StoredSigningKey Create(SigningKeyAlgorithm algorithm) => algorithm switch
    {
        SigningKeyAlgorithm.Ed25519 => CreateEd25519(),
        SigningKeyAlgorithm.P256 => CreateP256(),
        SigningKeyAlgorithm.Rsa2048 => CreateRsa(algorithm, 2048),
        SigningKeyAlgorithm.Rsa3072 => CreateRsa(algorithm, 3072),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>Decrypts the private key for signing; dispose the result as soon as signing is done.</summary>
    /// <exception cref="KeyDecryptionException">Wrong KEK or tampered blob.</exception>
    public UnlockedSigningKey Unlock(StoredSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var plain = encryptor.Decrypt(key.EncryptedPrivateKey, key.AssociatedData);
        try
        {
            return UnlockedSigningKey.Import(key, plain);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private StoredSigningKey CreateEd25519()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var multibase = Multikey.EncodeEd25519PublicKey(publicKey);
        var jwk = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + Base64Url(publicKey) + "\"}";
        // SPKI DER for Ed25519 (RFC 8410): fixed 12-byte prefix + the 32-byte key.
        byte[] spki = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00, .. publicKey];
        var pem = PemEncoding.WriteString("PUBLIC KEY", spki);
        var raw = key.Export(KeyBlobFormat.RawPrivateKey);
        try
        {
            return new StoredSigningKey(multibase, SigningKeyAlgorithm.Ed25519, pem, jwk, multibase,
                encryptor.Encrypt(raw, StoredSigningKey.AssociatedDataFor(multibase, SigningKeyAlgorithm.Ed25519)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    private StoredSigningKey CreateP256()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = ec.ExportParameters(false);
        var x = Base64Url(p.Q.X!);
        var y = Base64Url(p.Q.Y!);
        var kid = Thumbprint("{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}");
        var jwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
        var pkcs8 = ec.ExportPkcs8PrivateKey();
        try
        {
            return new StoredSigningKey(kid, SigningKeyAlgorithm.P256, ec.ExportSubjectPublicKeyInfoPem(), jwk, null,
                encryptor.Encrypt(pkcs8, StoredSigningKey.AssociatedDataFor(kid, SigningKeyAlgorithm.P256)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    private StoredSigningKey CreateRsa(SigningKeyAlgorithm algorithm, int bits)
    {
        using var rsa = RSA.Create(bits);
        var p = rsa.ExportParameters(false);
        var n = Base64Url(p.Modulus!);
        var e = Base64Url(p.Exponent!);
        var kid = Thumbprint("{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}");
        var jwk = "{\"kty\":\"RSA\",\"n\":\"" + n + "\",\"e\":\"" + e + "\"}";
        var pkcs8 = rsa.ExportPkcs8PrivateKey();
        try
        {
            return new StoredSigningKey(kid, algorithm, rsa.ExportSubjectPublicKeyInfoPem(), jwk, null,
                encryptor.Encrypt(pkcs8, StoredSigningKey.AssociatedDataFor(kid, algorithm)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    /// <summary>RFC 7638 JWK thumbprint (SHA-256, base64url) of the required members in lexicographic order.</summary>
    internal static string Thumbprint(string canonicalRequiredMembers) =>
        Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequiredMembers)));

    internal static string Base64Url(ReadOnlySpan<byte> data) => System.Buffers.Text.Base64Url.EncodeToString(data);
}

/// <summary>
/// A decrypted private key, alive only while signing. Dispose it promptly. Signatures: Ed25519 (64 bytes, pure
/// EdDSA), ES256 (IEEE P1363 r‖s over SHA-256, as JWS needs) and RS256 (PKCS#1 v1.5 over SHA-256).
/// </summary>
public sealed class UnlockedSigningKey : IDisposable
{
    private readonly Ed25519KeyPair? _ed25519;
    private readonly ECDsa? _ecdsa;
    private readonly RSA? _rsa;

    private UnlockedSigningKey(StoredSigningKey stored, Ed25519KeyPair? ed25519, ECDsa? ecdsa, RSA? rsa)
    {
        Stored = stored;
        _ed25519 = ed25519;
        _ecdsa = ecdsa;
        _rsa = rsa;
    }

    /// <summary>The stored form this key was unlocked from (public parts, key id).</summary>
    public StoredSigningKey Stored { get; }

    /// <summary>The Ed25519 key pair (Ed25519 only), ready for <see cref="DataIntegrityProof.Sign(ReadOnlySpan{byte}, Ed25519KeyPair, DataIntegritySigningOptions)"/>.</summary>
    public Ed25519KeyPair Ed25519 => _ed25519 ?? throw new InvalidOperationException("Not an Ed25519 key.");

    /// <summary>The ECDSA key (P-256 only).</summary>
    public ECDsa Ecdsa => _ecdsa ?? throw new InvalidOperationException("Not a P-256 key.");

    /// <summary>The RSA key (RSA only).</summary>
    public RSA Rsa => _rsa ?? throw new InvalidOperationException("Not an RSA key.");

    internal static UnlockedSigningKey Import(StoredSigningKey stored, byte[] plain)
    {
        switch (stored.Algorithm)
        {
            case SigningKeyAlgorithm.Ed25519:
                var pair = Ed25519KeyPair.FromSeed(plain);
                if (!string.Equals(pair.PublicKeyMultibase, stored.PublicKeyMultibase, StringComparison.Ordinal))
                {
                    pair.Dispose();
                    throw new KeyDecryptionException("The decrypted Ed25519 key does not match the stored public key.");
                }
                return new UnlockedSigningKey(stored, pair, null, null);
            case SigningKeyAlgorithm.P256:
                var ec = ECDsa.Create();
                ec.ImportPkcs8PrivateKey(plain, out _);
                return new UnlockedSigningKey(stored, null, ec, null);
            default:
                var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(plain, out _);
                return new UnlockedSigningKey(stored, null, null, rsa);
        }
    }

    /// <summary>Signs <paramref name="data"/> with the key's algorithm (see the class remarks for formats).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => Stored.Algorithm switch
    {
        SigningKeyAlgorithm.Ed25519 => Ed25519.Sign(data),
        SigningKeyAlgorithm.P256 => Ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        _ => Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
    };

    /// <inheritdoc />
    public void Dispose()
    {
        _ed25519?.Dispose();
        _ecdsa?.Dispose();
        _rsa?.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"UnlockedSigningKey {{ KeyId = {Stored.KeyId}, Algorithm = {Stored.Algorithm} }}";
}
