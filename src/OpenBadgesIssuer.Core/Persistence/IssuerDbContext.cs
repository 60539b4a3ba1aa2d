using Microsoft.EntityFrameworkCore;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Persistence.Converters;

namespace OpenBadgesIssuer.Core.Persistence;

/// <summary>
/// The one EF model. It is provider-agnostic: the provider and its migrations assembly are chosen at run time
/// by <c>UseIssuerSqlite()</c> / <c>UseIssuerPostgres()</c> in the migrations projects.
/// </summary>
public sealed class IssuerDbContext(DbContextOptions<IssuerDbContext> options) : DbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<IssuerProfile> Issuers => Set<IssuerProfile>();

    public DbSet<IssuerSigningKey> SigningKeys => Set<IssuerSigningKey>();

    public DbSet<BadgeClass> BadgeClasses => Set<BadgeClass>();

    public DbSet<BadgeClassVersion> BadgeClassVersions => Set<BadgeClassVersion>();

    public DbSet<BadgeImage> BadgeImages => Set<BadgeImage>();

    public DbSet<Assertion> Assertions => Set<Assertion>();

    public DbSet<AssertionArtifact> AssertionArtifacts => Set<AssertionArtifact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IssuerDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
