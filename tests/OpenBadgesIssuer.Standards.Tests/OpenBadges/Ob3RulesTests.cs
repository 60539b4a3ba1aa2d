using System.Text;
using System.Text.Json;
using OpenBadgesIssuer.Standards.OpenBadges;
using OpenBadgesIssuer.Standards.OpenBadges.V3;
using OpenBadgesIssuer.TestSamples;

namespace OpenBadgesIssuer.Standards.Tests.OpenBadges;

public class Ob3RulesTests
{
    [Fact]
    public void Write_IsDeterministic_AndStartsWithTheRequiredContexts()
    {
        var a = OpenBadgeCredentialWriter.Write(Ob3Samples.Full());
        Assert.Equal(a, OpenBadgeCredentialWriter.Write(Ob3Samples.Full()));
        var text = Encoding.UTF8.GetString(a);
        Assert.StartsWith("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EmitsTheExpectedTeacherMicroCredentialFacts()
    {
        using var doc = JsonDocument.Parse(OpenBadgeCredentialWriter.Write(Ob3Samples.Full()));
        var r = doc.RootElement;
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], r.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(Ob3Samples.IssuerDid, r.GetProperty("issuer").GetProperty("id").GetString());
        Assert.Equal("2025-01-15T18:00:00Z", r.GetProperty("validFrom").GetString());
        Assert.Equal("2030-01-15T18:00:00Z", r.GetProperty("validUntil").GetString());
        var subject = r.GetProperty("credentialSubject");
        var identifier = subject.GetProperty("identifier")[0];
        Assert.Equal("emailAddress", identifier.GetProperty("identityType").GetString());
        // The e-mail is normalised (trim + lower case) before hashing with the salt.
        Assert.Equal(IdentityHash.Sha256("teacher@example.org", "deadsea"), identifier.GetProperty("identityHash").GetString());
        var achievement = subject.GetProperty("achievement");
        Assert.Equal("MicroCredential", achievement.GetProperty("achievementType").GetString());
        Assert.Equal(3.5m, achievement.GetProperty("creditsAvailable").GetDecimal());
        Assert.Equal(3, achievement.GetProperty("resultDescription")[0].GetProperty("rubricCriterionLevel").GetArrayLength());
        Assert.Equal(Ob3Samples.LevelExemplary, subject.GetProperty("result")[0].GetProperty("achievedLevel").GetString());
        Assert.Equal(3.5m, subject.GetProperty("creditsEarned").GetDecimal());
        var schema = r.GetProperty("credentialSchema")[0];
        Assert.Equal(Ob3Vocabulary.CredentialSchemaId, schema.GetProperty("id").GetString());
        Assert.Equal("1EdTechJsonSchemaValidator2019", schema.GetProperty("type").GetString());
        var status = r.GetProperty("credentialStatus");
        Assert.Equal("94567", status.GetProperty("statusListIndex").GetString());
        Assert.Equal("https://badges.example.org/v1/status/district-7/1#94567", status.GetProperty("id").GetString());
        Assert.Equal("revocation", status.GetProperty("statusPurpose").GetString());
        Assert.Equal(2, r.GetProperty("evidence").GetArrayLength());
    }

    [Fact]
    public void Minimal_OmitsEmptyAndNullMembers()
    {
        using var doc = JsonDocument.Parse(OpenBadgeCredentialWriter.Write(Ob3Samples.Minimal()));
        var r = doc.RootElement;
        Assert.False(r.TryGetProperty("evidence", out _));
        Assert.False(r.TryGetProperty("validUntil", out _));
        Assert.False(r.TryGetProperty("credentialStatus", out _));
        Assert.False(r.GetProperty("credentialSubject").TryGetProperty("result", out _));
        Assert.False(r.GetProperty("credentialSubject").TryGetProperty("id", out _));
        Assert.False(r.GetProperty("credentialSubject").GetProperty("achievement").TryGetProperty("tag", out _));
        Assert.Equal("Formative Assessment", r.GetProperty("name").GetString());
    }

    [Fact]
    public void Recipient_WithoutIdOrIdentifier_IsRejected()
    {
        var ex = Assert.Throws<OpenBadgeModelException>(() => OpenBadgeCredentialWriter.Write(Ob3Samples.Minimal() with { Recipient = new Ob3Recipient() }));
        Assert.Contains("credentialSubject needs an id or at least one identifier", ex.Problems);
    }

    [Fact]
    public void Results_MustPointAtTheAchievementsRubric()
    {
        var input = Ob3Samples.Full() with
        {
            Results = [new Ob3Result("https://elsewhere.example/criterion") { AchievedLevel = "x:y" },
                       new Ob3Result(Ob3Samples.CriterionId) { AchievedLevel = Ob3Samples.Level2Met }],
        };
        var problems = OpenBadgeCredentialWriter.Validate(input);
        Assert.Contains(problems, p => p.StartsWith("credentialSubject.result[0].resultDescription", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("credentialSubject.result[1].achievedLevel", StringComparison.Ordinal));
    }

    [Fact]
    public void RequiredFieldRules_AreReportedTogether()
    {
        var bad = Ob3Samples.Minimal() with
        {
            Id = "not a uri",
            Issuer = new Ob3Profile("", ""),
            Achievement = new Ob3Achievement("https://x.example/a", "", "", new Ob3Criteria(null, " ")) { AchievementType = "Nonsense", CreditsAvailable = -1 },
            ValidUntil = Ob3Samples.Issued.AddDays(-1),
            CreditsEarned = -2,
            Evidence = [new Ob3Evidence { Name = "only a name" }],
        };
        var ex = Assert.Throws<OpenBadgeModelException>(() => OpenBadgeCredentialWriter.Write(bad));
        string[] expected =
        [
            "id must be an absolute URI", "issuer.id is required", "issuer.name is required",
            "credentialSubject.achievement.name is required", "credentialSubject.achievement.description is required",
            "credentialSubject.achievement.criteria needs an id (URL) or a narrative",
            "validUntil must not be before validFrom", "credentialSubject.creditsEarned must not be negative",
            "credentialSubject.achievement.creditsAvailable must not be negative", "evidence[0] needs an id (URL) or a narrative",
        ];
        foreach (var e in expected)
        {
            Assert.Contains(e, ex.Problems);
        }
        Assert.Contains(ex.Problems, p => p.Contains("achievementType 'Nonsense'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ext:TeacherLeader", true)]
    [InlineData("Competency", true)]
    [InlineData("ext:", false)]
    [InlineData("ext:bad space", false)]
    public void AchievementType_AcceptsEnumAndExtensionValuesOnly(string type, bool valid)
    {
        var input = Ob3Samples.Minimal() with { Achievement = Ob3Samples.Minimal().Achievement with { AchievementType = type } };
        Assert.Equal(valid, OpenBadgeCredentialWriter.Validate(input).Count == 0);
    }

    [Fact]
    public void ScriptAndFileUrls_AreRefusedWhereDisplayersFollowLinks()
    {
        var input = Ob3Samples.Full() with
        {
            Evidence = [new Ob3Evidence { Id = "javascript:alert(1)" }, new Ob3Evidence { Id = "data:text/plain;base64,aGk=" }],
            Issuer = Ob3Samples.Full().Issuer with { Url = "file:///etc/passwd" },
        };
        var problems = OpenBadgeCredentialWriter.Validate(input);
        Assert.Contains("evidence[0].id must be an http(s) URL or a data URI", problems);
        Assert.Contains("issuer.url must be an http(s) URL", problems);
        Assert.DoesNotContain(problems, p => p.StartsWith("evidence[1]", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void RelativeOrPathOnlyIds_AreNotAbsoluteUris()
    {
        var input = Ob3Samples.Minimal() with { Id = "/credentials/1" };
        Assert.Contains("id must be an absolute URI", OpenBadgeCredentialWriter.Validate(input));
    }

    [Fact]
    public void ScriptInNames_IsEscapedSoTheJsonCanBeEmbeddedSafely()
    {
        var input = Ob3Samples.Minimal() with { Name = "</script><script>alert(1)</script>]]>" };
        var text = Encoding.UTF8.GetString(OpenBadgeCredentialWriter.Write(input));
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("]]>", text, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(text);
        Assert.Equal("</script><script>alert(1)</script>]]>", doc.RootElement.GetProperty("name").GetString());
    }
}
