using System.Globalization;
using OpenBadgesIssuer.Standards.Rdf;

namespace OpenBadgesIssuer.Standards.JsonLd;

/// <summary>Node Map Generation (JSON-LD 1.1 API §7.2) and Deserialize JSON-LD to RDF (§8.1-§8.3).</summary>
internal sealed class RdfConverter
{
    private const string RdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string XsdNs = "http://www.w3.org/2001/XMLSchema#";
    private static readonly RdfTerm RdfType = RdfTerm.Iri(RdfNs + "type");
    private static readonly RdfTerm RdfFirst = RdfTerm.Iri(RdfNs + "first");
    private static readonly RdfTerm RdfRest = RdfTerm.Iri(RdfNs + "rest");
    private static readonly RdfTerm RdfNil = RdfTerm.Iri(RdfNs + "nil");
    private static readonly RdfTerm RdfValue = RdfTerm.Iri(RdfNs + "value");
    private static readonly RdfTerm RdfLanguage = RdfTerm.Iri(RdfNs + "language");
    private static readonly RdfTerm RdfDirection = RdfTerm.Iri(RdfNs + "direction");
    private const string RdfJson = RdfNs + "JSON";
    private const string XsdBoolean = XsdNs + "boolean";
    private const string XsdDouble = XsdNs + "double";
    private const string XsdInteger = XsdNs + "integer";

    private readonly Dictionary<string, string> _issued = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RdfTerm> _iriTerms = new(StringComparer.Ordinal);
    private readonly JsonLdOptions _options;
    private readonly List<(RdfTerm S, RdfTerm P, RdfTerm O)> _listTriples = new();
    private int _counter;

    public RdfConverter(JsonLdOptions options)
    {
        _options = options;
    }

    private string NewBlank(string? identifier)
    {
        if (identifier is not null && _issued.TryGetValue(identifier, out var existing))
        {
            return existing;
        }
        var label = "_:b" + _counter.ToString(CultureInfo.InvariantCulture);
        _counter++;
        if (identifier is not null)
        {
            _issued[identifier] = label;
        }
        return label;
    }

    private void Dropped(string what)
    {
        if (_options.SafeMode)
        {
            throw new JsonLdException(JsonLdErrorCode.SafeModeViolation, what);
        }
    }

    // ---- Node map generation ----

    public Dictionary<string, Dictionary<string, JObj>> GenerateNodeMap(JArr expanded)
    {
        var nodeMap = new Dictionary<string, Dictionary<string, JObj>>(StringComparer.Ordinal)
        {
            ["@default"] = new Dictionary<string, JObj>(StringComparer.Ordinal),
        };
        NodeMap(expanded, nodeMap, "@default", null, null, null);
        return nodeMap;
    }

    private static void AppendUnique(JArr array, object? item)
    {
        foreach (var existing in array)
        {
            if (JsonTree.DeepEquals(existing, item))
            {
                return;
            }
        }
        array.Add(item);
    }

