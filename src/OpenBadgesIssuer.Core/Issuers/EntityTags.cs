namespace OpenBadgesIssuer.Core.Issuers;

/// <summary>Strong entity tags derived from a row's version counter (RFC 9110 §8.8.3, §13.1.1).</summary>
public static class EntityTags
{
    public static string For(int version) => string.Concat("\"v", version.ToString(System.Globalization.CultureInfo.InvariantCulture), "\"");

    /// <summary>
    /// Strong comparison of an <c>If-Match</c> value (a list of tags, or <c>*</c>) against the current version.
    /// Weak tags never match, as RFC 9110 §13.1.1 requires for If-Match.
    /// </summary>
    public static bool Matches(string ifMatch, int version)
    {
        ArgumentNullException.ThrowIfNull(ifMatch);
        string current = For(version);
        foreach (string candidate in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate == "*" || string.Equals(candidate, current, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
