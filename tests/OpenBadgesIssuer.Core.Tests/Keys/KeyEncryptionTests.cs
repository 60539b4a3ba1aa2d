using System.Security.Cryptography;
using System.Text;
using OpenBadgesIssuer.Core.Keys;

namespace OpenBadgesIssuer.Core.Tests.Keys;

public class KeyEncryptionTests
{
    private static readonly byte[] Kek1 = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Kek2 = Enumerable.Range(101, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Envelope_RoundTrips_AndUsesAFreshDataKeyEachTime()
    {
        using var kek = new LocalKeyEncryptionKeyProvider(Kek1);
        var encryptor = new EnvelopeKeyEncryptor(kek);
        var secret = RandomNumberGenerator.GetBytes(48);
        var a = encryptor.Encrypt(secret, "kid-1|P256");
        var b = encryptor.Encrypt(secret, "kid-1|P256");
        Assert.NotEqual(a, b);
        Assert.Equal(secret, encryptor.Decrypt(a, "kid-1|P256"));
        Assert.Equal(secret, encryptor.Decrypt(b, "kid-1|P256"));
        Assert.False(a.AsSpan().IndexOf(secret) >= 0);
    }

    [Fact]
    public void WrongKek_Fails()
    {
        using var kek1 = new LocalKeyEncryptionKeyProvider(Kek1);
        using var kek2 = new LocalKeyEncryptionKeyProvider(Kek2);
        var blob = new EnvelopeKeyEncryptor(kek1).Encrypt([1, 2, 3], "ad");
        Assert.Throws<KeyDecryptionException>(() => new EnvelopeKeyEncryptor(kek2).Decrypt(blob, "ad"));
    }

    [Fact]
    public void KekWithForgedId_StillFailsAuthentication()
    {
        using var kek1 = new LocalKeyEncryptionKeyProvider(Kek1);
        using var kek2 = new LocalKeyEncryptionKeyProvider(Kek2);
        var blob = new EnvelopeKeyEncryptor(kek1).Encrypt([1, 2, 3], "ad");
        // Rewrite the stored KEK id to the second KEK's id: the unwrap must still fail (GCM tag).
        var id1 = Encoding.UTF8.GetBytes(kek1.KeyId);
        var id2 = Encoding.UTF8.GetBytes(kek2.KeyId);
        Assert.Equal(id1.Length, id2.Length);
        id2.CopyTo(blob, 2);
        Assert.Throws<KeyDecryptionException>(() => new EnvelopeKeyEncryptor(kek2).Decrypt(blob, "ad"));
    }

    [Fact]
    public void TamperedBlobOrAssociatedData_Fails_EveryByte()
    {
        using var kek = new LocalKeyEncryptionKeyProvider(Kek1);
        var encryptor = new EnvelopeKeyEncryptor(kek);
        var blob = encryptor.Encrypt(RandomNumberGenerator.GetBytes(32), "kid|Ed25519");
        for (var i = 0; i < blob.Length; i++)
        {
            var copy = (byte[])blob.Clone();
            copy[i] ^= 0x01;
            Assert.Throws<KeyDecryptionException>(() => encryptor.Decrypt(copy, "kid|Ed25519"));
        }
        Assert.Throws<KeyDecryptionException>(() => encryptor.Decrypt(blob, "other|Ed25519"));
        Assert.Throws<KeyDecryptionException>(() => encryptor.Decrypt(blob.AsSpan(0, 20), "kid|Ed25519"));
        Assert.Throws<KeyDecryptionException>(() => encryptor.Decrypt([], "kid|Ed25519"));
    }

    [Fact]
    public void KekFromBase64OrFile_HaveTheSameId_AndBadValuesAreRejectedWithoutEchoingThem()
    {
        var base64 = Convert.ToBase64String(Kek1);
        using var fromText = LocalKeyEncryptionKeyProvider.FromOptions(new KeyEncryptionOptions { KeyBase64 = base64 });
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, base64 + "\n");
            using var fromFile = LocalKeyEncryptionKeyProvider.FromOptions(new KeyEncryptionOptions { KeyFile = path });
            Assert.Equal(fromText.KeyId, fromFile.KeyId);
            File.WriteAllBytes(path, Kek1);
            using var fromRaw = LocalKeyEncryptionKeyProvider.FromFile(path);
            Assert.Equal(fromText.KeyId, fromRaw.KeyId);
        }
        finally
        {
            File.Delete(path);
        }
        var shortKey = Convert.ToBase64String(Kek1.AsSpan(0, 16));
        var ex = Assert.Throws<InvalidOperationException>(() => LocalKeyEncryptionKeyProvider.FromBase64(shortKey));
        Assert.DoesNotContain(shortKey, ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => LocalKeyEncryptionKeyProvider.FromOptions(new KeyEncryptionOptions()));
        Assert.DoesNotContain(base64, new KeyEncryptionOptions { KeyBase64 = base64 }.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(base64, fromText.ToString(), StringComparison.Ordinal);
    }
}
