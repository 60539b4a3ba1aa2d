using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenBadgesIssuer.Standards.OpenBadges;

/// <summary>
/// The recipient identity hash shared by OB 2.0 (IdentityObject.identity, §IdentityHash) and OB 3.0
/// (IdentityObject.identityHash): <c>"sha256$" + hex(SHA-256(UTF-8(identifier + salt)))</c>.
/// </summary>
public static class IdentityHash
{
    /// <summary>The prefix of a SHA-256 identity hash.</summary>
    public const string Sha256Prefix = "sha256$";

    /// <summary>Computes <c>sha256$&lt;lower-case hex&gt;</c> of the identifier with the salt appended (no salt when null).</summary>
    /// <param name="identifier">The identifier exactly as it should be hashed (normalise it first, e.g. with <see cref="NormalizeEmail"/>).</param>
    /// <param name="salt">The salt appended before hashing; null or empty means unsalted.</param>
    public static string Sha256(string identifier, string? salt)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(identifier + (salt ?? string.Empty)));
        return Sha256Prefix + Convert.ToHexStringLower(digest);
    }

    /// <summary>
    /// Checks a candidate identifier against an identity hash (hex compared case-insensitively, as the
    /// specifications allow upper or lower case). Only the <c>sha256$</c> form is supported.
    /// </summary>
    public static bool Matches(string identityHash, string identifier, string? salt)
    {
        ArgumentNullException.ThrowIfNull(identityHash);
        if (!identityHash.StartsWith(Sha256Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var expected = Sha256(identifier, salt);
        var a = Encoding.ASCII.GetBytes(expected.ToLowerInvariant());
        var b = Encoding.ASCII.GetBytes(identityHash.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    /// <summary>
    /// The project's e-mail normalisation before hashing (the specifications define none): trim
    /// surrounding white space and lower-case with invariant rules.
    /// </summary>
    public static string NormalizeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>Creates a fresh random salt (16 random bytes as 32 lower-case hex characters).</summary>
    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
