using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OpenBadgesIssuer.Core.Persistence;

namespace OpenBadgesIssuer.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without the host (scripts/add-migration.sh).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IssuerDbContext>
{
    public IssuerDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IssuerDbContext>();
        options.UseIssuerSqlite("Data Source=design-time.db");
        return new IssuerDbContext(options.Options);
    }
}
