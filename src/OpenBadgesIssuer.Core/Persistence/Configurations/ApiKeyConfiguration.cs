using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenBadgesIssuer.Core.Domain;

namespace OpenBadgesIssuer.Core.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(Limits.IdLength);
        builder.Property(k => k.TenantId).HasMaxLength(Limits.IdLength);
        builder.Property(k => k.Name).HasMaxLength(Limits.NameLength);
        builder.Property(k => k.Prefix).HasMaxLength(32);
        builder.Property(k => k.SecretHash).HasMaxLength(32);
        builder.Property(k => k.Scopes).HasMaxLength(500);
        builder.Ignore(k => k.ScopeList);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasIndex(k => new { k.TenantId, k.Id });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
