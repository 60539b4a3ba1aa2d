using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;
using OpenBadgesIssuer.Core.Keys;
using OpenBadgesIssuer.Standards.Multiformats;

namespace OpenBadgesIssuer.Core.Tests.Keys;

public class KeyMaterialFactoryTests
{
    private static readonly byte[] Kek = Enumerable.Range(7, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("header.payload");

    [Theory]
    [InlineData(SigningKeyAlgorithm.Ed25519)]
    [InlineData(SigningKeyAlgorithm.P256)]
    [InlineData(SigningKeyAlgorithm.Rsa2048)]
    [InlineData(SigningKeyAlgorithm.Rsa3072)]
    public void CreatedKey_UnlocksAndSigns_AndTheSignatureVerifiesWithThePublishedPublicKey(SigningKeyAlgorithm algorithm)
    {
        using var kek = new LocalKeyEncryptionKeyProvider(Kek);
        var factory = new KeyMaterialFactory(new EnvelopeKeyEncryptor(kek));
        var stored = factory.Create(algorithm);
        byte[] signature;
        using (var unlocked = factory.Unlock(stored))
        {
            signature = unlocked.Sign(Message);
        }
        Assert.True(VerifyWithPem(stored, Message, signature));
        Assert.False(VerifyWithPem(stored, Encoding.UTF8.GetBytes("header.payloaD"), signature));
        using var jwk = JsonDocument.Parse(stored.PublicJwk);
        Assert.False(jwk.RootElement.TryGetProperty("d", out _));
    }

    [Fact]
    public void Ed25519_PublicFormsAgree()
    {
        using var kek = new LocalKeyEncryptionKeyProvider(Kek);
        var stored = new KeyMaterialFactory(new EnvelopeKeyEncryptor(kek)).Create(SigningKeyAlgorithm.Ed25519);
        Assert.StartsWith("z6Mk", stored.PublicKeyMultibase, StringComparison.Ordinal);
        Assert.Equal(stored.PublicKeyMultibase, stored.KeyId);
        var decoded = Multikey.DecodeEd25519PublicKey(stored.PublicKeyMultibase!);
        using var jwk = JsonDocument.Parse(stored.PublicJwk);
        Assert.Equal(decoded, Base64UrlDecode(jwk.RootElement.GetProperty("x").GetString()!));
        Assert.Equal(32, stored.EncryptedPrivateKey.Length - Overhead(stored.EncryptedPrivateKey));
    }

    [Fact]
    public void P256AndRsa_KeyIdIsTheRfc7638Thumbprint()
    {
        using var kek = new LocalKeyEncryptionKeyProvider(Kek);
        var factory = new KeyMaterialFactory(new EnvelopeKeyEncryptor(kek));
        var ec = factory.Create(SigningKeyAlgorithm.P256);
        using var e = JsonDocument.Parse(ec.PublicJwk);
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{e.RootElement.GetProperty("x").GetString()}\",\"y\":\"{e.RootElement.GetProperty("y").GetString()}\"}}";
        Assert.Equal(Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), ec.KeyId);
        Assert.Equal("ES256", ec.JwsAlgorithm);
        Assert.Equal("RS256", factory.Create(SigningKeyAlgorithm.Rsa2048).JwsAlgorithm);
    }

