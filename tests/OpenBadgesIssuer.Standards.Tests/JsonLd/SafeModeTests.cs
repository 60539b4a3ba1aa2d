using OpenBadgesIssuer.Standards.JsonLd;

namespace OpenBadgesIssuer.Standards.Tests.JsonLd;

public sealed class SafeModeTests
{
    private static readonly JsonLdOptions Safe = new() { SafeMode = true };
    private static readonly JsonLdOptions Lenient = new();

    public static TheoryData<string, string> DroppingDocuments() => new()
    {
        { "undefined term", """{"@context": {"ex": "http://example.org/"}, "@id": "http://example.org/a", "name": "x"}""" },
        { "relative @id", """{"@context": {"ex": "http://example.org/"}, "@id": "relative", "ex:p": "x"}""" },
        { "relative @type", """{"@context": {"ex": "http://example.org/"}, "@id": "http://example.org/a", "@type": "Thing"}""" },
        { "relative IRI value", """{"@context": {"ex": "http://example.org/", "ex:link": {"@type": "@id"}}, "@id": "http://example.org/a", "ex:link": "rel"}""" },
        { "keyword-like key", """{"@id": "http://example.org/a", "@foo": "x", "http://example.org/p": "y"}""" },
        { "free-floating value", """{"@graph": [{"@value": "x"}, {"@id": "http://example.org/a", "http://example.org/p": "y"}]}""" },
        { "@value null", """{"@id": "http://example.org/a", "http://example.org/p": {"@value": null}}""" },
        { "invalid language tag", """{"@id": "http://example.org/a", "http://example.org/p": {"@value": "x", "@language": "not a tag"}}""" },
        { "term mapped to null", """{"@context": {"p": null}, "@id": "http://example.org/a", "p": "x", "http://example.org/q": "y"}""" },
        { "@id-only top-level object", """{"@id": "http://example.org/a"}""" },
        { "blank node property", """{"@id": "http://example.org/a", "_:p": "x"}""" },
    };

    [Theory]
    [MemberData(nameof(DroppingDocuments))]
    public void DroppedDataIsAnErrorOnlyInSafeMode(string what, string json)
    {
        _ = JsonLdProcessor.ToRdf(json, Lenient);
        var e = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(json, Safe));
        Assert.True(e.Code == JsonLdErrorCode.SafeModeViolation, what + ": " + e.Message);
    }

    [Fact]
    public void CompleteDocumentPassesSafeMode()
    {
        const string json = """
            {"@context": {"ex": "http://example.org/", "name": "ex:name", "knows": {"@id": "ex:knows", "@type": "@id"}},
             "@id": "http://example.org/a", "@type": "ex:Person", "name": "Alice", "knows": "http://example.org/b"}
            """;
        var quads = JsonLdProcessor.ToRdf(json, Safe);
        Assert.Equal(3, quads.Count);
    }

    [Fact]
    public void BaseIriNullKeepsRelativeIrisOutOfTheDataset()
    {
        const string json = """{"@id": "relative", "http://example.org/p": "x"}""";
        Assert.Empty(JsonLdProcessor.ToRdf(json, Lenient));
        var withBase = JsonLdProcessor.ToRdf(json, new JsonLdOptions { Base = "http://example.org/doc" });
        Assert.Equal("http://example.org/relative", Assert.Single(withBase).Subject.Value);
    }
}
