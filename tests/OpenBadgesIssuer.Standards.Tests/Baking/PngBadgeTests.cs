using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using OpenBadgesIssuer.Standards.Baking;

namespace OpenBadgesIssuer.Standards.Tests.Baking;

public sealed class PngBadgeTests
{
    /// <summary>A valid 2×1 RGB PNG built from scratch (IHDR, IDAT, IEND).</summary>
    internal static byte[] TinyPng(params (string Type, byte[] Data)[] extraBeforeIdat)
    {
        var ms = new MemoryStream();
        ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, 2);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), 1);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        WriteChunk(ms, "IHDR", ihdr);
        foreach (var (type, data) in extraBeforeIdat)
        {
            WriteChunk(ms, type, data);
        }
        var raw = new byte[] { 0, 255, 0, 0, 0, 0, 255 };
        var z = new MemoryStream();
        using (var zs = new ZLibStream(z, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zs.Write(raw);
        }
        WriteChunk(ms, "IDAT", z.ToArray());
        WriteChunk(ms, "IEND", []);
        return ms.ToArray();
    }

    internal static void WriteChunk(Stream s, string type, byte[] data)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(head, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, head.AsSpan(4));
        s.Write(head);
        s.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.Compute([.. head.AsSpan(4).ToArray(), .. data]));
        s.Write(crc);
    }

    private static List<(string Type, byte[] Data)> Chunks(byte[] png) =>
        PngBadge.ReadChunks(png, BadgeImageLimits.Default).Select(c => (c.Type, png.AsSpan(c.Offset + 8, c.Length).ToArray())).ToList();

    private static byte[] ITxt(string keyword, string text, byte compressed = 0)
    {
        var body = compressed == 0 ? Encoding.UTF8.GetBytes(text) : Deflate(Encoding.UTF8.GetBytes(text));
        return [.. Encoding.ASCII.GetBytes(keyword), 0, compressed, 0, 0, 0, .. body];
    }

    private static byte[] Deflate(byte[] data)
    {
        var z = new MemoryStream();
        using (var zs = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true))
        {
            zs.Write(data);
        }
        return z.ToArray();
    }

    [Fact]
    public void Crc32_matches_known_values()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0xAE426082u, Crc32.Compute("IEND"u8));
    }

    [Theory]
    [InlineData(BadgeVersion.V3, "openbadgecredential")]
    [InlineData(BadgeVersion.V2, "openbadges")]
    public void Bake_writes_one_uncompressed_itxt_before_iend_and_reads_it_back(BadgeVersion version, string keyword)
    {
        const string text = """{"id":"urn:uuid:1","name":"Écoute active — 聴く"}""";
        var png = TinyPng();
        var baked = PngBadge.Bake(png, version, text);
        var chunks = Chunks(baked);
        Assert.Equal(["IHDR", "IDAT", "iTXt", "IEND"], chunks.Select(c => c.Type));
        var data = chunks[2].Data;
        Assert.Equal(ITxt(keyword, text), data);
        Assert.Equal(text, PngBadge.Extract(baked, version));
        // The original image data is untouched.
        Assert.Equal(Chunks(png)[1].Data, chunks[1].Data);
    }

    [Fact]
    public void Rebaking_replaces_the_existing_badge()
    {
        var once = PngBadge.Bake(TinyPng(), BadgeVersion.V3, "first");
        var twice = PngBadge.Bake(once, BadgeVersion.V3, "second");
        Assert.Single(Chunks(twice), c => c.Type == "iTXt");
        Assert.Equal("second", PngBadge.Extract(twice, BadgeVersion.V3));
        Assert.Null(PngBadge.Extract(twice, BadgeVersion.V2));
    }

    [Fact]
    public void Unrelated_itxt_chunks_are_kept_and_ignored()
    {
        var png = TinyPng(("iTXt", ITxt("Comment", "hello")), ("iTXt", ITxt("openbadgecredentials", "near miss")));
        Assert.Null(PngBadge.Extract(png, BadgeVersion.V3));
        var baked = PngBadge.Bake(png, BadgeVersion.V3, "jwt");
        Assert.Equal(3, Chunks(baked).Count(c => c.Type == "iTXt"));
        Assert.Equal("jwt", PngBadge.Extract(baked, BadgeVersion.V3));
    }

    [Fact]
    public void Two_badge_chunks_are_rejected()
    {
        var png = TinyPng(("iTXt", ITxt("openbadgecredential", "a")), ("iTXt", ITxt("openbadgecredential", "b")));
        Assert.Equal(BadgeImageError.DuplicateBadge, Assert.Throws<BadgeImageException>(() => PngBadge.Extract(png, BadgeVersion.V3)).Error);
    }

    [Fact]
    public void Compressed_badge_text_is_rejected()
    {
        var png = TinyPng(("iTXt", ITxt("openbadgecredential", "{}", compressed: 1)));
        Assert.Equal(BadgeImageError.InvalidText, Assert.Throws<BadgeImageException>(() => PngBadge.Extract(png, BadgeVersion.V3)).Error);
    }

    [Fact]
    public void Legacy_ob2_text_chunk_is_read_when_no_itxt_exists()
    {
        var png = TinyPng(("tEXt", [.. "openbadges"u8.ToArray(), 0, .. "https://example.org/assertion/1"u8.ToArray()]));
        Assert.Equal("https://example.org/assertion/1", PngBadge.Extract(png, BadgeVersion.V2));
        var baked = PngBadge.Bake(png, BadgeVersion.V2, "https://example.org/assertion/2");
        Assert.DoesNotContain(Chunks(baked), c => c.Type == "tEXt");
        Assert.Equal("https://example.org/assertion/2", PngBadge.Extract(baked, BadgeVersion.V2));
    }

    public static TheoryData<string, BadgeImageError> MalformedCases => new()
    {
        { "signature", BadgeImageError.NotAnImage },
        { "empty", BadgeImageError.NotAnImage },
        { "truncated", BadgeImageError.Malformed },
        { "crc", BadgeImageError.BadChecksum },
        { "length", BadgeImageError.Malformed },
        { "type", BadgeImageError.Malformed },
        { "no-ihdr", BadgeImageError.Malformed },
        { "no-iend", BadgeImageError.Malformed },
        { "bad-utf8", BadgeImageError.InvalidText },
        { "itxt-unterminated", BadgeImageError.Malformed },
    };

    [Theory]
    [MemberData(nameof(MalformedCases))]
    public void Malformed_pngs_are_rejected_with_a_reason(string damage, BadgeImageError expected)
    {
        var png = TinyPng();
        byte[] input = damage switch
        {
            "signature" => [.. png.Take(7), 0x0B, .. png.Skip(8)],
            "empty" => [],
            "truncated" => png[..^5],
            "crc" => Flip(png, 8 + 8 + 3),
            "length" => WithLength(png, 0x7FFFFFF0),
            "type" => WithType(png, "IH1R"),
            "no-ihdr" => [.. png.Take(8), .. png.Skip(8 + 25)],
            "no-iend" => png[..^12],
            "bad-utf8" => TinyPng(("iTXt", [.. "openbadgecredential"u8.ToArray(), 0, 0, 0, 0, 0, 0xC3, 0x28])),
            "itxt-unterminated" => TinyPng(("iTXt", [.. "openbadgecredential"u8.ToArray(), 0, 0, 0, (byte)'e', (byte)'n'])),
            _ => throw new ArgumentOutOfRangeException(nameof(damage)),
        };
        var error = Assert.Throws<BadgeImageException>(() => PngBadge.Extract(input, BadgeVersion.V3));
        Assert.Equal(expected, error.Error);
        if (damage is not ("bad-utf8" or "itxt-unterminated"))
        {
            Assert.Equal(expected, Assert.Throws<BadgeImageException>(() => PngBadge.Bake(input, BadgeVersion.V3, "x")).Error);
        }
    }

    private static byte[] Flip(byte[] png, int index)
    {
        var copy = (byte[])png.Clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private static byte[] WithLength(byte[] png, uint length)
    {
        var copy = (byte[])png.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(8), length);
        return copy;
    }

    private static byte[] WithType(byte[] png, string type)
    {
        var copy = (byte[])png.Clone();
        Encoding.ASCII.GetBytes(type, copy.AsSpan(12));
        return copy;
    }

    [Fact]
    public void Size_limit_applies_to_reading_and_baking()
    {
        var png = TinyPng();
        var limits = new BadgeImageLimits { MaxImageBytes = png.Length - 1 };
        Assert.Equal(BadgeImageError.TooLarge, Assert.Throws<BadgeImageException>(() => PngBadge.Extract(png, BadgeVersion.V3, limits)).Error);
        var justEnough = new BadgeImageLimits { MaxImageBytes = png.Length + 10 };
        Assert.Equal(BadgeImageError.TooLarge, Assert.Throws<BadgeImageException>(() => PngBadge.Bake(png, BadgeVersion.V3, new string('x', 100), justEnough)).Error);
    }

    [Fact]
    public void Random_byte_damage_only_ever_raises_BadgeImageException()
    {
        var baked = PngBadge.Bake(TinyPng(), BadgeVersion.V3, "eyJhbGciOiJSUzI1NiJ9.e30.AA");
        Prop.ForAll(Gen.Choose(0, baked.Length - 1).ToArbitrary(), Gen.Choose(1, 255).ToArbitrary(), (index, xor) =>
        {
            var copy = (byte[])baked.Clone();
            copy[index] ^= (byte)xor;
            try
            {
                PngBadge.Extract(copy, BadgeVersion.V3);
                // Only damage inside data that is not CRC-protected could pass: there is none in a PNG.
                return false;
            }
            catch (BadgeImageException)
            {
                return true;
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Round_trip_property_for_arbitrary_text()
    {
        var png = TinyPng();
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), text =>
        {
            var value = text.Get;
            // Strings with lone surrogates are not representable in UTF-8; the baker would replace them.
            if (!IsWellFormedUtf16(value))
            {
                return true;
            }
            var once = PngBadge.Bake(png, BadgeVersion.V3, value);
            var twice = PngBadge.Bake(once, BadgeVersion.V3, value);
            return PngBadge.Extract(twice, BadgeVersion.V3) == value && once.AsSpan().SequenceEqual(twice);
        }).QuickCheckThrowOnFailure();
    }

    private static bool IsWellFormedUtf16(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return false;
            }
        }
        return true;
    }

    [Fact]
    public void Validator_sample_pngs_yield_the_expected_credentials()
    {
        var samples = SharedData.Suites("ob3-examples", "validator-samples", "ob30");
        var vcJwt = SharedData.Suites("ob3-examples", "vc-jwt");

        var jwt = PngBadge.Extract(File.ReadAllBytes(Path.Combine(samples, "simple-jwt.png")), BadgeVersion.V3);
        Assert.Equal(File.ReadAllText(Path.Combine(vcJwt, "simple-jwt.from-png.jwt")).Trim(), jwt);

        var jwtV1 = PngBadge.Extract(File.ReadAllBytes(Path.Combine(samples, "simple-jwt_v1.png")), BadgeVersion.V3);
        Assert.Equal(File.ReadAllText(Path.Combine(vcJwt, "simple-jwt_v1.from-svg.jwt")).Trim(), jwtV1);

        var json = PngBadge.Extract(File.ReadAllBytes(Path.Combine(samples, "simple-json.png")), BadgeVersion.V3)!;
        var fromSvg = SvgBadge.Extract(File.ReadAllBytes(Path.Combine(samples, "simple-json.svg")), BadgeVersion.V3)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(fromSvg.Body!), JsonNode.Parse(json)));
        Assert.Equal("http://example.com/credentials/3527", (string?)JsonNode.Parse(json)!["id"]);

        // No OB 2.0 badge in them.
        Assert.Null(PngBadge.Extract(File.ReadAllBytes(Path.Combine(samples, "simple-json.png")), BadgeVersion.V2));
    }

    [Fact]
    public void Rebaking_a_validator_sample_keeps_every_other_chunk()
    {
        var path = Path.Combine(SharedData.Suites("ob3-examples", "validator-samples", "ob30"), "simple-jwt.png");
        var original = File.ReadAllBytes(path);
        var rebaked = PngBadge.Bake(original, BadgeVersion.V3, "replacement");
        var before = Chunks(original).Where(c => c.Type != "iTXt").ToList();
        var after = Chunks(rebaked).Where(c => c.Type != "iTXt").ToList();
        Assert.Equal(before.Select(c => c.Type), after.Select(c => c.Type));
        Assert.All(before.Zip(after), pair => Assert.Equal(pair.First.Data, pair.Second.Data));
        Assert.Equal("replacement", PngBadge.Extract(rebaked, BadgeVersion.V3));
    }
}
