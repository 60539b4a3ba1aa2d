using System.Numerics;
using System.Text;

namespace OpenBadgesIssuer.Core.Keys;

/// <summary>
/// Minimal base58btc (Bitcoin alphabet) and the <c>z</c> multibase form used by Multikey. Kept internal and small;
/// to be replaced by the Standards multibase helpers once they land.
/// </summary>
internal static class Base58Btc
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    internal static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }
        var value = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var sb = new StringBuilder();
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out var remainder);
            sb.Insert(0, Alphabet[(int)remainder]);
        }
        sb.Insert(0, new string('1', zeros));
        return sb.ToString();
    }

    internal static byte[] Decode(string text)
    {
        BigInteger value = 0;
        foreach (var c in text)
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                throw new FormatException("Invalid base58btc character.");
            }
            value = (value * 58) + digit;
        }
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }
        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[zeros + body.Length];
        body.CopyTo(result, zeros);
        return result;
    }

    /// <summary>Ed25519 public key as Multikey <c>publicKeyMultibase</c>: <c>z</c> + base58btc(0xed 0x01 ‖ key).</summary>
    internal static string Ed25519Multikey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 32)
        {
            throw new ArgumentException("An Ed25519 public key has 32 bytes.", nameof(publicKey));
        }
        Span<byte> prefixed = stackalloc byte[34];
        prefixed[0] = 0xed;
        prefixed[1] = 0x01;
        publicKey.CopyTo(prefixed[2..]);
        return "z" + Encode(prefixed);
    }
}
