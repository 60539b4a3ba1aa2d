using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenBadgesIssuer.Standards.Jcs;

/// <summary>
/// JSON Canonicalization Scheme (RFC 8785): members sorted by UTF-16 code units, no whitespace, ECMAScript number
/// serialization and minimal string escaping. Input must be I-JSON (no duplicate names, no unpaired surrogates,
/// finite numbers); violations raise <see cref="FormatException"/>.
/// </summary>
public static class JcsCanonicalizer
{
    private static readonly JsonDocumentOptions StrictParse = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = 128,
    };

    /// <summary>Canonicalizes UTF-8 JSON text.</summary>
    /// <exception cref="FormatException">The input is not valid I-JSON.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            throw new FormatException("Input is not valid UTF-8.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), StrictParse);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new FormatException("Input is not valid JSON: " + ex.Message, ex);
        }
        using (document)
        {
            return Canonicalize(document.RootElement);
        }
    }

    /// <summary>Canonicalizes a JSON element.</summary>
    /// <exception cref="FormatException">The value is not valid I-JSON.</exception>
    public static byte[] Canonicalize(JsonElement element)
    {
        var writer = new ArrayBufferWriter<byte>(256);
        try
        {
            Write(writer, element);
        }
        catch (InvalidOperationException ex)
        {
            // System.Text.Json reports names or strings that are not valid Unicode this way.
            throw new FormatException("JSON text is not valid Unicode.", ex);
        }
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>Canonicalizes a JSON node (null means the JSON literal <c>null</c>).</summary>
    /// <exception cref="FormatException">The value is not valid I-JSON.</exception>
    public static byte[] Canonicalize(JsonNode? node)
    {
        if (node is null)
        {
            return "null"u8.ToArray();
        }
        return Canonicalize(ToUtf8(node));
    }

    /// <summary>
    /// Serializes a node, refusing unpaired surrogates (the serializer would silently replace them with U+FFFD) and
    /// values that have no JSON form.
    /// </summary>
    /// <exception cref="FormatException">The node is not valid I-JSON.</exception>
    internal static byte[] ToUtf8(JsonNode node)
    {
        if (HasUnpairedSurrogate(node))
        {
            throw new FormatException("JSON string contains an unpaired surrogate.");
        }
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(node, JsonNodeContext.Default.JsonNode);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException("The value has no JSON representation.", ex);
        }
    }

    private static bool HasUnpairedSurrogate(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (IsUnpaired(name) || HasUnpairedSurrogate(value))
                    {
                        return true;
                    }
                }
                return false;
            case JsonArray array:
                return array.Any(HasUnpairedSurrogate);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return value.TryGetValue<string>(out var text) && IsUnpaired(text);
            default:
                return false;
        }
    }

    private static bool IsUnpaired(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Canonical JSON as a string.</summary>
    public static string CanonicalizeToString(JsonElement element) => Encoding.UTF8.GetString(Canonicalize(element));

    /// <summary>Writes the canonical form of an element to a buffer writer.</summary>
    internal static void Write(IBufferWriter<byte> writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(writer, element);
                break;
            case JsonValueKind.Array:
            {
                writer.Write("["u8);
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        writer.Write(","u8);
                    }
                    first = false;
                    Write(writer, item);
                }
                writer.Write("]"u8);
                break;
            }
            case JsonValueKind.String:
                WriteString(writer, GetString(element));
                break;
            case JsonValueKind.Number:
                if (!element.TryGetDouble(out var number) || !double.IsFinite(number))
                {
                    throw new FormatException("JSON number is outside the IEEE 754 double range.");
                }
                WriteAscii(writer, FormatNumber(number));
                break;
            case JsonValueKind.True:
                writer.Write("true"u8);
                break;
            case JsonValueKind.False:
                writer.Write("false"u8);
                break;
            case JsonValueKind.Null:
                writer.Write("null"u8);
                break;
            default:
                throw new FormatException("Unsupported JSON value.");
        }
    }

    private static void WriteObject(IBufferWriter<byte> writer, JsonElement element)
    {
        var members = new List<(string Name, JsonElement Value)>();
        foreach (var property in element.EnumerateObject())
        {
            members.Add((property.Name, property.Value));
        }
        members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        writer.Write("{"u8);
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                if (string.Equals(members[i].Name, members[i - 1].Name, StringComparison.Ordinal))
                {
                    throw new FormatException("Duplicate member name in JSON object.");
                }
                writer.Write(","u8);
            }
            WriteString(writer, members[i].Name);
            writer.Write(":"u8);
            Write(writer, members[i].Value);
        }
        writer.Write("}"u8);
    }

    private static string GetString(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new FormatException("JSON string is not valid Unicode.", ex);
        }
    }

    /// <summary>RFC 8785 §3.2.2.2 string serialization.</summary>
    internal static void WriteString(IBufferWriter<byte> writer, string value)
    {
        writer.Write("\""u8);
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= ' ' && c != '"' && c != '\\' && !char.IsSurrogate(c))
            {
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                throw new FormatException("JSON string contains an unpaired surrogate.");
            }
            WriteUtf8(writer, value.AsSpan(start, i - start));
            switch (c)
            {
                case '"': writer.Write("\\\""u8); break;
                case '\\': writer.Write("\\\\"u8); break;
                case '\b': writer.Write("\\b"u8); break;
                case '\t': writer.Write("\\t"u8); break;
                case '\n': writer.Write("\\n"u8); break;
                case '\f': writer.Write("\\f"u8); break;
                case '\r': writer.Write("\\r"u8); break;
                default:
                    const string Hex = "0123456789abcdef";
                    Span<byte> escape = [(byte)'\\', (byte)'u', (byte)'0', (byte)'0', (byte)Hex[c >> 4], (byte)Hex[c & 0xF]];
                    writer.Write(escape);
                    break;
            }
            start = i + 1;
        }
        WriteUtf8(writer, value.AsSpan(start));
        writer.Write("\""u8);
    }

    private static void WriteUtf8(IBufferWriter<byte> writer, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        writer.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private static void WriteAscii(IBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }
        writer.Advance(text.Length);
    }

    /// <summary>
    /// ECMAScript Number.prototype.toString (ECMA-262 Number::toString) for a finite double, as RFC 8785 §3.2.2.3 requires.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or an infinity.</exception>
    public static string FormatNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "NaN and infinities have no JSON representation.");
        }
        if (value == 0)
        {
            return "0"; // also -0
        }
        // .NET's round-trip format yields the shortest digit string that round-trips; only the layout differs from ES.
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = r[0] == '-';
        var body = negative ? r.AsSpan(1) : r.AsSpan();
        var exponent = 0;
        var e = body.IndexOfAny('E', 'e');
        if (e >= 0)
        {
            exponent = int.Parse(body[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            body = body[..e];
        }
        var point = body.IndexOf('.');
        var integerLength = point < 0 ? body.Length : point;
        Span<char> digitBuffer = stackalloc char[body.Length];
        var k = 0;
        foreach (var c in body)
        {
            if (c != '.')
            {
                digitBuffer[k++] = c;
            }
        }
        ReadOnlySpan<char> digits = digitBuffer[..k];
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }
        digits = digits[leading..].TrimEnd('0');
        k = digits.Length;
        var n = integerLength + exponent - leading; // value = 0.d1…dk × 10^n

        var sb = new StringBuilder(32);
        if (negative)
        {
            sb.Append('-');
        }
        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits[..n]).Append('.').Append(digits[n..]);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var exp = n - 1;
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits[1..]);
            }
            sb.Append('e').Append(exp >= 0 ? '+' : '-').Append(Math.Abs(exp).ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
