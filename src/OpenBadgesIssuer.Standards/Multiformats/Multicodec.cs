namespace OpenBadgesIssuer.Standards.Multiformats;

/// <summary>Multicodec codes used by Multikey, and the unsigned varint that prefixes them.</summary>
public static class Multicodec
{
    /// <summary>ed25519-pub (varint bytes 0xed 0x01).</summary>
    public const ulong Ed25519Public = 0xed;

    /// <summary>ed25519-priv (varint bytes 0x80 0x26).</summary>
    public const ulong Ed25519Secret = 0x1300;

    /// <summary>p256-pub, compressed SEC1 point (varint bytes 0x80 0x24).</summary>
    public const ulong P256Public = 0x1200;

    /// <summary>Writes the unsigned LEB128 varint of a code.</summary>
    public static byte[] EncodeVarint(ulong value)
    {
        Span<byte> buffer = stackalloc byte[10];
        var length = 0;
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            buffer[length++] = value != 0 ? (byte)(b | 0x80) : b;
        }
        while (value != 0);
        return buffer[..length].ToArray();
    }

    /// <summary>Reads a minimal unsigned varint (at most 9 bytes, as the multiformats spec allows).</summary>
    /// <exception cref="FormatException">Truncated, over-long or non-minimal varint.</exception>
    public static ulong DecodeVarint(ReadOnlySpan<byte> data, out int length)
    {
        ulong value = 0;
        for (var i = 0; i < data.Length && i < 9; i++)
        {
            var b = data[i];
            value |= (ulong)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                if (b == 0 && i > 0)
                {
                    throw new FormatException("Non-minimal varint.");
                }
                length = i + 1;
                return value;
            }
        }
        throw new FormatException("Truncated or over-long varint.");
    }
}
