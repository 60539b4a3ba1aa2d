using System.Text.Json;
using System.Text.Json.Nodes;
using OpenBadgesIssuer.Standards.JsonLd;

namespace OpenBadgesIssuer.Standards.Conformance;

/// <summary>
/// toRdf of the signing test vectors (W3C vc-di-eddsa eddsa-rdfc-2022 and Ed25519Signature2020, 1EdTech OB 3.0 and
/// CLR 2.0): in safe mode with base null and rdfDirection i18n-datatype (the Data Integrity settings), our dataset must
/// canonicalize (RDFC-1.0) to exactly the vector's canonical N-Quads, for the document and for the proof configuration. Vectors whose
/// contexts are all embedded in the library also run with the default (embedded-only) loader.
/// </summary>
public sealed class JsonLdVectorSuite(ITestOutputHelper output)
{
    private sealed record Vector(string Id, string Document, string? ProofConfig, string CanonicalDocument, string? CanonicalProof);

    [Fact]
    public void SigningVectorsToRdf()
    {
        var root = Path.GetDirectoryName(SuiteLocation.Require("contexts"))!;
        var report = new SuiteReport("json-ld-vectors");
        var contextLoader = new MapDocumentLoader(Path.Combine(root, "contexts"));
        var vectors = new List<Vector>();
        var eddsaDir = Path.Combine(root, "vc-di-eddsa");
        using (var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(eddsaDir, "vectors.json"))))
        {
            foreach (var v in index.RootElement.GetProperty("vectors").EnumerateArray())
            {
                var suite = v.GetProperty("cryptosuite").GetString()!;
                if (!suite.StartsWith("eddsa-rdfc-2022", StringComparison.Ordinal) && !suite.StartsWith("Ed25519Signature2020", StringComparison.Ordinal))
                {
                    continue; // eddsa-jcs-2022 has no JSON-LD processing
                }
                if (!v.TryGetProperty("expected", out var expected) || !expected.TryGetProperty("canonicalDocument", out var canon))
                {
                    continue; // the proof-set/chain entry has no canonical forms of its own
                }
                vectors.Add(new Vector(
                    v.GetProperty("id").GetString()!,
                    Path.Combine(eddsaDir, v.GetProperty("unsignedDocument").GetString()!),
                    Path.Combine(eddsaDir, v.GetProperty("proofConfig").GetString()!),
                    Path.Combine(eddsaDir, canon.GetString()!),
                    Path.Combine(eddsaDir, expected.GetProperty("canonicalProofConfig").GetString()!)));
            }
        }
        foreach (var name in new[] { "obv3p0", "clrv2p0" })
        {
            var dir = Path.Combine(root, "ob3-examples", "spec-test-vectors", name);
            if (Directory.Exists(dir))
            {
                vectors.Add(new Vector(name, Path.Combine(dir, "unsigned-credential.json"), Path.Combine(dir, "proof-config.json"),
                    Path.Combine(dir, "document-canon.nq"), Path.Combine(dir, "proof-canon.nq")));
            }
        }
        foreach (var v in vectors)
        {
            var document = JsonNode.Parse(File.ReadAllText(v.Document))!.AsObject();
            document.Remove("proof");
            var cases = new List<(string Name, JsonNode Input, string Expected)> { ("document", document, v.CanonicalDocument) };
            if (v.ProofConfig is not null && v.CanonicalProof is not null)
            {
                var proof = JsonNode.Parse(File.ReadAllText(v.ProofConfig))!.AsObject();
                if (!proof.ContainsKey("@context") && !v.Id.StartsWith("Ed25519Signature2020", StringComparison.Ordinal))
                {
                    proof["@context"] = document["@context"]!.DeepClone();
                }
                cases.Add(("proof", proof, v.CanonicalProof));
            }
            foreach (var (caseName, input, expectedPath) in cases)
            {
                var element = JsonSerializer.SerializeToElement(input);
                var embeddedOnly = AllContextsEmbedded(input["@context"]);
                var loaders = embeddedOnly
                    ? new (string, IDocumentLoader)[] { ("test loader", contextLoader), ("embedded loader", EmbeddedContextLoader.Instance) }
                    : [("test loader", contextLoader)];
                foreach (var (loaderName, loader) in loaders)
                {
                    var id = $"{v.Id} {caseName} ({loaderName})";
                    try
                    {
                        var options = new JsonLdOptions { DocumentLoader = loader, SafeMode = true, RdfDirection = RdfDirectionMode.I18nDatatype };
                        var actual = JsonLdProcessor.ToRdf(element, options);
                        // The vector files are already canonical: compare our canonical form with them byte for byte.
                        var canonical = DatasetCompare.Canonical(actual);
                        var expected = File.ReadAllText(expectedPath);
                        if (string.Equals(canonical, expected, StringComparison.Ordinal))
                        {
                            report.Pass();
                        }
                        else
                        {
                            report.Fail(id, "canonical N-Quads differ:\nexpected:\n" + expected + "actual:\n" + canonical);
                        }
                    }
                    catch (JsonLdException e)
                    {
                        report.Fail(id, e.Message);
                    }
                }
            }
        }
        report.Complete(output);
    }

    private static bool AllContextsEmbedded(JsonNode? context) => context switch
    {
        JsonValue s when s.TryGetValue<string>(out var url) => EmbeddedContextLoader.IsEmbedded(url),
        JsonArray a => a.All(AllContextsEmbedded),
        _ => false,
    };

    /// <summary>Serves the context files of test-suites/contexts/contexts.json; refuses every other URL.</summary>
    private sealed class MapDocumentLoader : IDocumentLoader
    {
        private readonly string _dir;
        private readonly Dictionary<string, string> _map;

        public MapDocumentLoader(string dir)
        {
            _dir = dir;
            _map = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(dir, "contexts.json")))!;
        }

        public RemoteDocument LoadDocument(string url)
        {
            if (!_map.TryGetValue(url, out var file))
            {
                throw new JsonLdException(JsonLdErrorCode.LoadingRemoteContextFailed, "Not in contexts.json: " + url);
            }
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, file)));
            return new RemoteDocument(url, doc.RootElement.Clone());
        }
    }
}
