using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenBadgesIssuer.Standards.Rdf;

namespace OpenBadgesIssuer.Standards.Conformance;

/// <summary>Runs every entry of the W3C RDFC-1.0 manifest (eval, map and negative tests).</summary>
public sealed class RdfCanonSuite(ITestOutputHelper output)
{
    [Fact]
    public void AllManifestEntries()
    {
        var root = SuiteLocation.Require("rdf-canon");
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "manifest.jsonld")));
        var report = new SuiteReport("rdf-canon");
        foreach (var entry in manifest.RootElement.GetProperty("entries").EnumerateArray())
        {
            var id = entry.GetProperty("id").GetString()!;
            var type = entry.GetProperty("type").GetString()!;
            var options = new RdfCanonicalizationOptions
            {
                HashAlgorithm = entry.TryGetProperty("hashAlgorithm", out var alg) && alg.GetString() == "SHA384"
                    ? HashAlgorithmName.SHA384
                    : HashAlgorithmName.SHA256,
            };
            try
            {
                var input = NQuads.Parse(File.ReadAllText(Path.Combine(root, entry.GetProperty("action").GetString()!), Encoding.UTF8));
                switch (type)
                {
                    case "rdfc:RDFC10EvalTest":
                    {
                        var expected = File.ReadAllBytes(Path.Combine(root, entry.GetProperty("result").GetString()!));
                        var actual = RdfCanonicalizer.Canonicalize(input, options);
                        if (actual.Utf8.Span.SequenceEqual(expected))
                        {
                            report.Pass();
                        }
                        else
                        {
                            report.Fail(id, "canonical N-Quads differ:\n" + actual.NQuads);
                        }
                        break;
                    }
                    case "rdfc:RDFC10MapTest":
                    {
                        using var expectedJson = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, entry.GetProperty("result").GetString()!)));
                        var expected = expectedJson.RootElement.EnumerateObject()
                            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
                        var actual = RdfCanonicalizer.Canonicalize(input, options).IssuedIdentifiers;
                        if (expected.Count == actual.Count && expected.All(kv => actual.TryGetValue(kv.Key, out var v) && v == kv.Value))
                        {
                            report.Pass();
                        }
                        else
                        {
                            report.Fail(id, "issued identifiers differ: " + string.Join(", ", actual.Select(kv => kv.Key + "=" + kv.Value)));
                        }
                        break;
                    }
                    case "rdfc:RDFC10NegativeEvalTest":
                        try
                        {
                            RdfCanonicalizer.Canonicalize(input, options);
                            report.Fail(id, "expected the work limit to stop canonicalization");
                        }
                        catch (RdfCanonicalizationLimitException)
                        {
                            report.Pass();
                        }
                        break;
                    default:
                        report.Fail(id, "unknown test type " + type);
                        break;
                }
            }
            catch (Exception ex) when (ex is FormatException or RdfCanonicalizationLimitException)
            {
                report.Fail(id, ex.GetType().Name + ": " + ex.Message);
            }
        }
        report.Complete(output);
    }
}
