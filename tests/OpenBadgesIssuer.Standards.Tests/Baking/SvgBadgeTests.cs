using System.Text;
using System.Xml.Linq;
using OpenBadgesIssuer.Standards.Baking;

namespace OpenBadgesIssuer.Standards.Tests.Baking;

public sealed class SvgBadgeTests
{
    private static readonly byte[] Plain = Encoding.UTF8.GetBytes(
        """<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#2a6"/></svg>""");

    private static XElement Root(byte[] svg) => XDocument.Parse(Encoding.UTF8.GetString(svg)).Root!;

    [Fact]
    public void Ob3_jwt_goes_into_the_verify_attribute_of_the_first_child()
    {
        const string jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln";
        var baked = SvgBadge.BakeOb3Jwt(Plain, jwt);
        var root = Root(baked);
        var first = (XElement)root.FirstNode!;
        Assert.Equal(XName.Get("credential", "https://purl.imsglobal.org/ob/v3p0"), first.Name);
        Assert.Equal(jwt, (string?)first.Attribute("verify"));
        Assert.True(first.IsEmpty);
        Assert.Equal("https://purl.imsglobal.org/ob/v3p0", (string?)root.Attribute(XNamespace.Xmlns + "openbadges"));
        Assert.Equal(new SvgBadgeContent(BadgeVersion.V3, jwt, null), SvgBadge.Extract(baked, BadgeVersion.V3));
        Assert.Single(root.Elements(XName.Get("circle", "http://www.w3.org/2000/svg")));
    }

    [Fact]
    public void Ob3_json_goes_into_cdata_without_verify()
    {
        const string json = """{"id":"urn:uuid:1","name":"a ]]> b & <c>"}""";
        var baked = SvgBadge.BakeOb3Json(Plain, json);
        var text = Encoding.UTF8.GetString(baked);
        Assert.Contains("<openbadges:credential><![CDATA[", text, StringComparison.Ordinal);
        var content = SvgBadge.Extract(baked, BadgeVersion.V3)!;
        Assert.Null(content.Verify);
        // "]]>" inside a JSON string is re-spelled with an escape; the JSON value is unchanged.
        Assert.Equal("a ]]> b & <c>", (string?)System.Text.Json.Nodes.JsonNode.Parse(content.Body!)!["name"]);
    }

    [Fact]
    public void Ob2_signed_and_hosted_forms()
    {
        var signed = SvgBadge.BakeOb2Signed(Plain, "aaa.bbb.ccc");
        var first = (XElement)Root(signed).FirstNode!;
        Assert.Equal(XName.Get("assertion", "http://openbadges.org"), first.Name);
        Assert.Equal(new SvgBadgeContent(BadgeVersion.V2, "aaa.bbb.ccc", null), SvgBadge.Extract(signed, BadgeVersion.V2));

        var hosted = SvgBadge.BakeOb2Hosted(Plain, "https://example.org/assertions/1", """{"id":"https://example.org/assertions/1"}""");
        Assert.Equal(new SvgBadgeContent(BadgeVersion.V2, "https://example.org/assertions/1", """{"id":"https://example.org/assertions/1"}"""),
            SvgBadge.Extract(hosted, BadgeVersion.V2));
        Assert.Null(SvgBadge.Extract(hosted, BadgeVersion.V3));
    }

    [Fact]
    public void Rebaking_leaves_exactly_one_badge()
    {
        var v2 = SvgBadge.BakeOb2Signed(Plain, "old.jws.sig");
        var v3 = SvgBadge.BakeOb3Jwt(v2, "new.jwt.sig");
        var again = SvgBadge.BakeOb3Jwt(v3, "newer.jwt.sig");
        Assert.Null(SvgBadge.Extract(again, BadgeVersion.V2));
        Assert.Equal("newer.jwt.sig", SvgBadge.Extract(again, BadgeVersion.V3)!.Verify);
        Assert.Single(Root(again).Descendants(), e => e.Name.LocalName is "credential" or "assertion");
    }

