namespace OpenBadgesIssuer.Standards.Multiformats;

/// <summary>Base58 with the Bitcoin alphabet (multibase prefix <c>z</c>).</summary>
internal static class Base58Btc
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static readonly sbyte[] Index = BuildIndex();

    private static sbyte[] BuildIndex()
    {
        var index = new sbyte[128];
        Array.Fill(index, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            index[Alphabet[i]] = (sbyte)i;
        }
        return index;
    }

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }
        // log(256)/log(58) ≈ 1.366: enough base-58 digits for the remaining bytes.
        var size = ((data.Length - zeros) * 138 / 100) + 1;
        Span<byte> digits = size <= 512 ? stackalloc byte[size] : new byte[size];
        digits.Clear();
        var length = 0;
        for (var i = zeros; i < data.Length; i++)
        {
            int carry = data[i];
            var j = 0;
            for (var k = size - 1; (carry != 0 || j < length) && k >= 0; k--, j++)
            {
                carry += 256 * digits[k];
                digits[k] = (byte)(carry % 58);
                carry /= 58;
            }
            length = j;
        }
        var start = size - length;
        while (start < size && digits[start] == 0)
        {
            start++;
        }
        return string.Create(zeros + (size - start), (zeros, start, size, digits.ToArray()), static (span, s) =>
        {
            span[..s.zeros].Fill('1');
            for (var i = s.start; i < s.size; i++)
            {
                span[s.zeros + i - s.start] = Alphabet[s.Item4[i]];
            }
        });
    }

    /// <exception cref="FormatException">A character outside the alphabet.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text)
    {
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }
        // log(58)/log(256) ≈ 0.733.
        var size = ((text.Length - zeros) * 733 / 1000) + 1;
        var bytes = new byte[size];
        var length = 0;
        for (var i = zeros; i < text.Length; i++)
        {
            var c = text[i];
            var value = c < 128 ? Index[c] : -1;
            if (value < 0)
            {
                throw new FormatException("Invalid base58btc character.");
            }
            int carry = value;
            var j = 0;
            for (var k = size - 1; (carry != 0 || j < length) && k >= 0; k--, j++)
            {
                carry += 58 * bytes[k];
                bytes[k] = (byte)(carry & 0xFF);
                carry >>= 8;
            }
            length = j;
        }
        var start = size - length;
        while (start < size && bytes[start] == 0)
        {
            start++;
        }
        var result = new byte[zeros + (size - start)];
        bytes.AsSpan(start).CopyTo(result.AsSpan(zeros));
        return result;
    }
}
