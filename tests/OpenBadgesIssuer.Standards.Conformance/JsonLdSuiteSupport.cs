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

    /// <summary>
    /// Runs every entry of a manifest that is not in <paramref name="skips"/>: <paramref name="run"/> returns null on
    /// success or the reason of the failure; an exception it lets escape counts as a failure of that entry.
    /// </summary>
    public static void RunManifest(
        string suiteDir, string manifestName, SuiteReport report, IReadOnlyDictionary<string, string> skips,
        Func<JsonLdTestCase, IDocumentLoader, string?> run)
    {
        var loader = new SuiteDocumentLoader(suiteDir);
        foreach (var test in ReadManifest(suiteDir, manifestName))
        {
            if (skips.ContainsKey(test.Id))
            {
                report.Skip();
                continue;
            }
            string? failure;
            try
            {
                failure = run(test, loader);
            }
            catch (Exception e)
            {
                failure = "unexpected " + e.GetType().Name + ": " + e.Message;
            }
            if (failure is null)
            {
                report.Pass();
            }
            else
            {
                report.Fail(test.Id, failure);
            }
        }
    }

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

/// <summary>Dataset comparison by RDFC-1.0 canonical form (isomorphism), using the library's N-Quads and RDFC-1.0 code.</summary>
internal static class DatasetCompare
{
    public static string Canonical(IEnumerable<RdfQuad> quads) => RdfCanonicalizer.Canonicalize(quads).NQuads;

    /// <summary>Null when the datasets are isomorphic, else both canonical forms.</summary>
    public static string? Difference(IEnumerable<RdfQuad> actual, string expectedNQuads)
    {
        var a = Canonical(actual);
        var e = Canonical(NQuads.Parse(expectedNQuads));
        return string.Equals(a, e, StringComparison.Ordinal) ? null : "datasets differ.\nexpected:\n" + e + "actual:\n" + a;
    }
}
