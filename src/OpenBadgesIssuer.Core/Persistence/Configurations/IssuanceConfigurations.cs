using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenBadgesIssuer.Core.Domain;

namespace OpenBadgesIssuer.Core.Persistence.Configurations;

internal sealed class IssuerSigningKeyConfiguration : IEntityTypeConfiguration<IssuerSigningKey>
{
    public void Configure(EntityTypeBuilder<IssuerSigningKey> builder)
    {
        builder.ToTable("signing_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(Limits.IdLength);
        builder.Property(k => k.TenantId).HasMaxLength(Limits.IdLength);
        builder.Property(k => k.IssuerId).HasMaxLength(Limits.IdLength);
        builder.Property(k => k.KeyId).HasMaxLength(100);
        builder.Property(k => k.Algorithm).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.PublicKeyMultibase).HasMaxLength(100);
        builder.HasIndex(k => new { k.IssuerId, k.KeyId }).IsUnique();
        builder.HasOne<IssuerProfile>().WithMany().HasForeignKey(k => k.IssuerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BadgeClassConfiguration : IEntityTypeConfiguration<BadgeClass>
{
    public void Configure(EntityTypeBuilder<BadgeClass> builder)
    {
        builder.ToTable("badge_classes");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasMaxLength(Limits.IdLength);
        builder.Property(b => b.TenantId).HasMaxLength(Limits.IdLength);
        builder.Property(b => b.IssuerId).HasMaxLength(Limits.IdLength);
        builder.Property(b => b.CurrentVersionId).HasMaxLength(Limits.IdLength);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => new { b.TenantId, b.IssuerId, b.Id });
        builder.HasOne<IssuerProfile>().WithMany().HasForeignKey(b => b.IssuerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BadgeClassVersionConfiguration : IEntityTypeConfiguration<BadgeClassVersion>
{
    public void Configure(EntityTypeBuilder<BadgeClassVersion> builder)
    {
        builder.ToTable("badge_class_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).HasMaxLength(Limits.IdLength);
        builder.Property(v => v.TenantId).HasMaxLength(Limits.IdLength);
        builder.Property(v => v.BadgeClassId).HasMaxLength(Limits.IdLength);
        builder.Property(v => v.IssuerId).HasMaxLength(Limits.IdLength);
        builder.Property(v => v.ImageId).HasMaxLength(Limits.IdLength);
        builder.HasIndex(v => new { v.BadgeClassId, v.Number }).IsUnique();
        builder.HasOne<BadgeClass>().WithMany().HasForeignKey(v => v.BadgeClassId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BadgeImage>().WithMany().HasForeignKey(v => v.ImageId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BadgeImageConfiguration : IEntityTypeConfiguration<BadgeImage>
{
    public void Configure(EntityTypeBuilder<BadgeImage> builder)
    {
        builder.ToTable("badge_images");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(Limits.IdLength);
        builder.Property(i => i.TenantId).HasMaxLength(Limits.IdLength);
        builder.Property(i => i.MediaType).HasMaxLength(32);
    }
}

internal sealed class AssertionConfiguration : IEntityTypeConfiguration<Assertion>
{
    public void Configure(EntityTypeBuilder<Assertion> builder)
    {
        builder.ToTable("assertions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(Limits.IdLength);
        builder.Property(a => a.TenantId).HasMaxLength(Limits.IdLength);
        builder.Property(a => a.IssuerId).HasMaxLength(Limits.IdLength);
        builder.Property(a => a.BadgeClassId).HasMaxLength(Limits.IdLength);
        builder.Property(a => a.BadgeClassVersionId).HasMaxLength(Limits.IdLength);
        builder.Property(a => a.RecipientType).HasMaxLength(16);
        builder.Property(a => a.RecipientIdentity).HasMaxLength(Limits.UrlLength);
        builder.Property(a => a.RecipientName).HasMaxLength(Limits.NameLength);
        builder.Property(a => a.Salt).HasMaxLength(64);
        builder.HasIndex(a => new { a.TenantId, a.BadgeClassId, a.Id });
        builder.HasOne<BadgeClassVersion>().WithMany().HasForeignKey(a => a.BadgeClassVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssertionArtifactConfiguration : IEntityTypeConfiguration<AssertionArtifact>
{
    public void Configure(EntityTypeBuilder<AssertionArtifact> builder)
    {
        builder.ToTable("assertion_artifacts");
        builder.HasKey(a => new { a.AssertionId, a.Kind });
        builder.Property(a => a.AssertionId).HasMaxLength(Limits.IdLength);
        builder.Property(a => a.Kind).HasMaxLength(16);
        builder.Property(a => a.MediaType).HasMaxLength(64);
        builder.HasOne<Assertion>().WithMany().HasForeignKey(a => a.AssertionId).OnDelete(DeleteBehavior.Cascade);
    }
}
