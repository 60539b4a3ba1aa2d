using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenBadgesIssuer.Standards.DataIntegrity;
using OpenBadgesIssuer.Standards.JsonLd;

namespace OpenBadgesIssuer.Standards.Conformance;

/// <summary>
/// W3C vc-di-eddsa vectors (vectors.json) and the 1EdTech OB 3.0 / CLR 2.0 eddsa-rdfc-2022 vectors. Every intermediate
/// value is a separate check: canonical document, canonical proof configuration, document hash, proof hash, combined
/// hash, signature, proofValue, signed document, verification of the signed document and rejection of a tampered copy.
/// Proof sets and chains: each signing step is reproduced and every signed document verifies.
/// </summary>
public sealed class VcDiEddsaSuite(ITestOutputHelper output)
{
    [Fact]
    public void AllVectors()
    {
        var root = SuiteLocation.Require("vc-di-eddsa");
        var report = new SuiteReport("vc-di-eddsa");
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "vectors.json")));
        foreach (var vector in index.RootElement.GetProperty("vectors").EnumerateArray())
        {
            var id = vector.GetProperty("id").GetString()!;
            try
            {
                if (vector.TryGetProperty("proofSets", out _))
                {
                    RunSetsAndChains(root, vector, report);
                }
                else
                {
                    RunSingle(root, id, vector, report);
                }
            }
            catch (Exception ex) when (ex is DataIntegrityException or ProofCanonicalizationException or FormatException or JsonException or IOException)
            {
                report.Fail(id, ex.GetType().Name + ": " + ex.Message);
            }
        }

        var obRoot = SuiteLocation.Root is null ? null : Path.Combine(SuiteLocation.Root, "ob3-examples", "spec-test-vectors");
        if (obRoot is not null && Directory.Exists(obRoot))
        {
            foreach (var name in new[] { "obv3p0", "clrv2p0" })
            {
                try
                {
                    RunOneEdTech(Path.Combine(obRoot, name), name, report);
                }
                catch (Exception ex) when (ex is DataIntegrityException or ProofCanonicalizationException or FormatException or JsonException or IOException)
                {
                    report.Fail(name, ex.GetType().Name + ": " + ex.Message);
                }
            }
        }
        report.Complete(output);
    }

    private static void RunSingle(string root, string id, JsonElement vector, SuiteReport report)
    {
        var expected = vector.GetProperty("expected");
        string Expected(string name) => File.ReadAllText(Path.Combine(root, expected.GetProperty(name).GetString()!), Encoding.UTF8);
        using var keyPairJson = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, vector.GetProperty("keyPair").GetString()!)));
        using var key = Ed25519KeyPair.FromSecretKeyMultibase(keyPairJson.RootElement.GetProperty("privateKeyMultibase").GetString()!);
        Check(report, id + "/publicKey", keyPairJson.RootElement.GetProperty("publicKeyMultibase").GetString()!, key.PublicKeyMultibase);

        var unsignedBytes = File.ReadAllBytes(Path.Combine(root, vector.GetProperty("unsignedDocument").GetString()!));
        var unsigned = JsonElement.Parse(unsignedBytes);
        var proofConfig = JsonElement.Parse(File.ReadAllBytes(Path.Combine(root, vector.GetProperty("proofConfig").GetString()!)));
        var suite = vector.GetProperty("cryptosuite").GetString()!;
        var method = suite == DataIntegrityNames.EddsaJcs2022 ? Canonicalization.Jcs : Canonicalization.Rdfc;

        var hashes = ProofHashing.Compute(method, proofConfig, unsigned, null, SharedContexts.Loader);
        CheckIntermediates(report, id, hashes, key, Expected("canonicalDocument"), Expected("canonicalProofConfig"),
            Expected("documentHashHex"), Expected("proofHashHex"), Expected("combinedHashHex"), Expected("signatureHex"), Expected("proofValue"));

        var signedExpected = File.ReadAllBytes(Path.Combine(root, expected.GetProperty("signedDocument").GetString()!));
        if (proofConfig.GetProperty("type").GetString() == DataIntegrityNames.DataIntegrityProof)
        {
            var signed = DataIntegrityProof.Sign(unsignedBytes, key, OptionsFrom(proofConfig));
            CheckJson(report, id + "/signedDocument", signedExpected, signed);
        }
        CheckVerifies(report, id, signedExpected);

        if (proofConfig.GetProperty("type").GetString() == DataIntegrityNames.Ed25519Signature2020)
        {
            // Legacy proofs often carry their own @context; it is replaced by the document's, so the proof still verifies.
            var node = JsonNode.Parse(signedExpected)!;
            node["proof"]!["@context"] = "https://w3id.org/security/suites/ed25519-2020/v1";
            CheckVerifies(report, id + "/proofContext", Encoding.UTF8.GetBytes(node.ToJsonString()));
        }
    }

    private static void RunOneEdTech(string folder, string id, SuiteReport report)
    {
        using var keyPairJson = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "key-pair.json")));
        var seed = Convert.FromHexString(keyPairJson.RootElement.GetProperty("privateKeyHex_seedThenPublic").GetString()![..64]);
        using var key = Ed25519KeyPair.FromSeed(seed);
        Check(report, id + "/publicKey", keyPairJson.RootElement.GetProperty("publicKeyMultibase").GetString()!, key.PublicKeyMultibase);
        using var expectedJson = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "expected.json")));
        var expected = expectedJson.RootElement;

        var unsignedBytes = File.ReadAllBytes(Path.Combine(folder, "unsigned-credential.json"));
        var unsigned = JsonElement.Parse(unsignedBytes);
        var proofOptions = JsonElement.Parse(File.ReadAllBytes(Path.Combine(folder, "proof-config.json")));
        var proofConfig = DataIntegrityProof.ProofConfig(proofOptions, unsigned);
        var hashes = ProofHashing.Compute(Canonicalization.Rdfc, proofConfig, unsigned, null, SharedContexts.Loader);
        CheckIntermediates(report, id, hashes, key,
            File.ReadAllText(Path.Combine(folder, "document-canon.nq"), Encoding.UTF8),
            File.ReadAllText(Path.Combine(folder, "proof-canon.nq"), Encoding.UTF8),
            expected.GetProperty("documentHashHex").GetString()!, expected.GetProperty("proofHashHex").GetString()!,
            expected.GetProperty("dataToSignHex").GetString()!, expected.GetProperty("signatureHex").GetString()!,
            expected.GetProperty("proofValue").GetString()!);

        var signedExpected = File.ReadAllBytes(Path.Combine(folder, "signed-credential.json"));
        // The CLR vector writes proof as a one-element array, the OB vector as an object: follow each.
        var asArray = JsonElement.Parse(signedExpected).GetProperty("proof").ValueKind == JsonValueKind.Array;
        var signOptions = OptionsFrom(proofOptions);
        signOptions = new DataIntegritySigningOptions
        {
            Cryptosuite = signOptions.Cryptosuite,
            VerificationMethod = signOptions.VerificationMethod,
            ProofPurpose = signOptions.ProofPurpose,
            Created = signOptions.Created,
            DocumentLoader = signOptions.DocumentLoader,
            ProofAsArray = asArray,
        };
        CheckJson(report, id + "/signedDocument", signedExpected, DataIntegrityProof.Sign(unsignedBytes, key, signOptions));
        CheckVerifies(report, id, signedExpected);
    }

    private static void RunSetsAndChains(string root, JsonElement vector, SuiteReport report)
    {
        using var keysJson = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, vector.GetProperty("keyPairs").GetString()!)));
        var keys = keysJson.RootElement.EnumerateObject()
            .Select(p => Ed25519KeyPair.FromSecretKeyMultibase(p.Value.GetProperty("privateKeyMultibase").GetString()!))
            .ToList();
        try
        {
            byte[] Read(JsonElement path) => File.ReadAllBytes(Path.Combine(root, path.GetString()!));
            var document = File.ReadAllBytes(Path.Combine(root, vector.GetProperty("unsignedDocument").GetString()!));
            var keyIndex = 0;
            foreach (var (kind, groups) in new[] { ("proofSet", vector.GetProperty("proofSets")), ("proofChain", vector.GetProperty("proofChains")) })
            {
                foreach (var group in groups.EnumerateArray())
                {
                    var configs = group.GetProperty("proofConfigs").EnumerateArray().ToList();
                    var signedProofs = group.GetProperty("signedProofConfigs").EnumerateArray().ToList();
                    var signedDocuments = group.GetProperty("signedDocuments").EnumerateArray().ToList();
                    for (var i = 0; i < configs.Count; i++)
                    {
                        var step = string.Create(CultureInfo.InvariantCulture, $"proof-set-chain/{kind}{i + 1}");
                        var config = JsonElement.Parse(Read(configs[i]));
                        var key = keys[keyIndex++];
                        document = DataIntegrityProof.Sign(document, key, OptionsFrom(config));
                        var expectedDocument = Read(signedDocuments[i]);
                        CheckJson(report, step + "/signedDocument", expectedDocument, document);
                        var lastProof = JsonNode.Parse(document)!["proof"] switch
                        {
                            JsonArray array => array[^1]!,
                            var single => single!,
                        };
                        CheckJson(report, step + "/signedProof", Read(signedProofs[i]), Encoding.UTF8.GetBytes(lastProof.ToJsonString()));
                        CheckVerifies(report, step, expectedDocument);
                    }
                }
            }
        }
        finally
        {
            keys.ForEach(k => k.Dispose());
        }
    }

    private static void CheckIntermediates(
        SuiteReport report, string id, ProofHashes hashes, Ed25519KeyPair key, string canonicalDocument, string canonicalProof,
        string documentHash, string proofHash, string combinedHash, string signatureHex, string proofValue)
    {
        Check(report, id + "/canonicalDocument", canonicalDocument, Encoding.UTF8.GetString(hashes.CanonicalDocument));
        Check(report, id + "/canonicalProofConfig", canonicalProof, Encoding.UTF8.GetString(hashes.CanonicalProofConfig));
        Check(report, id + "/documentHash", documentHash.Trim(), Convert.ToHexStringLower(hashes.DocumentHash));
        Check(report, id + "/proofHash", proofHash.Trim(), Convert.ToHexStringLower(hashes.ProofHash));
        Check(report, id + "/combinedHash", combinedHash.Trim(), Convert.ToHexStringLower(hashes.Combined));
        var signature = key.Sign(hashes.Combined);
        Check(report, id + "/signature", signatureHex.Trim(), Convert.ToHexStringLower(signature));
        Check(report, id + "/proofValue", proofValue.Trim(), Multiformats.Multibase.Encode(signature));
    }

    private static void CheckVerifies(SuiteReport report, string id, byte[] signed)
    {
        var result = DataIntegrityProof.Verify(signed, VerifyOptions);
        if (result.IsValid && result.Proofs.Count > 0)
        {
            report.Pass();
        }
        else
        {
            report.Fail(id + "/verify", result.Failure + ": " + result.Message);
        }

        // Tamper with the credential's name: every proof must stop verifying.
        var node = JsonNode.Parse(signed)!.AsObject();
        node["name"] = (node["name"]?.GetValue<string>() ?? string.Empty) + "!";
        var tampered = DataIntegrityProof.Verify(Encoding.UTF8.GetBytes(node.ToJsonString()), VerifyOptions);
        if (!tampered.IsValid && tampered.Proofs.All(p => p.Failure == DataIntegrityFailure.InvalidSignature))
        {
            report.Pass();
        }
        else
        {
            report.Fail(id + "/tampered", "a tampered document was not rejected with InvalidSignature: " + tampered.Failure);
        }
    }

    private static readonly DataIntegrityVerificationOptions VerifyOptions = new() { DocumentLoader = SharedContexts.Loader };

    private static DataIntegritySigningOptions OptionsFrom(JsonElement config)
    {
        string? Get(string name) => config.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        IReadOnlyList<string>? previous = null;
        if (config.TryGetProperty("previousProof", out var p))
        {
            previous = p.ValueKind == JsonValueKind.Array ? p.EnumerateArray().Select(e => e.GetString()!).ToList() : [p.GetString()!];
        }
        return new DataIntegritySigningOptions
        {
            Cryptosuite = Get("cryptosuite")!,
            VerificationMethod = Get("verificationMethod")!,
            ProofPurpose = Get("proofPurpose")!,
            Created = Get("created") is { } created ? DateTimeOffset.Parse(created, CultureInfo.InvariantCulture) : null,
            Id = Get("id"),
            PreviousProof = previous,
            DocumentLoader = SharedContexts.Loader,
        };
    }

    private static void Check(SuiteReport report, string id, string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            report.Pass();
        }
        else
        {
            report.Fail(id, "expected <" + expected + "> got <" + actual + ">");
        }
    }

    private static void CheckJson(SuiteReport report, string id, byte[] expected, byte[] actual)
    {
        if (JsonElement.DeepEquals(JsonElement.Parse(expected), JsonElement.Parse(actual)))
        {
            report.Pass();
        }
        else
        {
            report.Fail(id, "JSON differs: " + Encoding.UTF8.GetString(actual));
        }
    }
}

/// <summary>Serves the context documents of the shared suites folder (contexts/contexts.json); nothing else.</summary>
internal sealed class SharedContexts : IDocumentLoader
{
    private readonly Dictionary<string, RemoteDocument> _documents = new(StringComparer.Ordinal);

    private SharedContexts(string folder)
    {
        using var map = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "contexts.json")));
        foreach (var entry in map.RootElement.EnumerateObject())
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, entry.Value.GetString()!)));
            _documents[entry.Name] = new RemoteDocument(entry.Name, doc.RootElement.Clone());
        }
    }

    /// <summary>The loader, or null (embedded contexts only) when the suites folder is absent.</summary>
    public static SharedContexts? Loader { get; } =
        SuiteLocation.Root is { } root && Directory.Exists(Path.Combine(root, "contexts")) ? new SharedContexts(Path.Combine(root, "contexts")) : null;

    public RemoteDocument LoadDocument(string url) =>
        _documents.TryGetValue(url, out var document)
            ? document
            : throw new JsonLdException(JsonLdErrorCode.LoadingRemoteContextFailed, "Context not in the suites folder: " + url);
}
