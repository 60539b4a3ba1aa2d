using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using OpenBadgesIssuer.Core.Images;
using Crc32 = OpenBadgesIssuer.Standards.Baking.Crc32;

namespace OpenBadgesIssuer.Core.Tests.Images;

public class BadgeImageTests
{
    [Fact]
    public void ValidPng_IsAcceptedUnchanged_WithItsSize()
    {
        var png = Png.Make(3, 2);
        var result = BadgeImageValidator.Validate(png);
        Assert.True(result.IsValid, result.Detail);
        Assert.Equal(BadgeImageFormat.Png, result.Format);
        Assert.Equal("image/png", result.MediaType);
        Assert.Equal(png, result.Bytes);
        Assert.Equal((3, 2), (result.Width!.Value, result.Height!.Value));
    }

    [Fact]
    public void Crc32_MatchesTheWellKnownIendValue()
    {
        // Every PNG ends with IEND and the CRC AE 42 60 82.
        Assert.Equal(0xAE426082u, Crc32.Compute("IEND"u8));
    }

    [Fact]
    public void Png_StructuralErrors_AreSpecific()
    {
        var png = Png.Make(3, 2);
        Assert.Equal(BadgeImageError.PngMalformed, BadgeImageValidator.Validate(png.AsSpan(0, png.Length - 5)).Error);

        var badCrc = (byte[])png.Clone();
        badCrc[20] ^= 0x01; // inside IHDR data
        Assert.Equal(BadgeImageError.PngMalformed, BadgeImageValidator.Validate(badCrc).Error);

        Assert.Equal(BadgeImageError.PngMalformed, BadgeImageValidator.Validate([.. png, 0x00]).Error);
        Assert.Equal(BadgeImageError.PngDimensionsTooLarge, BadgeImageValidator.Validate(Png.Make(5000, 1)).Error);
        Assert.Equal(BadgeImageError.PngDimensionsTooLarge,
            BadgeImageValidator.Validate(Png.Make(100, 100), new BadgeImageLimits { MaxPixels = 9_999 }).Error);
        Assert.Equal(BadgeImageError.PngInvalidHeader, BadgeImageValidator.Validate(Png.Make(0, 1)).Error);
        Assert.Equal(BadgeImageError.PngInvalidHeader, BadgeImageValidator.Validate(Png.Make(1, 1, bitDepth: 3)).Error);
        Assert.Equal(BadgeImageError.PngMalformed, BadgeImageValidator.Validate(Png.Make(1, 1, withIdat: false)).Error);
        Assert.Equal(BadgeImageError.PngAlreadyBaked, BadgeImageValidator.Validate(Png.Make(1, 1, extraITxtKeyword: "openbadgecredential")).Error);
        Assert.True(BadgeImageValidator.Validate(Png.Make(1, 1, extraITxtKeyword: "Comment")).IsValid);
        Assert.Equal(BadgeImageError.TooLarge, BadgeImageValidator.Validate(png, new BadgeImageLimits { MaxBytes = 10 }).Error);
        Assert.Equal(BadgeImageError.Empty, BadgeImageValidator.Validate([]).Error);
        Assert.Equal(BadgeImageError.UnsupportedFormat, BadgeImageValidator.Validate("GIF89a"u8).Error);
    }

