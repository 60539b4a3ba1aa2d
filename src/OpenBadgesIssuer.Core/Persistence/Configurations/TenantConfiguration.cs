using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenBadgesIssuer.Core.Domain;

namespace OpenBadgesIssuer.Core.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(Limits.IdLength);
        builder.Property(t => t.Name).HasMaxLength(Limits.NameLength);
    }
}
