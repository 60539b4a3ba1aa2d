using System.Text.Json;

namespace OpenBadgesIssuer.Standards.JsonLd;

/// <summary>How toRdf represents <c>@direction</c> (JSON-LD 1.1 API, rdfDirection option).</summary>
public enum RdfDirectionMode
{
    /// <summary>The base direction is dropped.</summary>
    None,

    /// <summary>Datatype <c>https://www.w3.org/ns/i18n#{language}_{direction}</c> (used by eddsa-rdfc-2022).</summary>
    I18nDatatype,

    /// <summary>A blank node with <c>rdf:value</c>, <c>rdf:language</c> and <c>rdf:direction</c>.</summary>
    CompoundLiteral,
}

/// <summary>Options of <see cref="JsonLdProcessor"/>.</summary>
public sealed class JsonLdOptions
{
    /// <summary>The base IRI (null: relative IRIs stay relative and are dropped by toRdf, or rejected in safe mode).</summary>
    public string? Base { get; init; }

    /// <summary>The URL the document was loaded from: relative context references resolve against it (not against
    /// <c>@base</c>). Defaults to <see cref="Base"/>.</summary>
    public string? DocumentUrl { get; init; }

    /// <summary>The loader of remote contexts; by default only the embedded contexts are served.</summary>
    public IDocumentLoader DocumentLoader { get; init; } = EmbeddedContextLoader.Instance;

    /// <summary>A context applied before the document's own context (a context value or a map with <c>@context</c>).</summary>
    public JsonElement? ExpandContext { get; init; }

    /// <summary><c>json-ld-1.1</c> (default) or <c>json-ld-1.0</c>.</summary>
    public string ProcessingMode { get; init; } = "json-ld-1.1";

    /// <summary>Keep triples whose predicate is a blank node (generalized RDF). Default false.</summary>
    public bool ProduceGeneralizedRdf { get; init; }

    /// <summary>How base directions go to RDF.</summary>
    public RdfDirectionMode RdfDirection { get; init; } = RdfDirectionMode.None;

    /// <summary>
    /// Safe mode (Data Integrity): every place where JSON-LD would silently drop data (a term that does not expand to an
    /// absolute IRI or keyword, a relative IRI, a free-floating value, an invalid language tag, ...) raises a
    /// <see cref="JsonLdException"/> with code <see cref="JsonLdErrorCode.SafeModeViolation"/> instead.
    /// </summary>
    public bool SafeMode { get; init; }

    internal bool IsJsonLd10 => string.Equals(ProcessingMode, "json-ld-1.0", StringComparison.Ordinal);
}
