using System.Text;
using OpenBadgesIssuer.Core.Assertions;
using OpenBadgesIssuer.Core.BadgeClasses;
using OpenBadgesIssuer.Core.Images;
using OpenBadgesIssuer.Core.Signing;
using OpenBadgesIssuer.Standards.Baking;
using OpenBadgesIssuer.Standards.Keys;

namespace OpenBadgesIssuer.Core.Tests.Issuance;

public sealed class IssuanceUnitTests
{
    [Theory]
    [InlineData("https://badges.example.org", "did:web:badges.example.org:issuers:iss_X", "https://badges.example.org/issuers/iss_X/did.json")]
    [InlineData("https://Badges.Example.org:8443/obi/", "did:web:badges.example.org%3A8443:obi:issuers:iss_X", "https://badges.example.org:8443/obi/issuers/iss_X/did.json")]
    [InlineData("http://localhost:5080", "did:web:localhost%3A5080:issuers:iss_X", "https://localhost:5080/issuers/iss_X/did.json")]
    public void IssuerDid_ResolvesToTheServedDidDocumentPath(string baseUrl, string expectedDid, string expectedResolution)
    {
        var links = new PublicLinks(baseUrl);
        string did = links.IssuerDid("iss_X");
        Assert.Equal(expectedDid, did);
        // did:web resolution (W3C CCG method) lands on the path the service serves the DID document at.
        Assert.Equal(expectedResolution, DidWeb.ToDocumentUrl(did));
        Assert.Equal(new Uri(expectedResolution).AbsolutePath, new Uri(links.DidDocument("iss_X")).AbsolutePath);
    }

    [Fact]
    public void PlaceholderPng_IsAValidUnbakedPng_ThatBakes()
    {
        BadgeImageResult result = BadgeImageValidator.Validate(BakeSources.PlaceholderPng);
        Assert.True(result.IsValid, result.Detail);
        Assert.Equal((256, 256), (result.Width, result.Height));
        byte[] baked = PngBadge.Bake(BakeSources.PlaceholderPng, BadgeVersion.V3, "{\"a\":1}");
        Assert.Equal("{\"a\":1}", PngBadge.Extract(baked, BadgeVersion.V3));
    }

    [Fact]
    public void WrapPng_IsAnSvgTheSanitizerKeeps_WithThePngAsDataUri()
    {
        byte[] png = BakeSources.SolidPng(3, 2, 1, 2, 3);
        byte[] svg = BakeSources.WrapPng(png, 3, 2);
        BadgeImageResult result = BadgeImageValidator.Validate(svg);
        Assert.True(result.IsValid, result.Detail);
        Assert.Contains("data:image/png;base64," + Convert.ToBase64String(png), Encoding.UTF8.GetString(result.Bytes!), StringComparison.Ordinal);
        Assert.Equal("x", SvgBadge.Extract(SvgBadge.BakeOb3Json(svg, "x"), BadgeVersion.V3)!.Body);
    }

    [Fact]
    public void CriteriaNarrative_CarriesCompetencyKeyMethodAndEvidenceRequired()
    {
        var definition = new BadgeClassDefinition
        {
            Name = "N", Description = "D", CriteriaNarrative = "Do the thing.", Competency = "Adapts instruction.",
            KeyMethod = "Exit tickets", EvidenceRequired = ["Plan", "Student\nwork"],
        };
        Assert.Equal("Do the thing.\n\n## Competency\n\nAdapts instruction.\n\n## Key method\n\nExit tickets\n\n## Evidence required\n\n1. Plan\n2. Student work",
            CredentialBuilder.CriteriaNarrative(definition));
        Assert.Null(CredentialBuilder.CriteriaNarrative(new BadgeClassDefinition { Name = "N", Description = "D" }));
    }

    [Fact]
    public void Validate_FillsDefaultRubricKeys_AndRejectsUnknownRequiredLevel()
    {
        var definition = new BadgeClassDefinition
        {
            Name = "N", Description = "D", CriteriaNarrative = "C",
            Rubric = [new RubricCriterion(null, "Planning", null, [new RubricLevel(null, "Low"), new RubricLevel("top", "High")], "top")],
        };
        var valid = BadgeClassValidator.Validate(definition);
        Assert.True(valid.IsSuccess);
        Assert.Equal("c1", valid.Value.Rubric[0].Key);
        Assert.Equal(["l1", "top"], valid.Value.Rubric[0].Levels!.Select(l => l.Key!));

        var invalid = BadgeClassValidator.Validate(definition with
        {
            Rubric = [new RubricCriterion("c", "Planning", null, [new RubricLevel(null, "Low")], "l9")],
        });
        Assert.Equal("unknown_level", invalid.Error!.Code);
        Assert.Equal("rubric[0].requiredLevel", invalid.Error.Field);
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("image/svg+xml")]
    public void Renditions_AreDeterministic_AndCarryTheStoredBytesExactly(string mediaType)
    {
        // Bakes are rendered from the stored signed documents when first fetched: every rendering (any instance, any
        // time) must give the same bytes, and the payload must be the stored document byte for byte.
        byte[] content = mediaType == "image/png"
            ? BakeSources.SolidPng(32, 32, 10, 20, 30)
            : Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>""");
        var image = new Domain.BadgeImage { Id = "img_X", TenantId = "ten_X", MediaType = mediaType, Content = content, Width = 32, Height = 32 };
        byte[] ob3 = Encoding.UTF8.GetBytes("""{"@context":["https://www.w3.org/ns/credentials/v2"],"id":"urn:uuid:1","name":"caf\u00e9 \u2713 <&>"}""");
        byte[] ob2 = Encoding.UTF8.GetBytes("""{"@context":"https://w3id.org/openbadges/v2","id":"https://badges.example.org/ob2/assertions/asr_X","type":"Assertion"}""");
        foreach ((string kind, byte[] signed) in new[] {
            (Domain.ArtifactKinds.Ob3Png, ob3), (Domain.ArtifactKinds.Ob3Svg, ob3), (Domain.ArtifactKinds.Ob2Png, ob2), (Domain.ArtifactKinds.Ob2Svg, ob2) })
        {
            OpenBadgesIssuer.Core.Publishing.PublicDocument first = AwardRenditions.Bake(kind, signed, image);
            OpenBadgesIssuer.Core.Publishing.PublicDocument second = AwardRenditions.Bake(kind, (byte[])signed.Clone(), image);
            Assert.Equal(first.Content, second.Content);
            Assert.Equal(first.ETag, second.ETag);
            BadgeVersion version = kind is Domain.ArtifactKinds.Ob3Png or Domain.ArtifactKinds.Ob3Svg ? BadgeVersion.V3 : BadgeVersion.V2;
            string? payload = first.MediaType == "image/png" ? PngBadge.Extract(first.Content, version) : SvgBadge.Extract(first.Content, version)?.Body;
            Assert.Equal(Encoding.UTF8.GetString(signed), payload);
            if (kind == Domain.ArtifactKinds.Ob2Svg)
            {
                Assert.Equal("https://badges.example.org/ob2/assertions/asr_X", SvgBadge.Extract(first.Content, BadgeVersion.V2)!.Verify);
            }
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => AwardRenditions.Bake(Domain.ArtifactKinds.Ob3, ob3, image));
    }
}
