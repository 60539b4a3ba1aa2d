using System.Globalization;

namespace OpenBadgesIssuer.Core.Publishing;

/// <summary>
/// did:web identifiers (W3C CCG did:web method): <c>https://host[:port]/a/b</c> ⇔ <c>did:web:host[%3Aport]:a:b</c>,
/// resolved at <c>https://host[:port]/a/b/did.json</c> (or <c>/.well-known/did.json</c> without a path).
/// </summary>
public static class DidWeb
{
    /// <summary>The did:web of the resource at <paramref name="publicBaseUrl"/> + <paramref name="relativePath"/>.</summary>
    /// <param name="publicBaseUrl">The service's public base URL, e.g. <c>https://badges.example.org:8443/obi</c> (HTTPS only).</param>
    /// <param name="relativePath">Path below the base, e.g. <c>issuers/3f2a</c>; segments must be non-empty and free of ':' '%' '?' '#'.</param>
    public static string FromUrl(string publicBaseUrl, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        ArgumentNullException.ThrowIfNull(relativePath);
        if (!Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment) || !string.IsNullOrEmpty(baseUri.UserInfo))
        {
            throw new ArgumentException("did:web needs an https base URL without query, fragment or user info.", nameof(publicBaseUrl));
        }
        var segments = baseUri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Concat(relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries)).ToList();
        foreach (var s in segments)
        {
            if (s.IndexOfAny([':', '%', '?', '#']) >= 0)
            {
                throw new ArgumentException($"Path segment '{s}' cannot be used in a did:web.", nameof(relativePath));
            }
        }
        var host = baseUri.IdnHost.ToLowerInvariant();
        if (!baseUri.IsDefaultPort)
        {
            host += "%3A" + baseUri.Port.ToString(CultureInfo.InvariantCulture);
        }
        return "did:web:" + string.Join(':', segments.Prepend(host));
    }

    /// <summary>The HTTPS URL where the DID document of <paramref name="did"/> is served.</summary>
    public static string DocumentUrl(string did)
    {
        ArgumentNullException.ThrowIfNull(did);
        if (!did.StartsWith("did:web:", StringComparison.Ordinal) || did.Contains('#', StringComparison.Ordinal))
        {
            throw new ArgumentException("Not a did:web identifier.", nameof(did));
        }
        var parts = did["did:web:".Length..].Split(':');
        var host = Uri.UnescapeDataString(parts[0]);
        return parts.Length == 1
            ? $"https://{host}/.well-known/did.json"
            : $"https://{host}/{string.Join('/', parts.Skip(1))}/did.json";
    }
}
