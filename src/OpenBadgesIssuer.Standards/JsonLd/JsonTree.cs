using System.Text.Json;

namespace OpenBadgesIssuer.Standards.JsonLd;

// Internal JSON model of the JSON-LD processor.
//
// Why not JsonElement or JsonNode directly: expansion builds new maps and arrays (JsonElement is read-only), JsonNode
// is several times slower to build and walk, and the context cache needs to know which maps come from immutable, cached
// context documents (reference identity is only a safe cache key for those). So every input is converted once from
// System.Text.Json (JsonElement) into this small tree: JSON null = C# null, strings = string, numbers = double (as
// JSON-LD processors in JavaScript do), booleans = bool, arrays = JArr, objects = JObj (insertion-ordered, linear lookup
// for the small maps JSON-LD works with, a dictionary index once a map grows).

/// <summary>A JSON array of the JSON-LD processor.</summary>
internal sealed class JArr : List<object?>
{
    public JArr()
    {
    }

    public JArr(int capacity)
        : base(capacity)
    {
    }

    /// <summary>True when the array belongs to a cached, immutable context document.</summary>
    public bool IsStatic { get; set; }
}

/// <summary>An insertion-ordered JSON object of the JSON-LD processor.</summary>
internal sealed class JObj
{
    private const int IndexThreshold = 12;
    private string[] _keys;
    private object?[] _values;
    private Dictionary<string, int>? _index;

    public JObj(int capacity = 4)
    {
        _keys = new string[capacity < 1 ? 1 : capacity];
        _values = new object?[_keys.Length];
    }

    public int Count { get; private set; }

    /// <summary>True when the object belongs to a cached, immutable context document.</summary>
    public bool IsStatic { get; set; }

    public string KeyAt(int i) => _keys[i];

    public object? ValueAt(int i) => _values[i];

    private int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var i) ? i : -1;
        }
        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out object? value)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            value = null;
            return false;
        }
        value = _values[i];
        return true;
    }

    public object? Get(string key)
    {
        var i = IndexOf(key);
        return i < 0 ? null : _values[i];
    }

    public void Set(string key, object? value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            _values[i] = value;
            return;
        }
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, Count * 2);
            Array.Resize(ref _values, Count * 2);
        }
        _keys[Count] = key;
        _values[Count] = value;
        if (_index is not null)
        {
            _index[key] = Count;
        }
        Count++;
        if (_index is null && Count > IndexThreshold)
        {
            _index = new Dictionary<string, int>(Count * 2, StringComparer.Ordinal);
            for (var k = 0; k < Count; k++)
            {
                _index[_keys[k]] = k;
            }
        }
    }

    public bool Remove(string key)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            return false;
        }
        Array.Copy(_keys, i + 1, _keys, i, Count - i - 1);
        Array.Copy(_values, i + 1, _values, i, Count - i - 1);
        Count--;
        _keys[Count] = null!;
        _values[Count] = null;
        if (_index is not null)
        {
            _index.Clear();
            for (var k = 0; k < Count; k++)
            {
                _index[_keys[k]] = k;
            }
        }
        return true;
    }

    public string[] Keys()
    {
        var keys = new string[Count];
        Array.Copy(_keys, keys, Count);
        return keys;
    }

    public JObj ShallowClone()
    {
        var copy = new JObj(Count);
        for (var i = 0; i < Count; i++)
        {
            copy.Set(_keys[i], _values[i]);
        }
        return copy;
    }
}

/// <summary>Orders strings by Unicode code point (not UTF-16 code unit) as the JSON-LD "lexicographical order" requires.</summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null)
        {
            return -1;
        }
        if (y is null)
        {
            return 1;
        }
        var n = Math.Min(x.Length, y.Length);
        for (var i = 0; i < n; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a == b)
            {
                continue;
            }
            // Surrogates (U+D800..U+DFFF) encode code points above U+FFFF and must sort after U+E000..U+FFFF.
            var sa = char.IsSurrogate(a);
            var sb = char.IsSurrogate(b);
            if (sa != sb)
            {
                return sa ? 1 : -1;
            }
            return a < b ? -1 : 1;
        }
        return x.Length.CompareTo(y.Length);
    }
}

