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

    // Encoding works on limbs of base 58^5 (fits in a uint), five base-58 digits per limb.
    private const uint LimbBase = 58u * 58 * 58 * 58 * 58;

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }
        // log(256)/log(58^5) ≈ 0.2732 limbs per byte.
        var capacity = ((data.Length - zeros) * 2733 / 10000) + 2;
        Span<uint> limbs = capacity <= 256 ? stackalloc uint[capacity] : new uint[capacity];
        var count = 0;
        for (var i = zeros; i < data.Length; i++)
        {
            ulong carry = data[i];
            for (var j = 0; j < count; j++)
            {
                var x = ((ulong)limbs[j] << 8) + carry;
                limbs[j] = (uint)(x % LimbBase);
                carry = x / LimbBase;
            }
            while (carry != 0)
            {
                limbs[count++] = (uint)(carry % LimbBase);
                carry /= LimbBase;
            }
        }

        // Digits, least significant first.
        Span<char> digits = count * 5 <= 1024 ? stackalloc char[count * 5] : new char[count * 5];
        var length = 0;
        for (var j = 0; j < count; j++)
        {
            var limb = limbs[j];
            for (var k = 0; k < 5; k++)
            {
                digits[length++] = Alphabet[(int)(limb % 58)];
                limb /= 58;
            }
        }
        while (length > 0 && digits[length - 1] == '1')
        {
            length--; // leading zero digits of the most significant limb
        }
        var result = new char[zeros + length];
        result.AsSpan(0, zeros).Fill('1');
        for (var i = 0; i < length; i++)
        {
            result[zeros + i] = digits[length - 1 - i];
        }
        return new string(result);
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
