namespace OpenBadgesIssuer.Standards.Multiformats;

/// <summary>The key types a Multikey value can hold here.</summary>
public enum MultikeyType
{
    /// <summary>Ed25519 public key (32 bytes), <c>z6Mk…</c>.</summary>
    Ed25519Public,

    /// <summary>Ed25519 secret key seed (32 bytes), <c>z3u2…</c>.</summary>
    Ed25519Secret,

    /// <summary>P-256 public key, compressed SEC1 point (33 bytes), <c>zDn…</c>.</summary>
    P256Public,
}

/// <summary>A decoded Multikey: its type and raw key bytes.</summary>
/// <param name="Type">The key type named by the multicodec prefix.</param>
/// <param name="Key">The raw key bytes (without prefix).</param>
public sealed record MultikeyValue(MultikeyType Type, ReadOnlyMemory<byte> Key);

/// <summary>
/// Multikey encoding (Controlled Identifiers / Data Integrity: multibase base58btc of multicodec varint ‖ raw key).
/// </summary>
public static class Multikey
{
    /// <summary>Encodes a 32-byte Ed25519 public key as <c>publicKeyMultibase</c>.</summary>
    public static string EncodeEd25519PublicKey(ReadOnlySpan<byte> publicKey) => Encode(Multicodec.Ed25519Public, publicKey, 32);

    /// <summary>Encodes a 32-byte Ed25519 seed as <c>secretKeyMultibase</c>.</summary>
    public static string EncodeEd25519SecretKey(ReadOnlySpan<byte> seed) => Encode(Multicodec.Ed25519Secret, seed, 32);

    /// <summary>Encodes a compressed (33-byte, 0x02/0x03 prefix) P-256 public key.</summary>
    public static string EncodeP256PublicKey(ReadOnlySpan<byte> compressedPoint)
    {
        if (compressedPoint.Length != 33 || compressedPoint[0] is not (2 or 3))
        {
            throw new ArgumentException("A compressed P-256 point is 33 bytes starting with 0x02 or 0x03.", nameof(compressedPoint));
        }
        return Encode(Multicodec.P256Public, compressedPoint, 33);
    }

    /// <summary>Encodes a P-256 public key given its affine coordinates (32 bytes each) in compressed form.</summary>
    public static string EncodeP256PublicKey(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        if (x.Length != 32 || y.Length != 32)
        {
            throw new ArgumentException("P-256 coordinates are 32 bytes each.");
        }
        Span<byte> point = stackalloc byte[33];
        point[0] = (byte)(2 + (y[31] & 1));
        x.CopyTo(point[1..]);
        return Encode(Multicodec.P256Public, point, 33);
    }

    /// <summary>Decodes an Ed25519 public key from <c>publicKeyMultibase</c>.</summary>
    /// <exception cref="FormatException">Not an Ed25519 public Multikey.</exception>
    public static byte[] DecodeEd25519PublicKey(string multibase) => DecodeExpecting(multibase, MultikeyType.Ed25519Public);

    /// <summary>Decodes an Ed25519 seed from <c>secretKeyMultibase</c>.</summary>
    /// <exception cref="FormatException">Not an Ed25519 secret Multikey.</exception>
    public static byte[] DecodeEd25519SecretKey(string multibase) => DecodeExpecting(multibase, MultikeyType.Ed25519Secret);

    /// <summary>Decodes any supported Multikey value.</summary>
    /// <exception cref="FormatException">Not base58btc, unknown codec or wrong key length.</exception>
    public static MultikeyValue Decode(string multibase)
    {
        ArgumentNullException.ThrowIfNull(multibase);
        if (!multibase.StartsWith('z'))
        {
            throw new FormatException("Multikey values use base58btc (prefix 'z').");
        }
        var bytes = Multibase.Decode(multibase);
        var codec = Multicodec.DecodeVarint(bytes, out var prefixLength);
        var key = bytes.AsMemory(prefixLength);
        var (type, length) = codec switch
        {
            Multicodec.Ed25519Public => (MultikeyType.Ed25519Public, 32),
            Multicodec.Ed25519Secret => (MultikeyType.Ed25519Secret, 32),
            Multicodec.P256Public => (MultikeyType.P256Public, 33),
            _ => throw new FormatException("Unsupported Multikey codec."),
        };
        if (key.Length != length || type == MultikeyType.P256Public && key.Span[0] is not (2 or 3))
        {
            throw new FormatException("Multikey has the wrong length for its key type.");
        }
        return new MultikeyValue(type, key);
    }

    private static byte[] DecodeExpecting(string multibase, MultikeyType expected)
    {
        var value = Decode(multibase);
        if (value.Type != expected)
        {
            throw new FormatException("Multikey is not of the expected key type.");
        }
        return value.Key.ToArray();
    }

    private static string Encode(ulong codec, ReadOnlySpan<byte> key, int expectedLength)
    {
        if (key.Length != expectedLength)
        {
            throw new ArgumentException("Key has the wrong length.", nameof(key));
        }
        var prefix = Multicodec.EncodeVarint(codec);
        Span<byte> buffer = stackalloc byte[prefix.Length + key.Length];
        prefix.CopyTo(buffer);
        key.CopyTo(buffer[prefix.Length..]);
        return Multibase.Encode(buffer);
    }
}
