using Microsoft.EntityFrameworkCore;
using OpenBadgesIssuer.Core.Persistence;

namespace OpenBadgesIssuer.Migrations.Postgres;

/// <summary>Configures <see cref="IssuerDbContext"/> for PostgreSQL with the migrations of this assembly.</summary>
public static class PostgresProvider
{
    public static DbContextOptionsBuilder UseIssuerPostgres(this DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresProvider).Assembly.GetName().Name));
    }
}
