using System.ComponentModel.DataAnnotations;

namespace OpenBadgesIssuer.Api.Hosting;

/// <summary>Section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default, embedded) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>ADO.NET connection string; for SQLite it defaults to <c>Data Source=data/issuer.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the service or a verb starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>On first start with no tenant, create one and print its admin key once to the console.</summary>
    public bool CreateDefaultTenant { get; set; } = true;

    /// <summary>The connection string to use: the configured one, or the SQLite default when none is set.</summary>
    public string EffectiveConnectionString => string.IsNullOrWhiteSpace(ConnectionString)
        ? OpenBadgesIssuer.Migrations.Sqlite.SqliteProvider.DefaultConnectionString
        : ConnectionString;

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Section <c>Api</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    [Range(1, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Serve Swagger UI at <c>/swagger</c>.</summary>
    public bool SwaggerUi { get; set; } = true;
}

/// <summary>Section <c>RateLimiting</c>: a token bucket per API key (and per client address for anonymous calls).</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests allowed per key per minute (bucket size and refill per minute).</summary>
    [Range(1, int.MaxValue)]
    public int PermitsPerMinute { get; set; } = 1200;
}

/// <summary>Root-level settings.</summary>
public sealed class PublicUrlOptions
{
    /// <summary>Absolute base URL used in every public identifier; defaults to the listening URL.</summary>
    public string? PublicBaseUrl { get; set; }
}