    [Fact]
    public void Rfc7638Example_Thumbprint()
    {
        // RFC 7638 §3.1 example RSA key.
        const string n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", KeyMaterialFactory.Thumbprint("{\"e\":\"AQAB\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}"));
    }

    [Fact]
    public void Multikey_MatchesThe1EdTechTestVectorKey()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(SharedSpec.Require("ob3/test-vectors/eddsa-rdfc-2022/key-pair.json")));
        var publicKey = Convert.FromHexString(doc.RootElement.GetProperty("publicKeyHex").GetString()!);
        var expected = doc.RootElement.GetProperty("publicKeyMultibase").GetString()!;
        // The factory derives the Multikey with the Standards helper; check it on the published test key.
        Assert.Equal(expected, Multikey.EncodeEd25519PublicKey(publicKey));
        Assert.Equal(publicKey, Multikey.DecodeEd25519PublicKey(expected));
    }

    [Fact]
    public void PrivateMaterial_NeverAppearsInToStringOrExceptions()
    {
        using var kek = new LocalKeyEncryptionKeyProvider(Kek);
        var factory = new KeyMaterialFactory(new EnvelopeKeyEncryptor(kek));
        var stored = factory.Create(SigningKeyAlgorithm.P256);
        var text = stored.ToString();
        Assert.Contains(stored.KeyId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(stored.EncryptedPrivateKey), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(stored.EncryptedPrivateKey), text, StringComparison.OrdinalIgnoreCase);

        string privateD;
        using (var unlocked = factory.Unlock(stored))
        {
            privateD = Convert.ToBase64String(unlocked.Ecdsa.ExportParameters(true).D!);
            Assert.DoesNotContain(privateD, unlocked.ToString(), StringComparison.Ordinal);
        }

        var tampered = stored with { EncryptedPrivateKey = (byte[])stored.EncryptedPrivateKey.Clone() };
        tampered.EncryptedPrivateKey[^1] ^= 0xff;
        var ex = Assert.Throws<KeyDecryptionException>(() => factory.Unlock(tampered));
        Assert.DoesNotContain(privateD, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Kek), ex.ToString(), StringComparison.Ordinal);

        using var otherKek = new LocalKeyEncryptionKeyProvider(RandomNumberGenerator.GetBytes(32));
        Assert.Throws<KeyDecryptionException>(() => new KeyMaterialFactory(new EnvelopeKeyEncryptor(otherKek)).Unlock(stored));
        // The blob is bound to its kid and algorithm.
        Assert.Throws<KeyDecryptionException>(() => factory.Unlock(stored with { KeyId = "other" }));
    }

    [Fact]
    public void UnlockedEd25519Key_MatchesTheStoredPublicKey_AndOnlyExposesItsOwnAlgorithm()
    {
        using var kek = new LocalKeyEncryptionKeyProvider(Kek);
        var factory = new KeyMaterialFactory(new EnvelopeKeyEncryptor(kek));
        var stored = factory.Create(SigningKeyAlgorithm.Ed25519);
        using var unlocked = factory.Unlock(stored);
        Assert.Equal(stored.PublicKeyMultibase, unlocked.Ed25519.PublicKeyMultibase);
        Assert.Throws<InvalidOperationException>(() => unlocked.Rsa);
        Assert.Throws<InvalidOperationException>(() => unlocked.Ecdsa);
    }

    private static bool VerifyWithPem(StoredSigningKey stored, byte[] data, byte[] signature)
    {
        switch (stored.Algorithm)
        {
            case SigningKeyAlgorithm.Ed25519:
                var spki = PemEncoding.Find(stored.PublicKeyPem);
                var der = Convert.FromBase64String(stored.PublicKeyPem[spki.Base64Data]);
                var pub = PublicKey.Import(SignatureAlgorithm.Ed25519, der, KeyBlobFormat.PkixPublicKey);
                return SignatureAlgorithm.Ed25519.Verify(pub, data, signature);
            case SigningKeyAlgorithm.P256:
                using (var ec = ECDsa.Create())
                {
                    ec.ImportFromPem(stored.PublicKeyPem);
                    Assert.Equal(64, signature.Length);
                    return ec.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
                }
            default:
                using (var rsa = RSA.Create())
                {
                    rsa.ImportFromPem(stored.PublicKeyPem);
                    Assert.Equal(stored.Algorithm == SigningKeyAlgorithm.Rsa2048 ? 2048 : 3072, rsa.KeySize);
                    return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                }
        }
    }

    private static int Overhead(byte[] blob) => 4 + blob[1] + ((blob[2 + blob[1]] << 8) | blob[3 + blob[1]]) + 12 + 16;

    private static string Base64UrlEncode(byte[] data) => System.Buffers.Text.Base64Url.EncodeToString(data);

    private static byte[] Base64UrlDecode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
