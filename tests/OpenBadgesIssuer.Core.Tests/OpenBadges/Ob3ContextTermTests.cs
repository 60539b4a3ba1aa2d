using System.Text;
using System.Text.Json.Nodes;
using OpenBadgesIssuer.Standards.OpenBadges.V3;
using OpenBadgesIssuer.TestSamples;

namespace OpenBadgesIssuer.Core.Tests.OpenBadges;

public class Ob3ContextTermTests
{
    [Fact]
    public void FullCredential_UsesOnlyTermsDefinedByItsContexts()
    {
        Assert.Empty(ContextTermCoverage.UndefinedTerms(OpenBadgeCredentialWriter.Write(Ob3Samples.Full())));
    }

    [Fact]
    public void CredentialWithoutSchema_OmitsExtensionsContextAndStillDefinesEveryTerm()
    {
        var json = OpenBadgeCredentialWriter.Write(Ob3Samples.Full() with { IncludeCredentialSchema = false });
        var node = JsonNode.Parse(json)!;
        Assert.Equal(2, node["@context"]!.AsArray().Count);
        Assert.Null(node["credentialSchema"]);
        Assert.Empty(ContextTermCoverage.UndefinedTerms(json));
    }

    [Fact]
    public void TermCheck_DetectsAnUndefinedProperty()
    {
        var node = JsonNode.Parse(OpenBadgeCredentialWriter.Write(Ob3Samples.Full()))!;
        node["credentialSubject"]!["achievement"]!["keyMethod"] = "x";
        // Without the extensions context the 1EdTech schema type is undefined.
        node["@context"]!.AsArray().RemoveAt(2);
        var problems = ContextTermCoverage.UndefinedTerms(Encoding.UTF8.GetBytes(node.ToJsonString()));
        Assert.Contains(problems, p => p.Contains("achievement.keyMethod", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("1EdTechJsonSchemaValidator2019", StringComparison.Ordinal));
    }

    [Fact]
    public void ProfileDocument_UsesOnlyDefinedTerms()
    {
        Assert.Empty(ContextTermCoverage.UndefinedTerms(Ob3ProfileWriter.Write(Ob3Samples.Full().Issuer)));
    }
}
