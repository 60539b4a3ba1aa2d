using System.Globalization;
using System.Text;

namespace OpenBadgesIssuer.Standards.JsonLd;

// RFC 8785 JSON Canonicalization Scheme over the processor's JSON tree, used for rdf:JSON literals (JSON-LD 1.1 API §8.2
// step 8). Kept in this one file so that it can be replaced by the library's shared JCS serializer later.

/// <summary>JCS (RFC 8785) serialization of the internal JSON tree.</summary>
internal static class Jcs
{
    public static string Serialize(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case double d:
                sb.Append(FormatNumber(d));
                break;
            case string s:
                WriteString(sb, s);
                break;
            case JArr a:
                sb.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    Write(sb, a[i]);
                }
                sb.Append(']');
                break;
            case JObj o:
                {
                    var keys = o.Keys();
                    Array.Sort(keys, StringComparer.Ordinal); // UTF-16 code unit order (RFC 8785 §3.2.3)
                    sb.Append('{');
                    for (var i = 0; i < keys.Length; i++)
                    {
                        if (i > 0)
                        {
                            sb.Append(',');
                        }
                        WriteString(sb, keys[i]);
                        sb.Append(':');
                        Write(sb, o.Get(keys[i]));
                    }
                    sb.Append('}');
                    break;
                }
            default:
                throw new InvalidOperationException("Unexpected JSON value.");
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>ECMAScript Number::toString of a double (RFC 8785 §3.2.2.3).</summary>
    public static string FormatNumber(double v)
    {
        if (double.IsNaN(v) || double.IsInfinity(v))
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidJsonLiteral, "NaN and Infinity cannot be represented in JSON.");
        }
        if (v == 0)
        {
            return "0";
        }
        var r = v.ToString("R", CultureInfo.InvariantCulture);
        var negative = r[0] == '-';
        if (negative)
        {
            r = r[1..];
        }
        var exponent = 0;
        var e = r.IndexOf('E', StringComparison.Ordinal);
        var mantissa = r;
        if (e >= 0)
        {
            exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = r[..e];
        }
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intLen = dot < 0 ? mantissa.Length : dot;
        var digits = dot < 0 ? mantissa : string.Concat(mantissa.AsSpan(0, dot), mantissa.AsSpan(dot + 1));
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
        }
        digits = digits[lead..].TrimEnd('0');
        var n = intLen + exponent - lead;
        var k = digits.Length;
        var sb = new StringBuilder(24);
        if (negative)
        {
            sb.Append('-');
        }
        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (n > 0 && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (n > -6 && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }
            var exp = n - 1;
            sb.Append('e').Append(exp < 0 ? '-' : '+').Append(Math.Abs(exp).ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
