namespace OpenBadgesIssuer.Standards.JsonLd;

/// <summary>IRI Expansion (JSON-LD 1.1 API §5.2).</summary>
internal static class IriExpansion
{
    public static string? Expand(ActiveContext active, string? value, bool documentRelative, bool vocab) =>
        Expand(active, value, documentRelative, vocab, null, null, null);

    public static string? Expand(
        ActiveContext active,
        string? value,
        bool documentRelative,
        bool vocab,
        JObj? localContext,
        Dictionary<string, bool>? defined,
        ContextProcessor? processor)
    {
        // Step 1-2.
        if (value is null || Keywords.IsKeyword(value))
        {
            return value;
        }
        if (Iri.HasKeywordForm(value))
        {
            return null;
        }
        // Step 3.
        if (localContext is not null && processor is not null && localContext.ContainsKey(value)
            && (defined is null || !defined.TryGetValue(value, out var done) || !done))
        {
            processor.CreateTermDefinition(active, localContext, value, defined!);
        }
        // Steps 4-5.
        var def = active.Get(value);
        if (def is not null)
        {
            if (def.Iri is not null && Keywords.IsKeyword(def.Iri))
            {
                return def.Iri;
            }
            if (vocab)
            {
                return def.Iri;
            }
        }
        // Step 6.
        var colon = value.Length > 1 ? value.IndexOf(':', 1) : -1;
        if (colon > 0)
        {
            var prefix = value[..colon];
            if (string.Equals(prefix, "_", StringComparison.Ordinal)
                || (value.Length > colon + 2 && value[colon + 1] == '/' && value[colon + 2] == '/'))
            {
                return value;
            }
            if (localContext is not null && processor is not null && localContext.ContainsKey(prefix)
                && (defined is null || !defined.TryGetValue(prefix, out var pdone) || !pdone))
            {
                processor.CreateTermDefinition(active, localContext, prefix, defined!);
            }
            var pdef = active.Get(prefix);
            if (pdef is not null && pdef.Iri is not null && pdef.Prefix)
            {
                return string.Concat(pdef.Iri, value.AsSpan(colon + 1));
            }
            if (Iri.IsAbsolute(value))
            {
                return value;
            }
        }
        // Steps 7-8.
        if (vocab && active.Vocab is not null)
        {
            return active.Vocab + value;
        }
        if (documentRelative)
        {
            return Iri.Resolve(active.BaseIri, value);
        }
        return value;
    }
}

/// <summary>The JSON-LD keywords.</summary>
internal static class Keywords
{
    private static readonly HashSet<string> All = new(StringComparer.Ordinal)
    {
        "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit", "@graph", "@id", "@import",
        "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@omitDefault", "@prefix", "@preserve",
        "@protected", "@propagate", "@requireAll", "@reverse", "@set", "@type", "@value", "@version", "@vocab",
    };

    public static bool IsKeyword(string s) => s.Length > 1 && s[0] == '@' && All.Contains(s);
}

/// <summary>Context Processing and Create Term Definition (JSON-LD 1.1 API §4.1, §4.2), with the transition cache.</summary>
internal sealed class ContextProcessor
{
    private const int MaxRemoteDepth = 32;
    private const int MaxTransitions = 1024;
    private readonly IDocumentLoader _loader;

    public ContextProcessor(IDocumentLoader loader)
    {
        _loader = loader;
    }

    /// <summary>Context Processing entry point with caching of the transition when the inputs are immutable.</summary>
    public ActiveContext Process(
        ActiveContext active,
        object? localContext,
        string? baseUrl,
        bool overrideProtected = false,
        bool propagate = true)
    {
        var key = active.Shareable ? CacheKeyOf(localContext) : null;
        if (key is null)
        {
            return Process(active, localContext, baseUrl, RemoteStack.Empty, overrideProtected, propagate, validateScoped: true);
        }
        // Absolute context URLs do not depend on the base URL: leave it out of the key so that per-request document
        // URLs cannot multiply the cache entries.
        var keyBase = (key is string && OnlyAbsoluteUrls(localContext)) || ReferenceEquals(key, NullKey) ? null : baseUrl;
        var tk = new TransitionKey(key, keyBase, overrideProtected, propagate);
        var transitions = active.Transitions;
        if (transitions.TryGetValue(tk, out var hit))
        {
            return hit;
        }
        var result = Process(active, localContext, baseUrl, RemoteStack.Empty, overrideProtected, propagate, validateScoped: true);
        if (transitions.Count >= MaxTransitions)
        {
            // Safety net against unbounded growth (e.g. many distinct relative context URLs): stop caching here.
            return result;
        }
        if (!ReferenceEquals(result, active))
        {
            result.Shareable = true;
        }
        transitions.TryAdd(tk, result);
        return result;
    }

