using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenBadgesIssuer.Core.Persistence;

namespace OpenBadgesIssuer.Migrations.Postgres;

/// <summary>Configures <see cref="IssuerDbContext"/> for PostgreSQL with the migrations of this assembly.</summary>
public static class PostgresProvider
{
    /// <summary>Statements prepared per pooled connection when the connection string does not say (Npgsql's default is none).</summary>
    public const int DefaultMaxAutoPrepare = 64;

    public static DbContextOptionsBuilder UseIssuerPostgres(this DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseNpgsql(WithDefaults(connectionString),
            npgsql => npgsql.MigrationsAssembly(typeof(PostgresProvider).Assembly.GetName().Name));
    }

    /// <summary>
    /// The connection string with the service's defaults for what it leaves unset: automatic preparation of the
    /// statements a connection runs repeatedly (the award path runs the same few), so PostgreSQL parses and plans them
    /// once per connection instead of on every request.
    /// </summary>
    public static string WithDefaults(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey answers whether a keyword is supported, not whether it was given:
        // read what was given with the plain builder.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool maxAutoPrepareGiven = given.Keys.Cast<string>()
            .Any(k => string.Equals(k.Replace(" ", "", StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));
        if (maxAutoPrepareGiven)
        {
            return connectionString;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = DefaultMaxAutoPrepare };
        return builder.ConnectionString;
    }
}