    private static bool ContainsString(JArr array, object? value)
    {
        foreach (var x in array)
        {
            if (x is string a && value is string b && string.Equals(a, b, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static JArr PropertyArray(JObj node, string property)
    {
        if (node.Get(property) is not JArr arr)
        {
            arr = new JArr(1);
            node.Set(property, arr);
        }
        return arr;
    }

    private void NodeMap(object? element, Dictionary<string, Dictionary<string, JObj>> nodeMap, string activeGraph, object? activeSubject, string? activeProperty, JObj? list)
    {
        // Step 1.
        if (element is JArr array)
        {
            foreach (var item in array)
            {
                NodeMap(item, nodeMap, activeGraph, activeSubject, activeProperty, list);
            }
            return;
        }
        if (element is not JObj el)
        {
            return;
        }
        // Step 2.
        if (!nodeMap.TryGetValue(activeGraph, out var graph))
        {
            graph = new Dictionary<string, JObj>(StringComparer.Ordinal);
            nodeMap[activeGraph] = graph;
        }
        JObj? subjectNode = activeSubject is string subjectId ? graph[subjectId] : null;
        // Step 3.
        if (el.TryGetValue("@type", out var typeValue))
        {
            if (typeValue is JArr types)
            {
                for (var i = 0; i < types.Count; i++)
                {
                    if (types[i] is string t && Iri.IsBlankNode(t))
                    {
                        types[i] = NewBlank(t);
                    }
                }
            }
            else if (typeValue is string t && Iri.IsBlankNode(t))
            {
                el.Set("@type", NewBlank(t));
            }
        }
        // Step 4: value objects.
        if (el.ContainsKey("@value"))
        {
            if (list is null)
            {
                AppendUnique(PropertyArray(subjectNode!, activeProperty!), el);
            }
            else
            {
                ((JArr)list.Get("@list")!).Add(el);
            }
            return;
        }
        // Step 5: list objects.
        if (el.TryGetValue("@list", out var listValue))
        {
            var result = new JObj(1);
            result.Set("@list", new JArr());
            NodeMap(listValue, nodeMap, activeGraph, activeSubject, activeProperty, result);
            if (list is null)
            {
                PropertyArray(subjectNode!, activeProperty!).Add(result);
            }
            else
            {
                ((JArr)list.Get("@list")!).Add(result);
            }
            return;
        }
        // Step 6: node objects.
        string id;
        // The element is not modified: its keyword entries are handled here and skipped in step 6.12.
        if (el.TryGetValue("@id", out var idValue))
        {
            if (idValue is not string idString)
            {
                // An ignored (keyword-like) @id: the node cannot be identified and produces no triples.
                if (activeProperty is not null && activeSubject is string)
                {
                    var nullRef = new JObj(1);
                    nullRef.Set("@id", null);
                    if (list is null)
                    {
                        AppendUnique(PropertyArray(subjectNode!, activeProperty), nullRef);
                    }
                    else
                    {
                        ((JArr)list.Get("@list")!).Add(nullRef);
                    }
                }
                return;
            }
            id = idString;
            if (Iri.IsBlankNode(id))
            {
                id = NewBlank(id);
            }
        }
        else
        {
            id = NewBlank(null);
        }
        if (!graph.TryGetValue(id, out var node))
        {
            node = new JObj(4);
            node.Set("@id", id);
            graph[id] = node;
        }
        if (activeSubject is JObj reverseSubject)
        {
            // 6.5.
            AppendUnique(PropertyArray(node, activeProperty!), reverseSubject);
        }
        else if (activeProperty is not null)
        {
            // 6.6.
            var reference = new JObj(1);
            reference.Set("@id", id);
            if (list is null)
            {
                AppendUnique(PropertyArray(subjectNode!, activeProperty), reference);
            }
            else
            {
                ((JArr)list.Get("@list")!).Add(reference);
            }
        }
        // 6.7.
        if (el.TryGetValue("@type", out var elTypes))
        {
            var nodeTypes = PropertyArray(node, "@type");
            foreach (var t in (JArr)elTypes!)
            {
                if (!ContainsString(nodeTypes, t))
                {
                    nodeTypes.Add(t);
                }
            }
        }
        // 6.8.
        if (el.TryGetValue("@index", out var index))
        {
            if (node.TryGetValue("@index", out var existingIndex) && !JsonTree.DeepEquals(existingIndex, index))
            {
                throw new JsonLdException(JsonLdErrorCode.ConflictingIndexes, "A node has two different @index values.");
            }
            node.Set("@index", index);
        }
        // 6.9.
        if (el.TryGetValue("@reverse", out var reverse) && reverse is JObj reverseMap)
        {
            var referenced = new JObj(1);
            referenced.Set("@id", id);
            for (var i = 0; i < reverseMap.Count; i++)
            {
                var property = reverseMap.KeyAt(i);
                foreach (var v in (JArr)reverseMap.ValueAt(i)!)
                {
                    NodeMap(v, nodeMap, activeGraph, referenced, property, null);
                }
            }
        }
        // 6.10.
        if (el.TryGetValue("@graph", out var graphValue))
        {
            NodeMap(graphValue, nodeMap, id, null, null, null);
        }
        // 6.11.
        if (el.TryGetValue("@included", out var included))
        {
            NodeMap(included, nodeMap, activeGraph, null, null, null);
        }
        // 6.12.
        for (var i = 0; i < el.Count; i++)
        {
            var property = el.KeyAt(i);
            if (property.Length > 0 && property[0] == '@' && Keywords.IsKeyword(property))
            {
                continue;
            }
            var value = el.ValueAt(i);
            if (Iri.IsBlankNode(property))
            {
                property = NewBlank(property);
            }
            if (!node.ContainsKey(property))
            {
                node.Set(property, new JArr());
            }
            NodeMap(value, nodeMap, activeGraph, id, property, null);
        }
    }

    // ---- Deserialize JSON-LD to RDF ----

    // Well-formed IRI terms are shared across calls (bounded), so repeated vocabulary IRIs are neither re-checked nor
    // re-allocated, and later stages may key caches on the term instances.
    private const int SharedIriLimit = 65536;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, RdfTerm> SharedIris = new(StringComparer.Ordinal);

    private RdfTerm IriTerm(string iri)
    {
        if (!_iriTerms.TryGetValue(iri, out var term))
        {
            if (!SharedIris.TryGetValue(iri, out term))
            {
                term = RdfTerm.Iri(iri);
                if (SharedIris.Count < SharedIriLimit)
                {
                    term = SharedIris.GetOrAdd(iri, term);
                }
            }
            _iriTerms[iri] = term;
        }
        return term;
    }

    private RdfTerm? Resource(string id, string role)
    {
        if (_iriTerms.TryGetValue(id, out var known))
        {
            return known;
        }
        if (Iri.IsBlankNode(id))
        {
            var blank = RdfTerm.Blank(id[2..]);
            _iriTerms[id] = blank;
            return blank;
        }
        if (SharedIris.TryGetValue(id, out var shared))
        {
            _iriTerms[id] = shared;
            return shared;
        }
        if (Iri.IsWellFormedAbsolute(id))
        {
            return IriTerm(id);
        }
        Dropped("The " + role + " '" + id + "' is not an absolute IRI.");
        return null;
    }

    public List<RdfQuad> ToRdf(Dictionary<string, Dictionary<string, JObj>> nodeMap)
    {
        var quads = new List<RdfQuad>(64);
        foreach (var (graphName, graph) in nodeMap)
        {
            RdfTerm? graphTerm = null;
            if (!string.Equals(graphName, "@default", StringComparison.Ordinal))
            {
                graphTerm = Resource(graphName, "graph name");
                if (graphTerm is null)
                {
                    continue;
                }
            }
            foreach (var (subject, node) in graph)
            {
                var subjectTerm = Resource(subject, "subject");
                if (subjectTerm is null)
                {
                    continue;
                }
                // The dataset is a set. A node appears once per graph in the node map and node references and
                // value objects are already unique per property there, so the only duplicates possible are
                // different value objects giving the same literal, and rdf:type written both as @type and as a
                // property: those two cases are checked against this subject's quads (emitted contiguously).
                var subjectStart = quads.Count;
                for (var pi = 0; pi < node.Count; pi++)
                {
                    var property = node.KeyAt(pi);
                    if (node.ValueAt(pi) is not JArr values)
                    {
                        continue;
                    }
                    if (string.Equals(property, "@type", StringComparison.Ordinal))
                    {
                        foreach (var t in values)
                        {
                            if (t is string ts && Resource(ts, "type") is { } typeTerm)
                            {
                                AddUnique(quads, subjectStart, new RdfQuad(subjectTerm, RdfType, typeTerm, graphTerm));
                            }
                        }
                        continue;
                    }
                    if (Keywords.IsKeyword(property))
                    {
                        continue;
                    }
                    if (Iri.IsBlankNode(property) && !_options.ProduceGeneralizedRdf)
                    {
                        Dropped("The property '" + property + "' is a blank node (generalized RDF).");
                        continue;
                    }
                    var predicate = Resource(property, "property");
                    if (predicate is null)
                    {
                        continue;
                    }
                    foreach (var item in values)
                    {
                        var listTriples = _listTriples;
                        listTriples.Clear();
                        var obj = ObjectToRdf(item, listTriples);
                        if (obj is not null)
                        {
                            var quad = new RdfQuad(subjectTerm, predicate, obj, graphTerm);
                            if (obj.Kind == RdfTermKind.Literal || ReferenceEquals(predicate, RdfType) || predicate.Equals(RdfType))
                            {
                                AddUnique(quads, subjectStart, quad);
                            }
                            else
                            {
                                quads.Add(quad);
                            }
                        }
                        foreach (var (s, p, o) in listTriples)
                        {
                            quads.Add(new RdfQuad(s, p, o, graphTerm));
                        }
                    }
                }
            }
        }
        return quads;
    }

    private static void AddUnique(List<RdfQuad> quads, int from, RdfQuad quad)
    {
        for (var i = from; i < quads.Count; i++)
        {
            var q = quads[i];
            if (ReferenceEquals(q.Subject, quad.Subject) && q.Predicate.Equals(quad.Predicate) && q.Object.Equals(quad.Object))
            {
                return;
            }
        }
        quads.Add(quad);
    }

    private RdfTerm? ObjectToRdf(object? item, List<(RdfTerm, RdfTerm, RdfTerm)> listTriples)
    {
        if (item is not JObj map)
        {
            return null;
        }
        // Steps 1-2: node objects.
        if (!map.ContainsKey("@value") && !map.ContainsKey("@list"))
        {
            return map.Get("@id") is string id ? Resource(id, "object") : null;
        }
        // Step 3: lists.
        if (map.TryGetValue("@list", out var list))
        {
            return ListToRdf((JArr)list!, listTriples);
        }
        // Steps 4-5.
        var value = map.Get("@value");
        var datatype = map.Get("@type") as string;
        // Step 6.
        if (datatype is not null && !string.Equals(datatype, "@json", StringComparison.Ordinal) && !Iri.IsWellFormedAbsolute(datatype))
        {
            Dropped("The datatype '" + datatype + "' is not an absolute IRI.");
            return null;
        }
        // Step 7.
        var language = map.Get("@language") as string;
        if (language is not null && !LanguageTag.IsWellFormed(language))
        {
            Dropped("The language tag '" + language + "' is not well-formed.");
            return null;
        }
        string lexical;
        if (string.Equals(datatype, "@json", StringComparison.Ordinal))
        {
            // Step 8.
            lexical = CanonicalJson(value);
            datatype = RdfJson;
        }
        else if (value is bool b)
        {
            // Step 9.
            lexical = b ? "true" : "false";
            datatype ??= XsdBoolean;
        }
        else if (value is double d)
        {
            // Steps 10-11.
            if (d % 1 != 0 || Math.Abs(d) >= 1e21 || string.Equals(datatype, XsdDouble, StringComparison.Ordinal))
            {
                lexical = XsdNumbers.Double(d);
                datatype ??= XsdDouble;
            }
            else
            {
                lexical = XsdNumbers.Integer(d);
                datatype ??= XsdInteger;
            }
        }
        else
        {
            // Step 12.
            lexical = value as string ?? string.Empty;
        }
        // Step 13: base direction.
        if (map.Get("@direction") is string direction && _options.RdfDirection != RdfDirectionMode.None)
        {
            var lang = language is null ? string.Empty : language.ToLowerInvariant();
            if (_options.RdfDirection == RdfDirectionMode.I18nDatatype)
            {
                return RdfTerm.Literal(lexical, "https://www.w3.org/ns/i18n#" + lang + "_" + direction);
            }
            var node = RdfTerm.Blank(NewBlank(null)[2..]);
            listTriples.Add((node, RdfValue, RdfTerm.Literal(lexical)));
            if (language is not null)
            {
                listTriples.Add((node, RdfLanguage, RdfTerm.Literal(lang)));
            }
            listTriples.Add((node, RdfDirection, RdfTerm.Literal(direction)));
            return node;
        }
        // Step 14.
        return language is not null ? RdfTerm.Literal(lexical, null, language) : RdfTerm.Literal(lexical, datatype);
    }

    // JSON literals: RFC 8785 (JCS) text, written by the library's shared JCS canonicalizer.
    private static string CanonicalJson(object? value)
    {
        byte[] canonical;
        try
        {
            canonical = Jcs.JcsCanonicalizer.Canonicalize(JsonTree.ToUtf8(value));
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidJsonLiteral, "A JSON literal cannot be canonicalized: " + e.Message, e);
        }
        return System.Text.Encoding.UTF8.GetString(canonical);
    }

    private RdfTerm ListToRdf(JArr list, List<(RdfTerm, RdfTerm, RdfTerm)> listTriples)
    {
        if (list.Count == 0)
        {
            return RdfNil;
        }
        var nodes = new RdfTerm[list.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = RdfTerm.Blank(NewBlank(null)[2..]);
        }
        for (var i = 0; i < nodes.Length; i++)
        {
            var embedded = new List<(RdfTerm, RdfTerm, RdfTerm)>();
            var obj = ObjectToRdf(list[i], embedded);
            if (obj is not null)
            {
                listTriples.Add((nodes[i], RdfFirst, obj));
            }
            listTriples.Add((nodes[i], RdfRest, i + 1 < nodes.Length ? nodes[i + 1] : RdfNil));
            listTriples.AddRange(embedded);
        }
        return nodes[0];
    }
}

/// <summary>Canonical lexical forms of xsd:double and xsd:integer as JSON-LD writes them (API §8.6).</summary>
internal static class XsdNumbers
{
    /// <summary>Like ECMAScript <c>toExponential(15)</c> with trailing mantissa zeros removed and <c>e+</c> as <c>E</c>: "1.1E0".</summary>
    public static string Double(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }
        if (double.IsInfinity(d))
        {
            return d > 0 ? "INF" : "-INF";
        }
        if (d == 0)
        {
            return "0.0E0";
        }
        // Exact decimal expansion, then round half up at 16 significant digits (as JavaScript does).
        var exact = Math.Abs(d).ToString("E770", CultureInfo.InvariantCulture);
        var e = exact.IndexOf('E', StringComparison.Ordinal);
        var exponent = int.Parse(exact.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        Span<char> digits = stackalloc char[17];
        digits[0] = '0';
        digits[1] = exact[0];
        for (var i = 1; i < 16; i++)
        {
            digits[i + 1] = exact[i + 1]; // skip the '.'
        }
        if (exact[17] >= '5')
        {
            var k = 16;
            while (true)
            {
                if (digits[k] == '9')
                {
                    digits[k] = '0';
                    k--;
                }
                else
                {
                    digits[k]++;
                    break;
                }
            }
        }
        ReadOnlySpan<char> mant = digits;
        if (digits[0] == '0')
        {
            mant = digits[1..];
        }
        else
        {
            exponent++;
            mant = digits[..16];
        }
        var end = mant.Length;
        while (end > 2 && mant[end - 1] == '0')
        {
            end--;
        }
        var sb = new System.Text.StringBuilder(24);
        if (d < 0)
        {
            sb.Append('-');
        }
        sb.Append(mant[0]).Append('.');
        sb.Append(mant[1..end]);
        sb.Append('E').Append(exponent.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>The integer digits of an integral double ("-0" becomes "0").</summary>
    public static string Integer(double d)
    {
        if (d == 0)
        {
            return "0";
        }
        return d.ToString("F0", CultureInfo.InvariantCulture);
    }
}
