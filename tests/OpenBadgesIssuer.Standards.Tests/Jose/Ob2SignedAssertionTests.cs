using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OpenBadgesIssuer.Standards.Jose;
using OpenBadgesIssuer.Standards.Tests.Baking;

namespace OpenBadgesIssuer.Standards.Tests.Jose;

public sealed class Ob2SignedAssertionTests
{
    private static (string Jws, string Pem) PublishedSample()
    {
        var jws = File.ReadAllText(SharedData.Spec("ob2", "examples", "signed-set", "assertion.jws"));
        var key = JsonNode.Parse(File.ReadAllText(SharedData.Spec("ob2", "examples", "signed-set", "key1.json")))!;
        return (jws, (string)key["publicKeyPem"]!);
    }

    [Fact]
    public void Published_signed_set_assertion_verifies_with_key1()
    {
        var (jws, pem) = PublishedSample();
        var result = Ob2SignedAssertion.Verify(jws, pem);
        Assert.True(result.IsValid, result.Message);
        Assert.Equal("https://example.org/beths-robotics-badge.json", (string?)result.Assertion!["id"]);
        Assert.Equal("signed", (string?)result.Assertion["verification"]!["type"]);
        Assert.Equal("http://example.org/key1.json", (string?)result.Assertion["verification"]!["creator"]);
        Assert.Equal("sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942", (string?)result.Assertion["recipient"]!["identity"]);
    }

    [Fact]
    public void Published_sample_fails_when_touched_or_checked_with_another_key()
    {
        var (jws, pem) = PublishedSample();
        var parts = jws.Trim().Split('.');
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace("2016-12-31", "2017-12-31", StringComparison.Ordinal);
        var forged = parts[0] + "." + Base64UrlText.Encode(Encoding.UTF8.GetBytes(payload)) + "." + parts[2];
        Assert.Equal(JoseFailure.InvalidSignature, Ob2SignedAssertion.Verify(forged, pem).Failure);

        using var other = RSA.Create(2048);
        Assert.Equal(JoseFailure.InvalidSignature, Ob2SignedAssertion.Verify(jws, other.ExportSubjectPublicKeyInfoPem()).Failure);
        Assert.Equal(JoseFailure.InvalidKey, Ob2SignedAssertion.Verify(jws, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----").Failure);
    }

    [Fact]
    public void Sign_produces_rs256_over_the_exact_bytes()
    {
        using var rsa = RSA.Create(2048);
        var assertion = Encoding.UTF8.GetBytes("""{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:uuid:9a1f0c1e-4a53-4cf4-9d3b-3f0e0b1d2c3a","verification":{"type":"SignedBadge","creator":"https://badges.example.org/keys/ob2"},"issuedOn":"2026-01-15T08:30:00Z", "recipient":{"type":"email","hashed":true,"salt":"s","identity":"sha256$00"},"badge":"https://badges.example.org/badges/1"}""");
        var jws = Ob2SignedAssertion.Sign(assertion, rsa);
        Assert.Equal("""{"alg":"RS256"}""", Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(jws.Split('.')[0])));
        var result = Ob2SignedAssertion.Verify(jws, rsa.ExportSubjectPublicKeyInfoPem());
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(assertion, result.AssertionJson);
        Assert.Throws<ArgumentException>(() => Ob2SignedAssertion.Sign("[1]"u8, rsa));
    }

    [Fact]
    public void Only_rs256_is_accepted()
    {
        using var rsa = RSA.Create(2048);
        var key = JoseSigningKey.Rs256(rsa);
        var ps = CompactJws.Create(new JsonObject { ["alg"] = "PS256" }, """{"type":"Assertion"}"""u8, key);
        Assert.Equal(JoseFailure.UnsupportedAlgorithm, Ob2SignedAssertion.Verify(ps, rsa.ExportSubjectPublicKeyInfoPem()).Failure);
        var none = Base64UrlText.Encode("""{"alg":"none"}"""u8) + "." + Base64UrlText.Encode("""{"type":"Assertion"}"""u8) + ".";
        Assert.Equal(JoseFailure.UnsupportedAlgorithm, Ob2SignedAssertion.Verify(none, rsa.ExportSubjectPublicKeyInfoPem()).Failure);
        var notJson = CompactJws.Create(new JsonObject { ["alg"] = "RS256" }, "not json"u8, key);
        Assert.Equal(JoseFailure.InvalidPayload, Ob2SignedAssertion.Verify(notJson, rsa.ExportSubjectPublicKeyInfoPem()).Failure);
    }
}
