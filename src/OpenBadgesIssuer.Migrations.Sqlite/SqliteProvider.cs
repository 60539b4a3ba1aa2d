using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenBadgesIssuer.Core.Persistence;

namespace OpenBadgesIssuer.Migrations.Sqlite;

/// <summary>Configures <see cref="IssuerDbContext"/> for SQLite with the migrations of this assembly.</summary>
public static class SqliteProvider
{
    public const string DefaultConnectionString = "Data Source=data/issuer.db";

    public static DbContextOptionsBuilder UseIssuerSqlite(this DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteProvider).Assembly.GetName().Name));
    }

    /// <summary>Creates the folder of a file database (e.g. <c>data/</c>) so a fresh clone starts without set-up.</summary>
    public static void EnsureDirectory(string connectionString)
    {
        string dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        string? directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
