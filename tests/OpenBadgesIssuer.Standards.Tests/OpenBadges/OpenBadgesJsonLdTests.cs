using System.Text;
using System.Text.Json.Nodes;
using OpenBadgesIssuer.Standards.JsonLd;
using OpenBadgesIssuer.Standards.OpenBadges.V2;
using OpenBadgesIssuer.Standards.OpenBadges.V3;
using OpenBadgesIssuer.TestSamples;

namespace OpenBadgesIssuer.Standards.Tests.OpenBadges;

/// <summary>
/// Every written document is JSON-LD that converts to RDF in safe mode with the embedded contexts: no property or
/// type is dropped as undefined, no relative IRI appears.
/// </summary>
public class OpenBadgesJsonLdTests
{
    private static readonly JsonLdOptions SafeMode = new() { SafeMode = true, Base = null };
    private static readonly DateTimeOffset Issued = new(2025, 1, 15, 18, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, byte[]> Documents() => new()
    {
        { "ob3-full", OpenBadgeCredentialWriter.Write(Ob3Samples.Full()) },
        { "ob3-minimal", OpenBadgeCredentialWriter.Write(Ob3Samples.Minimal()) },
        { "ob3-profile", Ob3ProfileWriter.Write(Ob3Samples.Full().Issuer) },
        { "ob2-hosted", Ob2Writer.WriteAssertion(Ob2Hosted()) },
        { "ob2-signed", Ob2Writer.WriteAssertion(Ob2Hosted() with { SignedBy = "https://badges.example.org/v1/keys/k1" }) },
        { "ob2-revoked", Ob2Writer.WriteRevokedAssertion("https://badges.example.org/v1/assertions/a1", "Issued in error") },
        { "ob2-badgeclass", Ob2Writer.WriteBadgeClass(new Ob2BadgeClass("https://badges.example.org/v1/badge-classes/b1/versions/1",
            "Formative Assessment", "Uses formative assessment.", "https://badges.example.org/v1/badge-classes/b1/image.png",
            new Ob2Criteria("https://badges.example.org/v1/badge-classes/b1/criteria", "Submit evidence."), "https://badges.example.org/v1/issuers/i1/ob2")
        {
            Tags = ["assessment"],
            Alignments = [new Ob2Alignment("FA.1", "https://case.example.org/items/1") { TargetFramework = "Teaching Standards", TargetCode = "FA.1", TargetDescription = "d" }],
        }) },
        { "ob2-issuer", Ob2Writer.WriteIssuer(new Ob2Issuer("https://badges.example.org/v1/issuers/i1/ob2", "District", "https://district.example.org", "badges@district.example.org")
        {
            PublicKeys = ["https://badges.example.org/v1/keys/k1", "https://badges.example.org/v1/keys/k0"],
            RevocationList = "https://badges.example.org/v1/issuers/i1/revocations",
            AllowedOrigins = ["badges.example.org"],
            Telephone = "+15555550100",
            Description = "d",
            Image = "https://badges.example.org/v1/issuers/i1/image.png",
        }) },
        { "ob2-key", Ob2Writer.WriteCryptographicKey(new Ob2CryptographicKey("https://badges.example.org/v1/keys/k1",
            "https://badges.example.org/v1/issuers/i1/ob2", "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----")) },
        { "ob2-revocations", Ob2Writer.WriteRevocationList(new Ob2RevocationList("https://badges.example.org/v1/issuers/i1/revocations",
            "https://badges.example.org/v1/issuers/i1/ob2", [new("https://badges.example.org/v1/assertions/a1", "reason"), new("urn:uuid:6deb4a00-ebce-4b28-8cc2-afa705ef7be4")])) },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_ConvertsToRdfInSafeMode(string name, byte[] json)
    {
        var quads = JsonLdProcessor.ToRdf(Encoding.UTF8.GetString(json), SafeMode);
        Assert.True(quads.Count >= 3, name);
        Assert.All(quads, q => Assert.NotEqual(Standards.Rdf.RdfTermKind.Literal, q.Predicate.Kind));
    }

    [Fact]
    public void SafeMode_RejectsAnUndefinedOb2Property()
    {
        var node = JsonNode.Parse(Ob2Writer.WriteAssertion(Ob2Hosted()))!;
        node["keyMethod"] = "x";
        Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(node.ToJsonString(), SafeMode));
    }

    [Fact]
    public void HostedAssertion_TypesExpandToTheOpenBadgesVocabulary()
    {
        var quads = JsonLdProcessor.ToRdf(Encoding.UTF8.GetString(Ob2Writer.WriteAssertion(Ob2Hosted())), SafeMode);
        const string rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
        var types = quads.Where(q => q.Predicate.Value == rdfType).Select(q => q.Object.Value).ToList();
        Assert.Contains("https://w3id.org/openbadges#Assertion", types);
        Assert.Contains("https://w3id.org/openbadges#HostedBadge", types);
    }

    private static Ob2Assertion Ob2Hosted() => new("https://badges.example.org/v1/assertions/a1",
        Ob2Recipient.HashedEmail("teacher@example.org", "salt"), "https://badges.example.org/v1/badge-classes/b1/versions/1", Issued)
    {
        Image = "https://badges.example.org/v1/assertions/a1/baked.png?version=2",
        Expires = Issued.AddYears(5),
        Narrative = "Did it.",
        Evidence = [new Ob2Evidence { Id = "https://evidence.example.org/1", Name = "Plan", Genre = "Lesson plan", Audience = "Reviewers", Description = "d", Narrative = "n" }],
    };
}
