using System.Text;
using System.Text.Json.Nodes;
using OpenBadgesIssuer.Core.Keys;
using OpenBadgesIssuer.Core.Publishing;
using OpenBadgesIssuer.Standards.DataIntegrity;
using OpenBadgesIssuer.Standards.OpenBadges.V3;
using OpenBadgesIssuer.TestSamples;

namespace OpenBadgesIssuer.Core.Tests.OpenBadges;

/// <summary>
/// The issuance path for the ob3 link: write the unsigned credential, unlock the issuer's Ed25519 key, add an
/// eddsa-rdfc-2022 proof (JSON-LD in safe mode: an undefined term would fail here), then the signed credential is
/// schema-valid and verifies; tampering breaks it.
/// </summary>
public class Ob3SigningTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FullCredential_SignsWithEddsaRdfc2022_IsSchemaValid_AndVerifies(bool includeSchema)
    {
        using var kek = new LocalKeyEncryptionKeyProvider(new byte[32]);
        var factory = new KeyMaterialFactory(new EnvelopeKeyEncryptor(kek));
        var stored = factory.Create(SigningKeyAlgorithm.Ed25519);
        var unsigned = OpenBadgeCredentialWriter.Write(Ob3Samples.Full() with { IncludeCredentialSchema = includeSchema });
        var verificationMethod = IdentityDocuments.VerificationMethodId(Ob3Samples.IssuerDid, stored);

        byte[] signed;
        using (var key = factory.Unlock(stored))
        {
            signed = DataIntegrityProof.Sign(unsigned, key.Ed25519, new DataIntegritySigningOptions
            {
                VerificationMethod = verificationMethod,
                Created = Ob3Samples.Issued,
                ProofAsArray = true,
            });
        }

        var schema = await Ob3Schemas.LoadAsync("ob_v3p0_achievementcredential_schema.json");
        Assert.Empty(Ob3Schemas.Errors(schema, signed));
        var result = await DataIntegrityProof.VerifyAsync(signed, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.IsValid, result.Message);
        var proof = Assert.Single(result.Proofs);
        Assert.Equal(Ob3Samples.IssuerDid, proof.Controller);
        Assert.Equal(DataIntegrityNames.EddsaRdfc2022, proof.Cryptosuite);

        var tampered = JsonNode.Parse(signed)!;
        tampered["credentialSubject"]!["result"]![0]!["achievedLevel"] = Ob3Samples.LevelDeveloping;
        var bad = await DataIntegrityProof.VerifyAsync(Encoding.UTF8.GetBytes(tampered.ToJsonString()), cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(bad.IsValid);
        Assert.Equal(DataIntegrityFailure.InvalidSignature, bad.Failure);
    }

    [Fact]
    public void UndefinedTerm_IsRejectedBySafeModeSigning()
    {
        // The positive test above is meaningful only if signing refuses documents with terms the contexts drop.
        using var kek = new LocalKeyEncryptionKeyProvider(new byte[32]);
        var factory = new KeyMaterialFactory(new EnvelopeKeyEncryptor(kek));
        var stored = factory.Create(SigningKeyAlgorithm.Ed25519);
        var node = JsonNode.Parse(OpenBadgeCredentialWriter.Write(Ob3Samples.Full()))!;
        node["credentialSubject"]!["achievement"]!["keyMethod"] = "Video analysis";
        using var key = factory.Unlock(stored);
        Assert.Throws<DataIntegrityException>(() => DataIntegrityProof.Sign(Encoding.UTF8.GetBytes(node.ToJsonString()), key.Ed25519,
            new DataIntegritySigningOptions { VerificationMethod = IdentityDocuments.VerificationMethodId(Ob3Samples.IssuerDid, stored) }));
    }
}
