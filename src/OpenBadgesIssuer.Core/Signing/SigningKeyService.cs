using Microsoft.EntityFrameworkCore;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Identifiers;
using OpenBadgesIssuer.Core.Keys;
using OpenBadgesIssuer.Core.Persistence;

namespace OpenBadgesIssuer.Core.Signing;

/// <summary>Issuer key sets: generated with the issuer, rotated on request, never deleted (retired keys stay published).</summary>
public sealed class SigningKeyService(IssuerDbContext db, KeyMaterialFactory keys, TimeProvider time)
{
    /// <summary>The algorithms every issuer holds one active key of.</summary>
    public static IReadOnlyList<SigningKeyAlgorithm> KeySet { get; } =
        [SigningKeyAlgorithm.Ed25519, SigningKeyAlgorithm.P256, SigningKeyAlgorithm.Rsa2048];

    /// <summary>Adds a fresh active key set for the issuer to the context (saved by the caller's SaveChanges).</summary>
    public IReadOnlyList<IssuerSigningKey> AddKeySet(string tenantId, string issuerId)
    {
        DateTime now = time.GetUtcNow().UtcDateTime;
        var created = new List<IssuerSigningKey>();
        foreach (SigningKeyAlgorithm algorithm in KeySet)
        {
            var key = IssuerSigningKey.From(keys.Create(algorithm), IdGenerator.New(IssuerSigningKey.IdPrefix, time), tenantId, issuerId, now);
            db.SigningKeys.Add(key);
            created.Add(key);
        }

        return created;
    }

    /// <summary>Retires the active keys and creates new ones; returns every key of the issuer.</summary>
    public async Task<Result<IReadOnlyList<IssuerSigningKey>>> RotateAsync(string tenantId, string issuerId, CancellationToken ct)
    {
        if (!await IssuerExistsAsync(tenantId, issuerId, ct))
        {
            return Error.NotFound("issuer");
        }

        DateTime now = time.GetUtcNow().UtcDateTime;
        List<IssuerSigningKey> active = await db.SigningKeys
            .Where(k => k.IssuerId == issuerId && k.Status == SigningKeyStatus.Active).ToListAsync(ct);
        foreach (IssuerSigningKey key in active)
        {
            key.Status = SigningKeyStatus.Retired;
            key.RetiredAt = now;
        }

        AddKeySet(tenantId, issuerId);
        await db.SaveChangesAsync(ct);
        return Result<IReadOnlyList<IssuerSigningKey>>.Success(await AllKeysAsync(issuerId, ct));
    }

    public async Task<Result<IReadOnlyList<IssuerSigningKey>>> ListAsync(string tenantId, string issuerId, CancellationToken ct) =>
        await IssuerExistsAsync(tenantId, issuerId, ct)
            ? Result<IReadOnlyList<IssuerSigningKey>>.Success(await AllKeysAsync(issuerId, ct))
            : Error.NotFound("issuer");

    /// <summary>All keys of an issuer (public use: identity documents), oldest first.</summary>
    public async Task<IReadOnlyList<IssuerSigningKey>> AllKeysAsync(string issuerId, CancellationToken ct) =>
        await db.SigningKeys.AsNoTracking().Where(k => k.IssuerId == issuerId).OrderBy(k => k.Id).ToListAsync(ct);

    private Task<bool> IssuerExistsAsync(string tenantId, string issuerId, CancellationToken ct) =>
        IdGenerator.IsWellFormed(issuerId, IssuerProfile.IdPrefix)
            ? db.Issuers.AnyAsync(i => i.Id == issuerId && i.TenantId == tenantId && i.DeletedAt == null, ct)
            : Task.FromResult(false);
}