    [Fact]
    public void Two_badge_elements_are_rejected()
    {
        var svg = Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential verify="a.b.c"/><g><openbadges:credential verify="d.e.f"/></g></svg>""");
        Assert.Equal(BadgeImageError.DuplicateBadge, Assert.Throws<BadgeImageException>(() => SvgBadge.Extract(svg, BadgeVersion.V3)).Error);
    }

    [Fact]
    public void External_entities_are_refused()
    {
        var secretFile = Path.Combine(Path.GetTempPath(), "obi-xxe-canary-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(secretFile, "CANARY-SECRET");
        try
        {
            var xxe = Encoding.UTF8.GetBytes($"""
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY xxe SYSTEM "file://{secretFile}">]>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential>&xxe;</openbadges:credential></svg>
                """);
            var error = Assert.Throws<BadgeImageException>(() => SvgBadge.Extract(xxe, BadgeVersion.V3));
            Assert.Equal(BadgeImageError.ForbiddenXml, error.Error);
            Assert.DoesNotContain("CANARY", error.ToString(), StringComparison.Ordinal);
            Assert.Throws<BadgeImageException>(() => SvgBadge.BakeOb3Jwt(xxe, "a.b.c"));
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    [Fact]
    public void Entity_expansion_bombs_are_refused()
    {
        var bomb = Encoding.UTF8.GetBytes("""
            <?xml version="1.0"?>
            <!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <svg xmlns="http://www.w3.org/2000/svg">&c;</svg>
            """);
        Assert.Equal(BadgeImageError.ForbiddenXml, Assert.Throws<BadgeImageException>(() => SvgBadge.Extract(bomb, BadgeVersion.V3)).Error);
    }

    [Fact]
    public void Undeclared_entity_reference_behind_an_external_dtd_is_refused()
    {
        // An external DTD is never fetched, so an entity it might declare stays undefined.
        var svg = Encoding.UTF8.GetBytes("""
            <?xml version="1.0"?>
            <!DOCTYPE svg SYSTEM "http://127.0.0.1:9/evil.dtd">
            <svg xmlns="http://www.w3.org/2000/svg">&remote;</svg>
            """);
        Assert.Equal(BadgeImageError.ForbiddenXml, Assert.Throws<BadgeImageException>(() => SvgBadge.Extract(svg, BadgeVersion.V3)).Error);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>", BadgeImageError.Malformed)]
    [InlineData("not xml at all", BadgeImageError.Malformed)]
    [InlineData("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>", BadgeImageError.NotAnImage)]
    [InlineData("<svg xmlns=\"urn:not-svg\"/>", BadgeImageError.NotAnImage)]
    [InlineData("", BadgeImageError.Malformed)]
    public void Malformed_svgs_are_rejected(string text, BadgeImageError expected)
    {
        var error = Assert.Throws<BadgeImageException>(() => SvgBadge.Extract(Encoding.UTF8.GetBytes(text), BadgeVersion.V3));
        Assert.Equal(expected, error.Error);
    }

    [Fact]
    public void Prefix_bound_to_another_namespace_is_rejected_when_baking()
    {
        var svg = Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="urn:other"><g/></svg>""");
        Assert.Equal(BadgeImageError.Malformed, Assert.Throws<BadgeImageException>(() => SvgBadge.BakeOb3Jwt(svg, "a.b.c")).Error);
    }

    [Fact]
    public void Size_limit_applies()
    {
        var limits = new BadgeImageLimits { MaxImageBytes = Plain.Length - 1 };
        Assert.Equal(BadgeImageError.TooLarge, Assert.Throws<BadgeImageException>(() => SvgBadge.Extract(Plain, BadgeVersion.V3, limits)).Error);
        var tight = new BadgeImageLimits { MaxImageBytes = Plain.Length + 50 };
        Assert.Equal(BadgeImageError.TooLarge, Assert.Throws<BadgeImageException>(() => SvgBadge.BakeOb3Jwt(Plain, new string('a', 200), tight)).Error);
    }

    [Theory]
    [InlineData("simple-jwt.svg", "simple-jwt.from-svg.jwt")]
    [InlineData("simple-jwt_v1.svg", "simple-jwt_v1.from-svg.jwt")]
    public void Validator_sample_svgs_yield_the_expected_jwts(string svgFile, string jwtFile)
    {
        var svg = File.ReadAllBytes(Path.Combine(SharedData.Suites("ob3-examples", "validator-samples", "ob30"), svgFile));
        var expected = File.ReadAllText(Path.Combine(SharedData.Suites("ob3-examples", "vc-jwt"), jwtFile)).Trim();
        var content = SvgBadge.Extract(svg, BadgeVersion.V3)!;
        Assert.Equal(expected, content.Verify);
        Assert.Null(content.Body);

        // Re-baking the sample (DOCTYPE and all) round-trips the same JWT.
        var rebaked = SvgBadge.BakeOb3Jwt(svg, expected);
        Assert.Equal(expected, SvgBadge.Extract(rebaked, BadgeVersion.V3)!.Verify);
    }

    [Fact]
    public void Validator_sample_json_svg_yields_the_credential()
    {
        var svg = File.ReadAllBytes(Path.Combine(SharedData.Suites("ob3-examples", "validator-samples", "ob30"), "simple-json.svg"));
        var content = SvgBadge.Extract(svg, BadgeVersion.V3)!;
        Assert.Null(content.Verify);
        var credential = System.Text.Json.Nodes.JsonNode.Parse(content.Body!)!;
        Assert.Equal("http://example.com/credentials/3527", (string?)credential["id"]);
        Assert.Equal("eddsa-rdfc-2022", (string?)credential["proof"]![0]!["cryptosuite"]);
    }
}
