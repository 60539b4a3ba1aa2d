namespace OpenBadgesIssuer.Standards.Rdf;

/// <summary>The kind of an RDF term.</summary>
public enum RdfTermKind
{
    /// <summary>An absolute IRI.</summary>
    Iri,
    /// <summary>A blank node; <see cref="RdfTerm.Value"/> holds its label without the <c>_:</c> prefix.</summary>
    BlankNode,
    /// <summary>A literal with a datatype IRI and an optional language tag.</summary>
    Literal,
}

/// <summary>An immutable RDF 1.1 term (IRI, blank node or literal).</summary>
public sealed record RdfTerm
{
    /// <summary>The datatype IRI of plain strings.</summary>
    public const string XsdString = "http://www.w3.org/2001/XMLSchema#string";

    /// <summary>The datatype IRI of language-tagged strings.</summary>
    public const string RdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

    private RdfTerm(RdfTermKind kind, string value, string? datatype, string? language)
    {
        Kind = kind;
        Value = value;
        Datatype = datatype;
        Language = language;
    }

    /// <summary>The term's kind.</summary>
    public RdfTermKind Kind { get; }

    /// <summary>The IRI, the blank node label (without <c>_:</c>) or the literal's lexical form.</summary>
    public string Value { get; }

    /// <summary>For literals, the datatype IRI (never null for literals).</summary>
    public string? Datatype { get; }

    /// <summary>For language-tagged literals, the language tag.</summary>
    public string? Language { get; }

    /// <summary>True for blank nodes.</summary>
    public bool IsBlankNode => Kind == RdfTermKind.BlankNode;

    /// <summary>Creates an IRI term.</summary>
    public static RdfTerm Iri(string iri) => new(RdfTermKind.Iri, iri, null, null);

    /// <summary>Creates a blank node term from a label without the <c>_:</c> prefix.</summary>
    public static RdfTerm Blank(string label) => new(RdfTermKind.BlankNode, label, null, null);

    /// <summary>Creates a literal. A language tag implies <c>rdf:langString</c>.</summary>
    public static RdfTerm Literal(string lexical, string? datatype = null, string? language = null) =>
        new(RdfTermKind.Literal, lexical, language is null ? datatype ?? XsdString : RdfLangString, language);

    // Terms are immutable and the same instance is hashed many times (every quad it appears in, in the toRdf duplicate
    // check and again in canonicalization), so the hash is computed once; 0 means "not yet computed".
    private int _hash;

    /// <summary>Ordinal equality of kind, value, datatype and language.</summary>
    public bool Equals(RdfTerm? other) =>
        ReferenceEquals(this, other) ||
        (other is not null && Kind == other.Kind && GetHashCode() == other.GetHashCode() &&
         string.Equals(Value, other.Value, StringComparison.Ordinal) &&
         string.Equals(Datatype, other.Datatype, StringComparison.Ordinal) &&
         string.Equals(Language, other.Language, StringComparison.Ordinal));

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = _hash;
        if (hash == 0)
        {
            hash = HashCode.Combine(
                Kind,
                StringComparer.Ordinal.GetHashCode(Value),
                Datatype is null ? 0 : StringComparer.Ordinal.GetHashCode(Datatype),
                Language is null ? 0 : StringComparer.Ordinal.GetHashCode(Language));
            _hash = hash == 0 ? 1 : hash;
        }
        return _hash;
    }
}

/// <summary>An RDF quad; <see cref="Graph"/> is null for the default graph.</summary>
public sealed record RdfQuad(RdfTerm Subject, RdfTerm Predicate, RdfTerm Object, RdfTerm? Graph);
