using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Xunit;
using OpenBadgesIssuer.Standards.DataIntegrity;
using OpenBadgesIssuer.Standards.Multiformats;

namespace OpenBadgesIssuer.Standards.Tests.DataIntegrity;

public sealed class DataIntegrityProofTests
{
    // 1EdTech Open Badges 3.0 eddsa-rdfc-2022 test vector (OB 3.0 Implementation Guide).
    private const string ObSeedHex = "6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4";
    private const string ObVerificationMethod = "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
    private const string ObProofValue = "z5x9aCBYovW3CQCbKdNyhEm7ffYSw1YpEdPywQJoNbzDD2gkzQDKJ1sYKJaWvqZtkMtSbz35HcbgXVEDYHxCzgkCr";
    private const string ObCredential = """
        {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "id": "http://example.com/credentials/3527",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "issuer": {"id": "https://example.edu/issuers/565049", "type": ["Profile"], "url": "https://www.imsglobal.org", "name": "Example Corp"},
          "validFrom": "2010-01-01T00:00:00Z",
          "name": "Teamwork Badge",
          "credentialSubject": {
            "id": "did:example:ebfeb1f712ebc6f1c276e12ec21",
            "type": ["AchievementSubject"],
            "achievement": {
              "id": "https://example.com/achievements/21st-century-skills/teamwork",
              "type": ["Achievement"],
              "criteria": {"narrative": "Team members are nominated for this badge by their peers and recognized upon review by Example Corp management."},
              "description": "This badge recognizes the development of the capacity to collaborate within a group environment.",
              "name": "Teamwork"
            }
          }
        }
        """;

    private static readonly Ed25519KeyPair TestKey = Ed25519KeyPair.FromSeed(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static DataIntegritySigningOptions Options(string suite = DataIntegrityNames.EddsaRdfc2022, string? id = null, IReadOnlyList<string>? previous = null) => new()
    {
        Cryptosuite = suite,
        VerificationMethod = TestKey.DidKeyVerificationMethod,
        Created = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero),
        Id = id,
        PreviousProof = previous,
    };

