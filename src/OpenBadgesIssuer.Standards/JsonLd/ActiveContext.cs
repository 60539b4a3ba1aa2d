using System.Collections.Concurrent;

namespace OpenBadgesIssuer.Standards.JsonLd;

/// <summary>Container mapping flags of a term definition.</summary>
[Flags]
internal enum Container
{
    None = 0,
    List = 1,
    Set = 2,
    Index = 4,
    Id = 8,
    Type = 16,
    Language = 32,
    Graph = 64,
}

/// <summary>A term definition (JSON-LD 1.1 API §4.1). Immutable once stored in an active context.</summary>
internal sealed class TermDefinition
{
    public string? Iri { get; set; }
    public bool Reverse { get; set; }
    public string? TypeMapping { get; set; }
    public Container Container { get; set; }
    public bool HasContainer { get; set; }
    public string? Index { get; set; }
    public string? Nest { get; set; }
    public bool Prefix { get; set; }
    public bool Protected { get; set; }
    public bool HasLocalContext { get; set; }
    public object? LocalContext { get; set; }
    public string? BaseUrl { get; set; }
    public bool HasLanguage { get; set; }
    public string? Language { get; set; }
    public bool HasDirection { get; set; }
    public string? Direction { get; set; }

    /// <summary>Same definition apart from the protected flag (JSON-LD 1.1 API §4.2.2 step 27.1).</summary>
    public bool SameAs(TermDefinition other) =>
        string.Equals(Iri, other.Iri, StringComparison.Ordinal)
        && Reverse == other.Reverse
        && string.Equals(TypeMapping, other.TypeMapping, StringComparison.Ordinal)
        && Container == other.Container
        && string.Equals(Index, other.Index, StringComparison.Ordinal)
        && string.Equals(Nest, other.Nest, StringComparison.Ordinal)
        && Prefix == other.Prefix
        && HasLocalContext == other.HasLocalContext
        && (!HasLocalContext || JsonTree.DeepEquals(LocalContext, other.LocalContext))
        && HasLanguage == other.HasLanguage
        && string.Equals(Language, other.Language, StringComparison.Ordinal)
        && HasDirection == other.HasDirection
        && string.Equals(Direction, other.Direction, StringComparison.Ordinal);
}

/// <summary>
/// An active context. Immutable once returned by context processing, so the results of context processing can be cached
/// on the context they were derived from (<see cref="Transitions"/>) and reused by every later document.
/// </summary>
internal sealed class ActiveContext
{
    private const int MemoLimit = 4096;
    private ConcurrentDictionary<TransitionKey, ActiveContext>? _transitions;
    private ConcurrentDictionary<string, string?>? _vocabMemo;

    public ActiveContext(string? baseIri, string? originalBaseUrl, bool jsonLd10)
    {
        Terms = new Dictionary<string, TermDefinition>(StringComparer.Ordinal);
        BaseIri = baseIri;
        OriginalBaseUrl = originalBaseUrl;
        JsonLd10 = jsonLd10;
    }

    private ActiveContext(ActiveContext other)
    {
        Terms = new Dictionary<string, TermDefinition>(other.Terms, StringComparer.Ordinal);
        BaseIri = other.BaseIri;
        OriginalBaseUrl = other.OriginalBaseUrl;
        Vocab = other.Vocab;
        DefaultLanguage = other.DefaultLanguage;
        DefaultDirection = other.DefaultDirection;
        PreviousContext = other.PreviousContext;
        JsonLd10 = other.JsonLd10;
    }

    public Dictionary<string, TermDefinition> Terms { get; }
    public string? BaseIri { get; set; }
    public string? OriginalBaseUrl { get; }
    public string? Vocab { get; set; }
    public string? DefaultLanguage { get; set; }
    public string? DefaultDirection { get; set; }
    public ActiveContext? PreviousContext { get; set; }
    public bool JsonLd10 { get; }

    /// <summary>True when this context may be cached and shared (built only from cached context documents).</summary>
    public bool Shareable { get; set; }

    public ActiveContext Clone() => new(this);

    public TermDefinition? Get(string term) => Terms.TryGetValue(term, out var d) ? d : null;

    public bool HasProtectedTerms()
    {
        foreach (var d in Terms.Values)
        {
            if (d.Protected)
            {
                return true;
            }
        }
        return false;
    }

    internal ConcurrentDictionary<TransitionKey, ActiveContext> Transitions =>
        _transitions ?? Interlocked.CompareExchange(ref _transitions, new ConcurrentDictionary<TransitionKey, ActiveContext>(), null) ?? _transitions;

    /// <summary>Memoised vocabulary-relative IRI expansion of keys (only on shareable contexts; size-capped).</summary>
    public string? ExpandVocab(string key)
    {
        if (!Shareable)
        {
            return IriExpansion.Expand(this, key, documentRelative: false, vocab: true);
        }
        var memo = _vocabMemo ?? Interlocked.CompareExchange(ref _vocabMemo, new ConcurrentDictionary<string, string?>(StringComparer.Ordinal), null) ?? _vocabMemo;
        if (memo.TryGetValue(key, out var hit))
        {
            return hit;
        }
        var value = IriExpansion.Expand(this, key, documentRelative: false, vocab: true);
        if (memo.Count < MemoLimit)
        {
            memo.TryAdd(key, value);
        }
        return value;
    }
}

/// <summary>Cache key of a context-processing transition: (local context identity or URL list, base URL, flags).</summary>
internal readonly record struct TransitionKey(object LocalContext, string? BaseUrl, bool OverrideProtected, bool Propagate)
{
    public bool Equals(TransitionKey other) =>
        (ReferenceEquals(LocalContext, other.LocalContext)
         || (LocalContext is string a && other.LocalContext is string b && string.Equals(a, b, StringComparison.Ordinal)))
        && string.Equals(BaseUrl, other.BaseUrl, StringComparison.Ordinal)
        && OverrideProtected == other.OverrideProtected
        && Propagate == other.Propagate;

    public override int GetHashCode() => HashCode.Combine(
        LocalContext is string s ? StringComparer.Ordinal.GetHashCode(s) : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(LocalContext),
        BaseUrl is null ? 0 : StringComparer.Ordinal.GetHashCode(BaseUrl),
        OverrideProtected,
        Propagate);
}
