using Microsoft.EntityFrameworkCore;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Identifiers;
using OpenBadgesIssuer.Core.Issuers;
using OpenBadgesIssuer.Core.Paging;
using OpenBadgesIssuer.Core.Persistence;

namespace OpenBadgesIssuer.Core.ApiKeys;

/// <summary>Creates, lists, revokes and checks API keys. The secret exists only in the value returned by create.</summary>
public sealed class ApiKeyService(IssuerDbContext db, TimeProvider time)
{
    private const string Resource = "API key";

    public async Task<Result<CreatedApiKey>> CreateAsync(
        string tenantId, string? name, IReadOnlyCollection<string>? scopes, DateTime? expiresAt, CancellationToken ct)
    {
        if (IssuerValidator.Text("name", name, Limits.NameLength, required: true) is { } nameError)
        {
            return nameError;
        }

        if (scopes is null || scopes.Count == 0)
        {
            return Error.Validation("scopes", "required", "scopes must list at least one scope.");
        }

        if (scopes.FirstOrDefault(s => !Scopes.IsKnown(s)) is { } unknown)
        {
            return Error.Validation("scopes", "unknown_scope",
                $"Unknown scope '{Truncate(unknown)}'. Known scopes: {string.Join(", ", Scopes.All)}.");
        }

        DateTime now = time.GetUtcNow().UtcDateTime;
        DateTime? expiry = expiresAt?.ToUniversalTime();
        if (expiry is not null && expiry <= now)
        {
            return Error.Validation("expiresAt", "expiry_in_past", "expiresAt must be in the future.");
        }

        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, ct))
        {
            return Error.NotFound("tenant");
        }

        GeneratedKey generated = ApiKeyFormat.Generate();
        var key = new ApiKey
        {
            Id = IdGenerator.New(ApiKey.IdPrefix, time),
            TenantId = tenantId,
            Name = name!,
            Prefix = generated.Prefix,
            SecretHash = generated.Hash,
            Scopes = string.Join(' ', Scopes.All.Where(scopes.Contains)),
            CreatedAt = now,
            ExpiresAt = expiry,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(key, generated.Key);
    }

    public async Task<Result<Page<ApiKey>>> ListAsync(string tenantId, int? limit, string? cursor, CancellationToken ct)
    {
        Result<PageRequest> request = PageRequest.Create(limit, cursor, ApiKey.IdPrefix);
        if (!request.IsSuccess)
        {
            return request.Error;
        }

        IQueryable<ApiKey> query = db.ApiKeys.AsNoTracking().Where(k => k.TenantId == tenantId);
        if (request.Value.After is { } after)
        {
            query = query.Where(k => string.Compare(k.Id, after) > 0);
        }

        List<ApiKey> rows = await query.OrderBy(k => k.Id).Take(request.Value.Limit + 1).ToListAsync(ct);
        bool more = rows.Count > request.Value.Limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new Page<ApiKey>(rows, more ? PageRequest.EncodeCursor(rows[^1].Id) : null);
    }

    /// <summary>Revokes a key of the tenant. Revoking an already revoked key succeeds and changes nothing.</summary>
    public async Task<Result<ApiKey>> RevokeAsync(string tenantId, string id, CancellationToken ct)
    {
        ApiKey? key = IdGenerator.IsWellFormed(id, ApiKey.IdPrefix)
            ? await db.ApiKeys.FirstOrDefaultAsync(k => k.TenantId == tenantId && k.Id == id, ct)
            : null;
        if (key is null)
        {
            return Error.NotFound(Resource);
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }

        return key;
    }

    /// <summary>Returns the active key matching <paramref name="presented"/>, or null (unknown, malformed, revoked, expired).</summary>
    public async Task<ApiKey?> AuthenticateAsync(string presented, CancellationToken ct)
    {
        if (!ApiKeyFormat.TryGetPrefix(presented, out string prefix))
        {
            return null;
        }

        ApiKey? key = await ByPrefix.For(db)(db, prefix, ct);
        if (key is null || !ApiKeyFormat.Matches(presented, key.SecretHash))
        {
            return null;
        }

        return key.IsActive(time.GetUtcNow().UtcDateTime) ? key : null;
    }

    /// <summary>Runs on every authenticated request: compiled once.</summary>
    private static readonly PerModel<Func<IssuerDbContext, string, CancellationToken, Task<ApiKey?>>> ByPrefix = new(_ =>
        EF.CompileAsyncQuery((IssuerDbContext db, string prefix, CancellationToken ct) =>
            db.ApiKeys.AsNoTracking().FirstOrDefault(k => k.Prefix == prefix)));

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

/// <summary>A new key and its one-time secret.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Secret);
