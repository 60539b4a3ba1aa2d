using System.Buffers.Binary;
using System.Text;

namespace OpenBadgesIssuer.Standards.Baking;

/// <summary>
/// Bakes and reads Open Badges in PNG images: one uncompressed iTXt chunk (PNG 1.2 §11.3.4.5) with keyword "openbadges" (OB 2.0:
/// assertion URL, JSON or signed JWS) or "openbadgecredential" (OB 3.0: credential JSON or compact JWT), placed before IEND.
/// </summary>
public static class PngBadge
{
    /// <summary>OB 2.0 iTXt keyword.</summary>
    public const string Ob2Keyword = "openbadges";

    /// <summary>OB 3.0 iTXt keyword.</summary>
    public const string Ob3Keyword = "openbadgecredential";

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The iTXt keyword for a version.</summary>
    public static string Keyword(BadgeVersion version) => version == BadgeVersion.V2 ? Ob2Keyword : Ob3Keyword;

    /// <summary>
    /// Returns a copy of <paramref name="png"/> with <paramref name="text"/> baked in; any existing badge chunk of that version
    /// is replaced, so the result holds exactly one. The input is fully validated first.
    /// </summary>
    public static byte[] Bake(ReadOnlySpan<byte> png, BadgeVersion version, string text, BadgeImageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        limits ??= BadgeImageLimits.Default;
        var keyword = Keyword(version);
        var chunks = ReadChunks(png, limits);
        var chunkData = BuildITxt(keyword, text);
        var output = new MemoryStream(png.Length + chunkData.Length + 12);
        output.Write(Signature);
        foreach (var chunk in chunks)
        {
            if (IsBadgeChunk(png, chunk, version, out _))
            {
                continue;
            }
            if (chunk.Type == "IEND")
            {
                WriteChunk(output, "iTXt", chunkData);
            }
            output.Write(png.Slice(chunk.Offset, chunk.Length + 12));
        }
        if (output.Length > limits.MaxImageBytes)
        {
            throw new BadgeImageException(BadgeImageError.TooLarge, "The baked image exceeds the size limit.");
        }
        return output.ToArray();
    }

    /// <summary>
    /// Reads the baked text, or null when the image carries none. Throws <see cref="BadgeImageException"/> for malformed,
    /// oversized or ambiguous (two badge chunks) images and for compressed badge text. OB 2.0 also accepts the legacy
    /// tEXt "openbadges" chunk (hosted URL) when no iTXt is present.
    /// </summary>
    public static string? Extract(ReadOnlySpan<byte> png, BadgeVersion version, BadgeImageLimits? limits = null)
    {
        limits ??= BadgeImageLimits.Default;
        var chunks = ReadChunks(png, limits);
        string? found = null;
        string? legacy = null;
        foreach (var chunk in chunks)
        {
            if (!IsBadgeChunk(png, chunk, version, out var isLegacy))
            {
                continue;
            }
            var data = png.Slice(chunk.Offset + 8, chunk.Length);
            if (isLegacy)
            {
                legacy ??= Latin1Text(data[(Ob2Keyword.Length + 1)..]);
                continue;
            }
            if (found is not null)
            {
                throw new BadgeImageException(BadgeImageError.DuplicateBadge, "The image contains more than one badge chunk.");
            }
            found = ParseITxtText(data);
        }
        return found ?? legacy;
    }

    internal readonly record struct Chunk(int Offset, int Length, string Type);

