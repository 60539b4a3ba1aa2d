using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OpenBadgesIssuer.Core.Persistence;

namespace OpenBadgesIssuer.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without the host; it never connects.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IssuerDbContext>
{
    public IssuerDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IssuerDbContext>();
        options.UseIssuerPostgres("Host=localhost;Database=design_time");
        return new IssuerDbContext(options.Options);
    }
}
