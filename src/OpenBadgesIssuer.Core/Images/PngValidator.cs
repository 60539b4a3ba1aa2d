using Crc32 = OpenBadgesIssuer.Standards.Baking.Crc32;
using System.Buffers.Binary;
using System.Text;

namespace OpenBadgesIssuer.Core.Images;

/// <summary>
/// Structural PNG checks (PNG specification, 3rd edition §5, §11.2.1): signature, chunk lengths and CRCs, IHDR
/// first and sane, at least one IDAT, IEND last with nothing after it. Pixel data is not decoded.
/// </summary>
public static class PngValidator
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Whether the data starts with the PNG signature.</summary>
    public static bool HasSignature(ReadOnlySpan<byte> data) => data.StartsWith(Signature);

    /// <summary>Validates a PNG; the returned bytes are the input unchanged.</summary>
    public static BadgeImageResult Validate(ReadOnlySpan<byte> data, BadgeImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (!HasSignature(data))
        {
            return BadgeImageResult.Fail(BadgeImageError.UnsupportedFormat, "Missing PNG signature.");
        }
        var offset = Signature.Length;
        var index = 0;
        int width = 0, height = 0;
        var sawIdat = false;
        while (true)
        {
            if (data.Length - offset < 12)
            {
                return BadgeImageResult.Fail(BadgeImageError.PngMalformed, "Truncated chunk.");
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);
            if (length > int.MaxValue || length > (uint)(data.Length - offset - 12))
            {
                return BadgeImageResult.Fail(BadgeImageError.PngMalformed, "Chunk length exceeds the file.");
            }
            var type = data.Slice(offset + 4, 4);
            var body = data.Slice(offset + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(data[(offset + 8 + (int)length)..]);
            foreach (var c in type)
            {
                if (!char.IsAsciiLetter((char)c))
                {
                    return BadgeImageResult.Fail(BadgeImageError.PngMalformed, "Invalid chunk type.");
                }
            }
            if (Crc32.Compute(data.Slice(offset + 4, 4 + (int)length)) != crc)
            {
                return BadgeImageResult.Fail(BadgeImageError.PngMalformed, "Chunk CRC mismatch.");
            }
            var name = Encoding.ASCII.GetString(type);
            if (index == 0)
            {
                if (name != "IHDR" || length != 13)
                {
                    return BadgeImageResult.Fail(BadgeImageError.PngMalformed, "The first chunk must be a 13-byte IHDR.");
                }
                var header = CheckHeader(body, limits, out width, out height);
                if (header is not null)
                {
                    return header;
                }
            }
            else if (name == "IHDR")
            {
                return BadgeImageResult.Fail(BadgeImageError.PngMalformed, "Duplicate IHDR.");
            }
            if (name == "IDAT")
            {
                sawIdat = true;
            }
            if (name == "iTXt" && IsOpenBadgesKeyword(body))
            {
                return BadgeImageResult.Fail(BadgeImageError.PngAlreadyBaked, "The PNG already contains Open Badges data.");
            }
            offset += 12 + (int)length;
            index++;
            if (name == "IEND")
            {
                if (length != 0 || offset != data.Length)
                {
                    return BadgeImageResult.Fail(BadgeImageError.PngMalformed, "IEND must be empty and last.");
                }
                break;
            }
        }
        if (!sawIdat)
        {
            return BadgeImageResult.Fail(BadgeImageError.PngMalformed, "No image data (IDAT).");
        }
        return BadgeImageResult.Png(data.ToArray(), width, height);
    }

    private static BadgeImageResult? CheckHeader(ReadOnlySpan<byte> ihdr, BadgeImageLimits limits, out int width, out int height)
    {
        var w = BinaryPrimitives.ReadUInt32BigEndian(ihdr);
        var h = BinaryPrimitives.ReadUInt32BigEndian(ihdr[4..]);
        width = (int)Math.Min(w, int.MaxValue);
        height = (int)Math.Min(h, int.MaxValue);
        if (w == 0 || h == 0 || w > int.MaxValue || h > int.MaxValue)
        {
            return BadgeImageResult.Fail(BadgeImageError.PngInvalidHeader, "Width and height must be between 1 and 2^31-1.");
        }
        if (w > limits.MaxDimension || h > limits.MaxDimension || (long)w * h > limits.MaxPixels)
        {
            return BadgeImageResult.Fail(BadgeImageError.PngDimensionsTooLarge, $"Images may be at most {limits.MaxDimension} pixels wide and high.");
        }
        var bitDepth = ihdr[8];
        var colorType = ihdr[9];
        var valid = colorType switch
        {
            0 => bitDepth is 1 or 2 or 4 or 8 or 16,
            3 => bitDepth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => bitDepth is 8 or 16,
            _ => false,
        };
        if (!valid || ihdr[10] != 0 || ihdr[11] != 0 || ihdr[12] > 1)
        {
            return BadgeImageResult.Fail(BadgeImageError.PngInvalidHeader, "Invalid IHDR bit depth, colour type, compression, filter or interlace method.");
        }
        return null;
    }

    private static bool IsOpenBadgesKeyword(ReadOnlySpan<byte> body)
    {
        var end = body.IndexOf((byte)0);
        var keyword = end < 0 ? body : body[..end];
        return keyword.SequenceEqual("openbadges"u8) || keyword.SequenceEqual("openbadgecredential"u8);
    }
}
