using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenBadgesIssuer.Core.Domain;

namespace OpenBadgesIssuer.Core.Persistence.Configurations;

internal sealed class IssuerProfileConfiguration : IEntityTypeConfiguration<IssuerProfile>
{
    public void Configure(EntityTypeBuilder<IssuerProfile> builder)
    {
        builder.ToTable("issuers");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(Limits.IdLength);
        builder.Property(i => i.TenantId).HasMaxLength(Limits.IdLength);
        builder.Property(i => i.Name).HasMaxLength(Limits.NameLength);
        builder.Property(i => i.Url).HasMaxLength(Limits.UrlLength);
        builder.Property(i => i.Email).HasMaxLength(Limits.EmailLength);
        builder.Property(i => i.Description).HasMaxLength(Limits.DescriptionLength);
        builder.Property(i => i.Image).HasMaxLength(Limits.UrlLength);
        builder.Property(i => i.Phone).HasMaxLength(Limits.PhoneLength);
        builder.Property(i => i.Official).HasMaxLength(Limits.NameLength);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.TenantId, i.Id });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Restrict);
        // The address is one JSON column: null when absent, no sparse columns, and the same shape on both providers.
        builder.OwnsOne(i => i.Address, address => address.ToJson("address"));
    }
}
