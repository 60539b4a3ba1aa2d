using System.Security.Cryptography;

namespace OpenBadgesIssuer.Core.Identifiers;

/// <summary>
/// Server-assigned identifiers: a readable prefix, then 48 bits of milliseconds and 80 random bits in
/// Crockford base32 (26 characters, the ULID layout). They are not guessable and sort by creation time
/// under ordinal comparison, which gives list endpoints a stable order.
/// </summary>
public static class IdGenerator
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int BodyLength = 26;

    public static string New(string prefix, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        Span<byte> bytes = stackalloc byte[16];
        long millis = time.GetUtcNow().ToUnixTimeMilliseconds();
        for (int i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(millis & 0xFF);
            millis >>= 8;
        }

        RandomNumberGenerator.Fill(bytes[6..]);
        return string.Concat(prefix, "_", Encode(bytes));
    }

    /// <summary>True when <paramref name="id"/> has the shape this generator produces for <paramref name="prefix"/>.</summary>
    public static bool IsWellFormed(string? id, string prefix)
    {
        if (id is null || id.Length != prefix.Length + 1 + BodyLength
            || !id.StartsWith(prefix, StringComparison.Ordinal) || id[prefix.Length] != '_')
        {
            return false;
        }

        foreach (char c in id.AsSpan(prefix.Length + 1))
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        // 128 bits → 26 base32 digits; the first digit carries the top 3 bits.
        Span<char> chars = stackalloc char[BodyLength];
        UInt128 value = 0;
        foreach (byte b in bytes)
        {
            value = (value << 8) | b;
        }

        for (int i = BodyLength - 1; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
