namespace OpenBadgesIssuer.Standards.JsonLd;

/// <summary>The Expansion algorithm (JSON-LD 1.1 API §5.1) and Value Expansion (§5.3).</summary>
internal sealed class Expander
{
    private readonly ContextProcessor _contexts;
    private readonly bool _safe;
    private readonly bool _jsonLd10;

    public Expander(ContextProcessor contexts, bool safe, bool jsonLd10)
    {
        _contexts = contexts;
        _safe = safe;
        _jsonLd10 = jsonLd10;
    }

    private void Dropped(string what)
    {
        if (_safe)
        {
            throw new JsonLdException(JsonLdErrorCode.SafeModeViolation, what);
        }
    }

    private static bool IsValueObject(object? o) => o is JObj m && m.ContainsKey("@value");

    private static bool IsListObject(object? o) => o is JObj m && m.ContainsKey("@list");

    private static bool IsGraphObject(object? o)
    {
        if (o is not JObj m || !m.ContainsKey("@graph"))
        {
            return false;
        }
        for (var i = 0; i < m.Count; i++)
        {
            if (m.KeyAt(i) is not ("@graph" or "@id" or "@index" or "@context"))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsNodeObject(object? o) =>
        o is JObj m && !m.ContainsKey("@value") && !m.ContainsKey("@list") && !m.ContainsKey("@set");

    internal static void AddValue(JObj obj, string key, object? value, bool asArray)
    {
        if (value is JArr arr)
        {
            if (arr.Count == 0 && asArray && !obj.ContainsKey(key))
            {
                obj.Set(key, new JArr());
            }
            foreach (var v in arr)
            {
                AddValue(obj, key, v, asArray);
            }
            return;
        }
        if (obj.TryGetValue(key, out var existing))
        {
            if (existing is not JArr list)
            {
                list = new JArr(2) { existing };
                obj.Set(key, list);
            }
            list.Add(value);
        }
        else
        {
            obj.Set(key, asArray ? new JArr(1) { value } : value);
        }
    }

    private static JArr AsArray(object? value) => value as JArr ?? new JArr(1) { value };

    /// <summary>Expansion algorithm entry.</summary>
    public object? Expand(ActiveContext active, string? activeProperty, object? element, string? baseUrl, bool fromMap = false)
    {
        // Step 1.
        if (element is null)
        {
            return null;
        }
        // Step 3.
        var propertyDef = activeProperty is null ? null : active.Get(activeProperty);
        var hasScoped = propertyDef is not null && propertyDef.HasLocalContext;
        // Step 4: scalars.
        if (element is not JObj && element is not JArr)
        {
            if (activeProperty is null || string.Equals(activeProperty, "@graph", StringComparison.Ordinal))
            {
                Dropped("A free-floating value would be dropped.");
                return null;
            }
            if (hasScoped)
            {
                active = _contexts.Process(active, propertyDef!.LocalContext, propertyDef.BaseUrl, overrideProtected: true);
            }
            return ExpandValue(active, activeProperty, element);
        }
        // Step 5: arrays.
        if (element is JArr array)
        {
            var result = new JArr(array.Count);
            var isList = propertyDef is not null && (propertyDef.Container & Container.List) != 0;
            foreach (var item in array)
            {
                var expandedItem = Expand(active, activeProperty, item, baseUrl, fromMap);
                if (isList && expandedItem is JArr nested)
                {
                    if (_jsonLd10)
                    {
                        throw new JsonLdException(JsonLdErrorCode.ListOfLists, "Lists of lists need json-ld-1.1.");
                    }
                    var listObj = new JObj(1);
                    listObj.Set("@list", nested);
                    expandedItem = listObj;
                }
                if (expandedItem is JArr items)
                {
                    result.AddRange(items);
                }
                else if (expandedItem is not null)
                {
                    result.Add(expandedItem);
                }
            }
            return result;
        }
        var element0 = (JObj)element;
        // Step 7: revert a non-propagated (type-scoped) context when entering a new node object.
        if (active.PreviousContext is not null && !fromMap)
        {
            var isValue = false;
            var onlyId = element0.Count == 1;
            for (var i = 0; i < element0.Count; i++)
            {
                var ek = ExpandKey(active, element0.KeyAt(i));
                if (string.Equals(ek, "@value", StringComparison.Ordinal))
                {
                    isValue = true;
                    break;
                }
                if (!string.Equals(ek, "@id", StringComparison.Ordinal))
                {
                    onlyId = false;
                }
            }
            if (!isValue && !onlyId)
            {
                active = active.PreviousContext;
            }
        }
        // Step 8: property-scoped context.
        if (hasScoped)
        {
            active = _contexts.Process(active, propertyDef!.LocalContext, propertyDef.BaseUrl, overrideProtected: true);
        }
        // Step 9: embedded context.
        if (element0.TryGetValue("@context", out var embedded))
        {
            active = _contexts.Process(active, embedded, baseUrl);
        }
        // Step 10.
        var typeScoped = active;
        // Step 11: type-scoped contexts, keys and values in code point order.
        string? inputType = null;
        string? firstTypeKey = null;
        List<string>? typeKeys = null;
        for (var i = 0; i < element0.Count; i++)
        {
            var k = element0.KeyAt(i);
            if (string.Equals(ExpandKey(active, k), "@type", StringComparison.Ordinal))
            {
                (typeKeys ??= new List<string>(1)).Add(k);
            }
        }
        if (typeKeys is not null)
        {
            if (typeKeys.Count > 1)
            {
                typeKeys.Sort(CodePointComparer.Instance);
            }
            firstTypeKey = typeKeys[0];
            foreach (var tk in typeKeys)
            {
                var tv = element0.Get(tk);
                if (tv is JArr tarr)
                {
                    if (tarr.Count > 1)
                    {
                        var terms = new List<string>(tarr.Count);
                        foreach (var t in tarr)
                        {
                            if (t is string ts)
                            {
                                terms.Add(ts);
                            }
                        }
                        terms.Sort(CodePointComparer.Instance);
                        foreach (var t in terms)
                        {
                            active = ApplyTypeScoped(active, typeScoped, t);
                        }
                    }
                    else if (tarr.Count == 1 && tarr[0] is string only)
                    {
                        active = ApplyTypeScoped(active, typeScoped, only);
                    }
                }
                else if (tv is string ts)
                {
                    active = ApplyTypeScoped(active, typeScoped, ts);
                }
            }
            // Step 12: input type = expansion of the last value of the first @type entry.
            var first = element0.Get(firstTypeKey);
            var last = first is JArr fa ? (fa.Count > 0 ? fa[^1] : null) : first;
            if (last is string ls)
            {
                inputType = IriExpansion.Expand(active, ls, documentRelative: true, vocab: true);
            }
        }
        var resultMap = new JObj(element0.Count + 1);
        List<string>? nests = null;
        ExpandEntries(active, typeScoped, activeProperty, element0, resultMap, ref nests, inputType, baseUrl);
        // Step 14: nested properties.
        if (nests is not null)
        {
            ExpandNests(active, typeScoped, activeProperty, element0, resultMap, nests, inputType, baseUrl);
        }
        return FinishNode(resultMap, activeProperty, inputType);
    }

    private string? ExpandKey(ActiveContext active, string key) =>
        Keywords.IsKeyword(key) ? key : active.ExpandVocab(key);

    private ActiveContext ApplyTypeScoped(ActiveContext active, ActiveContext typeScoped, string term)
    {
        var def = typeScoped.Get(term);
        if (def is not null && def.HasLocalContext)
        {
            return _contexts.Process(active, def.LocalContext, def.BaseUrl, overrideProtected: false, propagate: false);
        }
        return active;
    }

    private void ExpandNests(ActiveContext active, ActiveContext typeScoped, string? activeProperty, JObj element, JObj result, List<string> nests, string? inputType, string? baseUrl)
    {
        foreach (var nestingKey in nests)
        {
            var nestedValues = AsArray(element.Get(nestingKey));
            foreach (var nestedValue in nestedValues)
            {
                if (nestedValue is not JObj nv)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidNestValue, "Nested values must be maps.");
                }
                var nestDef = active.Get(nestingKey);
                var nestActive = active;
                if (nestDef is not null && nestDef.HasLocalContext)
                {
                    nestActive = _contexts.Process(active, nestDef.LocalContext, nestDef.BaseUrl, overrideProtected: true);
                }
                for (var i = 0; i < nv.Count; i++)
                {
                    if (string.Equals(ExpandKey(nestActive, nv.KeyAt(i)), "@value", StringComparison.Ordinal))
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidNestValue, "A nested value cannot be a value object.");
                    }
                }
                List<string>? inner = null;
                ExpandEntries(nestActive, typeScoped, activeProperty, nv, result, ref inner, inputType, baseUrl);
                if (inner is not null)
                {
                    ExpandNests(nestActive, typeScoped, activeProperty, nv, result, inner, inputType, baseUrl);
                }
            }
        }
    }

    // Step 13 of the Expansion algorithm.
    private void ExpandEntries(
        ActiveContext active,
        ActiveContext typeScoped,
        string? activeProperty,
        JObj element,
        JObj result,
        ref List<string>? nests,
        string? inputType,
        string? baseUrl)
    {
        for (var ei = 0; ei < element.Count; ei++)
        {
            var key = element.KeyAt(ei);
            var value = element.ValueAt(ei);
            // 13.1.
            if (string.Equals(key, "@context", StringComparison.Ordinal))
            {
                continue;
            }
            // 13.2-13.3.
            var expandedProperty = ExpandKey(active, key);
            var isKeyword = expandedProperty is not null && Keywords.IsKeyword(expandedProperty);
            if (expandedProperty is null || (!isKeyword && !expandedProperty.Contains(':', StringComparison.Ordinal)))
            {
                Dropped("The property '" + key + "' does not expand to an absolute IRI or keyword.");
                continue;
            }
            if (isKeyword)
            {
                ExpandKeywordEntry(active, typeScoped, activeProperty, key, expandedProperty!, value, result, ref nests, inputType, baseUrl);
                continue;
            }
            if (_safe && !Iri.IsAbsolute(expandedProperty!) && !Iri.IsBlankNode(expandedProperty!))
            {
                Dropped("The property '" + key + "' does not expand to an absolute IRI.");
            }
            // 13.5.
            var keyDef = active.Get(key);
            var container = keyDef?.Container ?? Container.None;
            object? expandedValue;
            if (keyDef is not null && string.Equals(keyDef.TypeMapping, "@json", StringComparison.Ordinal))
            {
                // 13.6.
                var json = new JObj(2);
                json.Set("@value", value);
                json.Set("@type", "@json");
                expandedValue = json;
            }
            else if ((container & Container.Language) != 0 && value is JObj languageMap)
            {
                // 13.7.
                var list = new JArr(languageMap.Count);
                var direction = active.DefaultDirection;
                if (keyDef!.HasDirection)
                {
                    direction = keyDef.Direction;
                }
                for (var li = 0; li < languageMap.Count; li++)
                {
                    var language = languageMap.KeyAt(li);
                    foreach (var item in AsArray(languageMap.ValueAt(li)))
                    {
                        if (item is null)
                        {
                            continue;
                        }
                        if (item is not string)
                        {
                            throw new JsonLdException(JsonLdErrorCode.InvalidLanguageMapValue, "Language map values must be strings.");
                        }
                        var v = new JObj(3);
                        v.Set("@value", item);
                        if (!string.Equals(language, "@none", StringComparison.Ordinal)
                            && !string.Equals(ExpandKey(active, language), "@none", StringComparison.Ordinal))
                        {
                            if (_safe && !LanguageTag.IsWellFormed(language))
                            {
                                Dropped("The language tag '" + language + "' is not well-formed.");
                            }
                            v.Set("@language", language);
                        }
                        if (direction is not null)
                        {
                            v.Set("@direction", direction);
                        }
                        list.Add(v);
                    }
                }
                expandedValue = list;
            }
            else if ((container & (Container.Index | Container.Type | Container.Id)) != 0 && value is JObj indexMap)
            {
                // 13.8.
                expandedValue = ExpandIndexMap(active, key, keyDef!, container, indexMap, baseUrl);
            }
            else
            {
                // 13.9.
                expandedValue = Expand(active, key, value, baseUrl);
            }
            // 13.10.
            if (expandedValue is null)
            {
                continue;
            }
            // 13.11.
            if ((container & Container.List) != 0 && !IsListObject(expandedValue))
            {
                var listObj = new JObj(1);
                listObj.Set("@list", AsArray(expandedValue));
                expandedValue = listObj;
            }
            // 13.12.
            if ((container & Container.Graph) != 0 && (container & (Container.Id | Container.Index)) == 0)
            {
                var graphs = new JArr();
                foreach (var ev in AsArray(expandedValue))
                {
                    var g = new JObj(1);
                    g.Set("@graph", AsArray(ev));
                    graphs.Add(g);
                }
                expandedValue = graphs;
            }
            // 13.13-13.14.
            if (keyDef is not null && keyDef.Reverse)
            {
                if (result.Get("@reverse") is not JObj reverseMap)
                {
                    reverseMap = new JObj();
                    result.Set("@reverse", reverseMap);
                }
                foreach (var item in AsArray(expandedValue))
                {
                    if (IsValueObject(item) || IsListObject(item))
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidReversePropertyValue, "A reverse property's value must be a node object.");
                    }
                    AddValue(reverseMap, expandedProperty!, item, asArray: true);
                }
            }
            else
            {
                AddValue(result, expandedProperty!, expandedValue, asArray: true);
            }
        }
    }

    private JArr ExpandIndexMap(ActiveContext active, string key, TermDefinition keyDef, Container container, JObj value, string? baseUrl)
    {
        var expanded = new JArr(value.Count);
        var indexKey = keyDef.Index ?? "@index";
        for (var ii = 0; ii < value.Count; ii++)
        {
            var index = value.KeyAt(ii);
            var indexValue = value.ValueAt(ii);
            // 13.8.3.1-13.8.3.3.
            ActiveContext mapContext;
            if ((container & (Container.Id | Container.Type)) != 0)
            {
                mapContext = active.PreviousContext ?? active;
            }
            else
            {
                mapContext = active;
            }
            if ((container & Container.Type) != 0)
            {
                var indexDef = mapContext.Get(index);
                if (indexDef is not null && indexDef.HasLocalContext)
                {
                    mapContext = _contexts.Process(mapContext, indexDef.LocalContext, indexDef.BaseUrl);
                }
            }
            else
            {
                mapContext = active;
            }
            // 13.8.3.4.
            var expandedIndex = IriExpansion.Expand(active, index, documentRelative: false, vocab: true);
            // 13.8.3.5-13.8.3.6.
            var items = Expand(mapContext, key, AsArray(indexValue), baseUrl, fromMap: true) as JArr ?? new JArr();
            foreach (var it in items)
            {
                var item = it;
                if ((container & Container.Graph) != 0 && !IsGraphObject(item))
                {
                    var g = new JObj(1);
                    g.Set("@graph", AsArray(item));
                    item = g;
                }
                var none = string.Equals(expandedIndex, "@none", StringComparison.Ordinal);
                if ((container & Container.Index) != 0 && !string.Equals(indexKey, "@index", StringComparison.Ordinal) && !none)
                {
                    // 13.8.3.7.2: property-valued index.
                    var reExpanded = ExpandValue(active, indexKey, index);
                    var expandedIndexKey = IriExpansion.Expand(active, indexKey, documentRelative: false, vocab: true)!;
                    if (item is not JObj itemMap)
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidValueObject, "A property-valued index needs node objects.");
                    }
                    var values = new JArr { reExpanded };
                    if (itemMap.TryGetValue(expandedIndexKey, out var existing))
                    {
                        values.AddRange(AsArray(existing));
                    }
                    itemMap.Set(expandedIndexKey, values);
                    if (IsValueObject(itemMap))
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidValueObject, "A value object cannot have a property-valued index.");
                    }
                }
                else if ((container & Container.Index) != 0 && item is JObj im && !im.ContainsKey("@index") && !none)
                {
                    im.Set("@index", index);
                }
                else if ((container & Container.Id) != 0 && item is JObj idm && !idm.ContainsKey("@id") && !none)
                {
                    idm.Set("@id", IriExpansion.Expand(active, index, documentRelative: true, vocab: false));
                }
                else if ((container & Container.Type) != 0 && item is JObj tm && !none)
                {
                    var types = new JArr { expandedIndex };
                    if (tm.TryGetValue("@type", out var existingTypes))
                    {
                        types.AddRange(AsArray(existingTypes));
                    }
                    tm.Set("@type", types);
                }
                expanded.Add(item);
            }
        }
        return expanded;
    }

    private void ExpandKeywordEntry(
        ActiveContext active,
        ActiveContext typeScoped,
        string? activeProperty,
        string key,
        string expandedProperty,
        object? value,
        JObj result,
        ref List<string>? nests,
        string? inputType,
        string? baseUrl)
    {
        // 13.4.1.
        if (string.Equals(activeProperty, "@reverse", StringComparison.Ordinal))
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidReversePropertyMap, "A reverse property map cannot contain keywords.");
        }
        // 13.4.2.
        if (result.ContainsKey(expandedProperty)
            && (_jsonLd10 || expandedProperty is not ("@included" or "@type")))
        {
            throw new JsonLdException(JsonLdErrorCode.CollidingKeywords, "Two keys expand to " + expandedProperty + ".");
        }
        object? expandedValue = null;
        switch (expandedProperty)
        {
            case "@id":
                if (value is not string idString)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidIdValue, "@id must be a string.");
                }
                expandedValue = IriExpansion.Expand(active, idString, documentRelative: true, vocab: false);
                if (expandedValue is null)
                {
                    // A keyword-like @id is ignored; the entry is kept as null so that the node is not merged elsewhere.
                    Dropped("The @id '" + idString + "' is ignored.");
                    result.Set("@id", null);
                    return;
                }
                else if (_safe && !Iri.IsAbsolute((string)expandedValue) && !Iri.IsBlankNode((string)expandedValue))
                {
                    Dropped("The @id '" + idString + "' is a relative IRI reference.");
                }
                break;
            case "@type":
                {
                    if (value is string ts)
                    {
                        expandedValue = ExpandTypeValue(typeScoped, ts);
                    }
                    else if (value is JArr ta)
                    {
                        var types = new JArr(ta.Count);
                        foreach (var t in ta)
                        {
                            if (t is not string s)
                            {
                                throw new JsonLdException(JsonLdErrorCode.InvalidTypeValue, "@type values must be strings.");
                            }
                            types.Add(ExpandTypeValue(typeScoped, s));
                        }
                        expandedValue = types;
                    }
                    else
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidTypeValue, "@type must be a string or an array of strings.");
                    }
                    if (result.TryGetValue("@type", out var existingType))
                    {
                        var merged = new JArr();
                        merged.AddRange(AsArray(existingType));
                        merged.AddRange(AsArray(expandedValue));
                        expandedValue = merged;
                    }
                    break;
                }
            case "@graph":
                {
                    var g = Expand(active, "@graph", value, baseUrl);
                    expandedValue = AsArray(g);
                    break;
                }
            case "@included":
                {
                    if (_jsonLd10)
                    {
                        return;
                    }
                    var inc = AsArray(Expand(active, null, value, baseUrl));
                    foreach (var item in inc)
                    {
                        if (!IsNodeObject(item))
                        {
                            throw new JsonLdException(JsonLdErrorCode.InvalidIncludedValue, "@included values must be node objects.");
                        }
                    }
                    if (result.TryGetValue("@included", out var existingIncluded))
                    {
                        var merged = new JArr();
                        merged.AddRange(AsArray(existingIncluded));
                        merged.AddRange(inc);
                        inc = merged;
                    }
                    expandedValue = inc;
                    break;
                }
            case "@value":
                if (string.Equals(inputType, "@json", StringComparison.Ordinal))
                {
                    if (_jsonLd10)
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidValueObjectValue, "JSON literals need json-ld-1.1.");
                    }
                    result.Set("@value", value);
                    return;
                }
                if (value is JObj || value is JArr)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidValueObjectValue, "@value must be a scalar or null.");
                }
                if (value is null)
                {
                    Dropped("A value object with @value null is dropped.");
                    result.Set("@value", null);
                    return;
                }
                expandedValue = value;
                break;
            case "@language":
                if (value is not string lang)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidLanguageTaggedString, "@language must be a string.");
                }
                if (_safe && !LanguageTag.IsWellFormed(lang))
                {
                    Dropped("The language tag '" + lang + "' is not well-formed.");
                }
                expandedValue = lang;
                break;
            case "@direction":
                if (_jsonLd10)
                {
                    return;
                }
                if (value is not string dir || (!string.Equals(dir, "ltr", StringComparison.Ordinal) && !string.Equals(dir, "rtl", StringComparison.Ordinal)))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidBaseDirection, "@direction must be \"ltr\" or \"rtl\".");
                }
                expandedValue = dir;
                break;
            case "@index":
                if (value is not string)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidIndexValue, "@index must be a string.");
                }
                expandedValue = value;
                break;
            case "@list":
                {
                    if (activeProperty is null || string.Equals(activeProperty, "@graph", StringComparison.Ordinal))
                    {
                        Dropped("A free-floating list is dropped.");
                        return;
                    }
                    expandedValue = AsArray(Expand(active, activeProperty, value, baseUrl));
                    if (_jsonLd10)
                    {
                        foreach (var item in (JArr)expandedValue)
                        {
                            if (IsListObject(item))
                            {
                                throw new JsonLdException(JsonLdErrorCode.ListOfLists, "Lists of lists need json-ld-1.1.");
                            }
                        }
                    }
                    break;
                }
            case "@set":
                expandedValue = Expand(active, activeProperty, value, baseUrl);
                break;
            case "@reverse":
                {
                    if (value is not JObj)
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidReverseValue, "@reverse must be a map.");
                    }
                    var rev = Expand(active, "@reverse", value, baseUrl) as JObj;
                    if (rev is null)
                    {
                        return;
                    }
                    if (rev.Get("@reverse") is JObj doubleReversed)
                    {
                        for (var i = 0; i < doubleReversed.Count; i++)
                        {
                            AddValue(result, doubleReversed.KeyAt(i), doubleReversed.ValueAt(i), asArray: true);
                        }
                    }
                    var hasOther = false;
                    for (var i = 0; i < rev.Count; i++)
                    {
                        if (!string.Equals(rev.KeyAt(i), "@reverse", StringComparison.Ordinal))
                        {
                            hasOther = true;
                            break;
                        }
                    }
                    if (hasOther)
                    {
                        if (result.Get("@reverse") is not JObj reverseMap)
                        {
                            reverseMap = new JObj();
                            result.Set("@reverse", reverseMap);
                        }
                        for (var i = 0; i < rev.Count; i++)
                        {
                            var property = rev.KeyAt(i);
                            if (string.Equals(property, "@reverse", StringComparison.Ordinal))
                            {
                                continue;
                            }
                            foreach (var item in AsArray(rev.ValueAt(i)))
                            {
                                if (IsValueObject(item) || IsListObject(item))
                                {
                                    throw new JsonLdException(JsonLdErrorCode.InvalidReversePropertyValue, "A reverse property's value must be a node object.");
                                }
                                AddValue(reverseMap, property, item, asArray: true);
                            }
                        }
                    }
                    return;
                }
            case "@nest":
                (nests ??= new List<string>(1)).Add(key);
                return;
            default:
                // Framing keywords and other keywords have no meaning in expansion.
                return;
        }
        if (expandedValue is not null)
        {
            result.Set(expandedProperty, expandedValue);
        }
    }

    private string ExpandTypeValue(ActiveContext typeScoped, string value)
    {
        var t = IriExpansion.Expand(typeScoped, value, documentRelative: true, vocab: true);
        if (t is null)
        {
            Dropped("The type '" + value + "' is ignored.");
            // Keep the value so that the node keeps its shape; toRdf drops it as not well-formed.
            return value;
        }
        if (_safe && !Iri.IsAbsolute(t) && !Iri.IsBlankNode(t))
        {
            Dropped("The type '" + value + "' does not expand to an absolute IRI.");
        }
        return t;
    }

    // Steps 15-20.
    private object? FinishNode(JObj result, string? activeProperty, string? inputType)
    {
        if (result.TryGetValue("@value", out var val))
        {
            // 15.1.
            for (var i = 0; i < result.Count; i++)
            {
                if (result.KeyAt(i) is not ("@direction" or "@index" or "@language" or "@type" or "@value"))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidValueObject, "A value object has an unexpected entry '" + result.KeyAt(i) + "'.");
                }
            }
            var hasType = result.TryGetValue("@type", out var type);
            if (hasType && (result.ContainsKey("@language") || result.ContainsKey("@direction")))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidValueObject, "A value object cannot have both @type and @language/@direction.");
            }
            // 15.2.
            if (hasType && type is string ts0 && string.Equals(ts0, "@json", StringComparison.Ordinal))
            {
                return DropTop(result, activeProperty);
            }
            // 15.3.
            if (val is null || (val is JArr va && va.Count == 0))
            {
                return null;
            }
            // 15.4.
            if (val is not string && result.ContainsKey("@language"))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidLanguageTaggedValue, "Only strings can have a language.");
            }
            // 15.5.
            if (hasType && (type is not string ts || !Iri.IsWellFormedAbsolute(ts)))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTypedValue, "The @type of a value object must be an IRI.");
            }
        }
        else if (result.TryGetValue("@type", out var t16))
        {
            // 16.
            if (t16 is not JArr)
            {
                result.Set("@type", new JArr(1) { t16 });
            }
        }
        else if (result.ContainsKey("@set") || result.ContainsKey("@list"))
        {
            // 17.
            if (result.Count > 2 || (result.Count == 2 && !result.ContainsKey("@index")))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidSetOrListObject, "A set or list object can only have @index besides.");
            }
            if (result.TryGetValue("@set", out var setValue))
            {
                return setValue;
            }
        }
        // 18.
        if (result.Count == 1 && result.ContainsKey("@language"))
        {
            Dropped("An object with only @language is dropped.");
            return null;
        }
        return DropTop(result, activeProperty);
    }

    // Step 19: free-floating values at the top or directly in @graph are dropped.
    private object? DropTop(JObj result, string? activeProperty)
    {
        if (activeProperty is null || string.Equals(activeProperty, "@graph", StringComparison.Ordinal))
        {
            if (result.Count == 0 || result.ContainsKey("@value") || result.ContainsKey("@list"))
            {
                Dropped("A free-floating value, list or empty object is dropped.");
                return null;
            }
            if (result.Count == 1 && result.ContainsKey("@id"))
            {
                Dropped("A top-level object with only @id is dropped.");
                return null;
            }
        }
        return result;
    }

    /// <summary>Value Expansion (JSON-LD 1.1 API §5.3.2).</summary>
    public object ExpandValue(ActiveContext active, string activeProperty, object? value)
    {
        var def = active.Get(activeProperty);
        var typeMapping = def?.TypeMapping;
        if (value is string s)
        {
            if (string.Equals(typeMapping, "@id", StringComparison.Ordinal))
            {
                var id = new JObj(1);
                var iri = IriExpansion.Expand(active, s, documentRelative: true, vocab: false);
                if (_safe && (iri is null || (!Iri.IsAbsolute(iri) && !Iri.IsBlankNode(iri))))
                {
                    Dropped("The IRI '" + s + "' is relative.");
                }
                id.Set("@id", iri);
                return id;
            }
            if (string.Equals(typeMapping, "@vocab", StringComparison.Ordinal))
            {
                var id = new JObj(1);
                var iri = IriExpansion.Expand(active, s, documentRelative: true, vocab: true);
                if (_safe && (iri is null || (!Iri.IsAbsolute(iri) && !Iri.IsBlankNode(iri))))
                {
                    Dropped("The IRI '" + s + "' is relative.");
                }
                id.Set("@id", iri);
                return id;
            }
        }
        var result = new JObj(3);
        result.Set("@value", value);
        if (typeMapping is not null && typeMapping is not ("@id" or "@vocab" or "@none"))
        {
            result.Set("@type", typeMapping);
        }
        else if (value is string)
        {
            var language = def is not null && def.HasLanguage ? def.Language : active.DefaultLanguage;
            var direction = def is not null && def.HasDirection ? def.Direction : active.DefaultDirection;
            if (language is not null)
            {
                result.Set("@language", language);
            }
            if (direction is not null)
            {
                result.Set("@direction", direction);
            }
        }
        return result;
    }
}

/// <summary>BCP 47 well-formedness as JSON-LD's toRdf checks it: <c>[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*</c>.</summary>
internal static class LanguageTag
{
    public static bool IsWellFormed(string tag)
    {
        var i = 0;
        var n = tag.Length;
        var first = true;
        while (true)
        {
            var start = i;
            while (i < n && (char.IsAsciiLetter(tag[i]) || (!first && char.IsAsciiDigit(tag[i]))))
            {
                i++;
            }
            var len = i - start;
            if (len < 1 || len > 8)
            {
                return false;
            }
            if (i == n)
            {
                return true;
            }
            if (tag[i] != '-')
            {
                return false;
            }
            i++;
            first = false;
        }
    }
}
