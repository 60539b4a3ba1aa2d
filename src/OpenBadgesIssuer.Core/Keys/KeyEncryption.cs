using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OpenBadgesIssuer.Core.Keys;

/// <summary>
/// Encrypts issuer private keys at rest. Implementations must never put key material in exception messages,
/// logs or <c>ToString()</c>.
/// </summary>
public interface IKeyEncryptor
{
    /// <summary>Encrypts a private key; <paramref name="associatedData"/> (e.g. kid + algorithm) is bound to the blob.</summary>
    byte[] Encrypt(ReadOnlySpan<byte> privateKey, string associatedData);

    /// <summary>Decrypts a blob made by <see cref="Encrypt"/> with the same associated data.</summary>
    /// <exception cref="KeyDecryptionException">Wrong key-encryption key, wrong associated data or tampered blob.</exception>
    byte[] Decrypt(ReadOnlySpan<byte> blob, string associatedData);
}

/// <summary>
/// Wraps and unwraps per-key data keys with a key-encryption key (KEK). The default is a local AES-256-GCM KEK
/// (<see cref="LocalKeyEncryptionKeyProvider"/>); a KMS/HSM/Vault implementation can replace it.
/// </summary>
public interface IKeyEncryptionKeyProvider
{
    /// <summary>Identifier of the KEK used for new wraps (stored in each blob so that KEKs can be rotated).</summary>
    string KeyId { get; }

    /// <summary>Wraps a data key.</summary>
    byte[] WrapKey(ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> associatedData);

    /// <summary>Unwraps a data key wrapped under the KEK named <paramref name="keyId"/>.</summary>
    /// <exception cref="KeyDecryptionException">Unknown KEK or failed authentication.</exception>
    byte[] UnwrapKey(string keyId, ReadOnlySpan<byte> wrappedKey, ReadOnlySpan<byte> associatedData);
}

/// <summary>A private key could not be decrypted. The message never contains key material.</summary>
public sealed class KeyDecryptionException : Exception
{
    /// <summary>Creates the exception with the fixed, secret-free message.</summary>
    public KeyDecryptionException()
        : base("The private key could not be decrypted: wrong key-encryption key, or the stored blob was altered.")
    {
    }

    /// <summary>Creates the exception with a secret-free message.</summary>
    public KeyDecryptionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a secret-free message and cause.</summary>
    public KeyDecryptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Configuration of the default local KEK: base64 of 32 bytes, or a file holding that base64 (or 32 raw bytes).</summary>
public sealed class KeyEncryptionOptions
{
    /// <summary>Base64 of a 32-byte KEK (e.g. from a secret store / environment).</summary>
    public string? KeyBase64 { get; set; }

    /// <summary>Path of a file with the KEK.</summary>
    public string? KeyFile { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"KeyEncryptionOptions {{ KeyBase64 = {(KeyBase64 is null ? "null" : "***")}, KeyFile = {KeyFile ?? "null"} }}";
}

/// <summary>A local AES-256-GCM key-encryption key.</summary>
public sealed class LocalKeyEncryptionKeyProvider : IKeyEncryptionKeyProvider, IDisposable
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly AesGcm _aes;

    /// <summary>Creates the provider from 32 KEK bytes (copied; the caller may clear its buffer).</summary>
    public LocalKeyEncryptionKeyProvider(ReadOnlySpan<byte> kek)
    {
        if (kek.Length != 32)
        {
            throw new ArgumentException("The key-encryption key must be 32 bytes (AES-256).", nameof(kek));
        }
        _aes = new AesGcm(kek, TagSize);
        // The id is a one-way fingerprint (not the key): it names which KEK wrapped a blob.
        Span<byte> input = stackalloc byte[32 + 8];
        Encoding.ASCII.GetBytes("obi-kek:").CopyTo(input);
        kek.CopyTo(input[8..]);
        KeyId = "local:" + Convert.ToHexStringLower(SHA256.HashData(input)[..8]);
        CryptographicOperations.ZeroMemory(input);
    }

    /// <inheritdoc />
    public string KeyId { get; }

