using System.Text.Json;
using OpenBadgesIssuer.Standards.JsonLd;

namespace OpenBadgesIssuer.Standards.Conformance;

/// <summary>W3C JSON-LD 1.1 API toRdf tests (json-ld-api/toRdf-manifest.jsonld), compared by RDFC-1.0 canonical form (dataset isomorphism).</summary>
public sealed class JsonLdToRdfSuite(ITestOutputHelper output)
{
    /// <summary>Every skipped test, with its reason. Nothing else is skipped.</summary>
    internal static readonly Dictionary<string, string> Skips = new(StringComparer.Ordinal)
    {
        ["#t0118"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#te014"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#te026"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#te038"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#te071"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#te115"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#te116"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#ter02"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#ter03"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#ter24"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#ter32"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#te075"] = "generalized RDF (blank-node predicate): the expected output is not valid N-Quads, so the shared "
            + "N-Quads parser and RDFC-1.0 cannot read it for the comparison (the processor supports produceGeneralizedRdf)",
    };

    [Fact]
    public void ToRdfManifest()
    {
        var dir = SuiteLocation.Require("json-ld-api");
        var report = new SuiteReport("json-ld-toRdf");
        JsonLdSuiteSupport.RunManifest(dir, "toRdf-manifest.jsonld", report, Skips, (test, loader) => Run(test, dir, loader));
        output.WriteLine($"skipped (listed in {nameof(JsonLdToRdfSuite)}.{nameof(Skips)}): {report.Skipped}");
        report.Complete(output);
    }

    private static string? Run(JsonLdTestCase test, string dir, IDocumentLoader loader)
    {
        var options = JsonLdSuiteSupport.OptionsFor(test, dir, loader);
        using var input = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, test.Input)));
        if (test.IsNegative)
        {
            return JsonLdSuiteSupport.CheckNegative(test, () => JsonLdProcessor.ToRdf(input.RootElement, options));
        }
        var actual = JsonLdProcessor.ToRdf(input.RootElement, options);
        if (test.IsSyntax)
        {
            return null;
        }
        return DatasetCompare.Difference(actual, File.ReadAllText(Path.Combine(dir, test.Expect!)));
    }
}
