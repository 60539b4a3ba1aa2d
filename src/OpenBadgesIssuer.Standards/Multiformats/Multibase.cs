using System.Buffers.Text;

namespace OpenBadgesIssuer.Standards.Multiformats;

/// <summary>The multibase encodings this library supports.</summary>
public enum MultibaseEncoding
{
    /// <summary>Base58 with the Bitcoin alphabet, prefix <c>z</c>.</summary>
    Base58Btc,

    /// <summary>Base64url without padding (RFC 4648 §5), prefix <c>u</c>.</summary>
    Base64Url,
}

/// <summary>Multibase encoding and decoding (base58btc <c>z</c> and base64url-no-pad <c>u</c>).</summary>
public static class Multibase
{
    /// <summary>Encodes bytes with the given multibase encoding, prefix included.</summary>
    public static string Encode(ReadOnlySpan<byte> data, MultibaseEncoding encoding = MultibaseEncoding.Base58Btc) =>
        encoding switch
        {
            MultibaseEncoding.Base58Btc => "z" + Base58Btc.Encode(data),
            MultibaseEncoding.Base64Url => "u" + System.Buffers.Text.Base64Url.EncodeToString(data),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        };

    /// <summary>Decodes a multibase string whose prefix is <c>z</c> or <c>u</c>.</summary>
    /// <exception cref="FormatException">Unknown prefix or invalid characters.</exception>
    public static byte[] Decode(string text) => Decode(text, out _);

    /// <summary>Decodes a multibase string and reports which encoding it used.</summary>
    /// <exception cref="FormatException">Unknown prefix or invalid characters.</exception>
    public static byte[] Decode(string text, out MultibaseEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new FormatException("Empty multibase string.");
        }
        var body = text.AsSpan(1);
        switch (text[0])
        {
            case 'z':
                encoding = MultibaseEncoding.Base58Btc;
                return Base58Btc.Decode(body);
            case 'u':
                encoding = MultibaseEncoding.Base64Url;
                if (body.Contains('=') || !System.Buffers.Text.Base64Url.IsValid(body))
                {
                    throw new FormatException("Invalid base64url (no padding) multibase string.");
                }
                return System.Buffers.Text.Base64Url.DecodeFromChars(body);
            default:
                throw new FormatException("Unsupported multibase prefix.");
        }
    }
}
