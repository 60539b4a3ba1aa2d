using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OpenBadgesIssuer.Standards.Rdf;

namespace OpenBadgesIssuer.Standards.JsonLd;

/// <summary>
/// JSON-LD 1.1 processor: expansion and conversion to RDF (JSON-LD 1.1 Processing Algorithms and API §5, §7, §8).
/// Context documents come from <see cref="JsonLdOptions.DocumentLoader"/> (by default only embedded contexts); each
/// is parsed once and every context-processing result over them is cached, so repeated documents with the same
/// <c>@context</c> cost only expansion and conversion.
/// </summary>
public static class JsonLdProcessor
{
    private const int InitialContextCacheLimit = 256;
    private static readonly JsonLdOptions Defaults = new();
    // Root contexts per document loader (every cached transition hangs off one of these, so results obtained through one
    // loader are never served to another), then per (base IRI, processing mode).
    private static readonly ConditionalWeakTable<IDocumentLoader, ConcurrentDictionary<(string? Base, bool JsonLd10), ActiveContext>> InitialContexts = new();

    /// <summary>
    /// Loads and processes a context (an ordered list of context URLs, e.g. VC v2 + OB 3.0.3) ahead of time, so that the
    /// first document using exactly this <c>@context</c> with the same loader and base IRI is not slower than later ones.
    /// </summary>
    public static void Preload(IReadOnlyList<string> contextUrls, JsonLdOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(contextUrls);
        options ??= Defaults;
        var local = new JArr(contextUrls.Count);
        foreach (var url in contextUrls)
        {
            local.Add(url);
        }
        var contexts = new ContextProcessor(options.DocumentLoader);
        var active = InitialContext(options.DocumentLoader, options.Base, options.IsJsonLd10);
        _ = contexts.Process(active, local.Count == 1 ? local[0] : local, options.DocumentUrl ?? options.Base);
    }

    /// <summary>Expands a JSON-LD document; the result is the expanded document as JSON.</summary>
    public static JsonElement Expand(JsonElement input, JsonLdOptions? options = null)
    {
        var expanded = ExpandInternal(input, options ?? Defaults);
        return JsonTree.ToElement(expanded);
    }

    /// <summary>Expands a JSON-LD document given as JSON text.</summary>
    public static JsonElement Expand(string json, JsonLdOptions? options = null)
    {
        using var doc = ParseText(json);
        return Expand(doc.RootElement, options);
    }

    /// <summary>Converts a JSON-LD document to an RDF dataset (duplicates removed; blank nodes labelled b0, b1, ...).</summary>
    public static IReadOnlyList<RdfQuad> ToRdf(JsonElement input, JsonLdOptions? options = null)
    {
        options ??= Defaults;
        var expanded = ExpandInternal(input, options);
        var converter = new RdfConverter(options);
        var nodeMap = converter.GenerateNodeMap(expanded);
        return converter.ToRdf(nodeMap);
    }

    /// <summary>Converts a JSON-LD document given as JSON text to an RDF dataset.</summary>
    public static IReadOnlyList<RdfQuad> ToRdf(string json, JsonLdOptions? options = null)
    {
        using var doc = ParseText(json);
        return ToRdf(doc.RootElement, options);
    }

    private static JsonDocument ParseText(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "The input is not valid JSON: " + e.Message, e);
        }
    }

    /// <summary>Converts a JSON-LD document given as UTF-8 JSON text to an RDF dataset (no intermediate JsonDocument).</summary>
    public static IReadOnlyList<RdfQuad> ToRdf(ReadOnlySpan<byte> utf8Json, JsonLdOptions? options = null)
    {
        options ??= Defaults;
        var expanded = ExpandTree(ParseInput(utf8Json), options);
        var converter = new RdfConverter(options);
        return converter.ToRdf(converter.GenerateNodeMap(expanded));
    }

    private static object? ParseInput(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return JsonTree.Parse(utf8Json);
        }
        catch (JsonException e)
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "The input is not valid JSON: " + e.Message, e);
        }
    }

    internal static JArr ExpandInternal(JsonElement input, JsonLdOptions options) =>
        ExpandTree(JsonTree.FromElement(input), options);

    private static JArr ExpandTree(object? document, JsonLdOptions options)
    {
        var contexts = new ContextProcessor(options.DocumentLoader);
        var active = InitialContext(options.DocumentLoader, options.Base, options.IsJsonLd10);
        var documentUrl = options.DocumentUrl ?? options.Base;
        if (options.ExpandContext is { } expandContext)
        {
            var ctx = JsonTree.FromElement(expandContext);
            if (ctx is JObj m && m.TryGetValue("@context", out var inner))
            {
                ctx = inner;
            }
            active = contexts.Process(active, ctx, documentUrl);
        }
        var expander = new Expander(contexts, options.SafeMode, options.IsJsonLd10);
        var result = expander.Expand(active, null, document, documentUrl);
        if (result is JObj only && only.Count == 1 && only.TryGetValue("@graph", out var graph))
        {
            result = graph;
        }
        return result switch
        {
            null => new JArr(),
            JArr a => a,
            _ => new JArr(1) { result },
        };
    }

    private static ActiveContext InitialContext(IDocumentLoader loader, string? baseIri, bool jsonLd10)
    {
        var roots = InitialContexts.GetValue(loader, static _ => new ConcurrentDictionary<(string? Base, bool JsonLd10), ActiveContext>());
        var key = (baseIri, jsonLd10);
        if (roots.TryGetValue(key, out var hit))
        {
            return hit;
        }
        var ctx = new ActiveContext(baseIri, baseIri, jsonLd10);
        if (roots.Count < InitialContextCacheLimit)
        {
            ctx.Shareable = true;
            return roots.GetOrAdd(key, ctx);
        }
        return ctx;
    }
}
