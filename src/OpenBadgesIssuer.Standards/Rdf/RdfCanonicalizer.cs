using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace OpenBadgesIssuer.Standards.Rdf;

/// <summary>Options of <see cref="RdfCanonicalizer"/>.</summary>
public sealed class RdfCanonicalizationOptions
{
    /// <summary>Default options: SHA-256, automatic work limit.</summary>
    public static RdfCanonicalizationOptions Default { get; } = new();

    /// <summary>The hash algorithm used for every internal hash: SHA-256 (default) or SHA-384.</summary>
    public HashAlgorithmName HashAlgorithm { get; init; } = HashAlgorithmName.SHA256;

    /// <summary>
    /// Maximum number of Hash N-Degree Quads invocations. Null (default) means automatic: n³ (at least 1,000, at most
    /// 1,000,000), n being the number of blank nodes whose first-degree hash is shared with another blank node.
    /// Issuer-made credentials normally need zero calls.
    /// </summary>
    public int? MaxHashNDegreeCalls { get; init; }

    /// <summary>Maximum recursion depth of Hash N-Degree Quads (default 200).</summary>
    public int MaxRecursionDepth { get; init; } = 200;

    /// <summary>Maximum total number of permutations examined over the whole run (default 2,000,000).</summary>
    public long MaxPermutations { get; init; } = 2_000_000;
}

/// <summary>The output of RDFC-1.0: canonical N-Quads and the issued identifier map.</summary>
public sealed class RdfCanonicalizationResult
{
    private string? _text;

    internal RdfCanonicalizationResult(byte[] utf8, IReadOnlyDictionary<string, string> issued)
    {
        Utf8 = utf8;
        IssuedIdentifiers = issued;
    }

    /// <summary>The canonical N-Quads document as UTF-8 (lines sorted by code point, each ending with <c>\n</c>).</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>The canonical N-Quads document as a string.</summary>
    public string NQuads => _text ??= Encoding.UTF8.GetString(Utf8.Span);

    /// <summary>Input blank node label (without <c>_:</c>) → canonical label (<c>c14nN</c>), in issue order.</summary>
    public IReadOnlyDictionary<string, string> IssuedIdentifiers { get; }
}

