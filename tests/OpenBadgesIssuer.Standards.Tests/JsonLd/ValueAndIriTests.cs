using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using OpenBadgesIssuer.Standards.JsonLd;

namespace OpenBadgesIssuer.Standards.Tests.JsonLd;

public sealed class ValueAndIriTests
{
    // JSON-LD 1.1 API §8.6: xsd:double canonical form, rounded half up like JavaScript's toExponential(15).
    [Theory]
    [InlineData(5.3, "5.3E0")]
    [InlineData(1.0, "1.0E0")]
    [InlineData(1e21, "1.0E21")]
    [InlineData(-0.5, "-5.0E-1")]
    [InlineData(0.0, "0.0E0")]
    [InlineData(123456.789, "1.23456789E5")]
    [InlineData(43009784378610.125, "4.300978437861013E13")]
    [InlineData(0.1, "1.0E-1")]
    [InlineData(1.7976931348623157e308, "1.797693134862316E308")]
    [InlineData(5e-324, "4.940656458412465E-324")]
    public void XsdDoubleCanonicalForm(double value, string expected) =>
        Assert.Equal(expected, XsdNumbers.Double(value));

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(12.0, "12")]
    [InlineData(-7.0, "-7")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(9007199254740993.0, "9007199254740992")]
    public void XsdIntegerCanonicalForm(double value, string expected) =>
        Assert.Equal(expected, XsdNumbers.Integer(value));

    [Property(MaxTest = 3000)]
    public bool XsdDoubleIsCanonicalAndWithinRounding(NormalFloat value)
    {
        var d = value.Get;
        if (d == 0)
        {
            return XsdNumbers.Double(d) == "0.0E0";
        }
        var text = XsdNumbers.Double(d);
        var shape = System.Text.RegularExpressions.Regex.IsMatch(text, "^-?[1-9]\\.([0-9]*[1-9]|0)E-?[1-9]?[0-9]*$")
            && System.Text.RegularExpressions.Regex.Matches(text, "[0-9]").Count <= 16 + 4;
        var parsed = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return shape && Math.Abs(parsed - d) <= Math.Abs(d) * 1e-15;
    }

    [Fact]
    public void NegativeZeroIsZero()
    {
        Assert.Equal("0", XsdNumbers.Integer(-0.0));
        Assert.Equal("0.0E0", XsdNumbers.Double(-0.0));
    }

    [Theory]
    [InlineData("5.3", "5.3E0", "http://www.w3.org/2001/XMLSchema#double")]
    [InlineData("12.0", "12", "http://www.w3.org/2001/XMLSchema#integer")]
    [InlineData("1e21", "1.0E21", "http://www.w3.org/2001/XMLSchema#double")]
    [InlineData("-0", "0", "http://www.w3.org/2001/XMLSchema#integer")]
    [InlineData("true", "true", "http://www.w3.org/2001/XMLSchema#boolean")]
    public void NumbersAndBooleansInToRdf(string json, string lexical, string datatype)
    {
        var quad = Assert.Single(JsonLdProcessor.ToRdf("{\"@id\": \"http://e.org/a\", \"http://e.org/p\": " + json + "}"));
        Assert.Equal(lexical, quad.Object.Value);
        Assert.Equal(datatype, quad.Object.Datatype);
    }

    [Fact]
    public void JsonLiteralsAreJcsCanonical()
    {
        const string json = """
            {"@context": {"p": {"@id": "http://e.org/p", "@type": "@json"}},
             "@id": "http://e.org/a", "p": {"b": [1.0, 1e30, "\u00e9\n"], "a": null, "\u20ac": true}}
            """;
        var quad = Assert.Single(JsonLdProcessor.ToRdf(json));
        Assert.Equal("{\"a\":null,\"b\":[1,1e+30,\"\u00e9\\n\"],\"\u20ac\":true}", quad.Object.Value);
        Assert.Equal("http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON", quad.Object.Datatype);
    }

    // RFC 3986 §5.4.1 and §5.4.2 examples.
    [Theory]
    [InlineData("g:h", "g:h")]
    [InlineData("g", "http://a/b/c/g")]
    [InlineData("./g", "http://a/b/c/g")]
    [InlineData("g/", "http://a/b/c/g/")]
    [InlineData("/g", "http://a/g")]
    [InlineData("//g", "http://g")]
    [InlineData("?y", "http://a/b/c/d;p?y")]
    [InlineData("g?y", "http://a/b/c/g?y")]
    [InlineData("#s", "http://a/b/c/d;p?q#s")]
    [InlineData("g#s", "http://a/b/c/g#s")]
    [InlineData(";x", "http://a/b/c/;x")]
    [InlineData("", "http://a/b/c/d;p?q")]
    [InlineData(".", "http://a/b/c/")]
    [InlineData("..", "http://a/b/")]
    [InlineData("../g", "http://a/b/g")]
    [InlineData("../..", "http://a/")]
    [InlineData("../../g", "http://a/g")]
    [InlineData("../../../g", "http://a/g")]
    [InlineData("/./g", "http://a/g")]
    [InlineData("/../g", "http://a/g")]
    [InlineData("g.", "http://a/b/c/g.")]
    [InlineData("..g", "http://a/b/c/..g")]
    [InlineData("./../g", "http://a/b/g")]
    [InlineData("g/./h", "http://a/b/c/g/h")]
    [InlineData("g/../h", "http://a/b/c/h")]
    [InlineData("g;x=1/../y", "http://a/b/c/y")]
    [InlineData("g?y/./x", "http://a/b/c/g?y/./x")]
    [InlineData("g#s/../x", "http://a/b/c/g#s/../x")]
    public void ResolvesReferencesPerRfc3986(string reference, string expected) =>
        Assert.Equal(expected, Iri.Resolve("http://a/b/c/d;p?q", reference));

    [Theory]
    [InlineData("http:g", true)]
    [InlineData("urn:uuid:1234", true)]
    [InlineData("did:key:z6Mk", true)]
    [InlineData("#Test:2", false)]
    [InlineData("relative/path", false)]
    [InlineData("1http:x", false)]
    public void AbsoluteIriTest(string value, bool expected) => Assert.Equal(expected, Iri.IsAbsolute(value));

    [Fact]
    public void ProtectedTermsMayBeRedefinedIdentically()
    {
        // VC v2 protects "name"; OB 3.0.3 redefines it with the same IRI in another form, which must be accepted.
        const string json = """
            {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "id": "urn:uuid:1", "type": ["VerifiableCredential", "OpenBadgeCredential"], "name": "A badge"}
            """;
        Assert.Contains(JsonLdProcessor.ToRdf(json, new JsonLdOptions { SafeMode = true }), q => q.Predicate.Value == "https://schema.org/name");

        const string conflicting = """
            {"@context": ["https://www.w3.org/ns/credentials/v2", {"name": "http://example.org/other-name"}],
             "id": "urn:uuid:1", "name": "A badge"}
            """;
        var e = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(conflicting));
        Assert.Equal(JsonLdErrorCode.ProtectedTermRedefinition, e.Code);
    }

    [Fact]
    public void Utf8InputGivesTheSameDatasetAsJsonElementInput()
    {
        const string json = """
            {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "id": "urn:uuid:1", "type": ["VerifiableCredential", "OpenBadgeCredential"], "name": "Caf\u00e9 \"badge\"",
             "issuer": {"id": "https://example.org/issuer", "type": "Profile", "name": "Org"}, "validFrom": "2024-01-01T00:00:00Z"}
            """;
        var fromString = JsonLdProcessor.ToRdf(json, new JsonLdOptions { SafeMode = true });
        var fromBytes = JsonLdProcessor.ToRdf(System.Text.Encoding.UTF8.GetBytes(json), new JsonLdOptions { SafeMode = true });
        Assert.Equal(fromString, fromBytes);
        Assert.Contains(fromBytes, q => q.Object.Value == "Caf\u00e9 \"badge\"");
        var e = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf("{\"a\": 1, \"a\": 2}"u8));
        Assert.Equal(JsonLdErrorCode.LoadingDocumentFailed, e.Code);
    }

    [Fact]
    public void DatasetIsASet()
    {
        const string json = """
            {"@id": "http://e.org/a", "@type": "http://e.org/T",
             "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": {"@id": "http://e.org/T"},
             "http://e.org/p": ["x", {"@value": "x", "@type": "http://www.w3.org/2001/XMLSchema#string"}, {"@value": "x", "@direction": "ltr"}],
             "http://e.org/q": [{"@id": "http://e.org/b"}, {"@id": "http://e.org/b"}]}
            """;
        var quads = JsonLdProcessor.ToRdf(json);
        Assert.Equal(3, quads.Count);
        Assert.Equal(3, quads.Distinct().Count());
    }

    [Fact]
    public void DirectionUsesI18nDatatypeWhenAsked()
    {
        const string json = """{"@id": "http://e.org/a", "http://e.org/p": {"@value": "x", "@language": "en-US", "@direction": "rtl"}}""";
        var none = Assert.Single(JsonLdProcessor.ToRdf(json));
        Assert.Equal("en-US", none.Object.Language);
        var i18n = Assert.Single(JsonLdProcessor.ToRdf(json, new JsonLdOptions { RdfDirection = RdfDirectionMode.I18nDatatype }));
        Assert.Equal("https://www.w3.org/ns/i18n#en-us_rtl", i18n.Object.Datatype);
        Assert.Null(i18n.Object.Language);
    }
}
