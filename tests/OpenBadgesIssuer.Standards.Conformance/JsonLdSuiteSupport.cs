using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenBadgesIssuer.Standards.JsonLd;
using OpenBadgesIssuer.Standards.Rdf;

namespace OpenBadgesIssuer.Standards.Conformance;

/// <summary>One entry of a W3C JSON-LD API test manifest.</summary>
internal sealed record JsonLdTestCase(
    string Id,
    IReadOnlyList<string> Types,
    string Input,
    string? Expect,
    string? ExpectErrorCode,
    JsonElement? Option)
{
    public bool IsNegative => Types.Contains("jld:NegativeEvaluationTest");
    public bool IsSyntax => Types.Contains("jld:PositiveSyntaxTest");

    public string? OptionString(string name) =>
        Option is { } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public bool OptionBool(string name) =>
        Option is { } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}

/// <summary>Manifest reading, the test-only document loader and the options of the JSON-LD suites.</summary>
internal static class JsonLdSuiteSupport
{
    public const string BaseIri = "https://w3c.github.io/json-ld-api/tests/";

    public static List<JsonLdTestCase> ReadManifest(string suiteDir, string manifestName)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(suiteDir, manifestName)));
        var cases = new List<JsonLdTestCase>();
        foreach (var t in doc.RootElement.GetProperty("sequence").EnumerateArray())
        {
            var types = t.GetProperty("@type").EnumerateArray().Select(x => x.GetString()!).ToList();
            cases.Add(new JsonLdTestCase(
                t.GetProperty("@id").GetString()!,
                types,
                t.GetProperty("input").GetString()!,
                t.TryGetProperty("expect", out var e) ? e.GetString() : null,
                t.TryGetProperty("expectErrorCode", out var c) ? c.GetString() : null,
                t.TryGetProperty("option", out var o) ? o.Clone() : null));
        }
        return cases;
    }

    public static JsonLdOptions OptionsFor(JsonLdTestCase test, string suiteDir, IDocumentLoader loader)
    {
        var documentUrl = BaseIri + test.Input;
        JsonElement? expandContext = null;
        if (test.OptionString("expandContext") is { } ec)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(suiteDir, ec)));
            expandContext = doc.RootElement.Clone();
        }
        return new JsonLdOptions
        {
            Base = test.OptionString("base") ?? documentUrl,
            DocumentUrl = documentUrl,
            DocumentLoader = loader,
            ExpandContext = expandContext,
            ProcessingMode = test.OptionString("processingMode") ?? "json-ld-1.1",
            ProduceGeneralizedRdf = test.OptionBool("produceGeneralizedRdf"),
            RdfDirection = test.OptionString("rdfDirection") switch
            {
                "i18n-datatype" => RdfDirectionMode.I18nDatatype,
                "compound-literal" => RdfDirectionMode.CompoundLiteral,
                _ => RdfDirectionMode.None,
            },
        };
    }

    /// <summary>Runs a negative test: passes only if a JSON-LD error with exactly the expected code is raised.</summary>
    public static string? CheckNegative(JsonLdTestCase test, Action run)
    {
        try
        {
            run();
            return "expected error '" + test.ExpectErrorCode + "' but none was raised";
        }
        catch (JsonLdException e)
        {
            return string.Equals(e.Code, test.ExpectErrorCode, StringComparison.Ordinal)
                ? null
                : "expected error '" + test.ExpectErrorCode + "' but got '" + e.Code + "': " + e.Message;
        }
    }
}

/// <summary>Test-only loader: maps https://w3c.github.io/json-ld-api/tests/ to the local suite folder; refuses anything else.</summary>
internal sealed class SuiteDocumentLoader(string suiteDir) : IDocumentLoader
{
    public RemoteDocument LoadDocument(string url)
    {
        if (!url.StartsWith(JsonLdSuiteSupport.BaseIri, StringComparison.Ordinal))
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingRemoteContextFailed, "Not a test-suite URL: " + url);
        }
        var relative = url[JsonLdSuiteSupport.BaseIri.Length..];
        var hash = relative.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            relative = relative[..hash];
        }
        var path = Path.Combine(suiteDir, relative.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(path))
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingRemoteContextFailed, "No such test-suite document: " + url);
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return new RemoteDocument(url, doc.RootElement.Clone());
    }
}

