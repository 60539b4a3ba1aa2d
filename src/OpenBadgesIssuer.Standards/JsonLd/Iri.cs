namespace OpenBadgesIssuer.Standards.JsonLd;

/// <summary>IRI helpers of the JSON-LD processor (RFC 3986 / RFC 3987 syntax checks and §5.2 reference resolution).</summary>
internal static class Iri
{
    /// <summary>True when <paramref name="value"/> starts with <c>scheme ":"</c>, scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).</summary>
    public static bool IsAbsolute(string value)
    {
        if (value.Length < 2 || !IsAlpha(value[0]))
        {
            return false;
        }
        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ':')
            {
                return true;
            }
            if (!IsAlpha(c) && !char.IsAsciiDigit(c) && c != '+' && c != '-' && c != '.')
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>An absolute IRI without characters that N-Quads forbids in IRIREF (used for toRdf well-formedness).</summary>
    public static bool IsWellFormedAbsolute(string value)
    {
        if (!IsAbsolute(value))
        {
            return false;
        }
        var hashes = 0;
        foreach (var c in value)
        {
            if (c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
            {
                return false;
            }
            if (c == '#' && ++hashes > 1)
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsBlankNode(string value) => value.Length >= 2 && value[0] == '_' && value[1] == ':';

    private static bool IsAlpha(char c) => char.IsAsciiLetter(c);

    /// <summary>True for strings of the form "@" 1*ALPHA (reserved for future keywords; JSON-LD ignores them).</summary>
    public static bool HasKeywordForm(string value)
    {
        if (value.Length < 2 || value[0] != '@')
        {
            return false;
        }
        for (var i = 1; i < value.Length; i++)
        {
            if (!IsAlpha(value[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when <paramref name="iri"/> ends with one of the RFC 3986 gen-delims <c>: / ? # [ ] @</c>.</summary>
    public static bool EndsWithGenDelim(string iri) =>
        iri.Length > 0 && iri[^1] is ':' or '/' or '?' or '#' or '[' or ']' or '@';

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseIri"/> (RFC 3986 §5.2, no normalisation).</summary>
    public static string Resolve(string? baseIri, string reference)
    {
        if (baseIri is null || IsAbsolute(reference))
        {
            return reference;
        }
        var b = Parse(baseIri);
        var r = Parse(reference);
        string? scheme = b.Scheme;
        string? authority;
        string path;
        string? query;
        if (r.Authority is not null)
        {
            authority = r.Authority;
            path = RemoveDotSegments(r.Path);
            query = r.Query;
        }
        else
        {
            authority = b.Authority;
            if (r.Path.Length == 0)
            {
                path = b.Path;
                query = r.Query ?? b.Query;
            }
            else
            {
                if (r.Path[0] == '/')
                {
                    path = RemoveDotSegments(r.Path);
                }
                else
                {
                    string merged;
                    if (b.Authority is not null && b.Path.Length == 0)
                    {
                        merged = "/" + r.Path;
                    }
                    else
                    {
                        var slash = b.Path.LastIndexOf('/');
                        merged = slash < 0 ? r.Path : string.Concat(b.Path.AsSpan(0, slash + 1), r.Path);
                    }
                    path = RemoveDotSegments(merged);
                }
                query = r.Query;
            }
        }
        var sb = new System.Text.StringBuilder(baseIri.Length + reference.Length);
        if (scheme is not null)
        {
            sb.Append(scheme).Append(':');
        }
        if (authority is not null)
        {
            sb.Append("//").Append(authority);
        }
        sb.Append(path);
        if (query is not null)
        {
            sb.Append('?').Append(query);
        }
        if (r.Fragment is not null)
        {
            sb.Append('#').Append(r.Fragment);
        }
        return sb.ToString();
    }

    private readonly record struct Parts(string? Scheme, string? Authority, string Path, string? Query, string? Fragment);

    // RFC 3986 Appendix B, keeping "defined but empty" components distinct from undefined ones.
    private static Parts Parse(string s)
    {
        string? scheme = null;
        var i = 0;
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var ok = IsAlpha(s[0]);
            for (var k = 1; ok && k < colon; k++)
            {
                var c = s[k];
                ok = IsAlpha(c) || char.IsAsciiDigit(c) || c == '+' || c == '-' || c == '.';
            }
            if (ok)
            {
                scheme = s[..colon];
                i = colon + 1;
            }
        }
        string? fragment = null;
        var hash = s.IndexOf('#', i);
        var end = s.Length;
        if (hash >= 0)
        {
            fragment = s[(hash + 1)..];
            end = hash;
        }
        string? query = null;
        var q = s.IndexOf('?', i, end - i);
        if (q >= 0)
        {
            query = s[(q + 1)..end];
            end = q;
        }
        string? authority = null;
        if (end - i >= 2 && s[i] == '/' && s[i + 1] == '/')
        {
            var start = i + 2;
            var slash = s.IndexOf('/', start, end - start);
            var authEnd = slash < 0 ? end : slash;
            authority = s[start..authEnd];
            i = authEnd;
        }
        return new Parts(scheme, authority, s[i..end], query, fragment);
    }

    private static string RemoveDotSegments(string path)
    {
        if (path.IndexOf('.', StringComparison.Ordinal) < 0)
        {
            return path;
        }
        var input = path;
        var output = new List<string>();
        var absolute = input.StartsWith('/');
        var segments = input.Split('/');
        // segments[0] is "" for absolute paths.
        var start = absolute ? 1 : 0;
        for (var k = start; k < segments.Length; k++)
        {
            var seg = segments[k];
            var last = k == segments.Length - 1;
            if (seg == ".")
            {
                if (last)
                {
                    output.Add(string.Empty);
                }
                continue;
            }
            if (seg == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
                if (last)
                {
                    output.Add(string.Empty);
                }
                continue;
            }
            output.Add(seg);
        }
        var joined = string.Join('/', output);
        return absolute ? "/" + joined : joined;
    }
}
