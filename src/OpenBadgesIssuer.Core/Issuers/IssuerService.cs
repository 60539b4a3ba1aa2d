using Microsoft.EntityFrameworkCore;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Identifiers;
using OpenBadgesIssuer.Core.Paging;
using OpenBadgesIssuer.Core.Persistence;
using OpenBadgesIssuer.Core.Signing;

namespace OpenBadgesIssuer.Core.Issuers;

/// <summary>Use cases for issuer profiles. Every query is scoped to the caller's tenant; other tenants' ids are "not found".</summary>
public sealed class IssuerService(IssuerDbContext db, SigningKeyService signingKeys, TimeProvider time)
{
    private const string Resource = "issuer";

    public async Task<Result<IssuerProfile>> CreateAsync(string tenantId, IssuerDraft draft, CancellationToken ct)
    {
        if (IssuerValidator.Validate(draft) is { } error)
        {
            return error;
        }

        DateTime now = time.GetUtcNow().UtcDateTime;
        var issuer = new IssuerProfile
        {
            Id = IdGenerator.New(IssuerProfile.IdPrefix, time),
            TenantId = tenantId,
            Name = draft.Name!,
            Url = draft.Url!,
            Email = draft.Email!,
            Description = draft.Description,
            Image = draft.Image,
            Phone = draft.Phone,
            Official = draft.Official,
            Address = draft.Address,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Issuers.Add(issuer);
        // Ed25519 + P-256 + RSA-2048, created with the profile (same transaction).
        signingKeys.AddKeySet(tenantId, issuer.Id);
        await db.SaveChangesAsync(ct);
        return issuer;
    }

    public async Task<Result<IssuerProfile>> GetAsync(string tenantId, string id, CancellationToken ct) =>
        await FindAsync(tenantId, id, ct) is { } issuer ? issuer : Error.NotFound(Resource);

    public async Task<Result<Page<IssuerProfile>>> ListAsync(string tenantId, int? limit, string? cursor, CancellationToken ct)
    {
        Result<PageRequest> request = PageRequest.Create(limit, cursor, IssuerProfile.IdPrefix);
        if (!request.IsSuccess)
        {
            return request.Error;
        }

        IQueryable<IssuerProfile> query = Live(tenantId);
        if (request.Value.After is { } after)
        {
            query = query.Where(i => string.Compare(i.Id, after) > 0);
        }

        List<IssuerProfile> rows = await query.OrderBy(i => i.Id).Take(request.Value.Limit + 1).ToListAsync(ct);
        bool more = rows.Count > request.Value.Limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new Page<IssuerProfile>(rows, more ? PageRequest.EncodeCursor(rows[^1].Id) : null);
    }

    /// <summary>Applies a partial update. <paramref name="ifMatch"/> is required (428 when missing, 412 when stale).</summary>
    public async Task<Result<IssuerProfile>> UpdateAsync(
        string tenantId, string id, IssuerPatch patch, string? ifMatch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patch);
        IssuerProfile? issuer = await FindAsync(tenantId, id, ct);
        if (issuer is null)
        {
            return Error.NotFound(Resource);
        }

        if (ifMatch is null)
        {
            return Error.PreconditionRequired();
        }

        if (!EntityTags.Matches(ifMatch, issuer.Version))
        {
            return Error.PreconditionFailed();
        }

        var draft = new IssuerDraft(
            patch.Name.Apply(issuer.Name), patch.Url.Apply(issuer.Url), patch.Email.Apply(issuer.Email),
            patch.Description.Apply(issuer.Description), patch.Image.Apply(issuer.Image), patch.Phone.Apply(issuer.Phone),
            patch.Official.Apply(issuer.Official), patch.Address.Apply(issuer.Address));
        if (IssuerValidator.Validate(draft) is { } error)
        {
            return error;
        }

        issuer.Name = draft.Name!;
        issuer.Url = draft.Url!;
        issuer.Email = draft.Email!;
        issuer.Description = draft.Description;
        issuer.Image = draft.Image;
        issuer.Phone = draft.Phone;
        issuer.Official = draft.Official;
        issuer.Address = draft.Address;
        return await SaveNewVersionAsync(issuer, ct);
    }

    /// <summary>Soft-deletes the profile. <paramref name="ifMatch"/> is optional here; when given it must match.</summary>
    public async Task<Result<IssuerProfile>> DeleteAsync(string tenantId, string id, string? ifMatch, CancellationToken ct)
    {
        IssuerProfile? issuer = await FindAsync(tenantId, id, ct);
        if (issuer is null)
        {
            return Error.NotFound(Resource);
        }

        if (ifMatch is not null && !EntityTags.Matches(ifMatch, issuer.Version))
        {
            return Error.PreconditionFailed();
        }

        issuer.DeletedAt = time.GetUtcNow().UtcDateTime;
        return await SaveNewVersionAsync(issuer, ct);
    }

    private async Task<Result<IssuerProfile>> SaveNewVersionAsync(IssuerProfile issuer, CancellationToken ct)
    {
        issuer.Version++;
        issuer.UpdatedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
            return issuer;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request updated the row between our read and our write: the caller's ETag is stale.
            return Error.PreconditionFailed();
        }
    }

    private IQueryable<IssuerProfile> Live(string tenantId) =>
        db.Issuers.Where(i => i.TenantId == tenantId && i.DeletedAt == null);

    private async Task<IssuerProfile?> FindAsync(string tenantId, string id, CancellationToken ct) =>
        IdGenerator.IsWellFormed(id, IssuerProfile.IdPrefix)
            ? await Live(tenantId).FirstOrDefaultAsync(i => i.Id == id, ct)
            : null;
}
