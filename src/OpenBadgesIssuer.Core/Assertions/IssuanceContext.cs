using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OpenBadgesIssuer.Core.BadgeClasses;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Keys;
using OpenBadgesIssuer.Core.Persistence;
using OpenBadgesIssuer.Core.Signing;
using OpenBadgesIssuer.Standards.OpenBadges.V3;

namespace OpenBadgesIssuer.Core.Assertions;

/// <summary>
/// What decides which definition, issuer profile and keys an award under a badge class uses: the badge class's current
/// version (and whether it is awarded, i.e. frozen), the issuer's concurrency counter (bumped by every profile edit),
/// whether the issuer is deleted, and the newest key id of the issuer (key ids are time-ordered, and a rotation adds
/// newer keys in the same transaction that retires the old ones). Read with one small query per award.
/// </summary>
public sealed record IssuanceStamp(string VersionId, bool Awarded, string IssuerId, int IssuerVersion, bool IssuerDeleted, string? NewestKeyId);

/// <summary>Everything an award under one badge class version needs that does not depend on the award itself.</summary>
public sealed class IssuanceContext
{
    public required IssuanceStamp Stamp { get; init; }

    public required string BaseUrl { get; init; }

    public required BadgeClassVersion Version { get; init; }

    public required BadgeClassDefinition Definition { get; init; }

    public required IssuerProfile Issuer { get; init; }

    /// <summary>The issuer's did:web (the Profile id and the controller of its verification methods).</summary>
    public required string Did { get; init; }

    public required IssuerSigningKey Ed25519 { get; init; }

    public required IssuerSigningKey P256 { get; init; }

    public required IssuerSigningKey Rsa { get; init; }

    /// <summary>The embedded issuer Profile (shared, never modified).</summary>
    public required Ob3Profile Profile { get; init; }

    /// <summary>The embedded Achievement (shared, never modified).</summary>
    public required Ob3Achievement Achievement { get; init; }
}

/// <summary>
/// Per-process cache of <see cref="IssuanceContext"/>s of awarded (frozen) badge class versions, keyed by badge class.
/// An entry is used only when the stamp just read from the database (tenant-scoped) equals the one it was built from, so
/// an edit, a new version, a key rotation or a deletion made by any instance takes effect on the next award.
/// </summary>
public sealed class IssuanceContextCache
{
    private const int MaxEntries = 4096;
    private readonly ConcurrentDictionary<string, IssuanceContext> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string badgeClassId, IssuanceStamp stamp, string baseUrl, out IssuanceContext? context)
    {
        if (_entries.TryGetValue(badgeClassId, out context) && context.Stamp == stamp && context.BaseUrl == baseUrl)
        {
            return true;
        }

        context = null;
        return false;
    }

    public void Add(string badgeClassId, IssuanceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Stamp.Awarded)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[badgeClassId] = context;
    }

    /// <summary>The stamp of a badge class of the tenant (null when it does not exist for that tenant).</summary>
    internal static readonly PerModel<Func<IssuerDbContext, string, string, CancellationToken, Task<IssuanceStamp?>>> StampQuery = new(_ =>
        EF.CompileAsyncQuery((IssuerDbContext db, string tenantId, string badgeClassId, CancellationToken ct) =>
            db.BadgeClasses.Where(b => b.Id == badgeClassId && b.TenantId == tenantId)
                .Join(db.BadgeClassVersions, b => b.CurrentVersionId, v => v.Id, (b, v) => v)
                .Join(db.Issuers, v => v.IssuerId, i => i.Id, (v, i) => new IssuanceStamp(v.Id, v.Awarded, i.Id, i.Version, i.DeletedAt != null,
                    db.SigningKeys.Where(k => k.IssuerId == i.Id).OrderByDescending(k => k.Id).Select(k => k.Id).FirstOrDefault()))
                .FirstOrDefault()));

    /// <summary>Builds the context of a stamp from the stored rows (null when the issuer lacks a complete active key set).</summary>
    internal static async Task<IssuanceContext?> LoadAsync(IssuerDbContext db, IssuanceStamp stamp, PublicLinks links, CancellationToken ct)
    {
        BadgeClassVersion version = await db.BadgeClassVersions.AsNoTracking().FirstAsync(v => v.Id == stamp.VersionId, ct);
        IssuerProfile issuer = await db.Issuers.AsNoTracking().FirstAsync(i => i.Id == stamp.IssuerId, ct);
        List<IssuerSigningKey> keys = await db.SigningKeys.AsNoTracking()
            .Where(k => k.IssuerId == issuer.Id && k.Status == SigningKeyStatus.Active).ToListAsync(ct);
        IssuerSigningKey? ed25519 = keys.FirstOrDefault(k => k.Algorithm == SigningKeyAlgorithm.Ed25519);
        IssuerSigningKey? p256 = keys.FirstOrDefault(k => k.Algorithm == SigningKeyAlgorithm.P256);
        IssuerSigningKey? rsa = keys.FirstOrDefault(k => k.Algorithm is SigningKeyAlgorithm.Rsa2048 or SigningKeyAlgorithm.Rsa3072);
        if (ed25519 is null || p256 is null || rsa is null)
        {
            return null;
        }

        BadgeClassDefinition definition = BadgeClassDefinition.Deserialize(version.Definition);
        return new IssuanceContext
        {
            Stamp = stamp,
            BaseUrl = links.BaseUrl,
            Version = version,
            Definition = definition,
            Issuer = issuer,
            Did = links.IssuerDid(issuer.Id),
            Ed25519 = ed25519,
            P256 = p256,
            Rsa = rsa,
            Profile = CredentialBuilder.Profile(issuer, links),
            Achievement = CredentialBuilder.Achievement(version, definition, links),
        };
    }
}
