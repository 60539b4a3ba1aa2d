using System.Text.Json.Nodes;
using OpenBadgesIssuer.Standards.JsonLd;
using OpenBadgesIssuer.Standards.Rdf;

namespace OpenBadgesIssuer.Standards.Tests.JsonLd;

public sealed class Ob3SampleTests
{
    private static readonly JsonLdOptions DataIntegrityOptions = new()
    {
        SafeMode = true,
        Base = null,
        RdfDirection = RdfDirectionMode.I18nDatatype,
    };

    public static TheoryData<string> Samples() => new()
    {
        "ob3/examples/spec/basic-openbadgecredential.json",
        "ob3/examples/spec/complete-openbadgecredential.json",
        "ob3/examples/spec/endorsementcredential.json",
        "ob3/examples/spec/achievement-alignment-case.json",
        "ob3/examples/spec/achievement-alignment-ctdl.json",
        "ob3/examples/spec/skill-assertion-case.json",
        "ob3/examples/spec/skill-assertion-ctdl.json",
        "ob3/examples/signed/simple.json",
        "ob3/examples/signed/complete.json",
        "ob3/examples/signed/endorsement-valid.json",
        "ob3/examples/signed/bitstring-credential-status-revoked.json",
        "ob3/examples/signed/bitstring-status-list-credential.json",
        "ob3/examples/signed/simple-did-key-method.json",
        "ob3/examples/signed/simple-eddsa-2022.json",
        "ob3/examples/signed/credential-status-revoked.json",
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void SampleCredentialGoesToRdfInSafeMode(string relative)
    {
        var path = SharedSpecFiles.Require(relative);
        var credential = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var id = credential["id"]?.GetValue<string>();

        var quads = JsonLdProcessor.ToRdf(credential.ToJsonString(), DataIntegrityOptions);

        Assert.NotEmpty(quads);
        Assert.Contains(quads, q =>
            q.Predicate.Value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
            && q.Object.Value is "https://www.w3.org/2018/credentials#VerifiableCredential"
            && q.Graph is null
            && (id is null || q.Subject.Value == id));
        // toRdf output is a set, and every blank node label has the b<n> form without "_:".
        Assert.Equal(quads.Count, quads.Distinct().Count());
        foreach (var q in quads)
        {
            foreach (var t in new[] { q.Subject, q.Predicate, q.Object, q.Graph })
            {
                if (t is { Kind: RdfTermKind.BlankNode })
                {
                    Assert.Matches("^b[0-9]+$", t.Value);
                }
            }
        }
    }

    [Fact]
    public void SampleCredentialExpandsInSafeMode()
    {
        var path = SharedSpecFiles.Require("ob3/examples/spec/complete-openbadgecredential.json");
        var expanded = JsonLdProcessor.Expand(File.ReadAllText(path), DataIntegrityOptions);
        var node = Assert.Single(expanded.EnumerateArray());
        Assert.True(node.TryGetProperty("https://www.w3.org/2018/credentials#credentialSubject", out _));
        Assert.Contains(node.GetProperty("@type").EnumerateArray(),
            t => t.GetString() == "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential");
    }

    [Fact]
    public void UndefinedTermInOb3CredentialFailsOnlyInSafeMode()
    {
        var path = SharedSpecFiles.Require("ob3/examples/spec/basic-openbadgecredential.json");
        var credential = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        // VC 1.1 + OB 3.0.1 contexts have no @vocab: an undefined term cannot become an absolute IRI.
        credential["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json");
        credential["notATerm"] = "surprise";
        var text = credential.ToJsonString();

        var lenient = JsonLdProcessor.ToRdf(text, new JsonLdOptions());
        Assert.DoesNotContain(lenient, q => q.Object.Value == "surprise");

        var e = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(text, DataIntegrityOptions));
        Assert.Equal(JsonLdErrorCode.SafeModeViolation, e.Code);
        Assert.Contains("notATerm", e.Message, StringComparison.Ordinal);
    }
}
