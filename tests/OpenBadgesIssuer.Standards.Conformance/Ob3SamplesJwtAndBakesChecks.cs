using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenBadgesIssuer.Standards.Baking;
using OpenBadgesIssuer.Standards.Jose;

namespace OpenBadgesIssuer.Standards.Conformance;

/// <summary>
/// The 1EdTech validator samples (ob3-examples/validator-samples) and the offline results recorded for them
/// (ob3-examples/verification-results.json). Each Check* method adds one sample kind to a shared "ob3-samples" report,
/// so further kinds (e.g. Data Integrity JSON samples) can be added next to these.
/// </summary>
internal sealed class Ob3Samples
{
    private Ob3Samples(string root, JsonArray samples)
    {
        Root = root;
        Samples = samples;
    }

    /// <summary>The ob3-examples folder.</summary>
    public string Root { get; }

    /// <summary>The "samples" entries of verification-results.json.</summary>
    public JsonArray Samples { get; }

    public static Ob3Samples Load()
    {
        var root = SuiteLocation.Require("ob3-examples");
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "verification-results.json")))!;
        return new Ob3Samples(root, results["samples"]!.AsArray());
    }

    public byte[] ReadBytes(string relative) => File.ReadAllBytes(Path.Combine(Root, relative));

    /// <summary>
    /// Options the 1EdTech validator effectively uses for these samples: RS256/ES256, the key taken from the jwk header
    /// (explicit opt-in), no other key source.
    /// </summary>
    public static VcJwtVerificationOptions ValidatorLikeOptions => new()
    {
        AllowedAlgorithms = JoseAlgorithms.OpenBadgesValidator,
        AllowEmbeddedJwk = true,
    };

    /// <summary>
    /// Every VC-JWT in the results file (plain .jwt files and JWTs baked in PNG/SVG): those recorded as verified must verify,
    /// and must stop verifying once a signature byte is changed; those recorded as having no usable key must fail with
    /// <see cref="JoseFailure.KeyNotFound"/>.
    /// </summary>
    public async Task CheckVcJwtSamples(SuiteReport report, CancellationToken cancellationToken)
    {
        foreach (var sample in Samples.OfType<JsonObject>())
        {
            var file = (string)sample["file"]!;
            foreach (var (kind, token) in JwtsOf(sample, file))
            {
                var id = $"{file} [{kind}]";
                var expectation = sample[kind]!["verified"]!;
                var result = await VcJwt.VerifyAsync(token, ValidatorLikeOptions, cancellationToken);
                if (expectation.GetValueKind() == JsonValueKind.True)
                {
                    if (!result.IsValid)
                    {
                        report.Fail(id, $"expected to verify, got {result.Failure}: {result.Message}");
                        continue;
                    }
                    var usesVc = sample[kind]!["payloadHasVcClaim"]!.GetValue<bool>();
                    if (result.UsedVcClaim != usesVc)
                    {
                        report.Fail(id, $"vc claim use {result.UsedVcClaim}, results file says {usesVc}");
                        continue;
                    }
                    report.Pass();

                    var tampered = Tamper(token);
                    var tamperedResult = await VcJwt.VerifyAsync(tampered, ValidatorLikeOptions, cancellationToken);
                    if (tamperedResult.Failure == JoseFailure.InvalidSignature)
                    {
                        report.Pass();
                    }
                    else
                    {
                        report.Fail(id + " (tampered)", $"expected InvalidSignature, got {tamperedResult.Failure}");
                    }
                }
                else
                {
                    // "no embedded key": nothing in the token lets an offline verifier find the key.
                    if (result.Failure == JoseFailure.KeyNotFound)
                    {
                        report.Pass();
                    }
                    else
                    {
                        report.Fail(id, $"expected KeyNotFound ({expectation}), got {result.Failure}");
                    }
                }
            }
        }
    }

    /// <summary>
    /// The extracted copies in vc-jwt/ equal what the baked images yield, and the JSON baked in PNG/SVG carries the proof the
    /// results file lists (type, cryptosuite, verificationMethod).
    /// </summary>
    public void CheckBakedSamples(SuiteReport report)
    {
        var pairs = new (string Image, string Jwt)[]
        {
            ("validator-samples/ob30/simple-jwt.png", "vc-jwt/simple-jwt.from-png.jwt"),
            ("validator-samples/ob30/simple-jwt.svg", "vc-jwt/simple-jwt.from-svg.jwt"),
            ("validator-samples/ob30/simple-jwt_v1.svg", "vc-jwt/simple-jwt_v1.from-svg.jwt"),
            ("validator-samples/ob30/simple-jwt_v1.png", "vc-jwt/simple-jwt_v1.from-svg.jwt"),
        };
        foreach (var (image, jwtFile) in pairs)
        {
            var expected = Encoding.UTF8.GetString(ReadBytes(jwtFile)).Trim();
            var actual = ExtractText(image, json: false);
            if (string.Equals(expected, actual, StringComparison.Ordinal))
            {
                report.Pass();
            }
            else
            {
                report.Fail(image, $"baked JWT differs from {jwtFile}");
            }
        }

        foreach (var sample in Samples.OfType<JsonObject>())
        {
            var file = (string)sample["file"]!;
            var kind = sample.ContainsKey("pngJson") ? "pngJson" : sample.ContainsKey("svgJson") ? "svgJson" : null;
            if (kind is null)
            {
                continue;
            }
            try
            {
                var credential = JsonNode.Parse(ExtractText(file, json: true) ?? "null") as JsonObject;
                var proofs = credential?["proof"] is JsonArray array ? array.OfType<JsonObject>().ToList()
                    : credential?["proof"] is JsonObject single ? [single] : [];
                var expected = sample[kind]!.AsArray().OfType<JsonObject>().ToList();
                var same = proofs.Count == expected.Count && proofs.Zip(expected).All(p =>
                    string.Equals((string?)p.First["type"], (string?)p.Second["type"], StringComparison.Ordinal) &&
                    string.Equals((string?)p.First["cryptosuite"], (string?)p.Second["cryptosuite"], StringComparison.Ordinal) &&
                    string.Equals((string?)p.First["verificationMethod"], (string?)p.Second["vm"], StringComparison.Ordinal));
                if (same)
                {
                    report.Pass();
                }
                else
                {
                    report.Fail(file, "baked credential's proofs differ from the results file");
                }
            }
            catch (Exception e) when (e is BadgeImageException or JsonException)
            {
                report.Fail(file, e.Message);
            }
        }
    }

    private IEnumerable<(string Kind, string Token)> JwtsOf(JsonObject sample, string file)
    {
        if (sample.ContainsKey("jwt"))
        {
            yield return ("jwt", Encoding.UTF8.GetString(ReadBytes(file)).Trim());
        }
        if (sample.ContainsKey("pngJwt") || sample.ContainsKey("svgJwt"))
        {
            yield return (sample.ContainsKey("pngJwt") ? "pngJwt" : "svgJwt", ExtractText(file, json: false) ?? "");
        }
    }

    private string? ExtractText(string file, bool json)
    {
        var bytes = ReadBytes(file);
        if (file.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            return PngBadge.Extract(bytes, BadgeVersion.V3);
        }
        var content = SvgBadge.Extract(bytes, BadgeVersion.V3);
        return json ? content?.Body : content?.Verify;
    }

    private static string Tamper(string token)
    {
        // Change one character in the middle of the signature segment (never the last, whose low bits may be padding).
        var index = token.LastIndexOf('.') + 10;
        var replacement = token[index] == 'A' ? 'B' : 'A';
        return string.Concat(token.AsSpan(0, index), replacement.ToString(), token.AsSpan(index + 1));
    }
}
