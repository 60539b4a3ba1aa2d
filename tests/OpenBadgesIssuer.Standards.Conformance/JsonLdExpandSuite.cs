using System.Text.Json;
using OpenBadgesIssuer.Standards.JsonLd;

namespace OpenBadgesIssuer.Standards.Conformance;

/// <summary>W3C JSON-LD 1.1 API expansion tests (json-ld-api/expand-manifest.jsonld).</summary>
public sealed class JsonLdExpandSuite(ITestOutputHelper output)
{
    /// <summary>Every skipped test, with its reason. Nothing else is skipped.</summary>
    internal static readonly Dictionary<string, string> Skips = new(StringComparer.Ordinal)
    {
        ["#t0026"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#t0038"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#t0071"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#t0115"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#t0116"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#ter02"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#ter03"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#ter24"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
        ["#ter32"] = "specVersion json-ld-1.0 (JSON-LD 1.0 behaviour changed in 1.1)",
    };

    [Fact]
    public void ExpandManifest()
    {
        var dir = SuiteLocation.Require("json-ld-api");
        var report = new SuiteReport("json-ld-expand");
        JsonLdSuiteSupport.RunManifest(dir, "expand-manifest.jsonld", report, Skips, (test, loader) => Run(test, dir, loader));
        output.WriteLine($"skipped (listed in {nameof(JsonLdExpandSuite)}.{nameof(Skips)}): {report.Skipped}");
        report.Complete(output);
    }

    private static string? Run(JsonLdTestCase test, string dir, IDocumentLoader loader)
    {
        var options = JsonLdSuiteSupport.OptionsFor(test, dir, loader);
        using var input = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, test.Input)));
        if (test.IsNegative)
        {
            return JsonLdSuiteSupport.CheckNegative(test, () => JsonLdProcessor.Expand(input.RootElement, options));
        }
        var actual = JsonLdProcessor.Expand(input.RootElement, options);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, test.Expect!)));
        return JsonLdCompare.Equal(expected.RootElement, actual)
            ? null
            : "output differs: " + JsonSerializer.Serialize(actual);
    }
}