/// <summary>Conversion from System.Text.Json into the internal tree, and deep equality.</summary>
internal static class JsonTree
{
    internal static readonly object True = true;
    internal static readonly object False = false;
    private const int InternLimit = 16384;
    private const int MaxDepth = 256;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> NameLookup =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Parses UTF-8 JSON text (duplicate keys rejected, object keys interned).</summary>
    public static object? Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        if (!reader.Read())
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "The input is empty.");
        }
        var value = ReadValue(ref reader);
        if (reader.Read())
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "Unexpected data after the JSON document.");
        }
        return value;
    }

    private static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    var obj = new JObj(8);
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var name = ReadName(ref reader);
                        if (obj.ContainsKey(name))
                        {
                            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "The JSON document has a duplicate key '" + name + "'.");
                        }
                        reader.Read();
                        obj.Set(name, ReadValue(ref reader));
                    }
                    return obj;
                }
            case JsonTokenType.StartArray:
                {
                    var arr = new JArr();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        arr.Add(ReadValue(ref reader));
                    }
                    return arr;
                }
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.True:
                return True;
            case JsonTokenType.False:
                return False;
            default:
                return null;
        }
    }

    private static string ReadName(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (reader.ValueIsEscaped || reader.HasValueSequence || raw.Length > 128)
        {
            return reader.GetString()!;
        }
        Span<char> chars = stackalloc char[128];
        int n;
        if (System.Text.Ascii.IsValid(raw))
        {
            n = raw.Length;
            for (var i = 0; i < n; i++)
            {
                chars[i] = (char)raw[i];
            }
        }
        else
        {
            n = System.Text.Encoding.UTF8.GetChars(raw, chars);
        }
        if (NameLookup.TryGetValue(chars[..n], out var interned))
        {
            return interned;
        }
        var name = new string(chars[..n]);
        if (Names.Count < InternLimit)
        {
            Names.TryAdd(name, name);
        }
        return name;
    }

    public static object? FromElement(JsonElement element, bool isStatic = false)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                {
                    var obj = new JObj(element.GetPropertyCount()) { IsStatic = isStatic };
                    foreach (var p in element.EnumerateObject())
                    {
                        if (obj.ContainsKey(p.Name))
                        {
                            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "The JSON document has a duplicate key '" + p.Name + "'.");
                        }
                        obj.Set(p.Name, FromElement(p.Value, isStatic));
                    }
                    return obj;
                }
            case JsonValueKind.Array:
                {
                    var arr = new JArr(element.GetArrayLength()) { IsStatic = isStatic };
                    foreach (var item in element.EnumerateArray())
                    {
                        arr.Add(FromElement(item, isStatic));
                    }
                    return arr;
                }
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.GetDouble();
            case JsonValueKind.True:
                return True;
            case JsonValueKind.False:
                return False;
            default:
                return null;
        }
    }

    /// <summary>Deep JSON equality (objects as unordered maps, arrays in order, numbers by value).</summary>
    public static bool DeepEquals(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        switch (a)
        {
            case null:
                return b is null;
            case string sa:
                return b is string sb && string.Equals(sa, sb, StringComparison.Ordinal);
            case double da:
                return b is double db && da.Equals(db);
            case bool ba:
                return b is bool bb && ba == bb;
            case JArr la:
                {
                    if (b is not JArr lb || la.Count != lb.Count)
                    {
                        return false;
                    }
                    for (var i = 0; i < la.Count; i++)
                    {
                        if (!DeepEquals(la[i], lb[i]))
                        {
                            return false;
                        }
                    }
                    return true;
                }
            case JObj oa:
                {
                    if (b is not JObj ob || oa.Count != ob.Count)
                    {
                        return false;
                    }
                    for (var i = 0; i < oa.Count; i++)
                    {
                        if (!ob.TryGetValue(oa.KeyAt(i), out var v) || !DeepEquals(oa.ValueAt(i), v))
                        {
                            return false;
                        }
                    }
                    return true;
                }
            default:
                return false;
        }
    }

    /// <summary>Writes a tree value as JSON.</summary>
    public static void WriteTo(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case JArr a:
                writer.WriteStartArray();
                foreach (var item in a)
                {
                    WriteTo(writer, item);
                }
                writer.WriteEndArray();
                break;
            case JObj o:
                writer.WriteStartObject();
                for (var i = 0; i < o.Count; i++)
                {
                    writer.WritePropertyName(o.KeyAt(i));
                    WriteTo(writer, o.ValueAt(i));
                }
                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException("Unexpected JSON value.");
        }
    }

    /// <summary>The value as UTF-8 JSON text.</summary>
    public static byte[] ToUtf8(object? value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            WriteTo(writer, value);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The value as a JsonElement.</summary>
    public static JsonElement ToElement(object? value)
    {
        using var doc = JsonDocument.Parse(ToUtf8(value));
        return doc.RootElement.Clone();
    }
}
