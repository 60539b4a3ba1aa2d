using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using OpenBadgesIssuer.Standards.Rdf;

namespace OpenBadgesIssuer.Standards.Tests.Rdf;

public sealed class RdfCanonicalizerTests
{
    private static readonly RdfCanonicalizationOptions Generous = new() { MaxHashNDegreeCalls = 1_000_000 };

    [Fact]
    public void RelabelsBlankNodesAndSortsLines()
    {
        var quads = NQuads.Parse("""
            _:x <urn:p> "b" .
            <urn:s> <urn:q> _:x .
            _:x <urn:p> "a" .
            _:x <urn:p> "a" .
            """);
        var result = RdfCanonicalizer.Canonicalize(quads);
        Assert.Equal("<urn:s> <urn:q> _:c14n0 .\n_:c14n0 <urn:p> \"a\" .\n_:c14n0 <urn:p> \"b\" .\n", result.NQuads);
        Assert.Equal("c14n0", result.IssuedIdentifiers["x"]);
    }

    [Fact]
    public void SortsByCodePointNotUtf16()
    {
        // U+FF61 sorts before U+1F600 by code point, after it by UTF-16 code unit.
        var quads = NQuads.Parse("<urn:s> <urn:p> \"\U0001F600\" .\n<urn:s> <urn:p> \"\uFF61\" .\n");
        Assert.Equal("<urn:s> <urn:p> \"\uFF61\" .\n<urn:s> <urn:p> \"\U0001F600\" .\n", RdfCanonicalizer.Canonicalize(quads).NQuads);
    }

    [Fact]
    public void CliqueHitsTheWorkLimit()
    {
        var lines = new System.Text.StringBuilder();
        for (var i = 0; i < 8; i++)
        {
            for (var j = 0; j < 8; j++)
            {
                if (i != j)
                {
                    lines.Append(CultureInfo.InvariantCulture, $"_:n{i} <urn:p> _:n{j} .\n");
                }
            }
        }
        var quads = NQuads.Parse(lines.ToString());
        Assert.Throws<RdfCanonicalizationLimitException>(() =>
            RdfCanonicalizer.Canonicalize(quads, new RdfCanonicalizationOptions { MaxHashNDegreeCalls = 50 }));
    }

    [Fact]
    public void WorkFactorBoundsHashNDegreeCalls()
    {
        var lines = new System.Text.StringBuilder();
        for (var i = 0; i < 6; i++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"_:n{i} <urn:p> _:n{(i + 1) % 6} .\n");
        }
        var ring = NQuads.Parse(lines.ToString());
        Assert.Throws<RdfCanonicalizationLimitException>(() =>
            RdfCanonicalizer.Canonicalize(ring, new RdfCanonicalizationOptions { MaxWorkFactor = 1 }));
        var result = RdfCanonicalizer.Canonicalize(ring);
        Assert.Equal(6, result.IssuedIdentifiers.Count);
        var rotated = NQuads.Parse(lines.ToString().Replace("_:n", "_:m", StringComparison.Ordinal));
        Assert.Equal(result.NQuads, RdfCanonicalizer.Canonicalize(rotated.Reverse()).NQuads);
        Assert.Equal(6, result.NQuads.Count(c => c == '\n'));
    }

    [Fact]
    public void SymmetricStarHitsThePermutationLimit()
    {
        // Two identical stars of ten interchangeable leaves: each hub sees 10! orders of the same related hash.
        var lines = new System.Text.StringBuilder();
        for (var hub = 0; hub < 2; hub++)
        {
            for (var i = 0; i < 10; i++)
            {
                lines.Append(CultureInfo.InvariantCulture, $"_:hub{hub} <urn:p> _:leaf{hub}x{i} .\n_:leaf{hub}x{i} <urn:q> \"x\" .\n");
            }
        }
        var star = NQuads.Parse(lines.ToString());
        Assert.Throws<RdfCanonicalizationLimitException>(() =>
            RdfCanonicalizer.Canonicalize(star, new RdfCanonicalizationOptions { MaxPermutations = 1_000, MaxHashNDegreeCalls = 1_000_000 }));
    }

    [Fact]
    public void RepeatedRelatedNodeDoesNotMultiplyPermutations()
    {
        // Two blank nodes linked through 12 graphs: the related list holds 12 copies of one node, one distinct order.
        var lines = new System.Text.StringBuilder();
        for (var g = 0; g < 12; g++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"_:a <urn:p> _:b <urn:g{g}> .\n_:b <urn:p> _:a <urn:g{g}> .\n");
        }
        var result = RdfCanonicalizer.Canonicalize(NQuads.Parse(lines.ToString()), new RdfCanonicalizationOptions { MaxPermutations = 10 });
        Assert.Equal(2, result.IssuedIdentifiers.Count);
    }

    [Property(MaxTest = 200)]
    public bool OutputIgnoresBlankNodeNamesAndStatementOrder(int seed)
    {
        var random = new Random(seed);
        var quads = RandomDataset(random);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        RdfTerm Rename(RdfTerm term)
        {
            if (!term.IsBlankNode)
            {
                return term;
            }
            if (!renamed.TryGetValue(term.Value, out var label))
            {
                label = "r" + random.Next(1_000_000).ToString(CultureInfo.InvariantCulture) + "x" + renamed.Count.ToString(CultureInfo.InvariantCulture);
                renamed.Add(term.Value, label);
            }
            return RdfTerm.Blank(label);
        }
        var transformed = quads
            .Select(q => new RdfQuad(Rename(q.Subject), q.Predicate, Rename(q.Object), q.Graph is null ? null : Rename(q.Graph)))
            .OrderBy(_ => random.Next())
            .ToList();
        var a = RdfCanonicalizer.Canonicalize(quads, Generous);
        var b = RdfCanonicalizer.Canonicalize(transformed, Generous);
        return a.NQuads == b.NQuads && a.IssuedIdentifiers.Count == b.IssuedIdentifiers.Count;
    }

    [Property(MaxTest = 100)]
    public bool CanonicalOutputIsAFixedPoint(int seed)
    {
        var first = RdfCanonicalizer.Canonicalize(RandomDataset(new Random(seed)), Generous);
        var second = RdfCanonicalizer.Canonicalize(NQuads.Parse(first.NQuads), Generous);
        return first.NQuads == second.NQuads;
    }

    private static List<RdfQuad> RandomDataset(Random random)
    {
        var blanks = random.Next(1, 7);
        var quads = new List<RdfQuad>();
        var count = random.Next(1, 14);
        RdfTerm Node() => random.Next(3) == 0
            ? RdfTerm.Iri("urn:n" + random.Next(3).ToString(CultureInfo.InvariantCulture))
            : RdfTerm.Blank("b" + random.Next(blanks).ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < count; i++)
        {
            var obj = random.Next(4) switch
            {
                0 => RdfTerm.Literal("v" + random.Next(3).ToString(CultureInfo.InvariantCulture)),
                1 => RdfTerm.Literal("t", language: "en"),
                _ => Node(),
            };
            var graph = random.Next(4) switch
            {
                0 => Node(),
                _ => null,
            };
            quads.Add(new RdfQuad(Node(), RdfTerm.Iri("urn:p" + random.Next(2).ToString(CultureInfo.InvariantCulture)), obj, graph));
        }
        return quads;
    }
}
