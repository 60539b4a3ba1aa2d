using System.Text;

namespace OpenBadgesIssuer.Standards.Keys;

/// <summary>
/// The did:web method's mapping between DIDs and the HTTPS URL of their DID document (did:web method specification,
/// "Read (Resolve)" and "Create (Register)"): <c>did:web:example.com</c> ↔ <c>https://example.com/.well-known/did.json</c>,
/// <c>did:web:example.com%3A8443:issuers:1</c> ↔ <c>https://example.com:8443/issuers/1/did.json</c>.
/// </summary>
public static class DidWeb
{
    private const string Prefix = "did:web:";

    /// <summary>The URL of the DID document of a did:web DID (a fragment or query on the input is ignored).</summary>
    /// <exception cref="FormatException">Not a valid did:web DID.</exception>
    public static string ToDocumentUrl(string did)
    {
        ArgumentNullException.ThrowIfNull(did);
        if (!did.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new FormatException("Not a did:web identifier.");
        }
        var id = did.AsSpan(Prefix.Length);
        var end = id.IndexOfAny('#', '?');
        if (end >= 0)
        {
            id = id[..end];
        }
        var segments = id.ToString().Split(':');
        var hostAndPort = segments[0];
        string host;
        string? port = null;
        var encodedColon = hostAndPort.IndexOf("%3A", StringComparison.OrdinalIgnoreCase);
        if (encodedColon >= 0)
        {
            host = hostAndPort[..encodedColon];
            port = hostAndPort[(encodedColon + 3)..];
            if (port.Length is 0 or > 5 || !port.All(char.IsAsciiDigit) || int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) is 0 or > 65535)
            {
                throw new FormatException("did:web port is invalid.");
            }
        }
        else
        {
            host = hostAndPort;
        }
        ValidateHost(host);
        var url = new StringBuilder("https://").Append(host.ToLowerInvariant());
        if (port is not null)
        {
            url.Append(':').Append(port);
        }
        if (segments.Length == 1)
        {
            return url.Append("/.well-known/did.json").ToString();
        }
        for (var i = 1; i < segments.Length; i++)
        {
            ValidatePathSegment(segments[i]);
            url.Append('/').Append(segments[i]);
        }
        return url.Append("/did.json").ToString();
    }

    /// <summary>
    /// The did:web DID for an HTTPS location: an origin (<c>https://example.com</c>), an origin with a path
    /// (<c>https://example.com/issuers/1</c>) or the DID document URL itself (ending in <c>/did.json</c>).
    /// </summary>
    /// <exception cref="FormatException">Not an https URL that did:web can express.</exception>
    public static string FromUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        const string Scheme = "https://";
        if (!url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException("did:web requires an https URL.");
        }
        var rest = url[Scheme.Length..];
        if (rest.IndexOfAny(['?', '#', '@']) >= 0)
        {
            throw new FormatException("did:web URLs cannot carry a query, fragment or user information.");
        }
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? string.Empty : rest[slash..];
        if (path.EndsWith("/did.json", StringComparison.Ordinal))
        {
            path = path[..^"/did.json".Length];
        }
        if (string.Equals(path, "/.well-known", StringComparison.Ordinal))
        {
            path = string.Empty;
        }
        path = path.TrimEnd('/');
        var colon = authority.LastIndexOf(':');
        var host = colon < 0 ? authority : authority[..colon];
        ValidateHost(host);
        var did = new StringBuilder(Prefix).Append(host.ToLowerInvariant());
        if (colon >= 0)
        {
            var port = authority[(colon + 1)..];
            if (port.Length is 0 or > 5 || !port.All(char.IsAsciiDigit))
            {
                throw new FormatException("Invalid port.");
            }
            if (!string.Equals(port, "443", StringComparison.Ordinal))
            {
                did.Append("%3A").Append(port);
            }
        }
        if (path.Length > 0)
        {
            foreach (var segment in path[1..].Split('/'))
            {
                ValidatePathSegment(segment);
                did.Append(':').Append(segment);
            }
        }
        return did.ToString();
    }

    private static void ValidateHost(string host)
    {
        if (host.Length is 0 or > 253)
        {
            throw new FormatException("did:web host is empty or too long.");
        }
        foreach (var label in host.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' ||
                !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                throw new FormatException("did:web host is not a valid domain name.");
            }
        }
        if (host.All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            throw new FormatException("did:web does not allow IP addresses.");
        }
    }

    private static void ValidatePathSegment(string segment)
    {
        if (segment.Length == 0 || segment is "." or "..")
        {
            throw new FormatException("did:web path segments cannot be empty, '.' or '..'.");
        }
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (c == '%')
            {
                if (i + 2 >= segment.Length || !char.IsAsciiHexDigit(segment[i + 1]) || !char.IsAsciiHexDigit(segment[i + 2]))
                {
                    throw new FormatException("Invalid percent-encoding in a did:web path segment.");
                }
                i += 2;
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
            {
                throw new FormatException("Character not allowed in a did:web path segment.");
            }
        }
    }
}
