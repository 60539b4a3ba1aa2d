using System.Text.Json;
using OpenBadgesIssuer.Core.Keys;
using OpenBadgesIssuer.Core.Publishing;
using OpenBadgesIssuer.Core.Tests.OpenBadges;

namespace OpenBadgesIssuer.Core.Tests.Publishing;

public class IdentityDocumentTests
{
    [Theory]
    // Examples from the did:web method specification.
    [InlineData("https://w3c-ccg.github.io", "", "did:web:w3c-ccg.github.io", "https://w3c-ccg.github.io/.well-known/did.json")]
    [InlineData("https://w3c-ccg.github.io", "user/alice", "did:web:w3c-ccg.github.io:user:alice", "https://w3c-ccg.github.io/user/alice/did.json")]
    [InlineData("https://example.com:3000/", "/user/alice", "did:web:example.com%3A3000:user:alice", "https://example.com:3000/user/alice/did.json")]
    [InlineData("https://Badges.Example.org:8443/obi", "issuers/3f2a", "did:web:badges.example.org%3A8443:obi:issuers:3f2a", "https://badges.example.org:8443/obi/issuers/3f2a/did.json")]
    public void DidWeb_MapsUrlsBothWays(string baseUrl, string path, string did, string documentUrl)
    {
        Assert.Equal(did, IdentityDocuments.IssuerDid(baseUrl, path));
        Assert.Equal(documentUrl, Standards.Keys.DidWeb.ToDocumentUrl(did));
    }

    [Theory]
    [InlineData("http://example.com", "x")]
    [InlineData("https://example.com", "a:b")]
    [InlineData("https://example.com?q=1", "x")]
    public void DidWeb_RejectsUnusableInput(string baseUrl, string path)
    {
        Assert.Throws<FormatException>(() => IdentityDocuments.IssuerDid(baseUrl, path));
    }

    [Fact]
    public void DidDocument_ListsAllKeys_AsMultikeyAndJsonWebKey_WithRelations()
    {
        var (active, retired, revoked, p256, rsa) = Keys();
        const string did = "did:web:badges.example.org:issuers:3f2a";
        var json = IdentityDocuments.WriteDidDocument(did, [
            new PublishedKey(active), new PublishedKey(p256), new PublishedKey(rsa),
            new PublishedKey(retired, PublishedKeyStatus.Retired),
            new PublishedKey(revoked, PublishedKeyStatus.Revoked, new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero)),
        ]);
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        Assert.Equal(did, r.GetProperty("id").GetString());
        var methods = r.GetProperty("verificationMethod").EnumerateArray().ToList();
        Assert.Equal(5, methods.Count);
        var ed = methods[0];
        Assert.Equal("Multikey", ed.GetProperty("type").GetString());
        Assert.Equal(did + "#" + active.PublicKeyMultibase, ed.GetProperty("id").GetString());
        Assert.Equal(did, ed.GetProperty("controller").GetString());
        Assert.StartsWith("z6Mk", ed.GetProperty("publicKeyMultibase").GetString(), StringComparison.Ordinal);
        var ec = methods[1];
        Assert.Equal("JsonWebKey", ec.GetProperty("type").GetString());
        Assert.Equal("P-256", ec.GetProperty("publicKeyJwk").GetProperty("crv").GetString());
        Assert.False(ec.GetProperty("publicKeyJwk").TryGetProperty("d", out _));
        Assert.Equal("RSA", methods[2].GetProperty("publicKeyJwk").GetProperty("kty").GetString());
        Assert.Equal("2025-03-01T00:00:00Z", methods[4].GetProperty("revoked").GetString());

        var assertion = r.GetProperty("assertionMethod").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(did + "#" + retired.KeyId, assertion);
        Assert.Contains(did + "#" + p256.KeyId, assertion);
        Assert.DoesNotContain(did + "#" + revoked.KeyId, assertion);
        Assert.Equal(4, assertion.Count);
        Assert.Equal(assertion, r.GetProperty("authentication").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(ContextTermCoverage.UndefinedTerms(json));
        // And the embedded JSON-LD processor accepts it in safe mode (nothing dropped).
        var quads = Standards.JsonLd.JsonLdProcessor.ToRdf(System.Text.Encoding.UTF8.GetString(json), new Standards.JsonLd.JsonLdOptions { SafeMode = true });
        Assert.Contains(quads, q => q.Predicate.Value == "https://w3id.org/security#assertionMethod");
    }

    [Fact]
    public void Jwks_AndBareJwk_CarryKidAlgUse_AndNoPrivateMembers()
    {
        var (active, retired, revoked, p256, rsa) = Keys();
        const string did = "did:web:badges.example.org:issuers:3f2a";
        using var jwks = JsonDocument.Parse(IdentityDocuments.WriteJwks(did, [
            new PublishedKey(p256), new PublishedKey(rsa), new PublishedKey(active),
            new PublishedKey(retired, PublishedKeyStatus.Retired), new PublishedKey(revoked, PublishedKeyStatus.Revoked)]));
        var keys = jwks.RootElement.GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(4, keys.Count);
        Assert.Equal("ES256", keys[0].GetProperty("alg").GetString());
        Assert.Equal(did + "#" + p256.KeyId, keys[0].GetProperty("kid").GetString());
        Assert.True(keys[0].TryGetProperty("x", out _) && keys[0].TryGetProperty("y", out _));
        Assert.Equal("RS256", keys[1].GetProperty("alg").GetString());
        Assert.True(keys[1].TryGetProperty("n", out _) && keys[1].TryGetProperty("e", out _));
        Assert.Equal("EdDSA", keys[2].GetProperty("alg").GetString());
        Assert.All(keys, k => Assert.Equal("sig", k.GetProperty("use").GetString()));
        Assert.All(keys, k => Assert.False(k.TryGetProperty("d", out _)));

        using var bare = JsonDocument.Parse(IdentityDocuments.WriteJwk(did, rsa));
        Assert.Equal("RSA", bare.RootElement.GetProperty("kty").GetString());
        Assert.Equal(did + "#" + rsa.KeyId, bare.RootElement.GetProperty("kid").GetString());
    }

    private static (StoredSigningKey Active, StoredSigningKey Retired, StoredSigningKey Revoked, StoredSigningKey P256, StoredSigningKey Rsa) Keys()
    {
        using var kek = new LocalKeyEncryptionKeyProvider(new byte[32]);
        var f = new KeyMaterialFactory(new EnvelopeKeyEncryptor(kek));
        return (f.Create(SigningKeyAlgorithm.Ed25519), f.Create(SigningKeyAlgorithm.Ed25519), f.Create(SigningKeyAlgorithm.Ed25519),
            f.Create(SigningKeyAlgorithm.P256), f.Create(SigningKeyAlgorithm.Rsa2048));
    }
}
