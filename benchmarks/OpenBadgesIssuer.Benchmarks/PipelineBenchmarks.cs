using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OpenBadgesIssuer.Standards.DataIntegrity;
using OpenBadgesIssuer.Standards.Jcs;
using OpenBadgesIssuer.Standards.JsonLd;
using OpenBadgesIssuer.Standards.Rdf;

namespace OpenBadgesIssuer.Benchmarks;

/// <summary>
/// The pieces of an eddsa-rdfc-2022 signature, each measured alone on the same inputs the sign operation sees:
/// the unsecured credential and its proof configuration (proof options with the credential's @context).
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private static readonly JsonLdOptions DataIntegrityJsonLd = new()
    {
        Base = null,
        SafeMode = true,
        RdfDirection = RdfDirectionMode.I18nDatatype,
        ProduceGeneralizedRdf = false,
    };

    private Ed25519KeyPair _key = null!;
    private JsonElement _document;
    private JsonElement _proofConfig;
    private RdfQuad[] _documentQuads = [];
    private RdfQuad[] _proofQuads = [];
    private byte[] _canonicalDocument = [];
    private byte[] _toBeSigned = [];
    private byte[] _signature = [];

    [GlobalSetup]
    public void Setup()
    {
        _key = Fixture.CreateKey();
        _document = JsonElement.Parse(Fixture.CredentialUtf8);
        var proofConfig = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["type"] = DataIntegrityNames.DataIntegrityProof,
            ["cryptosuite"] = DataIntegrityNames.EddsaRdfc2022,
            ["created"] = "2026-06-15T09:00:00Z",
            ["verificationMethod"] = _key.DidKeyVerificationMethod,
            ["proofPurpose"] = DataIntegrityNames.AssertionMethod,
            ["@context"] = _document.GetProperty("@context"),
        };
        _proofConfig = JsonSerializer.SerializeToElement(proofConfig);
        _documentQuads = [.. JsonLdToRdf.Convert(_document, null)];
        _proofQuads = [.. JsonLdToRdf.Convert(_proofConfig, null)];
        _canonicalDocument = RdfCanonicalizer.Canonicalize(_documentQuads).Utf8.ToArray();
        var canonicalProof = RdfCanonicalizer.Canonicalize(_proofQuads).Utf8.ToArray();
        _toBeSigned = [.. SHA256.HashData(canonicalProof), .. SHA256.HashData(_canonicalDocument)];
        _signature = _key.Sign(_toBeSigned);

        // The pieces must be the ones the real signer uses: its signature over the same inputs is this one.
        var (signed, hashes) = DataIntegrityProof.SignWithIntermediates(
            Fixture.CredentialUtf8, _key, Fixture.SigningOptions(_key, DataIntegrityNames.EddsaRdfc2022));
        if (!hashes.CanonicalDocument.AsSpan().SequenceEqual(_canonicalDocument) ||
            !hashes.CanonicalProofConfig.AsSpan().SequenceEqual(canonicalProof) ||
            !Encoding.UTF8.GetString(signed).Contains(OpenBadgesIssuer.Standards.Multiformats.Multibase.Encode(_signature), StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The pipeline pieces do not reproduce DataIntegrityProof.Sign.");
        }
        Fixture.WarmUp(() => ToRdfDocument(), () => CanonicalizeDocument(), () => ExpandDocument(), () => JcsDocument());
        Console.WriteLine($"// credential {Fixture.CredentialUtf8.Length} bytes; {_documentQuads.Length} document quads, " +
            $"{_proofQuads.Length} proof quads; canonical N-Quads {_canonicalDocument.Length} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark(Description = "JSON parse (credential)")]
    public JsonElement ParseJson() => JsonElement.Parse(Fixture.CredentialUtf8);

    [Benchmark(Description = "JSON-LD expand (credential)")]
    public int ExpandDocument() => JsonLdProcessor.ExpandInternal(_document, DataIntegrityJsonLd).Count;

    [Benchmark(Description = "JSON-LD toRdf (credential)")]
    public IReadOnlyCollection<RdfQuad> ToRdfDocument() => JsonLdToRdf.Convert(_document, null);

    [Benchmark(Description = "JSON-LD toRdf (proof config)")]
    public IReadOnlyCollection<RdfQuad> ToRdfProofConfig() => JsonLdToRdf.Convert(_proofConfig, null);

    [Benchmark(Description = "RDFC-1.0 (credential quads)")]
    public RdfCanonicalizationResult CanonicalizeDocument() => RdfCanonicalizer.Canonicalize(_documentQuads);

    [Benchmark(Description = "RDFC-1.0 (proof quads)")]
    public RdfCanonicalizationResult CanonicalizeProofConfig() => RdfCanonicalizer.Canonicalize(_proofQuads);

    [Benchmark(Description = "SHA-256 (canonical credential)")]
    public byte[] HashDocument() => SHA256.HashData(_canonicalDocument);

    [Benchmark(Description = "Ed25519 sign (NSec, 64 B)")]
    public byte[] Ed25519Sign() => _key.Sign(_toBeSigned);

    [Benchmark(Description = "Ed25519 verify (NSec, 64 B)")]
    public bool Ed25519Verify() => Ed25519KeyPair.Verify(_key.PublicKey.Span, _toBeSigned, _signature);

    [Benchmark(Description = "JCS (credential)")]
    public byte[] JcsDocument() => JcsCanonicalizer.Canonicalize(_document);
}
