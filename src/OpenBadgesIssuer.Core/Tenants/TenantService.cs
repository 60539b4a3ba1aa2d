using Microsoft.EntityFrameworkCore;
using OpenBadgesIssuer.Core.ApiKeys;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Identifiers;
using OpenBadgesIssuer.Core.Issuers;
using OpenBadgesIssuer.Core.Persistence;

namespace OpenBadgesIssuer.Core.Tenants;

/// <summary>Creates tenants, each with a first API key that carries every scope.</summary>
public sealed class TenantService(IssuerDbContext db, ApiKeyService apiKeys, TimeProvider time)
{
    public const string DefaultTenantName = "Default tenant";

    public Task<bool> AnyAsync(CancellationToken ct) => db.Tenants.AnyAsync(ct);

    public async Task<Result<CreatedTenant>> CreateAsync(string? name, CancellationToken ct)
    {
        if (IssuerValidator.Text("name", name, Limits.NameLength, required: true) is { } error)
        {
            return error;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tenant = new Tenant
        {
            Id = IdGenerator.New(Tenant.IdPrefix, time),
            Name = name!,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(ct);
        Result<CreatedApiKey> key = await apiKeys.CreateAsync(tenant.Id, "admin", Scopes.All, null, ct);
        if (!key.IsSuccess)
        {
            return key.Error;
        }

        await transaction.CommitAsync(ct);
        return new CreatedTenant(tenant, key.Value);
    }
}

/// <summary>A new tenant and its first (admin) key with the one-time secret.</summary>
public sealed record CreatedTenant(Tenant Tenant, CreatedApiKey AdminKey);
