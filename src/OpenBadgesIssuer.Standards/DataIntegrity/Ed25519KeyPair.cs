using NSec.Cryptography;
using OpenBadgesIssuer.Standards.Keys;
using OpenBadgesIssuer.Standards.Multiformats;

namespace OpenBadgesIssuer.Standards.DataIntegrity;

/// <summary>
/// An Ed25519 signing key (RFC 8032 pure EdDSA, through NSec/libsodium). Import once per issuer and reuse; the
/// secret never appears in <see cref="object.ToString"/> or exception messages.
/// </summary>
public sealed class Ed25519KeyPair : IDisposable
{
    private readonly Key _key;

    private Ed25519KeyPair(Key key)
    {
        _key = key;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        PublicKeyMultibase = Multikey.EncodeEd25519PublicKey(PublicKey.Span);
    }

    /// <summary>The 32-byte public key.</summary>
    public ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>The public key as Multikey <c>publicKeyMultibase</c> (<c>z6Mk…</c>).</summary>
    public string PublicKeyMultibase { get; }

    /// <summary>The did:key DID of the public key.</summary>
    public string DidKey => "did:key:" + PublicKeyMultibase;

    /// <summary>The did:key verification method id (<c>did:key:z6Mk…#z6Mk…</c>).</summary>
    public string DidKeyVerificationMethod => DidKey + "#" + PublicKeyMultibase;

    /// <summary>Creates a key pair from a 32-byte seed (the RFC 8032 private key).</summary>
    public static Ed25519KeyPair FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != 32)
        {
            throw new ArgumentException("An Ed25519 seed is 32 bytes.", nameof(seed));
        }
        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        return new Ed25519KeyPair(Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, in parameters));
    }

    /// <summary>Creates a key pair from a Multikey <c>secretKeyMultibase</c> (<c>z3u2…</c>).</summary>
    /// <exception cref="FormatException">Not an Ed25519 secret Multikey.</exception>
    public static Ed25519KeyPair FromSecretKeyMultibase(string secretKeyMultibase)
    {
        var seed = Multikey.DecodeEd25519SecretKey(secretKeyMultibase);
        try
        {
            return FromSeed(seed);
        }
        finally
        {
            Array.Clear(seed);
        }
    }

    /// <summary>Generates a new random key pair.</summary>
    public static Ed25519KeyPair Generate()
    {
        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        return new Ed25519KeyPair(Key.Create(SignatureAlgorithm.Ed25519, parameters));
    }

    /// <summary>Exports the secret seed as Multikey <c>secretKeyMultibase</c>, for storage in a key vault.</summary>
    public string ExportSecretKeyMultibase()
    {
        var seed = _key.Export(KeyBlobFormat.RawPrivateKey);
        try
        {
            return Multikey.EncodeEd25519SecretKey(seed);
        }
        finally
        {
            Array.Clear(seed);
        }
    }

    /// <summary>Signs data, returning the 64-byte signature.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => SignatureAlgorithm.Ed25519.Sign(_key, data);

    /// <summary>Verifies an Ed25519 signature with a raw 32-byte public key; false for any malformed input.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != 32 || signature.Length != 64)
        {
            return false;
        }
        if (!NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            return false;
        }
        return SignatureAlgorithm.Ed25519.Verify(key, data, signature);
    }

    /// <inheritdoc/>
    public override string ToString() => "Ed25519 key " + PublicKeyMultibase;

    /// <inheritdoc/>
    public void Dispose() => _key.Dispose();

    internal bool Matches(DidKeyResolution resolution) =>
        resolution.KeyType == MultikeyType.Ed25519Public && resolution.PublicKey.Span.SequenceEqual(PublicKey.Span);
}
