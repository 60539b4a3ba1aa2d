using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenBadgesIssuer.Standards.DataIntegrity;
using OpenBadgesIssuer.Standards.Multiformats;

namespace OpenBadgesIssuer.Standards.Tests.DataIntegrity;

public sealed class ControllerDocumentTests
{
    private const string Did = "did:web:issuer.example";
    private const string PublicKey = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"; // vc-di-eddsa key pair
    private const string SecretKey = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";

    private static JsonElement DidDocument(string assertionReference) => JsonElement.Parse($$"""
        {
          "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
          "id": "{{Did}}",
          "verificationMethod": [
            {"id": "{{Did}}#key-1", "type": "Multikey", "controller": "{{Did}}", "publicKeyMultibase": "{{PublicKey}}"},
            {"id": "#key-2", "type": "Ed25519VerificationKey2020", "controller": "{{Did}}", "publicKeyMultibase": "{{PublicKey}}"}
          ],
          "assertionMethod": ["{{assertionReference}}"],
          "authentication": ["#key-2"]
        }
        """);

    [Fact]
    public void FindsKeysAndTheirRelationships()
    {
        Assert.True(ControllerDocument.TryGetVerificationKey(DidDocument("#key-1"), Did + "#key-1", out var key, out var error), error);
        Assert.Equal(Did, key.Controller);
        Assert.Equal(MultikeyType.Ed25519Public, key.KeyType);
        Assert.Equal(Multikey.DecodeEd25519PublicKey(PublicKey), key.PublicKey.ToArray());
        Assert.Equal(["assertionMethod"], key.ProofPurposes!);

        Assert.True(ControllerDocument.TryGetVerificationKey(DidDocument(Did + "#key-1"), Did + "#key-2", out var second, out error), error);
        Assert.Equal(["authentication"], second.ProofPurposes!);
    }

    [Fact]
    public void RejectsDocumentsThatDoNotMatch()
    {
        Assert.False(ControllerDocument.TryGetVerificationKey(DidDocument("#key-1"), "did:web:other.example#key-1", out _, out _));
        Assert.False(ControllerDocument.TryGetVerificationKey(DidDocument("#key-1"), Did + "#key-3", out _, out _));
        var secret = JsonElement.Parse($$"""{"id": "https://i.example/k", "type": "Multikey", "controller": "https://i.example", "publicKeyMultibase": "{{SecretKey}}"}""");
        Assert.False(ControllerDocument.TryGetVerificationKey(secret, "https://i.example/k", out _, out _));
        var noController = JsonElement.Parse($$"""{"id": "https://i.example/k", "type": "Multikey", "publicKeyMultibase": "{{PublicKey}}"}""");
        Assert.False(ControllerDocument.TryGetVerificationKey(noController, "https://i.example/k", out _, out _));
    }

    [Fact]
    public void StandaloneMultikeyDocument()
    {
        var doc = JsonElement.Parse($$"""{"id": "https://i.example/keys/1", "type": "Multikey", "controller": "https://i.example", "publicKeyMultibase": "{{PublicKey}}"}""");
        Assert.True(ControllerDocument.TryGetVerificationKey(doc, "https://i.example/keys/1", out var key, out var error), error);
        Assert.Equal("https://i.example", key.Controller);
        Assert.Null(key.ProofPurposes);
        Assert.False(ControllerDocument.TryGetVerificationKey(doc, "https://i.example/keys/2", out _, out _));
    }

    [Fact]
    public async Task DidWebProofVerifiesThroughAResolver()
    {
        using var signer = Ed25519KeyPair.FromSecretKeyMultibase(SecretKey);
        var credential = """
            {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "issuer": "did:web:issuer.example",
             "validFrom": "2024-01-01T00:00:00Z", "credentialSubject": {"id": "did:example:learner"}}
            """u8.ToArray();
        var signed = DataIntegrityProof.Sign(credential, signer, new DataIntegritySigningOptions
        {
            VerificationMethod = Did + "#key-1",
            Created = DateTimeOffset.UnixEpoch,
        });
        var ct = TestContext.Current.CancellationToken;
        var authorized = await DataIntegrityProof.VerifyAsync(signed, new() { Resolver = new DocumentResolver(DidDocument("#key-1")) }, ct);
        Assert.True(authorized.IsValid, authorized.Message);
        var unauthorized = await DataIntegrityProof.VerifyAsync(signed, new() { Resolver = new DocumentResolver(DidDocument("#key-2")) }, ct);
        Assert.Equal(DataIntegrityFailure.KeyNotAuthorized, unauthorized.Failure);

        var node = JsonNode.Parse(signed)!;
        node["issuer"] = "did:web:attacker.example";
        var tampered = await DataIntegrityProof.VerifyAsync(Encoding.UTF8.GetBytes(node.ToJsonString()), new() { Resolver = new DocumentResolver(DidDocument("#key-1")) }, ct);
        Assert.Equal(DataIntegrityFailure.InvalidSignature, tampered.Failure);
    }

    private sealed class DocumentResolver(JsonElement document) : IVerificationMethodResolver
    {
        public ValueTask<VerificationKey?> ResolveAsync(string verificationMethod, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ControllerDocument.TryGetVerificationKey(document, verificationMethod, out var key, out _) ? key : null);
    }
}
