using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OpenBadgesIssuer.Standards.DataIntegrity;
using OpenBadgesIssuer.Standards.Jose;
using OpenBadgesIssuer.Standards.Keys;

namespace OpenBadgesIssuer.Standards.Tests.Examples;

/// <summary>The example of the README's "Standards library" section, kept compiling and passing here.</summary>
public sealed class ReadmeExampleTests
{
    private const string Credential = """
        {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "id": "urn:uuid:2f5b0a4e-58c1-4f0e-9f3c-5a1d2a7a9b10",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "issuer": { "id": "did:key:ISSUER", "type": ["Profile"], "name": "Example School District" },
          "validFrom": "2026-01-15T18:00:00Z",
          "name": "Formative Assessment",
          "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
              "id": "https://badges.example.org/achievements/fa-1",
              "type": ["Achievement"], "achievementType": "MicroCredential",
              "name": "Formative Assessment", "description": "Uses formative assessment to adjust instruction.",
              "criteria": { "narrative": "Submit two lesson plans and student work samples." }
            }
          }
        }
        """;

    [Fact]
    public async Task DataIntegrityAndVcJwt_SignThenVerify_AndTamperingFails()
    {
        // Data Integrity, eddsa-rdfc-2022, with a did:key verification method.
        using var key = Ed25519KeyPair.Generate();
        var did = DidKey.FromEd25519PublicKey(key.PublicKey.Span);
        var unsigned = Encoding.UTF8.GetBytes(Credential.Replace("did:key:ISSUER", did, StringComparison.Ordinal));
        byte[] signed = DataIntegrityProof.Sign(unsigned, key, new DataIntegritySigningOptions
        {
            VerificationMethod = DidKey.VerificationMethodId(did),
            Created = new DateTimeOffset(2026, 1, 15, 18, 0, 0, TimeSpan.Zero),
        });
        Assert.True(DataIntegrityProof.Verify(signed).IsValid);

        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(signed).Replace("Formative Assessment\"", "Summative Assessment\"", StringComparison.Ordinal));
        Assert.False(DataIntegrityProof.Verify(tampered).IsValid);

        // The same credential (with its proof) as an ES256 VC-JWT.
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string jwt = VcJwt.Sign(JsonNode.Parse(signed)!.AsObject(), JoseSigningKey.Es256(p256, "https://badges.example.org/keys/1"));
        using var publicKey = JoseVerificationKey.FromECDsa(p256);
        var result = await VcJwt.VerifyAsync(jwt, new VcJwtVerificationOptions
        {
            AllowedAlgorithms = JoseAlgorithms.OpenBadgesValidator,
            KeyResolver = (_, _) => ValueTask.FromResult<JoseVerificationKey?>(publicKey),
        }, TestContext.Current.CancellationToken);
        Assert.True(result.IsValid, result.Failure.ToString());
    }
}
