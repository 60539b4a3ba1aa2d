using Microsoft.EntityFrameworkCore;
using OpenBadgesIssuer.Core.Persistence;
using OpenBadgesIssuer.Migrations.Postgres;
using OpenBadgesIssuer.Migrations.Sqlite;

namespace OpenBadgesIssuer.Api.Tests.Hosting;

/// <summary>Every model change ships a migration for each provider (scripts/add-migration.sh NAME adds both).</summary>
public sealed class PendingModelChangesTests
{
    [Fact]
    public void Sqlite_HasNoPendingModelChanges()
    {
        var options = new DbContextOptionsBuilder<IssuerDbContext>();
        options.UseIssuerSqlite("Data Source=:memory:");
        using var db = new IssuerDbContext(options.Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh NAME: the SQLite migrations lag the model.");
    }

    [Fact]
    public void Postgres_HasNoPendingModelChanges()
    {
        var options = new DbContextOptionsBuilder<IssuerDbContext>();
        options.UseIssuerPostgres("Host=localhost;Database=unused");
        using var db = new IssuerDbContext(options.Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh NAME: the PostgreSQL migrations lag the model.");
    }
}