    [Fact]
    public void Svg_IsSanitized_ScriptsHandlersForeignObjectsAndExternalReferencesRemoved()
    {
        const string svg = """
            <?xml version="1.0"?>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:x="urn:other" width="10" height="10" onload="alert(1)">
              <!-- comment -->
              <script>alert(2)</script>
              <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
              <rect width="10" height="10" fill="url(#g)" onclick="alert(3)" x:evil="1"/>
              <circle r="2" fill="url(https://evil.example/x.svg#p)"/>
              <image href="https://evil.example/track.png" width="1" height="1"/>
              <image xlink:href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
              <use href="#g"/>
              <a href="javascript:alert(4)"><text>link</text></a>
              <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">html</div></foreignObject>
              <set attributeName="href" to="javascript:alert(5)"/>
              <style>@import url(https://evil.example/a.css);</style>
              <style>.a { fill: red; }</style>
              <x:thing/>
              <title>Badge &amp; co</title>
            </svg>
            """;
        var result = BadgeImageValidator.Validate(Encoding.UTF8.GetBytes(svg));
        Assert.True(result.IsValid, result.Detail);
        Assert.Equal("image/svg+xml", result.MediaType);
        var text = Encoding.UTF8.GetString(result.Bytes!);
        foreach (var bad in new[] { "script", "alert", "onload", "onclick", "evil.example", "foreignObject", "javascript", "urn:other", "<set", "@import", "comment" })
        {
            Assert.DoesNotContain(bad, text, StringComparison.OrdinalIgnoreCase);
        }
        var doc = XDocument.Parse(text);
        XNamespace s = "http://www.w3.org/2000/svg";
        XNamespace xlink = "http://www.w3.org/1999/xlink";
        Assert.Equal(s + "svg", doc.Root!.Name);
        Assert.Equal("url(#g)", doc.Root.Element(s + "rect")!.Attribute("fill")!.Value);
        Assert.Null(doc.Root.Element(s + "circle")!.Attribute("fill"));
        var images = doc.Root.Elements(s + "image").ToList();
        Assert.Null(images[0].Attribute("href"));
        Assert.StartsWith("data:image/png", images[1].Attribute(xlink + "href")!.Value, StringComparison.Ordinal);
        Assert.Equal("#g", doc.Root.Element(s + "use")!.Attribute("href")!.Value);
        Assert.Null(doc.Root.Element(s + "a")!.Attribute("href"));
        Assert.Equal(".a { fill: red; }", Assert.Single(doc.Root.Elements(s + "style")).Value);
        Assert.Equal("Badge & co", doc.Root.Element(s + "title")!.Value);
        Assert.Contains("element script", result.Removed);
        Assert.Contains("attribute onload", result.Removed);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>""", BadgeImageError.SvgDtdForbidden)]
    [InlineData("""<!DOCTYPE svg SYSTEM "file:///etc/passwd"><svg xmlns="http://www.w3.org/2000/svg"/>""", BadgeImageError.SvgDtdForbidden)]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><g></svg>""", BadgeImageError.SvgMalformed)]
    [InlineData("""<html xmlns="http://www.w3.org/1999/xhtml"><svg xmlns="http://www.w3.org/2000/svg"/></html>""", BadgeImageError.SvgNotSvgRoot)]
    [InlineData("""<svg><rect/></svg>""", BadgeImageError.SvgNotSvgRoot)]
    public void Svg_Refusals_AreSpecific(string svg, BadgeImageError expected)
    {
        var result = BadgeImageValidator.Validate(Encoding.UTF8.GetBytes(svg));
        Assert.False(result.IsValid);
        Assert.Equal(expected, result.Error);
        Assert.Null(result.Bytes);
    }

    [Fact]
    public void Svg_DeepNesting_IsRefused()
    {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\">" + string.Concat(Enumerable.Repeat("<g>", 100)) + string.Concat(Enumerable.Repeat("</g>", 100)) + "</svg>";
        Assert.Equal(BadgeImageError.SvgTooDeep, BadgeImageValidator.Validate(Encoding.UTF8.GetBytes(svg)).Error);
    }

    [Fact]
    public void Svg_SanitizedOutput_IsStable()
    {
        var first = BadgeImageValidator.Validate("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><style/><circle r="1"/></svg>"""u8).Bytes!;
        var second = BadgeImageValidator.Validate(first).Bytes!;
        Assert.Equal(first, second);
        Assert.Contains("<circle r=\"1\" />", Encoding.UTF8.GetString(first), StringComparison.Ordinal);
    }

    /// <summary>Builds small real PNGs (zlib-compressed scanlines, correct CRCs).</summary>
    private static class Png
    {
        internal static byte[] Make(int width, int height, byte bitDepth = 8, bool withIdat = true, string? extraITxtKeyword = null)
        {
            var ms = new MemoryStream();
            ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
            var ihdr = new byte[13];
            BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
            BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
            ihdr[8] = bitDepth;
            ihdr[9] = 6; // RGBA
            Chunk(ms, "IHDR", ihdr);
            if (extraITxtKeyword is not null)
            {
                Chunk(ms, "iTXt", [.. Encoding.ASCII.GetBytes(extraITxtKeyword), 0, 0, 0, 0, 0, .. "x"u8]);
            }
            if (withIdat)
            {
                var raw = new byte[Math.Min(height, 64) * ((Math.Min(width, 64) * 4) + 1)];
                var z = new MemoryStream();
                using (var zlib = new ZLibStream(z, CompressionLevel.Fastest, leaveOpen: true))
                {
                    zlib.Write(raw);
                }
                Chunk(ms, "IDAT", z.ToArray());
            }
            Chunk(ms, "IEND", []);
            return ms.ToArray();
        }

        // Bit-at-a-time CRC-32 (independent of the table-driven one under test).
        private static uint BitwiseCrc(byte[] data)
        {
            var c = 0xFFFFFFFFu;
            foreach (var b in data)
            {
                c ^= b;
                for (var k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }
            }
            return ~c;
        }

        private static void Chunk(Stream s, string type, byte[] data)
        {
            Span<byte> len = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(len, (uint)data.Length);
            s.Write(len);
            byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
            s.Write(typed);
            Span<byte> crc = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crc, BitwiseCrc(typed));
            s.Write(crc);
        }
    }
}
