using System.Text;
using System.Text.Json.Nodes;
using OpenBadgesIssuer.Standards.OpenBadges.V3;
using OpenBadgesIssuer.TestSamples;

namespace OpenBadgesIssuer.Core.Tests.OpenBadges;

/// <summary>The written OB 3.0 credentials validate against the official AchievementCredential JSON Schema.</summary>
public class Ob3CredentialSchemaTests
{
    private const string CredentialSchema = "ob_v3p0_achievementcredential_schema.json";

    [Fact]
    public async Task MinimalTeacherMicroCredential_IsSchemaValid()
    {
        var schema = await Ob3Schemas.LoadAsync(CredentialSchema);
        var json = OpenBadgeCredentialWriter.Write(Ob3Samples.Minimal());
        Assert.Empty(Ob3Schemas.Errors(schema, json));
        AssertContainsConstraints(json);
    }

    [Fact]
    public async Task FullTeacherMicroCredential_IsSchemaValid()
    {
        var schema = await Ob3Schemas.LoadAsync(CredentialSchema);
        var json = OpenBadgeCredentialWriter.Write(Ob3Samples.Full());
        Assert.Empty(Ob3Schemas.Errors(schema, json));
        AssertContainsConstraints(json);
    }

    [Fact]
    public async Task DidSubjectWithoutIdentifier_IsSchemaValid()
    {
        var schema = await Ob3Schemas.LoadAsync(CredentialSchema);
        var input = Ob3Samples.Minimal() with { Recipient = Ob3Recipient.Subject("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK") };
        Assert.Empty(Ob3Schemas.Errors(schema, OpenBadgeCredentialWriter.Write(input)));
    }

    [Fact]
    public async Task EveryRecipientKind_IsSchemaValid()
    {
        var schema = await Ob3Schemas.LoadAsync(CredentialSchema);
        Ob3Recipient[] recipients =
        [
            Ob3Recipient.HashedPhone("+15555550123", "s1"),
            Ob3Recipient.HashedSourcedId("district-7:teacher-42", "s2"),
            Ob3Recipient.Subject("https://teachers.example.org/ada"),
            Ob3Recipient.HashedEmail("ada@example.org", "s3") with { SubjectId = "did:web:ada.example.org" },
        ];
        foreach (var recipient in recipients)
        {
            var json = OpenBadgeCredentialWriter.Write(Ob3Samples.Minimal() with { Recipient = recipient });
            Assert.Empty(Ob3Schemas.Errors(schema, json));
            Assert.Empty(ContextTermCoverage.UndefinedTerms(json));
        }
    }

    // The validator must be able to fail: these mutations of a valid credential break the schema.
    [Theory]
    [InlineData("credentialSubject.achievement", "description")]
    [InlineData("credentialSubject.identifier.0", "identityHash")]
    [InlineData("", "validFrom")]
    [InlineData("", "issuer")]
    public async Task SchemaRejectsMissingRequiredProperty(string parent, string property)
    {
        var schema = await Ob3Schemas.LoadAsync(CredentialSchema);
        var node = JsonNode.Parse(OpenBadgeCredentialWriter.Write(Ob3Samples.Full()))!;
        Navigate(node, parent).AsObject().Remove(property);
        Assert.NotEmpty(Ob3Schemas.Errors(schema, Encoding.UTF8.GetBytes(node.ToJsonString())));
    }

    [Fact]
    public async Task SchemaRejectsExtraPropertyOnImageAndBareStringType()
    {
        var schema = await Ob3Schemas.LoadAsync(CredentialSchema);
        var node = JsonNode.Parse(OpenBadgeCredentialWriter.Write(Ob3Samples.Full()))!;
        node["credentialSubject"]!["achievement"]!["image"]!["author"] = "x";
        Assert.NotEmpty(Ob3Schemas.Errors(schema, Encoding.UTF8.GetBytes(node.ToJsonString())));

        node = JsonNode.Parse(OpenBadgeCredentialWriter.Write(Ob3Samples.Full()))!;
        node["credentialSubject"]!["achievement"]!["type"] = "Achievement";
        Assert.NotEmpty(Ob3Schemas.Errors(schema, Encoding.UTF8.GetBytes(node.ToJsonString())));
    }

    [Fact]
    public async Task ProfileDocument_IsValidAgainstProfileSchema()
    {
        var schema = await Ob3Schemas.LoadAsync("ob_v3p0_profile_schema.json");
        var json = Ob3ProfileWriter.Write(Ob3Samples.Full().Issuer);
        Assert.Empty(Ob3Schemas.Errors(schema, json));
        var node = JsonNode.Parse(json)!;
        Assert.Equal(Ob3Samples.IssuerDid, (string?)node["id"]);
        Assert.Equal("https://www.w3.org/ns/credentials/v2", (string?)node["@context"]![0]);
    }

    /// <summary>
    /// NJsonSchema ignores the 2019-09 <c>contains</c> keyword, so the schema's <c>contains</c> constraints on
    /// the type arrays are checked here directly.
    /// </summary>
    private static void AssertContainsConstraints(byte[] json)
    {
        var node = JsonNode.Parse(json)!;
        var types = node["type"]!.AsArray().Select(t => (string?)t).ToList();
        Assert.Contains("VerifiableCredential", types);
        Assert.Contains("OpenBadgeCredential", types);
        Assert.Contains("AchievementSubject", node["credentialSubject"]!["type"]!.AsArray().Select(t => (string?)t));
        Assert.Contains("Achievement", node["credentialSubject"]!["achievement"]!["type"]!.AsArray().Select(t => (string?)t));
        Assert.Contains("Profile", node["issuer"]!["type"]!.AsArray().Select(t => (string?)t));
        foreach (var r in node["credentialSubject"]!["result"]?.AsArray() ?? [])
        {
            Assert.Contains("Result", r!["type"]!.AsArray().Select(t => (string?)t));
        }
        foreach (var e in node["evidence"]?.AsArray() ?? [])
        {
            Assert.Contains("Evidence", e!["type"]!.AsArray().Select(t => (string?)t));
        }
    }

    private static JsonNode Navigate(JsonNode node, string path)
    {
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var i) ? node[i]! : node[part]!;
        }
        return node;
    }
}
