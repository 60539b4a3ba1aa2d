using FsCheck;
using FsCheck.Xunit;
using OpenBadgesIssuer.Standards.Rdf;

namespace OpenBadgesIssuer.Standards.Tests.Rdf;

public sealed class NQuadsTests
{
    [Fact]
    public void ParsesAllTermKindsAndGraphs()
    {
        const string text = """
            # a comment
            <http://ex/s> <http://ex/p> "chat"@fr-CA <http://ex/g> .
            _:b0 <http://ex/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> . # trailing comment
            _:b0 <http://ex/p> _:b1.x _:g1 .
            <http://ex/s> <http://ex/p> "plain" .
            """;
        var quads = NQuads.Parse(text);
        Assert.Equal(4, quads.Count);
        Assert.Equal(RdfTerm.Literal("chat", language: "fr-CA"), quads[0].Object);
        Assert.Equal(RdfTerm.Iri("http://ex/g"), quads[0].Graph);
        Assert.Equal("http://www.w3.org/2001/XMLSchema#integer", quads[1].Object.Datatype);
        Assert.Equal(RdfTerm.Blank("b1.x"), quads[2].Object);
        Assert.Equal(RdfTerm.Blank("g1"), quads[2].Graph);
        Assert.Null(quads[3].Graph);
        Assert.Equal(RdfTerm.XsdString, quads[3].Object.Datatype);
    }

    [Fact]
    public void UndoesEscapesInLiteralsAndIris()
    {
        var quads = NQuads.Parse("<urn:ex:\\u0065\\U0001F303> <urn:p> \"\\t\\b\\n\\r\\f\\\"\\'\\\\\\u221e\\U0001F303\" .\n");
        Assert.Equal("urn:ex:e\U0001F303", quads[0].Subject.Value);
        Assert.Equal("\t\b\n\r\f\"'\\\u221e\U0001F303", quads[0].Object.Value);
    }

    [Fact]
    public void WritesCanonicalEscapes()
    {
        var literal = RdfTerm.Literal("\u0000\u0007\b\t\n\u000B\f\r\u000E\u001F \"'\\\u007F\u0080\uFFFE\uFFFF\U0001F303\uD800");
        Assert.Equal("\"\\u0000\\u0007\\b\\t\\n\\u000B\\f\\r\\u000E\\u001F \\\"'\\\\\\u007F\u0080\\uFFFE\\uFFFF\U0001F303\\uD800\"",
            NQuads.Serialize(literal));
        Assert.Equal("\"x\"", NQuads.Serialize(RdfTerm.Literal("x", RdfTerm.XsdString)));
        Assert.Equal("\"x\"^^<urn:dt>", NQuads.Serialize(RdfTerm.Literal("x", "urn:dt")));
        Assert.Equal("\"x\"@en", NQuads.Serialize(RdfTerm.Literal("x", language: "en")));
        Assert.Equal("_:c14n0 <urn:p> <urn:o> <urn:g> .\n",
            NQuads.Serialize(new RdfQuad(RdfTerm.Blank("c14n0"), RdfTerm.Iri("urn:p"), RdfTerm.Iri("urn:o"), RdfTerm.Iri("urn:g"))));
    }

    [Theory]
    [InlineData("<urn:s> <urn:p> <urn:o>\n")]
    [InlineData("<urn:s> <urn:p> \"unterminated .\n")]
    [InlineData("<urn:s> \"p\" <urn:o> .\n")]
    [InlineData("<urn:s> <urn:p> \"x\"@ .\n")]
    [InlineData("<urn:s> <urn:p> \"\\q\" .\n")]
    [InlineData("<urn s> <urn:p> <urn:o> .\n")]
    [InlineData("<urn:s> <urn:p> <urn:o> . <urn:s> <urn:p> <urn:o> .\n")]
    public void RejectsInvalidInput(string text) => Assert.Throws<FormatException>(() => NQuads.Parse(text));

    [Property(MaxTest = 300)]
    public bool LiteralsRoundTrip(NonNull<string> value, bool tagged)
    {
        var term = tagged ? RdfTerm.Literal(value.Get, language: "en-GB") : RdfTerm.Literal(value.Get, "urn:x:dt");
        var quad = new RdfQuad(RdfTerm.Iri("urn:s"), RdfTerm.Iri("urn:p"), term, null);
        var parsed = NQuads.Parse(NQuads.Serialize(quad));
        return parsed.Count == 1 && parsed[0] == quad;
    }
}
