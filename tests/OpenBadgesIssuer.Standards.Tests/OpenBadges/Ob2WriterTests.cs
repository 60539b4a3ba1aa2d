using System.Text.Json;
using OpenBadgesIssuer.Standards.OpenBadges;
using OpenBadgesIssuer.Standards.OpenBadges.V2;

namespace OpenBadgesIssuer.Standards.Tests.OpenBadges;

public class Ob2WriterTests
{
    private static readonly DateTimeOffset Issued = new(2016, 12, 31, 23, 59, 59, TimeSpan.Zero);

    [Fact]
    public void HostedAssertion_ReproducesTheSignedSetExample()
    {
        // Same data as shared/spec/ob2/examples/signed-set/hosted-assertion.json; compare member by member.
        var path = SharedSpec.Require("ob2/examples/signed-set/hosted-assertion.json");
        using var expected = JsonDocument.Parse(File.ReadAllBytes(path));
        var assertion = new Ob2Assertion(
            "https://example.org/beths-robotics-badge.json",
            Ob2Recipient.HashedEmail("nobody@example.org", "deadsea"),
            "https://example.org/robotics-badge.json",
            Issued)
        {
            Image = "https://example.org/beths-robot-badge.png",
        };
        using var actual = JsonDocument.Parse(Ob2Writer.WriteAssertion(assertion));
        var e = expected.RootElement;
        var a = actual.RootElement;
        foreach (var name in new[] { "@context", "type", "id", "badge", "issuedOn", "image" })
        {
            Assert.Equal(e.GetProperty(name).GetString(), a.GetProperty(name).GetString());
        }
        foreach (var name in new[] { "type", "salt", "identity" })
        {
            Assert.Equal(e.GetProperty("recipient").GetProperty(name).GetString(), a.GetProperty("recipient").GetProperty(name).GetString());
        }
        Assert.True(a.GetProperty("recipient").GetProperty("hashed").GetBoolean());
        // "hosted" is the context alias of HostedBadge.
        Assert.Equal("HostedBadge", a.GetProperty("verification").GetProperty("type").GetString());
    }

    [Fact]
    public void SignedAssertion_NamesTheKeyAsCreator_AndAllowsUrnId()
    {
        var json = Ob2Writer.WriteAssertion(new Ob2Assertion("urn:uuid:52e4c6b3-8c13-4fa8-8482-a5cf34ef37a9",
            Ob2Recipient.HashedEmail("a@example.com", "Kosher"), "https://example.org/robotics-badge.json", Issued)
        { SignedBy = "https://example.org/key1.json" });
        using var doc = JsonDocument.Parse(json);
        var v = doc.RootElement.GetProperty("verification");
        Assert.Equal("SignedBadge", v.GetProperty("type").GetString());
        Assert.Equal("https://example.org/key1.json", v.GetProperty("creator").GetString());
        Assert.Equal("sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399",
            doc.RootElement.GetProperty("recipient").GetProperty("identity").GetString());
    }

    [Fact]
    public void HostedAssertion_RequiresHttpIdAndValidRecipient()
    {
        var ex = Assert.Throws<OpenBadgeModelException>(() => Ob2Writer.WriteAssertion(new Ob2Assertion("urn:uuid:1",
            new Ob2Recipient("email", "plain@example.org", true, "s"), "https://example.org/b.json", Issued)
        { Expires = Issued.AddDays(-1) }));
        Assert.Contains(ex.Problems, p => p.StartsWith("id must be an HTTP(S) URL", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("sha256$", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("expires", StringComparison.Ordinal));
    }

    [Fact]
    public void BadgeClass_HasRequiredMembersAlignmentsAndTags()
    {
        var json = Ob2Writer.WriteBadgeClass(new Ob2BadgeClass("https://example.org/robotics-badge.json", "Awesome Robotics Badge",
            "For doing awesome things.", "https://example.org/robotics-badge.png",
            new Ob2Criteria("https://example.org/robotics-badge.html", "Build a robot."), "https://example.org/organization.json")
        {
            Tags = ["robots", "awesome"],
            Alignments = [new Ob2Alignment("Problem-Solving", "https://learning.mozilla.org/x") { TargetFramework = "Mozilla 21st Century Skills" }],
        });
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        Assert.Equal("BadgeClass", r.GetProperty("type").GetString());
        Assert.Equal("https://example.org/robotics-badge.html", r.GetProperty("criteria").GetProperty("id").GetString());
        Assert.Equal(2, r.GetProperty("tags").GetArrayLength());
        Assert.Equal("Mozilla 21st Century Skills", r.GetProperty("alignment")[0].GetProperty("targetFramework").GetString());
        Assert.Throws<OpenBadgeModelException>(() => Ob2Writer.WriteBadgeClass(new Ob2BadgeClass("https://example.org/b.json", "n", "d",
            "https://example.org/i.png", new Ob2Criteria(null, null), "https://example.org/i.json")));
    }

    [Fact]
    public void IssuerKeyAndRevocationList_MatchTheSpecShapes()
    {
        var issuer = Ob2Writer.WriteIssuer(new Ob2Issuer("https://example.org/organization.json", "An Example Badge Issuer",
            "https://example.org", "contact@example.org")
        { PublicKeys = ["https://example.org/publicKey.json"], RevocationList = "https://example.org/revocationList.json", Image = "https://example.org/logo.png" });
        using (var expected = JsonDocument.Parse(File.ReadAllBytes(SharedSpec.Require("ob2/examples/spec/Issuer.json"))))
        using (var actual = JsonDocument.Parse(issuer))
        {
            foreach (var p in expected.RootElement.EnumerateObject())
            {
                Assert.Equal(p.Value.GetString(), actual.RootElement.GetProperty(p.Name).GetString());
            }
        }

        var keyPath = SharedSpec.Require("ob2/examples/signed-set/key1.json");
        using var keyDoc = JsonDocument.Parse(File.ReadAllBytes(keyPath));
        var pem = keyDoc.RootElement.GetProperty("publicKeyPem").GetString()!;
        using var written = JsonDocument.Parse(Ob2Writer.WriteCryptographicKey(new Ob2CryptographicKey("http://example.org/key1.json",
            "https://example.org/organization.json", pem)));
        foreach (var p in keyDoc.RootElement.EnumerateObject())
        {
            Assert.Equal(p.Value.GetString(), written.RootElement.GetProperty(p.Name).GetString());
        }

        using var list = JsonDocument.Parse(Ob2Writer.WriteRevocationList(new Ob2RevocationList("https://example.org/revocationList.json",
            "https://example.org/issuer", [new("urn:uuid:3c574c87-b96f-4f06-8eb5-68a29335b60e"), new("urn:uuid:e79a6c18-787e-4868-8e65-e6a4530fb418", "Honor code violation")])));
        var revoked = list.RootElement.GetProperty("revokedAssertions");
        Assert.Equal("urn:uuid:3c574c87-b96f-4f06-8eb5-68a29335b60e", revoked[0].GetString());
        Assert.Equal("Honor code violation", revoked[1].GetProperty("revocationReason").GetString());
    }

    [Fact]
    public void RevokedHostedAssertion_CarriesRevokedTrue()
    {
        using var doc = JsonDocument.Parse(Ob2Writer.WriteRevokedAssertion("https://example.org/a.json", "Issued in error."));
        Assert.True(doc.RootElement.GetProperty("revoked").GetBoolean());
        Assert.Equal("Issued in error.", doc.RootElement.GetProperty("revocationReason").GetString());
    }
}
