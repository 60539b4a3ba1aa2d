using System.Security.Cryptography;
using System.Text;

namespace OpenBadgesIssuer.Core.ApiKeys;

/// <summary>
/// Keys look like <c>obi_live_&lt;prefix&gt;_&lt;secret&gt;</c>: a readable product tag, a 16-character lookup prefix
/// (80 random bits, stored in clear) and a 52-character secret (256 random bits). Only SHA-256 of the whole key is stored.
/// </summary>
public static class ApiKeyFormat
{
    public const string Tag = "obi_live_";
    public const int PrefixLength = 16;
    public const int SecretLength = 52;
    public const int KeyLength = 9 + PrefixLength + 1 + SecretLength;

    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static GeneratedKey Generate()
    {
        string prefix = RandomBase32(10, PrefixLength);
        string secret = RandomBase32(32, SecretLength);
        string key = string.Concat(Tag, prefix, "_", secret);
        return new GeneratedKey(key, prefix, Hash(key));
    }

    /// <summary>Extracts the lookup prefix when <paramref name="key"/> has the exact key shape.</summary>
    public static bool TryGetPrefix(string? key, out string prefix)
    {
        prefix = string.Empty;
        if (key is null || key.Length != KeyLength || !key.StartsWith(Tag, StringComparison.Ordinal)
            || key[Tag.Length + PrefixLength] != '_')
        {
            return false;
        }

        ReadOnlySpan<char> body = key.AsSpan(Tag.Length);
        for (int i = 0; i < body.Length; i++)
        {
            if (i != PrefixLength && !Alphabet.Contains(body[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        prefix = key.Substring(Tag.Length, PrefixLength);
        return true;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Constant-time comparison of a presented key with a stored hash.</summary>
    public static bool Matches(string key, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(key), storedHash);

    private static string RandomBase32(int byteCount, int length)
    {
        byte[] bytes = RandomNumberGenerator.GetBytes(byteCount);
        var chars = new char[length];
        int bitBuffer = 0;
        int bitCount = 0;
        int index = 0;
        foreach (byte b in bytes)
        {
            bitBuffer = (bitBuffer << 8) | b;
            bitCount += 8;
            while (bitCount >= 5 && index < length)
            {
                bitCount -= 5;
                chars[index++] = Alphabet[(bitBuffer >> bitCount) & 31];
            }
        }

        if (index < length)
        {
            chars[index++] = Alphabet[(bitBuffer << (5 - bitCount)) & 31];
        }

        CryptographicOperations.ZeroMemory(bytes);
        return new string(chars);
    }
}

/// <summary>A freshly generated key. <see cref="Key"/> is shown to the caller once and never stored.</summary>
public sealed record GeneratedKey(string Key, string Prefix, byte[] Hash);
