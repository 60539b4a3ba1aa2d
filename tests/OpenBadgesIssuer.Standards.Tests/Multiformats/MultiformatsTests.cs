using System.Text;
using FsCheck;
using FsCheck.Xunit;
using NSec.Cryptography;
using OpenBadgesIssuer.Standards.Keys;
using OpenBadgesIssuer.Standards.Multiformats;

namespace OpenBadgesIssuer.Standards.Tests.Multiformats;

public sealed class MultiformatsTests
{
    // Key pairs of the W3C vc-di-eddsa test vectors (TestVectors/keyPair.json and proof-set-chain/multiKeyPairs.json).
    public static TheoryData<string, string> VectorKeyPairs => new()
    {
        { "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq" },
        { "z6MktgKTsu1QhX6QPbyqG6geXdw6FQCZBPq7uQpieWbiQiG7", "z3u2W4YnTstS1nSSBAgZcYSJF43JuZ9uLV6bF38B1Bf8NugW" },
        { "z6MkhWqdDBPojHA7cprTGTt5yHv5yUi1B8cnXn8ReLumkw6E", "z3u2cfp4Q17kMGhNCh348a3yw3cUBiWK6RXRzyJE54sixMFn" },
        { "z6MkmEq87wkHCYnWnNZkigeDMGTN7oUw1upkhzd77KuXERS1", "z3u2Zr3tcDLBDQKGxVa9SRDFNLqNqPWsa8p9rWPvCEH6bADB" },
        { "z6Mkm1S51iPHJvDEkJ9MRtxJmT8Pqo6wHipAFwBAjN83vntT", "z3u2ZTWiFwM17veUR7sXniY66Gf14SqMdpMLy7SW9x4EDdmw" },
    };