/// <summary>Thrown when a dataset needs more work than the configured RDFC-1.0 limits allow (a "poison" dataset).</summary>
public sealed class RdfCanonicalizationLimitException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RdfCanonicalizationLimitException()
        : base("RDF canonicalization exceeded its work limit.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RdfCanonicalizationLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public RdfCanonicalizationLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>RDF Dataset Canonicalization (RDFC-1.0, W3C Recommendation).</summary>
public static class RdfCanonicalizer
{
    /// <summary>Canonicalizes a dataset (duplicate quads are removed: a dataset is a set).</summary>
    /// <exception cref="RdfCanonicalizationLimitException">The dataset exceeds the work limits.</exception>
    public static RdfCanonicalizationResult Canonicalize(IEnumerable<RdfQuad> dataset, RdfCanonicalizationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= RdfCanonicalizationOptions.Default;
        if (options.HashAlgorithm != HashAlgorithmName.SHA256 && options.HashAlgorithm != HashAlgorithmName.SHA384)
        {
            throw new ArgumentException("Only SHA-256 and SHA-384 are supported.", nameof(options));
        }
        return new State(dataset, options).Run();
    }

    /// <summary>Where a term's N-Quads form lies in <c>State._terms</c>.</summary>
    private readonly record struct TermBytes(int Start, int Length);

    private struct QuadData
    {
        public TermBytes S;
        public TermBytes P;
        public TermBytes O;
        public TermBytes G;
        public int Sb;
        public int Ob;
        public int Gb;
        public bool HasGraph;
        public string Predicate;
    }

    private sealed class Issuer
    {
        private readonly string _prefix;
        private int _counter;

        public Issuer(string prefix)
        {
            _prefix = prefix;
            Map = [];
            Order = [];
        }

        private Issuer(Issuer other)
        {
            _prefix = other._prefix;
            _counter = other._counter;
            Map = new Dictionary<int, string>(other.Map);
            Order = [.. other.Order];
        }

        public Dictionary<int, string> Map { get; }

        public List<int> Order { get; }

        public string Issue(int node)
        {
            if (Map.TryGetValue(node, out var id))
            {
                return id;
            }
            id = string.Concat(_prefix, _counter.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _counter++;
            Map.Add(node, id);
            Order.Add(node);
            return id;
        }

        public Issuer Clone() => new(this);
    }

    private sealed class State
    {
        private static readonly byte[] MarkA = "_:a"u8.ToArray();
        private static readonly byte[] MarkZ = "_:z"u8.ToArray();

        private readonly RdfCanonicalizationOptions _options;
        private readonly bool _sha384;
        private readonly QuadData[] _quads;
        private readonly List<string> _labels = [];
        private readonly List<List<int>> _mentions = [];
        // Every distinct non-blank term is encoded once into this arena; quads refer to it by offset.
        private readonly ByteBuffer _terms;
        private readonly ByteBuffer _lines = new(4096);
        private readonly ByteBuffer _scratch = new(4096);
        private readonly List<(int Start, int Length)> _ranges = [];
        private readonly Issuer _canonical = new("c14n");
        private string[] _firstHash = [];
        private int _calls;
        private int _maxCalls;
        private long _permutations;

        public State(IEnumerable<RdfQuad> dataset, RdfCanonicalizationOptions options)
        {
            _options = options;
            _sha384 = options.HashAlgorithm == HashAlgorithmName.SHA384;
            var unique = dataset is ISet<RdfQuad> set ? set : new HashSet<RdfQuad>(dataset);
            var labelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var encoded = new Dictionary<RdfTerm, TermBytes>();
            _quads = new QuadData[unique.Count];
            _terms = new ByteBuffer(Math.Min(64 * 1024, 96 * unique.Count));
            var i = 0;
            foreach (var quad in unique)
            {
                ref var q = ref _quads[i];
                q.P = Encode(encoded, quad.Predicate);
                q.Predicate = quad.Predicate.Value;
                q.Sb = Blank(labelIndex, quad.Subject, i);
                q.S = q.Sb < 0 ? Encode(encoded, quad.Subject) : default;
                q.Ob = Blank(labelIndex, quad.Object, i);
                q.O = q.Ob < 0 ? Encode(encoded, quad.Object) : default;
                q.HasGraph = quad.Graph is not null;
                q.Gb = quad.Graph is null ? -1 : Blank(labelIndex, quad.Graph, i);
                q.G = quad.Graph is not null && q.Gb < 0 ? Encode(encoded, quad.Graph) : default;
                i++;
            }
        }

        private TermBytes Encode(Dictionary<RdfTerm, TermBytes> cache, RdfTerm term)
        {
            if (!cache.TryGetValue(term, out var bytes))
            {
                var start = _terms.Length;
                NQuads.WriteTerm(_terms, term);
                bytes = new TermBytes(start, _terms.Length - start);
                cache.Add(term, bytes);
            }
            return bytes;
        }

        private ReadOnlySpan<byte> Term(TermBytes term) => _terms.Slice(term.Start, term.Length);

        private int Blank(Dictionary<string, int> index, RdfTerm term, int quadIndex)
        {
            if (term.Kind != RdfTermKind.BlankNode)
            {
                return -1;
            }
            if (!index.TryGetValue(term.Value, out var id))
            {
                id = _labels.Count;
                index.Add(term.Value, id);
                _labels.Add(term.Value);
                _mentions.Add([]);
            }
            var mentions = _mentions[id];
            if (mentions.Count == 0 || mentions[^1] != quadIndex)
            {
                mentions.Add(quadIndex);
            }
            return id;
        }

        public RdfCanonicalizationResult Run()
        {
            var count = _labels.Count;
            _firstHash = new string[count];
            var byHash = new (string Hash, int Node)[count];
            for (var n = 0; n < count; n++)
            {
                _firstHash[n] = HashFirstDegree(n);
                byHash[n] = (_firstHash[n], n);
            }
            Array.Sort(byHash, static (a, b) =>
            {
                var c = string.CompareOrdinal(a.Hash, b.Hash);
                return c != 0 ? c : a.Node.CompareTo(b.Node);
            });

            // Step 4: blank nodes with a unique first-degree hash get canonical identifiers in hash order.
            var shared = new List<(string Hash, List<int> Nodes)>();
            for (var k = 0; k < count;)
            {
                var end = k + 1;
                while (end < count && string.Equals(byHash[end].Hash, byHash[k].Hash, StringComparison.Ordinal))
                {
                    end++;
                }
                if (end - k == 1)
                {
                    _canonical.Issue(byHash[k].Node);
                }
                else
                {
                    var nodes = new List<int>(end - k);
                    for (var j = k; j < end; j++)
                    {
                        nodes.Add(byHash[j].Node);
                    }
                    shared.Add((byHash[k].Hash, nodes));
                }
                k = end;
            }

            // Step 5: the rest through Hash N-Degree Quads.
            if (shared.Count > 0)
            {
                long n = 0;
                foreach (var (_, nodes) in shared)
                {
                    n += nodes.Count;
                }
                _maxCalls = _options.MaxHashNDegreeCalls ?? (int)Math.Clamp(n * n * n, 1_000, 1_000_000);
                foreach (var (_, nodes) in shared)
                {
                    var results = new List<(string Hash, Issuer Issuer)>();
                    foreach (var node in nodes)
                    {
                        if (_canonical.Map.ContainsKey(node))
                        {
                            continue;
                        }
                        var temporary = new Issuer("b");
                        temporary.Issue(node);
                        results.Add(HashNDegree(node, temporary, 1));
                    }
                    results.Sort(static (a, b) => string.CompareOrdinal(a.Hash, b.Hash));
                    foreach (var (_, issuer) in results)
                    {
                        foreach (var existing in issuer.Order)
                        {
                            _canonical.Issue(existing);
                        }
                    }
                }
            }

            return new RdfCanonicalizationResult(WriteCanonical(), IssuedMap());
        }

        private Dictionary<string, string> IssuedMap()
        {
            var map = new Dictionary<string, string>(_canonical.Order.Count, StringComparer.Ordinal);
            foreach (var node in _canonical.Order)
            {
                map.Add(_labels[node], _canonical.Map[node]);
            }
            return map;
        }

        private byte[] WriteCanonical()
        {
            var labels = new byte[_labels.Count][];
            for (var n = 0; n < labels.Length; n++)
            {
                labels[n] = Encoding.ASCII.GetBytes("_:" + _canonical.Map[n]);
            }
            _lines.Clear();
            _ranges.Clear();
            var total = 0;
            foreach (ref readonly var q in _quads.AsSpan())
            {
                total += (q.Sb >= 0 ? labels[q.Sb].Length : q.S.Length) + q.P.Length + (q.Ob >= 0 ? labels[q.Ob].Length : q.O.Length) + 5 +
                    (q.HasGraph ? 1 + (q.Gb >= 0 ? labels[q.Gb].Length : q.G.Length) : 0);
            }
            _lines.EnsureCapacity(total);
            for (var i = 0; i < _quads.Length; i++)
            {
                ref var q = ref _quads[i];
                var start = _lines.Length;
                _lines.Append(q.Sb >= 0 ? labels[q.Sb] : Term(q.S));
                _lines.Append((byte)' ');
                _lines.Append(Term(q.P));
                _lines.Append((byte)' ');
                _lines.Append(q.Ob >= 0 ? labels[q.Ob] : Term(q.O));
                if (q.HasGraph)
                {
                    _lines.Append((byte)' ');
                    _lines.Append(q.Gb >= 0 ? labels[q.Gb] : Term(q.G));
                }
                _lines.Append(" .\n"u8);
                _ranges.Add((start, _lines.Length - start));
            }
            SortRanges();
            var output = new byte[_lines.Length];
            var offset = 0;
            foreach (var (start, length) in _ranges)
            {
                _lines.Slice(start, length).CopyTo(output.AsSpan(offset));
                offset += length;
            }
            return output;
        }

        private void SortRanges()
        {
            var buffer = _lines.RawBuffer;
            _ranges.Sort((a, b) => buffer.AsSpan(a.Start, a.Length).SequenceCompareTo(buffer.AsSpan(b.Start, b.Length)));
        }

        /// <summary>RDFC-1.0 §4.6 Hash First Degree Quads.</summary>
        private string HashFirstDegree(int node)
        {
            _lines.Clear();
            _ranges.Clear();
            foreach (var qi in _mentions[node])
            {
                ref var q = ref _quads[qi];
                var start = _lines.Length;
                _lines.Append(q.Sb >= 0 ? (q.Sb == node ? MarkA : MarkZ) : Term(q.S));
                _lines.Append((byte)' ');
                _lines.Append(Term(q.P));
                _lines.Append((byte)' ');
                _lines.Append(q.Ob >= 0 ? (q.Ob == node ? MarkA : MarkZ) : Term(q.O));
                if (q.HasGraph)
                {
                    _lines.Append((byte)' ');
                    _lines.Append(q.Gb >= 0 ? (q.Gb == node ? MarkA : MarkZ) : Term(q.G));
                }
                _lines.Append(" .\n"u8);
                _ranges.Add((start, _lines.Length - start));
            }
            SortRanges();
            _scratch.Clear();
            foreach (var (start, length) in _ranges)
            {
                _scratch.Append(_lines.Slice(start, length));
            }
            return Hash(_scratch.WrittenSpan);
        }

        private string Hash(ReadOnlySpan<byte> data)
        {
            Span<byte> digest = stackalloc byte[48];
            if (_sha384)
            {
                SHA384.HashData(data, digest);
                return Convert.ToHexStringLower(digest);
            }
            SHA256.HashData(data, digest);
            return Convert.ToHexStringLower(digest[..32]);
        }

        private string Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

        /// <summary>RDFC-1.0 §4.7 Hash Related Blank Node.</summary>
        private string HashRelated(int related, string predicate, Issuer issuer, char position)
        {
            var input = new StringBuilder(96);
            input.Append(position);
            if (position != 'g')
            {
                input.Append('<').Append(predicate).Append('>');
            }
            if (_canonical.Map.TryGetValue(related, out var id) || issuer.Map.TryGetValue(related, out id))
            {
                input.Append("_:").Append(id);
            }
            else
            {
                input.Append(_firstHash[related]);
            }
            return Hash(input.ToString());
        }

        /// <summary>RDFC-1.0 §4.8 Hash N-Degree Quads.</summary>
        private (string Hash, Issuer Issuer) HashNDegree(int node, Issuer issuer, int depth)
        {
            if (++_calls > _maxCalls)
            {
                throw new RdfCanonicalizationLimitException(
                    $"RDF canonicalization exceeded the limit of {_maxCalls} Hash N-Degree Quads calls.");
            }
            if (depth > _options.MaxRecursionDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                throw new RdfCanonicalizationLimitException("RDF canonicalization exceeded its recursion depth limit.");
            }

            var related = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var qi in _mentions[node])
            {
                var q = _quads[qi];
                AddRelated(related, q.Sb, node, q.Predicate, issuer, 's');
                AddRelated(related, q.Ob, node, q.Predicate, issuer, 'o');
                AddRelated(related, q.Gb, node, q.Predicate, issuer, 'g');
            }

            var data = new StringBuilder();
            foreach (var (relatedHash, nodes) in related)
            {
                data.Append(relatedHash);
                var chosenPath = string.Empty;
                Issuer? chosenIssuer = null;
                var permutation = new int[nodes.Count];
                for (var i = 0; i < permutation.Length; i++)
                {
                    permutation[i] = i;
                }
                do
                {
                    if (++_permutations > _options.MaxPermutations)
                    {
                        throw new RdfCanonicalizationLimitException(
                            $"RDF canonicalization exceeded the limit of {_options.MaxPermutations} permutations.");
                    }
                    var copy = issuer.Clone();
                    var path = new StringBuilder();
                    var recursion = new List<int>();
                    var skip = false;
                    foreach (var index in permutation)
                    {
                        var r = nodes[index];
                        if (_canonical.Map.TryGetValue(r, out var canonicalId))
                        {
                            path.Append("_:").Append(canonicalId);
                        }
                        else
                        {
                            if (!copy.Map.ContainsKey(r))
                            {
                                recursion.Add(r);
                            }
                            path.Append("_:").Append(copy.Issue(r));
                        }
                        if (Worse(path, chosenPath))
                        {
                            skip = true;
                            break;
                        }
                    }
                    if (skip)
                    {
                        continue;
                    }
                    foreach (var r in recursion)
                    {
                        var (hash, resultIssuer) = HashNDegree(r, copy, depth + 1);
                        path.Append("_:").Append(copy.Issue(r)).Append('<').Append(hash).Append('>');
                        copy = resultIssuer;
                        if (Worse(path, chosenPath))
                        {
                            skip = true;
                            break;
                        }
                    }
                    if (skip)
                    {
                        continue;
                    }
                    var candidate = path.ToString();
                    if (chosenIssuer is null || string.CompareOrdinal(candidate, chosenPath) < 0)
                    {
                        chosenPath = candidate;
                        chosenIssuer = copy;
                    }
                }
                while (NextPermutation(permutation));
                data.Append(chosenPath);
                issuer = chosenIssuer!;
            }
            return (Hash(data.ToString()), issuer);
        }

        private void AddRelated(SortedDictionary<string, List<int>> related, int component, int node, string predicate, Issuer issuer, char position)
        {
            if (component < 0 || component == node)
            {
                return;
            }
            var hash = HashRelated(component, predicate, issuer, position);
            if (!related.TryGetValue(hash, out var list))
            {
                list = [];
                related.Add(hash, list);
            }
            list.Add(component);
        }

        /// <summary>True when a non-empty chosen path exists and <paramref name="path"/> can no longer beat it.</summary>
        private static bool Worse(StringBuilder path, string chosenPath)
        {
            if (chosenPath.Length == 0 || path.Length < chosenPath.Length)
            {
                return false;
            }
            return string.CompareOrdinal(path.ToString(), chosenPath) > 0;
        }

        /// <summary>Advances to the next lexicographic permutation of indexes; false after the last one.</summary>
        private static bool NextPermutation(int[] values)
        {
            var i = values.Length - 2;
            while (i >= 0 && values[i] >= values[i + 1])
            {
                i--;
            }
            if (i < 0)
            {
                return false;
            }
            var j = values.Length - 1;
            while (values[j] <= values[i])
            {
                j--;
            }
            (values[i], values[j]) = (values[j], values[i]);
            Array.Reverse(values, i + 1, values.Length - i - 1);
            return true;
        }
    }
}
