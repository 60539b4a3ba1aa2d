using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenBadgesIssuer.Standards.Jose;

/// <summary>JWS compact serialization (RFC 7515 §3.1, §7.1): BASE64URL(header) '.' BASE64URL(payload) '.' BASE64URL(signature).</summary>
internal static class CompactJws
{
    internal static readonly JsonDocumentOptions StrictJson = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = 64,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Serializes the header, signs header.payload once with the key and returns the token.</summary>
    public static string Create(JsonObject header, ReadOnlySpan<byte> payload, JoseSigningKey key)
    {
        var headerBytes = JsonSerializer.SerializeToUtf8Bytes(header);
        var signingInput = Base64UrlText.Encode(headerBytes) + "." + Base64UrlText.Encode(payload);
        var signature = key.Sign(Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64UrlText.Encode(signature);
    }

    /// <summary>Splits and decodes a compact JWS; the header must be a JSON object without duplicate members.</summary>
    public static ParsedJws? TryParse(string token, int maxLength, out JoseFailure failure)
    {
        failure = JoseFailure.Malformed;
        if (token.Length > maxLength)
        {
            failure = JoseFailure.TooLarge;
            return null;
        }
        var first = token.IndexOf('.', StringComparison.Ordinal);
        var second = first < 0 ? -1 : token.IndexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.IndexOf('.', second + 1) >= 0)
        {
            return null;
        }
        var span = token.AsSpan();
        if (!Base64UrlText.TryDecode(span[..first], out var headerBytes) ||
            !Base64UrlText.TryDecode(span[(first + 1)..second], out var payloadBytes) ||
            !Base64UrlText.TryDecode(span[(second + 1)..], out var signature))
        {
            return null;
        }
        var header = TryParseObject(headerBytes);
        if (header is null)
        {
            return null;
        }
        failure = JoseFailure.None;
        return new ParsedJws(header, payloadBytes, signature, Encoding.ASCII.GetBytes(token[..second]));
    }

    /// <summary>Parses UTF-8 JSON that must be one object with unique member names; null otherwise.</summary>
    public static JsonObject? TryParseObject(ReadOnlySpan<byte> json)
    {
        // JsonDocument checks structure eagerly but decodes strings lazily: reject invalid UTF-8 and undecodable escapes
        // (lone surrogates) now, so that reading a member later can never throw.
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json.ToArray(), StrictJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !AllStringsDecode(document.RootElement))
            {
                return null;
            }
            return JsonObject.Create(document.RootElement.Clone());
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool AllStringsDecode(JsonElement element)
    {
        try
        {
            return Walk(element);
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        static bool Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in e.EnumerateObject())
                    {
                        _ = property.Name;
                        if (!Walk(property.Value))
                        {
                            return false;
                        }
                    }
                    return true;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        if (!Walk(item))
                        {
                            return false;
                        }
                    }
                    return true;
                case JsonValueKind.String:
                    _ = e.GetString();
                    return true;
                default:
                    return true;
            }
        }
    }
}

/// <summary>The decoded parts of a compact JWS.</summary>
internal sealed record ParsedJws(JsonObject Header, byte[] Payload, byte[] Signature, byte[] SigningInput);