/// <summary>JSON-LD comparison of expanded documents: arrays are multisets except inside @list, numbers by value.</summary>
internal static class JsonLdCompare
{
    public static bool Equal(JsonElement a, JsonElement b, bool ordered = false)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                {
                    var pa = a.EnumerateObject().ToList();
                    var pb = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                    if (pa.Count != pb.Count)
                    {
                        return false;
                    }
                    foreach (var p in pa)
                    {
                        if (!pb.TryGetValue(p.Name, out var other))
                        {
                            return false;
                        }
                        var isJsonLiteral = p.Name == "@value" && a.TryGetProperty("@type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "@json";
                        if (!Equal(p.Value, other, ordered: isJsonLiteral || p.Name == "@list"))
                        {
                            return false;
                        }
                    }
                    return true;
                }
            case JsonValueKind.Array:
                {
                    var la = a.EnumerateArray().ToList();
                    var lb = b.EnumerateArray().ToList();
                    if (la.Count != lb.Count)
                    {
                        return false;
                    }
                    if (ordered)
                    {
                        for (var i = 0; i < la.Count; i++)
                        {
                            if (!Equal(la[i], lb[i], ordered: false))
                            {
                                return false;
                            }
                        }
                        return true;
                    }
                    var used = new bool[lb.Count];
                    foreach (var x in la)
                    {
                        var found = false;
                        for (var j = 0; j < lb.Count; j++)
                        {
                            if (!used[j] && Equal(x, lb[j]))
                            {
                                used[j] = true;
                                found = true;
                                break;
                            }
                        }
                        if (!found)
                        {
                            return false;
                        }
                    }
                    return true;
                }
            case JsonValueKind.Number:
                return a.GetDouble().Equals(b.GetDouble());
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            default:
                return true;
        }
    }
}

