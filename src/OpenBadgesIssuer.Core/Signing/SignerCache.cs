using System.Collections.Concurrent;
using System.Security.Cryptography;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Keys;
using OpenBadgesIssuer.Standards.DataIntegrity;

namespace OpenBadgesIssuer.Core.Signing;

/// <summary>
/// Keeps decrypted issuer keys in memory for a short time (default 10 minutes, at most 1,024 keys) so that an award
/// does not pay for envelope decryption every time. Entries are never disposed while they may be in use: an expired
/// entry is simply dropped and its native handles are released by their finalizers.
/// </summary>
public sealed class SignerCache(IKeyEncryptor encryptor, KeyMaterialFactory factory, TimeProvider time)
{
    private const int MaxEntries = 1024;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The Ed25519 key pair of a stored key (Data Integrity signing).</summary>
    public Ed25519KeyPair Ed25519(IssuerSigningKey key) => (Ed25519KeyPair)Get(key, () =>
    {
        StoredSigningKey stored = key.ToStored();
        byte[] seed = encryptor.Decrypt(stored.EncryptedPrivateKey, stored.AssociatedData);
        try
        {
            return Ed25519KeyPair.FromSeed(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    });

    /// <summary>The unlocked P-256 or RSA key of a stored key.</summary>
    public UnlockedSigningKey Unlocked(IssuerSigningKey key) => (UnlockedSigningKey)Get(key, () => factory.Unlock(key.ToStored()));

    private object Get(IssuerSigningKey key, Func<object> create)
    {
        DateTimeOffset now = time.GetUtcNow();
        if (_entries.TryGetValue(key.Id, out Entry? entry) && entry.Expires > now)
        {
            return entry.Value;
        }

        if (_entries.Count >= MaxEntries)
        {
            foreach (KeyValuePair<string, Entry> old in _entries.Where(e => e.Value.Expires <= now).ToList())
            {
                _entries.TryRemove(old);
            }

            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }
        }

        var fresh = new Entry(create(), now + Lifetime);
        _entries[key.Id] = fresh;
        return fresh.Value;
    }

    private sealed record Entry(object Value, DateTimeOffset Expires);
}