    /// <summary>Creates the provider from options: <see cref="KeyEncryptionOptions.KeyBase64"/> first, else the file.</summary>
    /// <exception cref="InvalidOperationException">Neither is configured or the value is not a 32-byte key.</exception>
    public static LocalKeyEncryptionKeyProvider FromOptions(KeyEncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.KeyBase64))
        {
            return FromBase64(options.KeyBase64);
        }
        if (!string.IsNullOrWhiteSpace(options.KeyFile))
        {
            return FromFile(options.KeyFile);
        }
        throw new InvalidOperationException("No key-encryption key configured (KeyBase64 or KeyFile).");
    }

    /// <summary>Creates the provider from base64 text of 32 bytes.</summary>
    public static LocalKeyEncryptionKeyProvider FromBase64(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("The configured key-encryption key is not valid base64.");
        }
        try
        {
            if (bytes.Length != 32)
            {
                throw new InvalidOperationException("The configured key-encryption key must decode to 32 bytes.");
            }
            return new LocalKeyEncryptionKeyProvider(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Creates the provider from a file holding base64 text of 32 bytes, or exactly 32 raw bytes.</summary>
    public static LocalKeyEncryptionKeyProvider FromFile(string path)
    {
        var raw = File.ReadAllBytes(path);
        try
        {
            return raw.Length == 32 ? new LocalKeyEncryptionKeyProvider(raw) : FromBase64(Encoding.ASCII.GetString(raw));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    /// <summary>Generates a new random KEK as base64 (for setup tooling).</summary>
    public static string GenerateBase64() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <inheritdoc />
    public byte[] WrapKey(ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> associatedData)
    {
        var output = new byte[NonceSize + TagSize + dataKey.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _aes.Encrypt(nonce, dataKey, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), associatedData);
        return output;
    }

    /// <inheritdoc />
    public byte[] UnwrapKey(string keyId, ReadOnlySpan<byte> wrappedKey, ReadOnlySpan<byte> associatedData)
    {
        if (!string.Equals(keyId, KeyId, StringComparison.Ordinal) || wrappedKey.Length < NonceSize + TagSize)
        {
            throw new KeyDecryptionException();
        }
        var plain = new byte[wrappedKey.Length - NonceSize - TagSize];
        try
        {
            _aes.Decrypt(wrappedKey[..NonceSize], wrappedKey[(NonceSize + TagSize)..], wrappedKey.Slice(NonceSize, TagSize), plain, associatedData);
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(plain);
            throw new KeyDecryptionException();
        }
        return plain;
    }

    /// <inheritdoc />
    public void Dispose() => _aes.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"LocalKeyEncryptionKeyProvider {{ KeyId = {KeyId} }}";
}

/// <summary>
/// Envelope encryption: a fresh random AES-256-GCM data key per private key encrypts the key; the data key is
/// wrapped by the KEK provider. Blob layout (version 1):
/// <c>0x01 | len(kekId) | kekId (UTF-8) | len(wrapped) (uint16 BE) | wrapped data key | nonce (12) | tag (16) | ciphertext</c>.
/// The associated data is bound to both the wrap and the payload.
/// </summary>
public sealed class EnvelopeKeyEncryptor(IKeyEncryptionKeyProvider kek) : IKeyEncryptor
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <inheritdoc />
    public byte[] Encrypt(ReadOnlySpan<byte> privateKey, string associatedData)
    {
        var aad = Aad(associatedData);
        var dataKey = RandomNumberGenerator.GetBytes(32);
        try
        {
            var wrapped = kek.WrapKey(dataKey, aad);
            var kekId = Encoding.UTF8.GetBytes(kek.KeyId);
            if (kekId.Length > 255 || wrapped.Length > ushort.MaxValue)
            {
                throw new InvalidOperationException("Key-encryption key id or wrapped key too long.");
            }
            var header = 1 + 1 + kekId.Length + 2 + wrapped.Length;
            var blob = new byte[header + NonceSize + TagSize + privateKey.Length];
            blob[0] = Version;
            blob[1] = (byte)kekId.Length;
            kekId.CopyTo(blob, 2);
            BinaryPrimitives.WriteUInt16BigEndian(blob.AsSpan(2 + kekId.Length), (ushort)wrapped.Length);
            wrapped.CopyTo(blob, 4 + kekId.Length);
            var nonce = blob.AsSpan(header, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(dataKey, TagSize);
            aes.Encrypt(nonce, privateKey, blob.AsSpan(header + NonceSize + TagSize), blob.AsSpan(header + NonceSize, TagSize), aad);
            return blob;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <inheritdoc />
    public byte[] Decrypt(ReadOnlySpan<byte> blob, string associatedData)
    {
        var aad = Aad(associatedData);
        if (blob.Length < 4 || blob[0] != Version)
        {
            throw new KeyDecryptionException();
        }
        var idLength = blob[1];
        if (blob.Length < 4 + idLength)
        {
            throw new KeyDecryptionException();
        }
        var kekId = Encoding.UTF8.GetString(blob.Slice(2, idLength));
        var wrappedLength = BinaryPrimitives.ReadUInt16BigEndian(blob.Slice(2 + idLength, 2));
        var header = 4 + idLength + wrappedLength;
        if (blob.Length < header + NonceSize + TagSize)
        {
            throw new KeyDecryptionException();
        }
        var dataKey = kek.UnwrapKey(kekId, blob.Slice(4 + idLength, wrappedLength), aad);
        try
        {
            if (dataKey.Length != 32)
            {
                throw new KeyDecryptionException();
            }
            var plain = new byte[blob.Length - header - NonceSize - TagSize];
            using var aes = new AesGcm(dataKey, TagSize);
            try
            {
                aes.Decrypt(blob.Slice(header, NonceSize), blob[(header + NonceSize + TagSize)..], blob.Slice(header + NonceSize, TagSize), plain, aad);
            }
            catch (AuthenticationTagMismatchException)
            {
                CryptographicOperations.ZeroMemory(plain);
                throw new KeyDecryptionException();
            }
            return plain;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private static byte[] Aad(string associatedData) =>
        Encoding.UTF8.GetBytes("obi-private-key-v1|" + (associatedData ?? throw new ArgumentNullException(nameof(associatedData))));
}
