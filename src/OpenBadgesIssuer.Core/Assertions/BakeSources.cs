using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace OpenBadgesIssuer.Core.Assertions;

/// <summary>
/// The images that get baked. Both a PNG and an SVG bake are published for every award, from one uploaded image:
/// a PNG upload is wrapped in a minimal SVG (<c>&lt;image&gt;</c> with a data URI) for the SVG bake; for an SVG
/// upload the PNG bake uses a generated placeholder PNG (a plain 256×256 badge-coloured square), because the service
/// does not rasterise SVG. Clients wanting a faithful PNG bake upload a PNG.
/// </summary>
public static class BakeSources
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>The generated placeholder PNG (built once).</summary>
    public static byte[] PlaceholderPng { get; } = SolidPng(256, 256, 0x2b, 0x59, 0xc3);

    /// <summary>A minimal SVG document that shows the PNG at its natural size.</summary>
    public static byte[] WrapPng(byte[] png, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(png);
        string w = width.ToString(CultureInfo.InvariantCulture);
        string h = height.ToString(CultureInfo.InvariantCulture);
        string svg = $"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">"
            + $"<image width=\"{w}\" height=\"{h}\" xlink:href=\"data:image/png;base64,{Convert.ToBase64String(png)}\"/></svg>";
        return Encoding.UTF8.GetBytes(svg);
    }

    /// <summary>An 8-bit RGB PNG of one colour (PNG spec: IHDR, one zlib IDAT, IEND; filter byte 0 per row).</summary>
    public static byte[] SolidPng(int width, int height, byte r, byte g, byte b)
    {
        byte[] raw = new byte[height * (1 + (3 * width))];
        for (int y = 0; y < height; y++)
        {
            int row = y * (1 + (3 * width));
            for (int x = 0; x < width; x++)
            {
                raw[row + 1 + (3 * x)] = r;
                raw[row + 2 + (3 * x)] = g;
                raw[row + 3 + (3 * x)] = b;
            }
        }

        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(raw);
        }

        byte[] ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        s.Write(length);
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        s.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc(typeAndData));
        s.Write(crc);
    }

    private static uint Crc(byte[] data)
    {
        uint c = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFF;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