    [Theory]
    [MemberData(nameof(VectorKeyPairs))]
    public void VectorKeyPairsDecodeAndMatch(string publicKeyMultibase, string secretKeyMultibase)
    {
        var seed = Multikey.DecodeEd25519SecretKey(secretKeyMultibase);
        var publicKey = Multikey.DecodeEd25519PublicKey(publicKeyMultibase);
        using var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        Assert.Equal(publicKey, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        Assert.Equal(publicKeyMultibase, Multikey.EncodeEd25519PublicKey(publicKey));
        Assert.Equal(secretKeyMultibase, Multikey.EncodeEd25519SecretKey(seed));

        var did = DidKey.FromEd25519PublicKey(publicKey);
        Assert.Equal("did:key:" + publicKeyMultibase, did);
        var resolved = DidKey.Resolve(did + "#" + publicKeyMultibase);
        Assert.Equal(did, resolved.Did);
        Assert.Equal(did + "#" + publicKeyMultibase, resolved.VerificationMethodId);
        Assert.Equal(MultikeyType.Ed25519Public, resolved.KeyType);
        Assert.Equal(publicKey, resolved.PublicKey.ToArray());
    }

    [Fact]
    public void Base58BtcKnownValues()
    {
        Assert.Equal("z2NEpo7TZRRrLZSi2U", Multibase.Encode(Encoding.ASCII.GetBytes("Hello World!")));
        Assert.Equal("zUSm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z",
            Multibase.Encode(Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog.")));
        Assert.Equal("z11233QC4", Multibase.Encode([0x00, 0x00, 0x28, 0x7f, 0xb4, 0xcd]));
        Assert.Equal("z", Multibase.Encode([]));
        Assert.Equal("z111", Multibase.Encode([0, 0, 0]));
        Assert.Equal([0x00, 0x00, 0x28, 0x7f, 0xb4, 0xcd], Multibase.Decode("z11233QC4"));
        Assert.Throws<FormatException>(() => Multibase.Decode("z0OIl"));
    }

    [Fact]
    public void Base64UrlKnownValues()
    {
        Assert.Equal("uSGVsbG8gV29ybGQh", Multibase.Encode(Encoding.ASCII.GetBytes("Hello World!"), MultibaseEncoding.Base64Url));
        Assert.Equal("u-_8", Multibase.Encode([0xfb, 0xff], MultibaseEncoding.Base64Url));
        Assert.Equal([0xfb, 0xff], Multibase.Decode("u-_8", out var encoding));
        Assert.Equal(MultibaseEncoding.Base64Url, encoding);
        Assert.Throws<FormatException>(() => Multibase.Decode("u-_8="));
        Assert.Throws<FormatException>(() => Multibase.Decode("u+/8"));
        Assert.Throws<FormatException>(() => Multibase.Decode("mSGVsbG8"));
        Assert.Throws<FormatException>(() => Multibase.Decode(""));
    }

    [Property(MaxTest = 300)]
    public bool MultibaseRoundTrips(byte[] data, bool base64)
    {
        var encoding = base64 ? MultibaseEncoding.Base64Url : MultibaseEncoding.Base58Btc;
        return Multibase.Decode(Multibase.Encode(data, encoding)).AsSpan().SequenceEqual(data);
    }

    [Fact]
    public void VarintsAndPrefixes()
    {
        Assert.Equal([0xed, 0x01], Multicodec.EncodeVarint(Multicodec.Ed25519Public));
        Assert.Equal([0x80, 0x26], Multicodec.EncodeVarint(Multicodec.Ed25519Secret));
        Assert.Equal([0x80, 0x24], Multicodec.EncodeVarint(Multicodec.P256Public));
        Assert.Equal(0x1300UL, Multicodec.DecodeVarint([0x80, 0x26, 0xff], out var length));
        Assert.Equal(2, length);
        Assert.Throws<FormatException>(() => Multicodec.DecodeVarint([0x80], out _));
        Assert.Throws<FormatException>(() => Multicodec.DecodeVarint([0xed, 0x00], out _));
    }

    [Fact]
    public void P256PublicKeys()
    {
        var x = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var y = new byte[32];
        y[31] = 7; // odd
        var multibase = Multikey.EncodeP256PublicKey(x, y);
        Assert.StartsWith("zDn", multibase, StringComparison.Ordinal);
        var decoded = Multikey.Decode(multibase);
        Assert.Equal(MultikeyType.P256Public, decoded.Type);
        Assert.Equal(3, decoded.Key.Span[0]);
        Assert.Equal(x, decoded.Key.Span[1..].ToArray());
        Assert.Equal(MultikeyType.P256Public, DidKey.Resolve("did:key:" + multibase).KeyType);
    }

    [Theory]
    [InlineData("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkhWqdDBPojHA7cprTGTt5yHv5yUi1B8cnXn8ReLumkw6E")]
    [InlineData("did:key:z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq")]
    [InlineData("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ")]
    [InlineData("did:web:example.com")]
    [InlineData("did:key:")]
    public void DidKeyRejects(string value)
    {
        Assert.Throws<FormatException>(() => DidKey.Resolve(value));
        Assert.False(DidKey.TryResolve(value, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("did:web:w3c-ccg.github.io", "https://w3c-ccg.github.io/.well-known/did.json")]
    [InlineData("did:web:w3c-ccg.github.io:user:alice", "https://w3c-ccg.github.io/user/alice/did.json")]
    [InlineData("did:web:example.com%3A3000:user:alice", "https://example.com:3000/user/alice/did.json")]
    [InlineData("did:web:example.com#key-1", "https://example.com/.well-known/did.json")]
    public void DidWebToUrl(string did, string url) => Assert.Equal(url, DidWeb.ToDocumentUrl(did));

    [Theory]
    [InlineData("https://w3c-ccg.github.io", "did:web:w3c-ccg.github.io")]
    [InlineData("https://w3c-ccg.github.io/.well-known/did.json", "did:web:w3c-ccg.github.io")]
    [InlineData("https://w3c-ccg.github.io/user/alice", "did:web:w3c-ccg.github.io:user:alice")]
    [InlineData("https://example.com:3000/user/alice/did.json", "did:web:example.com%3A3000:user:alice")]
    public void DidWebFromUrl(string url, string did) => Assert.Equal(did, DidWeb.FromUrl(url));

    [Theory]
    [InlineData("did:web:")]
    [InlineData("did:web:127.0.0.1")]
    [InlineData("did:web:example.com%3Aabc")]
    [InlineData("did:web:example.com::x")]
    [InlineData("did:web:example.com:..")]
    [InlineData("did:web:exa_mple.com")]
    public void DidWebRejects(string did) => Assert.Throws<FormatException>(() => DidWeb.ToDocumentUrl(did));
}