    /// <summary>Validates the whole chunk stream (signature, lengths, types, CRCs, IHDR first, IEND last) and lists the chunks.</summary>
    internal static List<Chunk> ReadChunks(ReadOnlySpan<byte> png, BadgeImageLimits limits)
    {
        if (png.Length > limits.MaxImageBytes)
        {
            throw new BadgeImageException(BadgeImageError.TooLarge, "The image exceeds the size limit.");
        }
        if (png.Length < Signature.Length || !png[..Signature.Length].SequenceEqual(Signature))
        {
            throw new BadgeImageException(BadgeImageError.NotAnImage, "Not a PNG file (bad signature).");
        }
        var chunks = new List<Chunk>();
        var offset = Signature.Length;
        while (true)
        {
            if (png.Length - offset < 12)
            {
                throw new BadgeImageException(BadgeImageError.Malformed, "Truncated PNG chunk.");
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[offset..]);
            if (length > int.MaxValue || length > (uint)(png.Length - offset - 12))
            {
                throw new BadgeImageException(BadgeImageError.Malformed, "PNG chunk length runs past the end of the file.");
            }
            var typeBytes = png.Slice(offset + 4, 4);
            foreach (var b in typeBytes)
            {
                if (!((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z')))
                {
                    throw new BadgeImageException(BadgeImageError.Malformed, "Invalid PNG chunk type.");
                }
            }
            var type = Encoding.ASCII.GetString(typeBytes);
            var len = (int)length;
            var expectedCrc = BinaryPrimitives.ReadUInt32BigEndian(png[(offset + 8 + len)..]);
            if (Crc32.Compute(png.Slice(offset + 4, len + 4)) != expectedCrc)
            {
                throw new BadgeImageException(BadgeImageError.BadChecksum, $"CRC mismatch in a {type} chunk.");
            }
            if (chunks.Count == 0 && type != "IHDR")
            {
                throw new BadgeImageException(BadgeImageError.Malformed, "The first PNG chunk is not IHDR.");
            }
            chunks.Add(new Chunk(offset, len, type));
            offset += len + 12;
            if (type == "IEND")
            {
                // Bytes after IEND are not part of the image; they are dropped when baking.
                return chunks;
            }
        }
    }

    private static bool IsBadgeChunk(ReadOnlySpan<byte> png, Chunk chunk, BadgeVersion version, out bool legacy)
    {
        legacy = false;
        var keyword = Keyword(version);
        var isText = chunk.Type == "tEXt" && version == BadgeVersion.V2;
        if (chunk.Type != "iTXt" && !isText)
        {
            return false;
        }
        var data = png.Slice(chunk.Offset + 8, chunk.Length);
        var nul = data.IndexOf((byte)0);
        if (nul != keyword.Length || !Encoding.ASCII.GetString(data[..nul]).Equals(keyword, StringComparison.Ordinal))
        {
            return false;
        }
        legacy = isText;
        return true;
    }

    private static string ParseITxtText(ReadOnlySpan<byte> data)
    {
        // keyword NUL compressionFlag compressionMethod languageTag NUL translatedKeyword NUL text
        var rest = data[(data.IndexOf((byte)0) + 1)..];
        if (rest.Length < 2)
        {
            throw new BadgeImageException(BadgeImageError.Malformed, "Truncated iTXt chunk.");
        }
        if (rest[0] != 0)
        {
            throw new BadgeImageException(BadgeImageError.InvalidText, "The badge iTXt chunk is compressed; baking forbids compression.");
        }
        rest = rest[2..];
        var languageEnd = rest.IndexOf((byte)0);
        if (languageEnd < 0)
        {
            throw new BadgeImageException(BadgeImageError.Malformed, "iTXt language tag is not terminated.");
        }
        rest = rest[(languageEnd + 1)..];
        var translatedEnd = rest.IndexOf((byte)0);
        if (translatedEnd < 0)
        {
            throw new BadgeImageException(BadgeImageError.Malformed, "iTXt translated keyword is not terminated.");
        }
        rest = rest[(translatedEnd + 1)..];
        try
        {
            return new UTF8Encoding(false, true).GetString(rest);
        }
        catch (DecoderFallbackException e)
        {
            throw new BadgeImageException(BadgeImageError.InvalidText, "The badge text is not valid UTF-8.", e);
        }
    }

    private static string Latin1Text(ReadOnlySpan<byte> data) => Encoding.Latin1.GetString(data);

    private static byte[] BuildITxt(string keyword, string text)
    {
        var textBytes = Encoding.UTF8.GetBytes(text);
        var data = new byte[keyword.Length + 5 + textBytes.Length];
        Encoding.ASCII.GetBytes(keyword, data);
        // NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL: five bytes, all zero.
        textBytes.CopyTo(data, keyword.Length + 5);
        return data;
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(head, checked((uint)data.Length));
        Encoding.ASCII.GetBytes(type, head[4..]);
        output.Write(head);
        output.Write(data);
        var crc = Crc32.Append(Crc32.Compute(head[4..]), data);
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc);
        output.Write(tail);
    }
}

/// <summary>CRC-32 as PNG defines it (ISO 3309 / ITU-T V.42, polynomial 0xEDB88320 reflected; PNG 1.2 §3.4).</summary>
public static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Continues a CRC over more bytes (Append(Compute(a), b) == Compute(a || b)).</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var c = ~crc;
        foreach (var b in data)
        {
            c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        }
        return ~c;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