    private static bool OnlyAbsoluteUrls(object? local)
    {
        if (local is string s)
        {
            return Iri.IsAbsolute(s);
        }
        if (local is JArr a)
        {
            foreach (var item in a)
            {
                if (item is not string u || !Iri.IsAbsolute(u))
                {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    // Identity usable as cache key: immutable context-document nodes by reference, URLs (and lists of URLs) by value,
    // null by a marker. Inline contexts of the processed document are not cached.
    private static readonly object NullKey = new();

    private static object? CacheKeyOf(object? local)
    {
        switch (local)
        {
            case null:
                return NullKey;
            case string s:
                return s;
            case JObj o when o.IsStatic:
                return o;
            case JArr a when a.IsStatic:
                return a;
            case JArr a:
                {
                    var sb = new System.Text.StringBuilder("\u0001");
                    foreach (var item in a)
                    {
                        if (item is not string u)
                        {
                            return null;
                        }
                        sb.Append(u).Append('\u0001');
                    }
                    return sb.ToString();
                }
            default:
                return null;
        }
    }

    internal sealed class RemoteStack
    {
        public static readonly RemoteStack Empty = new(null, null, 0);

        private RemoteStack(string? url, RemoteStack? next, int depth)
        {
            Url = url;
            Next = next;
            Depth = depth;
        }

        public string? Url { get; }
        public RemoteStack? Next { get; }
        public int Depth { get; }
        public bool IsEmpty => Depth == 0;

        public bool Contains(string url)
        {
            for (var s = this; s is not null && s.Url is not null; s = s.Next)
            {
                if (string.Equals(s.Url, url, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            return false;
        }

        public RemoteStack Push(string url) => new(url, this, Depth + 1);
    }

    private ActiveContext Process(
        ActiveContext active,
        object? localContext,
        string? baseUrl,
        RemoteStack remote,
        bool overrideProtected,
        bool propagate,
        bool validateScoped)
    {
        // Step 1-3 (copy on write: the copy is made where the first change happens).
        var result = active;
        if (localContext is JObj lc && lc.TryGetValue("@propagate", out var pv))
        {
            if (pv is not bool pb)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidPropagateValue, "@propagate must be true or false.");
            }
            propagate = pb;
        }
        if (!propagate && result.PreviousContext is null)
        {
            result = active.Clone();
            result.PreviousContext = active;
        }
        // Step 4-5.
        if (localContext is JArr list)
        {
            foreach (var item in list)
            {
                result = ProcessOne(active, result, item, baseUrl, remote, overrideProtected, propagate, validateScoped);
            }
        }
        else
        {
            result = ProcessOne(active, result, localContext, baseUrl, remote, overrideProtected, propagate, validateScoped);
        }
        return result;
    }

    private ActiveContext ProcessOne(
        ActiveContext active,
        ActiveContext result,
        object? context,
        string? baseUrl,
        RemoteStack remote,
        bool overrideProtected,
        bool propagate,
        bool validateScoped)
    {
        // Step 5.1: null.
        if (context is null)
        {
            if (!overrideProtected && result.HasProtectedTerms())
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContextNullification, "A context with protected terms cannot be cleared with null.");
            }
            var fresh = new ActiveContext(active.OriginalBaseUrl, active.OriginalBaseUrl, active.JsonLd10);
            if (!propagate)
            {
                fresh.PreviousContext = result;
            }
            return fresh;
        }
        // Step 5.2: remote context.
        if (context is string reference)
        {
            var url = Iri.Resolve(baseUrl, reference);
            if (!Iri.IsAbsolute(url))
            {
                throw new JsonLdException(JsonLdErrorCode.LoadingRemoteContextFailed, "The context reference '" + reference + "' cannot be resolved to an absolute URL.");
            }
            if (!validateScoped && remote.Contains(url))
            {
                return result;
            }
            if (remote.Contains(url) || remote.Depth >= MaxRemoteDepth)
            {
                throw new JsonLdException(JsonLdErrorCode.RecursiveContextInclusion, "The context '" + url + "' includes itself.");
            }
            var loaded = LoaderCache.Load(_loader, url);
            var inner = remote.Push(url);
            // Transitions through cached remote documents are cached too (the loaded tree is immutable).
            if (result.Shareable && validateScoped && loaded.Context is JObj or JArr)
            {
                var key = new TransitionKey(loaded.Context!, loaded.DocumentUrl, overrideProtected, Propagate: true);
                if (result.Transitions.TryGetValue(key, out var hit))
                {
                    return hit;
                }
                var computed = Process(result, loaded.Context, loaded.DocumentUrl, inner, overrideProtected, propagate: true, validateScoped);
                computed.Shareable = true;
                result.Transitions.TryAdd(key, computed);
                return computed;
            }
            return Process(result, loaded.Context, loaded.DocumentUrl, inner, overrideProtected, propagate: true, validateScoped);
        }
        // Step 5.3.
        if (context is not JObj ctx)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidLocalContext, "A local context must be null, a string or a map.");
        }
        if (ReferenceEquals(result, active) || result.Shareable)
        {
            // Never mutate a context that might be shared.
            result = result.Clone();
        }
        // Step 5.5: @version.
        if (ctx.TryGetValue("@version", out var version))
        {
            if (version is not double d || d != 1.1)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidVersionValue, "@version must be the number 1.1.");
            }
            if (result.JsonLd10)
            {
                throw new JsonLdException(JsonLdErrorCode.ProcessingModeConflict, "@version 1.1 in json-ld-1.0 processing mode.");
            }
        }
        // Step 5.6: @import.
        if (ctx.TryGetValue("@import", out var import))
        {
            if (result.JsonLd10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContextEntry, "@import is not supported in json-ld-1.0 mode.");
            }
            if (import is not string importRef)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidImportValue, "@import must be a string.");
            }
            var importUrl = Iri.Resolve(baseUrl, importRef);
            var loaded = LoaderCache.Load(_loader, importUrl);
            if (loaded.Context is not JObj importContext)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidRemoteContext, "The imported context must be a map.");
            }
            if (importContext.ContainsKey("@import"))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContextEntry, "An imported context must not itself contain @import.");
            }
            var merged = importContext.ShallowClone();
            for (var i = 0; i < ctx.Count; i++)
            {
                merged.Set(ctx.KeyAt(i), ctx.ValueAt(i));
            }
            ctx = merged;
        }
        // Step 5.7: @base (ignored inside remote contexts).
        if (ctx.TryGetValue("@base", out var baseValue) && remote.IsEmpty)
        {
            if (baseValue is null)
            {
                result.BaseIri = null;
            }
            else if (baseValue is string bs)
            {
                if (Iri.IsAbsolute(bs))
                {
                    result.BaseIri = bs;
                }
                else if (result.BaseIri is not null)
                {
                    result.BaseIri = Iri.Resolve(result.BaseIri, bs);
                }
                else
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidBaseIri, "A relative @base needs a base IRI.");
                }
            }
            else
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidBaseIri, "@base must be a string or null.");
            }
        }
        // Step 5.8: @vocab.
        if (ctx.TryGetValue("@vocab", out var vocab))
        {
            if (vocab is null)
            {
                result.Vocab = null;
            }
            else if (vocab is string vs)
            {
                if (!Iri.IsAbsolute(vs) && !Iri.IsBlankNode(vs) && result.JsonLd10)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidVocabMapping, "@vocab must be an absolute IRI in json-ld-1.0 mode.");
                }
                var expanded = IriExpansion.Expand(result, vs, documentRelative: true, vocab: true);
                if (expanded is null || Keywords.IsKeyword(expanded))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidVocabMapping, "@vocab must expand to an IRI or blank node identifier.");
                }
                result.Vocab = expanded;
            }
            else
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidVocabMapping, "@vocab must be a string or null.");
            }
        }
        // Step 5.9: @language.
        if (ctx.TryGetValue("@language", out var language))
        {
            if (language is null)
            {
                result.DefaultLanguage = null;
            }
            else if (language is string ls)
            {
                result.DefaultLanguage = ls;
            }
            else
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidDefaultLanguage, "@language must be a string or null.");
            }
        }
        // Step 5.10: @direction.
        if (ctx.TryGetValue("@direction", out var direction))
        {
            if (result.JsonLd10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContextEntry, "@direction is not supported in json-ld-1.0 mode.");
            }
            if (direction is null)
            {
                result.DefaultDirection = null;
            }
            else if (direction is string ds && (string.Equals(ds, "ltr", StringComparison.Ordinal) || string.Equals(ds, "rtl", StringComparison.Ordinal)))
            {
                result.DefaultDirection = ds;
            }
            else
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidBaseDirection, "@direction must be \"ltr\", \"rtl\" or null.");
            }
        }
        // Step 5.11: @propagate.
        if (ctx.TryGetValue("@propagate", out var prop))
        {
            if (result.JsonLd10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContextEntry, "@propagate is not supported in json-ld-1.0 mode.");
            }
            if (prop is not bool)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidPropagateValue, "@propagate must be true or false.");
            }
        }
        // Steps 5.12-5.13: term definitions.
        var defined = new Dictionary<string, bool>(StringComparer.Ordinal);
        var protectedFlag = false;
        if (ctx.TryGetValue("@protected", out var pr))
        {
            if (pr is not bool prb)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContextEntry, "@protected must be true or false.");
            }
            protectedFlag = prb;
        }
        var state = new TermState(baseUrl, protectedFlag, overrideProtected, remote);
        var outer = _state;
        _state = state;
        try
        {
            for (var i = 0; i < ctx.Count; i++)
            {
                var key = ctx.KeyAt(i);
                switch (key)
                {
                    case "@base":
                    case "@direction":
                    case "@import":
                    case "@language":
                    case "@propagate":
                    case "@protected":
                    case "@version":
                    case "@vocab":
                        continue;
                    default:
                        CreateTermDefinition(result, ctx, key, defined);
                        break;
                }
            }
        }
        finally
        {
            _state = outer;
        }
        return result;
    }

    private sealed record TermState(string? BaseUrl, bool Protected, bool OverrideProtected, RemoteStack Remote);

    private TermState? _state;

    /// <summary>Create Term Definition (JSON-LD 1.1 API §4.2.2).</summary>
    internal void CreateTermDefinition(ActiveContext active, JObj local, string term, Dictionary<string, bool> defined)
    {
        var state = _state ?? throw new InvalidOperationException("Term definitions are only created during context processing.");
        // Step 1.
        if (defined.TryGetValue(term, out var done))
        {
            if (done)
            {
                return;
            }
            throw new JsonLdException(JsonLdErrorCode.CyclicIriMapping, "The term '" + term + "' is defined in terms of itself.");
        }
        // Step 2.
        if (term.Length == 0)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "The empty string is not a valid term.");
        }
        defined[term] = false;
        // Step 3.
        var value = local.Get(term);
        // Step 4: @type may only be given @container @set and/or @protected.
        if (string.Equals(term, "@type", StringComparison.Ordinal))
        {
            if (active.JsonLd10)
            {
                throw new JsonLdException(JsonLdErrorCode.KeywordRedefinition, "@type cannot be redefined in json-ld-1.0 mode.");
            }
            if (value is not JObj tm || tm.Count == 0)
            {
                throw new JsonLdException(JsonLdErrorCode.KeywordRedefinition, "@type can only be given @container: @set or @protected.");
            }
            for (var i = 0; i < tm.Count; i++)
            {
                var k = tm.KeyAt(i);
                var v = tm.ValueAt(i);
                var ok = (string.Equals(k, "@container", StringComparison.Ordinal) && v is string c && string.Equals(c, "@set", StringComparison.Ordinal))
                    || (string.Equals(k, "@protected", StringComparison.Ordinal) && v is bool);
                if (!ok)
                {
                    throw new JsonLdException(JsonLdErrorCode.KeywordRedefinition, "@type can only be given @container: @set or @protected.");
                }
            }
        }
        else if (Keywords.IsKeyword(term))
        {
            // Step 5.
            throw new JsonLdException(JsonLdErrorCode.KeywordRedefinition, "The keyword '" + term + "' cannot be redefined.");
        }
        else if (Iri.HasKeywordForm(term))
        {
            // Reserved for future keywords: ignored.
            defined[term] = true;
            return;
        }
        // Step 6.
        var previous = active.Get(term);
        active.Terms.Remove(term);
        // Steps 7-9.
        JObj map;
        bool simpleTerm;
        if (value is null)
        {
            map = new JObj(1);
            map.Set("@id", null);
            simpleTerm = false;
        }
        else if (value is string s)
        {
            map = new JObj(1);
            map.Set("@id", s);
            simpleTerm = true;
        }
        else if (value is JObj m)
        {
            map = m;
            simpleTerm = false;
        }
        else
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "The definition of '" + term + "' must be null, a string or a map.");
        }
        // Step 10-11.
        var def = new TermDefinition { Protected = state.Protected };
        if (map.TryGetValue("@protected", out var prot))
        {
            if (active.JsonLd10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "@protected is not supported in json-ld-1.0 mode.");
            }
            if (prot is not bool pb)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidProtectedValue, "@protected must be true or false.");
            }
            def.Protected = pb;
        }
        // Step 12: @type.
        if (map.TryGetValue("@type", out var typeValue))
        {
            if (typeValue is not string ts)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTypeMapping, "The @type of '" + term + "' must be a string.");
            }
            var type = IriExpansion.Expand(active, ts, false, true, local, defined, this);
            if (type is "@json" or "@none" && active.JsonLd10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTypeMapping, "@json and @none type mappings need json-ld-1.1.");
            }
            if (type is null || (type is not ("@id" or "@json" or "@none" or "@vocab") && !Iri.IsAbsolute(type)))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTypeMapping, "The @type of '" + term + "' must be @id, @json, @none, @vocab or an IRI.");
            }
            def.TypeMapping = type;
        }
        // Step 13: @reverse.
        if (map.TryGetValue("@reverse", out var reverseValue))
        {
            if (map.ContainsKey("@id") || map.ContainsKey("@nest"))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidReverseProperty, "A reverse property cannot have @id or @nest.");
            }
            if (reverseValue is not string rs)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, "@reverse must be a string.");
            }
            if (Iri.HasKeywordForm(rs))
            {
                defined[term] = true;
                return;
            }
            var iri = IriExpansion.Expand(active, rs, false, true, local, defined, this);
            if (iri is null || (!Iri.IsAbsolute(iri) && !Iri.IsBlankNode(iri)))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, "@reverse of '" + term + "' must expand to an IRI.");
            }
            def.Iri = iri;
            if (map.TryGetValue("@container", out var rc))
            {
                if (rc is null)
                {
                    def.HasContainer = false;
                }
                else if (rc is string rcs && rcs is "@set" or "@index")
                {
                    def.Container = rcs == "@set" ? Container.Set : Container.Index;
                    def.HasContainer = true;
                }
                else
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidReverseProperty, "A reverse property's container must be @set, @index or null.");
                }
            }
            def.Reverse = true;
            FinishTerm(active, local, term, defined, map, def, previous, state);
            return;
        }
        // Step 14: @id.
        if (map.TryGetValue("@id", out var idValue) && !(idValue is string same && string.Equals(same, term, StringComparison.Ordinal)))
        {
            if (idValue is null)
            {
                // Step 14.1: not used for IRI expansion.
            }
            else if (idValue is not string ids)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, "@id of '" + term + "' must be a string.");
            }
            else
            {
                if (!Keywords.IsKeyword(ids) && Iri.HasKeywordForm(ids))
                {
                    defined[term] = true;
                    return;
                }
                var iri = IriExpansion.Expand(active, ids, false, true, local, defined, this);
                if (iri is null || (!Keywords.IsKeyword(iri) && !Iri.IsAbsolute(iri) && !Iri.IsBlankNode(iri)))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, "@id of '" + term + "' must expand to a keyword, an IRI or a blank node.");
                }
                if (string.Equals(iri, "@context", StringComparison.Ordinal))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidKeywordAlias, "@context cannot be aliased.");
                }
                def.Iri = iri;
                var innerColon = term.IndexOf(':', 1);
                if ((innerColon > 0 && innerColon < term.Length - 1) || term.Contains('/', StringComparison.Ordinal))
                {
                    defined[term] = true;
                    var self = IriExpansion.Expand(active, term, false, true, local, defined, this);
                    if (!string.Equals(self, iri, StringComparison.Ordinal))
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, "The term '" + term + "' looks like an IRI that differs from its @id.");
                    }
                }
                if (!term.Contains(':', StringComparison.Ordinal) && !term.Contains('/', StringComparison.Ordinal) && simpleTerm
                    && (Iri.IsBlankNode(iri) || (Iri.EndsWithGenDelim(iri) && !Keywords.IsKeyword(iri))))
                {
                    def.Prefix = true;
                }
            }
        }
        else
        {
            var colon = term.IndexOf(':', 1);
            if (colon > 0)
            {
                // Step 15: compact IRI or absolute IRI.
                var prefix = term[..colon];
                if (local.ContainsKey(prefix))
                {
                    CreateTermDefinition(active, local, prefix, defined);
                }
                var pdef = active.Get(prefix);
                def.Iri = pdef?.Iri is not null ? string.Concat(pdef.Iri, term.AsSpan(colon + 1)) : term;
            }
            else if (term.Contains('/', StringComparison.Ordinal))
            {
                // Step 16: relative IRI.
                var iri = IriExpansion.Expand(active, term, false, true);
                if (iri is null || !Iri.IsAbsolute(iri))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, "The term '" + term + "' does not expand to an IRI.");
                }
                def.Iri = iri;
            }
            else if (string.Equals(term, "@type", StringComparison.Ordinal))
            {
                def.Iri = "@type";
            }
            else if (active.Vocab is not null)
            {
                def.Iri = active.Vocab + term;
            }
            else
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, "The term '" + term + "' has no @id and there is no @vocab.");
            }
        }
        FinishTerm(active, local, term, defined, map, def, previous, state);
    }

    // Steps 19-28 (also used for reverse properties, where steps 20-25 cannot apply because of the checks in step 26).
    private void FinishTerm(
        ActiveContext active,
        JObj local,
        string term,
        Dictionary<string, bool> defined,
        JObj map,
        TermDefinition def,
        TermDefinition? previous,
        TermState state)
    {
        // Step 19: @container.
        if (!def.Reverse && map.TryGetValue("@container", out var containerValue))
        {
            def.Container = ParseContainer(containerValue, active.JsonLd10);
            def.HasContainer = true;
            if ((def.Container & Container.Type) != 0)
            {
                def.TypeMapping ??= "@id";
                if (def.TypeMapping is not ("@id" or "@vocab"))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidTypeMapping, "A type map's @type must be @id or @vocab.");
                }
            }
        }
        // Step 20: @index.
        if (map.TryGetValue("@index", out var indexValue))
        {
            if (active.JsonLd10 || (def.Container & Container.Index) == 0)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "@index needs an @index container (json-ld-1.1).");
            }
            if (indexValue is not string ix || Keywords.IsKeyword(ix))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "@index must be a string that is not a keyword.");
            }
            var expandedIndex = IriExpansion.Expand(active, ix, false, true, local, defined, this);
            if (expandedIndex is null || !Iri.IsAbsolute(expandedIndex))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "@index must expand to an IRI.");
            }
            def.Index = ix;
        }
        // Step 21: scoped context.
        if (map.TryGetValue("@context", out var scoped))
        {
            if (active.JsonLd10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "Scoped contexts need json-ld-1.1.");
            }
            var saved = _state;
            try
            {
                Process(active, scoped, state.BaseUrl, state.Remote, overrideProtected: true, propagate: true, validateScoped: false);
            }
            catch (JsonLdException e)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidScopedContext, "The scoped context of '" + term + "' is invalid: " + e.Message, e);
            }
            finally
            {
                _state = saved;
            }
            def.HasLocalContext = true;
            def.LocalContext = scoped;
            def.BaseUrl = state.BaseUrl;
        }
        // Step 22: @language.
        if (map.TryGetValue("@language", out var lang) && !map.ContainsKey("@type"))
        {
            if (lang is not null and not string)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidLanguageMapping, "@language must be a string or null.");
            }
            def.HasLanguage = true;
            def.Language = (string?)lang;
        }
        // Step 23: @direction.
        if (map.TryGetValue("@direction", out var dir) && !map.ContainsKey("@type"))
        {
            if (dir is not null && !(dir is string ds && (string.Equals(ds, "ltr", StringComparison.Ordinal) || string.Equals(ds, "rtl", StringComparison.Ordinal))))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidBaseDirection, "@direction must be \"ltr\", \"rtl\" or null.");
            }
            def.HasDirection = true;
            def.Direction = (string?)dir;
        }
        // Step 24: @nest.
        if (map.TryGetValue("@nest", out var nest))
        {
            if (active.JsonLd10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "@nest needs json-ld-1.1.");
            }
            if (nest is not string ns || (Keywords.IsKeyword(ns) && !string.Equals(ns, "@nest", StringComparison.Ordinal)))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidNestValue, "@nest must be a term or @nest.");
            }
            def.Nest = ns;
        }
        // Step 25: @prefix.
        if (map.TryGetValue("@prefix", out var prefixValue))
        {
            if (active.JsonLd10 || term.Contains(':', StringComparison.Ordinal) || term.Contains('/', StringComparison.Ordinal))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "@prefix is not allowed here.");
            }
            if (prefixValue is not bool pfx)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidPrefixValue, "@prefix must be true or false.");
            }
            def.Prefix = pfx;
            if (pfx && def.Iri is not null && Keywords.IsKeyword(def.Iri))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "A keyword alias cannot be a prefix.");
            }
        }
        // Step 26.
        for (var i = 0; i < map.Count; i++)
        {
            switch (map.KeyAt(i))
            {
                case "@id":
                case "@reverse":
                case "@container":
                case "@context":
                case "@direction":
                case "@index":
                case "@language":
                case "@nest":
                case "@prefix":
                case "@protected":
                case "@type":
                    break;
                default:
                    throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "The definition of '" + term + "' has an unknown entry '" + map.KeyAt(i) + "'.");
            }
        }
        // Step 27: protected terms.
        if (!state.OverrideProtected && previous is not null && previous.Protected)
        {
            if (!def.SameAs(previous))
            {
                throw new JsonLdException(JsonLdErrorCode.ProtectedTermRedefinition, "The protected term '" + term + "' cannot be redefined.");
            }
            def = previous;
        }
        // Step 28.
        active.Terms[term] = def;
        defined[term] = true;
    }

    private static Container ParseContainer(object? value, bool jsonLd10)
    {
        if (value is string single)
        {
            var c = KeywordContainer(single);
            if (jsonLd10 && c is Container.Graph or Container.Id or Container.Type)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContainerMapping, "This container needs json-ld-1.1.");
            }
            return c;
        }
        if (value is not JArr list || jsonLd10)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidContainerMapping, "@container must be a keyword or an array of keywords.");
        }
        var flags = Container.None;
        foreach (var item in list)
        {
            if (item is not string s)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContainerMapping, "@container entries must be strings.");
            }
            var c = KeywordContainer(s);
            if ((flags & c) != 0)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContainerMapping, "Duplicate @container entry.");
            }
            flags |= c;
        }
        var withoutSet = flags & ~Container.Set;
        var valid = list.Count == 1
            || (flags & Container.List) == 0 && (
                ((withoutSet & Container.Graph) != 0 && (withoutSet & ~(Container.Graph | Container.Id | Container.Index)) == 0
                    && (withoutSet & (Container.Id | Container.Index)) != (Container.Id | Container.Index))
                || ((flags & Container.Set) != 0 && BitCount(withoutSet) <= 1));
        if (!valid)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidContainerMapping, "Invalid combination of @container keywords.");
        }
        return flags;
    }

    private static int BitCount(Container c) => System.Numerics.BitOperations.PopCount((uint)c);

    private static Container KeywordContainer(string s) => s switch
    {
        "@list" => Container.List,
        "@set" => Container.Set,
        "@index" => Container.Index,
        "@id" => Container.Id,
        "@type" => Container.Type,
        "@language" => Container.Language,
        "@graph" => Container.Graph,
        _ => throw new JsonLdException(JsonLdErrorCode.InvalidContainerMapping, "Unknown @container keyword '" + s + "'."),
    };
}