/// <summary>Minimal test-side N-Quads reader and dataset isomorphism check (until the shared RDFC-1.0 code is merged).</summary>
internal static class TestNQuads
{
    public static List<RdfQuad> Parse(string text)
    {
        var quads = new List<RdfQuad>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var pos = 0;
            var terms = new List<RdfTerm>(4);
            while (true)
            {
                SkipWs(line, ref pos);
                if (pos >= line.Length)
                {
                    throw new FormatException("Unterminated N-Quads line: " + line);
                }
                if (line[pos] == '.')
                {
                    break;
                }
                terms.Add(ReadTerm(line, ref pos));
            }
            if (terms.Count is < 3 or > 4)
            {
                throw new FormatException("Bad N-Quads line: " + line);
            }
            quads.Add(new RdfQuad(terms[0], terms[1], terms[2], terms.Count == 4 ? terms[3] : null));
        }
        return quads;
    }

    private static void SkipWs(string s, ref int pos)
    {
        while (pos < s.Length && (s[pos] == ' ' || s[pos] == '\t'))
        {
            pos++;
        }
    }

    private static RdfTerm ReadTerm(string s, ref int pos)
    {
        var c = s[pos];
        if (c == '<')
        {
            var end = s.IndexOf('>', pos);
            var iri = Unescape(s[(pos + 1)..end]);
            pos = end + 1;
            return RdfTerm.Iri(iri);
        }
        if (c == '_')
        {
            var start = pos + 2;
            pos = start;
            while (pos < s.Length && s[pos] != ' ' && s[pos] != '\t')
            {
                pos++;
            }
            var label = s[start..pos];
            if (label.EndsWith('.'))
            {
                label = label[..^1];
                pos--;
            }
            return RdfTerm.Blank(label);
        }
        if (c == '"')
        {
            var sb = new StringBuilder();
            pos++;
            while (s[pos] != '"')
            {
                if (s[pos] == '\\')
                {
                    var len = s[pos + 1] switch { 'u' => 6, 'U' => 10, _ => 2 };
                    sb.Append(Unescape(s.Substring(pos, len)));
                    pos += len;
                }
                else
                {
                    sb.Append(s[pos]);
                    pos++;
                }
            }
            pos++;
            if (pos < s.Length && s[pos] == '@')
            {
                var start = ++pos;
                while (pos < s.Length && s[pos] != ' ' && s[pos] != '\t')
                {
                    pos++;
                }
                return RdfTerm.Literal(sb.ToString(), null, s[start..pos]);
            }
            if (pos + 1 < s.Length && s[pos] == '^' && s[pos + 1] == '^')
            {
                pos += 2;
                var dt = ReadTerm(s, ref pos);
                return RdfTerm.Literal(sb.ToString(), dt.Value);
            }
            return RdfTerm.Literal(sb.ToString());
        }
        throw new FormatException("Unexpected character in N-Quads: " + s);
    }

    private static string Unescape(string s)
    {
        if (!s.Contains('\\'))
        {
            return s;
        }
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\')
            {
                sb.Append(s[i]);
                continue;
            }
            var e = s[++i];
            switch (e)
            {
                case 't': sb.Append('\t'); break;
                case 'b': sb.Append('\b'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 'f': sb.Append('\f'); break;
                case 'u':
                    sb.Append((char)int.Parse(s.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                case 'U':
                    sb.Append(char.ConvertFromUtf32(int.Parse(s.AsSpan(i + 1, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                    i += 8;
                    break;
                default: sb.Append(e); break;
            }
        }
        return sb.ToString();
    }

    public static string Format(RdfQuad q) =>
        Term(q.Subject) + " " + Term(q.Predicate) + " " + Term(q.Object) + (q.Graph is null ? "" : " " + Term(q.Graph)) + " .";

    private static string Term(RdfTerm t) => t.Kind switch
    {
        RdfTermKind.Iri => "<" + t.Value + ">",
        RdfTermKind.BlankNode => "_:" + t.Value,
        _ => "\"" + t.Value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r") + "\""
             + (t.Language is not null ? "@" + t.Language : t.Datatype == RdfTerm.XsdString ? "" : "^^<" + t.Datatype + ">"),
    };

    /// <summary>True when the two datasets (as sets) are isomorphic under a blank-node bijection.</summary>
    public static bool Isomorphic(IReadOnlyList<RdfQuad> a, IReadOnlyList<RdfQuad> b)
    {
        var sa = a.Distinct().ToList();
        var sb = b.Distinct().ToList();
        if (sa.Count != sb.Count)
        {
            return false;
        }
        var ba = BlankNodes(sa);
        var bb = BlankNodes(sb);
        if (ba.Count != bb.Count)
        {
            return false;
        }
        if (ba.Count == 0)
        {
            return sa.ToHashSet().SetEquals(sb);
        }
        var ca = Colors(sa, ba);
        var cb = Colors(sb, bb);
        var target = sb.ToHashSet();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var usedB = new HashSet<string>(StringComparer.Ordinal);
        var order = ba.OrderBy(x => ca[x], StringComparer.Ordinal).ToList();
        return Search(0);

        bool Search(int i)
        {
            if (i == order.Count)
            {
                return sa.All(q => target.Contains(Rename(q, map)));
            }
            var x = order[i];
            foreach (var y in bb)
            {
                if (usedB.Contains(y) || ca[x] != cb[y])
                {
                    continue;
                }
                map[x] = y;
                usedB.Add(y);
                if (Search(i + 1))
                {
                    return true;
                }
                usedB.Remove(y);
                map.Remove(x);
            }
            return false;
        }
    }

    private static RdfQuad Rename(RdfQuad q, Dictionary<string, string> map)
    {
        RdfTerm? R(RdfTerm? t) => t is { Kind: RdfTermKind.BlankNode } ? RdfTerm.Blank(map[t.Value]) : t;
        return new RdfQuad(R(q.Subject)!, R(q.Predicate)!, R(q.Object)!, R(q.Graph));
    }

    private static List<string> BlankNodes(List<RdfQuad> quads)
    {
        var set = new List<string>();
        foreach (var q in quads)
        {
            foreach (var t in new[] { q.Subject, q.Predicate, q.Object, q.Graph })
            {
                if (t is { Kind: RdfTermKind.BlankNode } && !set.Contains(t.Value))
                {
                    set.Add(t.Value);
                }
            }
        }
        return set;
    }

    // Iterated colour refinement: a blank node's colour summarises the quads it occurs in.
    private static Dictionary<string, string> Colors(List<RdfQuad> quads, List<string> blanks)
    {
        var color = blanks.ToDictionary(x => x, _ => "", StringComparer.Ordinal);
        for (var round = 0; round < 4; round++)
        {
            var next = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var x in blanks)
            {
                var parts = new List<string>();
                foreach (var q in quads)
                {
                    var terms = new[] { q.Subject, q.Predicate, q.Object, q.Graph };
                    for (var p = 0; p < 4; p++)
                    {
                        if (terms[p] is { Kind: RdfTermKind.BlankNode } t && t.Value == x)
                        {
                            parts.Add(p + ":" + string.Join("|", terms.Select(u => u is null ? "-" : u.Kind == RdfTermKind.BlankNode ? "_" + color[u.Value] : u.ToString())));
                        }
                    }
                }
                parts.Sort(StringComparer.Ordinal);
                next[x] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts))));
            }
            color = next;
        }
        return color;
    }
}