    private static byte[] Credential(string name = "Teamwork Badge", string description = "A badge.") =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = "urn:uuid:3f1c7a0e-4a3c-4a8e-9d1c-0b7a6d2e9f10",
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = "https://issuer.example/issuers/1",
            ["validFrom"] = "2024-01-01T00:00:00Z",
            ["name"] = name,
            ["description"] = description,
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:learner" },
        }.ToJsonString());

    [Fact]
    public void OpenBadgesVectorEndToEnd()
    {
        using var key = Ed25519KeyPair.FromSeed(Convert.FromHexString(ObSeedHex));
        var signed = DataIntegrityProof.Sign(Encoding.UTF8.GetBytes(ObCredential), key, new DataIntegritySigningOptions
        {
            VerificationMethod = ObVerificationMethod,
            Created = DateTimeOffset.Parse("2010-01-01T19:23:24Z", CultureInfo.InvariantCulture),
        });
        var proof = JsonNode.Parse(signed)!["proof"]!;
        Assert.Equal(ObProofValue, proof["proofValue"]!.GetValue<string>());
        Assert.Equal("2010-01-01T19:23:24Z", proof["created"]!.GetValue<string>());
        Assert.Null(proof["@context"]);

        var result = DataIntegrityProof.Verify(signed);
        Assert.True(result.IsValid, result.Message);
        Assert.Equal("https://example.edu/issuers/565049", result.Proofs[0].Controller);
    }

    [Fact]
    public void JcsProofCarriesTheContextAndVerifies()
    {
        var signed = DataIntegrityProof.Sign(Credential(), TestKey, Options(DataIntegrityNames.EddsaJcs2022));
        var proof = JsonNode.Parse(signed)!["proof"]!;
        Assert.Equal("[\"https://www.w3.org/ns/credentials/v2\"]", proof["@context"]!.ToJsonString());
        Assert.True(DataIntegrityProof.Verify(signed).IsValid);
    }

    [Fact]
    public void ProofSetAndChain()
    {
        using var second = Ed25519KeyPair.Generate();
        var one = DataIntegrityProof.Sign(Credential(), TestKey, Options(id: "urn:uuid:p1"));
        var two = DataIntegrityProof.Sign(one, second, new DataIntegritySigningOptions
        {
            VerificationMethod = second.DidKeyVerificationMethod,
            Created = DateTimeOffset.UnixEpoch,
            Id = "urn:uuid:p2",
        });
        var chained = DataIntegrityProof.Sign(two, TestKey, Options(DataIntegrityNames.EddsaJcs2022, previous: ["urn:uuid:p1", "urn:uuid:p2"]));
        var result = DataIntegrityProof.Verify(chained);
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(3, result.Proofs.Count);

        // Dropping a proof that the chain depends on breaks the chained proof only.
        var node = JsonNode.Parse(chained)!;
        node["proof"]!.AsArray().RemoveAt(0);
        var broken = DataIntegrityProof.Verify(Encoding.UTF8.GetBytes(node.ToJsonString()));
        Assert.Equal(DataIntegrityFailure.PreviousProofNotFound, broken.Failure);
        Assert.True(broken.Proofs[0].IsValid);

        Assert.Throws<DataIntegrityException>(() => DataIntegrityProof.Sign(one, TestKey, Options(previous: ["urn:uuid:missing"])));
    }

    [Fact]
    public void ProofAsArrayOption()
    {
        var signed = DataIntegrityProof.Sign(Credential(), TestKey, new DataIntegritySigningOptions
        {
            VerificationMethod = TestKey.DidKeyVerificationMethod,
            Created = DateTimeOffset.UnixEpoch,
            ProofAsArray = true,
        });
        Assert.IsType<JsonArray>(JsonNode.Parse(signed)!["proof"]);
        Assert.True(DataIntegrityProof.Verify(signed).IsValid);
    }

    [Fact]
    public void SigningRejectsBadInput()
    {
        using var other = Ed25519KeyPair.Generate();
        Assert.Throws<DataIntegrityException>(() => DataIntegrityProof.Sign(Credential(), other, Options()));
        Assert.Throws<DataIntegrityException>(() => DataIntegrityProof.Sign("[1]"u8, TestKey, Options()));
        Assert.Throws<DataIntegrityException>(() => DataIntegrityProof.Sign("{\"a\":"u8, TestKey, Options()));
        Assert.Throws<DataIntegrityException>(() => DataIntegrityProof.Sign(Credential(), TestKey, Options("ecdsa-rdfc-2019")));
        var loneSurrogate = JsonNode.Parse(Credential())!.AsObject();
        loneSurrogate["name"] = "bad \ud800";
        Assert.Throws<DataIntegrityException>(() => DataIntegrityProof.Sign(loneSurrogate, TestKey, Options()));
        // Safe mode: a term no context defines must not be silently dropped.
        var undefined = JsonNode.Parse(Credential())!;
        undefined["notInAnyContext"] = "x";
        Assert.Throws<DataIntegrityException>(() =>
            DataIntegrityProof.Sign(Encoding.UTF8.GetBytes(undefined.ToJsonString()), TestKey, Options()));
    }

    [Fact]
    public void VerificationFailureReasons()
    {
        Assert.Equal(DataIntegrityFailure.MalformedDocument, DataIntegrityProof.Verify("nope"u8).Failure);
        Assert.Equal(DataIntegrityFailure.NoProof, DataIntegrityProof.Verify(Credential()).Failure);
        Assert.Equal(DataIntegrityFailure.MalformedDocument, DataIntegrityProof.Verify("{\"\\udc00\":1,\"proof\":{}}"u8).Failure);
        Assert.Equal(DataIntegrityFailure.MalformedDocument, DataIntegrityProof.Verify("{\"a\":1,\"a\":2,\"proof\":{}}"u8).Failure);
        Assert.Throws<DataIntegrityException>(() => DataIntegrityProof.Sign("{\"\\udc00\":1}"u8, TestKey, Options()));

        var signed = DataIntegrityProof.Sign(Credential(), TestKey, Options());
        Assert.Equal(DataIntegrityFailure.ProofPurposeMismatch, DataIntegrityProof.Verify(signed, new() { ExpectedProofPurpose = "authentication" }).Failure);
        Assert.Equal(DataIntegrityFailure.UnsupportedCryptosuite, Mutate(signed, p => p["cryptosuite"] = "ecdsa-rdfc-2019").Failure);
        Assert.Equal(DataIntegrityFailure.UnsupportedProofType, Mutate(signed, p => p["type"] = "RsaSignature2018").Failure);
        Assert.Equal(DataIntegrityFailure.MalformedProofValue, Mutate(signed, p => p["proofValue"] = "uAAAA").Failure);
        Assert.Equal(DataIntegrityFailure.MalformedProofValue, Mutate(signed, p => p["proofValue"] = Multibase.Encode(new byte[63])).Failure);
        Assert.Equal(DataIntegrityFailure.InvalidDateTime, Mutate(signed, p => p["created"] = "2024-05-01 12:00").Failure);
        Assert.Equal(DataIntegrityFailure.InvalidSignature, Mutate(signed, p => p["created"] = "2024-05-01T12:00:01Z").Failure);
        Assert.Equal(DataIntegrityFailure.UnresolvedVerificationMethod, Mutate(signed, p => p["verificationMethod"] = "https://issuer.example/keys/1").Failure);
        Assert.Equal(DataIntegrityFailure.MalformedProof, Mutate(signed, p => p.Remove("proofPurpose")).Failure);

        var expiring = DataIntegrityProof.Sign(Credential(), TestKey, new DataIntegritySigningOptions
        {
            VerificationMethod = TestKey.DidKeyVerificationMethod,
            Created = DateTimeOffset.UnixEpoch,
            Expires = DateTimeOffset.UnixEpoch.AddDays(1),
            Domain = "example.org",
            Challenge = "c-1",
        });
        Assert.True(DataIntegrityProof.Verify(expiring, new() { ExpectedDomain = "example.org", ExpectedChallenge = "c-1" }).IsValid);
        Assert.Equal(DataIntegrityFailure.Expired, DataIntegrityProof.Verify(expiring, new() { Now = DateTimeOffset.UnixEpoch.AddDays(2) }).Failure);
        Assert.Equal(DataIntegrityFailure.DomainMismatch, DataIntegrityProof.Verify(expiring, new() { ExpectedDomain = "other.org" }).Failure);
        Assert.Equal(DataIntegrityFailure.ChallengeMismatch, DataIntegrityProof.Verify(expiring, new() { ExpectedChallenge = "c-2" }).Failure);

        var jcs = DataIntegrityProof.Sign(Credential(), TestKey, Options(DataIntegrityNames.EddsaJcs2022));
        Assert.Equal(DataIntegrityFailure.ContextMismatch, Mutate(jcs, p => p["@context"] = new JsonArray("https://www.w3.org/ns/credentials/examples/v2")).Failure);
    }

    [Fact]
    public async Task CallerResolverAndPurposes()
    {
        var signed = DataIntegrityProof.Sign(Credential(), TestKey, new DataIntegritySigningOptions
        {
            VerificationMethod = "did:web:issuer.example#key-1",
            Created = DateTimeOffset.UnixEpoch,
        });
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(DataIntegrityFailure.UnresolvedVerificationMethod, DataIntegrityProof.Verify(signed).Failure);

        var resolver = new FixedResolver(new VerificationKey("did:web:issuer.example#key-1", "did:web:issuer.example",
            MultikeyType.Ed25519Public, TestKey.PublicKey, ["assertionMethod"]));
        var ok = await DataIntegrityProof.VerifyAsync(signed, new() { Resolver = resolver }, ct);
        Assert.True(ok.IsValid, ok.Message);
        Assert.Equal("did:web:issuer.example", ok.Proofs[0].Controller);

        var authOnly = new FixedResolver(new VerificationKey("did:web:issuer.example#key-1", "did:web:issuer.example",
            MultikeyType.Ed25519Public, TestKey.PublicKey, ["authentication"]));
        Assert.Equal(DataIntegrityFailure.KeyNotAuthorized, (await DataIntegrityProof.VerifyAsync(signed, new() { Resolver = authOnly }, ct)).Failure);

        var p256 = new FixedResolver(new VerificationKey("did:web:issuer.example#key-1", "did:web:issuer.example",
            MultikeyType.P256Public, new byte[33]));
        Assert.Equal(DataIntegrityFailure.UnsupportedKeyType, (await DataIntegrityProof.VerifyAsync(signed, new() { Resolver = p256 }, ct)).Failure);
    }

    [Fact]
    public void MultikeyFragmentCanBeDisabled()
    {
        var vm = "https://issuer.example/issuers/1#" + TestKey.PublicKeyMultibase;
        var signed = DataIntegrityProof.Sign(Credential(), TestKey, new DataIntegritySigningOptions { VerificationMethod = vm, Created = DateTimeOffset.UnixEpoch });
        Assert.True(DataIntegrityProof.Verify(signed).IsValid);
        Assert.Equal(DataIntegrityFailure.UnresolvedVerificationMethod,
            DataIntegrityProof.Verify(signed, new() { AllowMultikeyFragment = false }).Failure);
    }

    [Fact]
    public void JsonObjectOverloadMatchesBytes()
    {
        var node = JsonNode.Parse(Credential())!.AsObject();
        var signedNode = DataIntegrityProof.Sign(node, TestKey, Options());
        var signedBytes = DataIntegrityProof.Sign(Credential(), TestKey, Options());
        Assert.True(JsonNode.DeepEquals(signedNode, JsonNode.Parse(signedBytes)));
    }

    [Property(MaxTest = 60)]
    public bool SignThenVerifyRoundTrips(NonNull<string> name, NonNull<string> description, bool jcs)
    {
        var document = Credential(Clean(name.Get), Clean(description.Get));
        var signed = DataIntegrityProof.Sign(document, TestKey, Options(jcs ? DataIntegrityNames.EddsaJcs2022 : DataIntegrityNames.EddsaRdfc2022));
        return DataIntegrityProof.Verify(signed).IsValid;
    }

    [Property(MaxTest = 200)]
    public bool AnyOneByteChangeBreaksVerification(PositiveInt position, byte delta, bool jcs)
    {
        var signed = DataIntegrityProof.Sign(Credential(), TestKey, Options(jcs ? DataIntegrityNames.EddsaJcs2022 : DataIntegrityNames.EddsaRdfc2022));
        var tampered = (byte[])signed.Clone();
        var index = position.Get % tampered.Length;
        tampered[index] = (byte)(tampered[index] ^ (delta == 0 ? 1 : delta));
        return !DataIntegrityProof.Verify(tampered).IsValid;
    }

    private static string Clean(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[++i]);
            }
            else if (!char.IsSurrogate(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static DataIntegrityVerificationResult Mutate(byte[] signed, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(signed)!;
        change(node["proof"]!.AsObject());
        return DataIntegrityProof.Verify(Encoding.UTF8.GetBytes(node.ToJsonString()));
    }

    private sealed class FixedResolver(VerificationKey key) : IVerificationMethodResolver
    {
        public ValueTask<VerificationKey?> ResolveAsync(string verificationMethod, CancellationToken cancellationToken) =>
            ValueTask.FromResult(string.Equals(verificationMethod, key.Id, StringComparison.Ordinal) ? key : null);
    }
}
