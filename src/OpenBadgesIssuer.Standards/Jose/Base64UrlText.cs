using System.Buffers.Text;

namespace OpenBadgesIssuer.Standards.Jose;

/// <summary>Strict base64url without padding (RFC 7515 §2): only A–Z a–z 0–9 '-' '_'.</summary>
internal static class Base64UrlText
{
    public static string Encode(ReadOnlySpan<byte> data) => Base64Url.EncodeToString(data);

    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        foreach (var c in text)
        {
            var ok = c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';
            if (!ok)
            {
                return false;
            }
        }
        // A length of 1 modulo 4 can never be produced by an encoder.
        if (text.Length % 4 == 1)
        {
            return false;
        }
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }
        // Reject non-canonical encodings (stray bits in the last character), so one token has one spelling.
        return Encode(bytes).AsSpan().SequenceEqual(text);
    }
}
