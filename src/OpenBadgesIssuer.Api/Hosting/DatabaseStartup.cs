using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Persistence;
using OpenBadgesIssuer.Core.Tenants;
using OpenBadgesIssuer.Migrations.Sqlite;

namespace OpenBadgesIssuer.Api.Hosting;

/// <summary>
/// Runs before the server accepts requests (<see cref="IHostedLifecycleService.StartingAsync"/>): applies
/// migrations when <c>Database:MigrateOnStartup</c> is true, then, on an empty database, creates the default tenant
/// and prints its admin key once to the console (stdout, never through the logger).
/// </summary>
internal sealed class DatabaseStartup(
    IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, BootstrapConsole console, ILogger<DatabaseStartup> logger,
    IServiceProvider signing)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        // Fail fast on a missing key-encryption key (and create the SQLite default one) before serving requests.
        _ = signing.GetRequiredService<OpenBadgesIssuer.Core.Keys.IKeyEncryptor>();
        bool migrated = await MigrateAsync(scopes, options.Value, logger, cancellationToken);
        if (!migrated || !options.Value.CreateDefaultTenant)
        {
            return;
        }

        await using AsyncServiceScope scope = scopes.CreateAsyncScope();
        TenantService tenants = scope.ServiceProvider.GetRequiredService<TenantService>();
        if (await tenants.AnyAsync(cancellationToken))
        {
            return;
        }

        Result<CreatedTenant> created = await tenants.CreateAsync(TenantService.DefaultTenantName, cancellationToken);
        CreatedTenant tenant = created.Value;
        Log.DefaultTenantCreated(logger, tenant.Tenant.Id);
        console.PrintBootstrapKey(tenant.Tenant.Id, tenant.AdminKey.Secret);
    }

    /// <summary>Applies pending migrations if allowed; returns whether the schema is up to date afterwards.</summary>
    public static async Task<bool> MigrateAsync(
        IServiceScopeFactory scopes, DatabaseOptions options, ILogger logger, CancellationToken ct)
    {
        if (options.IsSqlite)
        {
            SqliteProvider.EnsureDirectory(options.EffectiveConnectionString);
        }

        await using AsyncServiceScope scope = scopes.CreateAsyncScope();
        IssuerDbContext db = scope.ServiceProvider.GetRequiredService<IssuerDbContext>();
        List<string> pending = await PendingMigrationsAsync(db, ct);
        if (pending.Count == 0)
        {
            return true;
        }

        if (!options.MigrateOnStartup)
        {
            Log.PendingMigrationsSkipped(logger);
            return false;
        }

        await db.Database.MigrateAsync(ct);
        Log.MigrationsApplied(logger, options.Provider, pending.Count);
        return true;
    }

    /// <summary>
    /// Pending migrations, without querying a history table that does not exist yet (on a fresh PostgreSQL database
    /// that query fails and EF logs it as an error, which would alarm whoever reads the first start's log).
    /// </summary>
    private static async Task<List<string>> PendingMigrationsAsync(IssuerDbContext db, CancellationToken ct)
    {
        IHistoryRepository history = db.GetService<IHistoryRepository>();
        IRelationalDatabaseCreator creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct) || !await history.ExistsAsync(ct))
        {
            return db.Database.GetMigrations().ToList();
        }

        return (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Where the one-time bootstrap key goes: <see cref="Console.Out"/> (tests substitute a writer).</summary>
public sealed class BootstrapConsole(TextWriter writer)
{
    public BootstrapConsole()
        : this(Console.Out)
    {
    }

    public void PrintBootstrapKey(string tenantId, string apiKey)
    {
        string rule = new('=', 78);
        writer.WriteLine(rule);
        writer.WriteLine($"OpenBadgesIssuer created the default tenant {tenantId}.");
        writer.WriteLine("Its admin API key (all scopes) is shown ONCE; store it now, it cannot be shown again:");
        writer.WriteLine();
        writer.WriteLine($"    {apiKey}");
        writer.WriteLine();
        writer.WriteLine("Use it as 'Authorization: Bearer <key>'.");
        writer.WriteLine(rule);
        writer.Flush();
    }
}
