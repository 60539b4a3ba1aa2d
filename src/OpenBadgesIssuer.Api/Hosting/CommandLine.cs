using System.Text.Json;
using Microsoft.Extensions.Options;
using OpenBadgesIssuer.Core.ApiKeys;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Tenants;

namespace OpenBadgesIssuer.Api.Hosting;

/// <summary>
/// Verbs of the service binary. They run against the configured database and exit without starting the web server:
/// <c>migrate</c>, <c>create-tenant --name NAME</c>, <c>create-api-key --tenant ID --scopes a,b [--name N]
/// [--expires RFC3339]</c>; <c>healthcheck [--url URL]</c> (for container HEALTHCHECK) needs no database.
/// </summary>
public static class CommandLine
{
    private static readonly string[] DatabaseVerbs = ["migrate", "create-tenant", "create-api-key"];

    public static bool IsVerb(string[] args) =>
        args is [var first, ..] && (DatabaseVerbs.Contains(first, StringComparer.Ordinal) || first == "healthcheck");

    public static bool IsDatabaseVerb(string[] args) =>
        args is [var first, ..] && DatabaseVerbs.Contains(first, StringComparer.Ordinal);

    /// <summary>Runs a verb; returns the process exit code (0 ok, 1 failure, 2 usage or configuration error).</summary>
    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        Dictionary<string, string>? flags = ParseFlags(args.AsSpan(1), stderr);
        if (flags is null)
        {
            return 2;
        }

        DatabaseOptions database;
        try
        {
            database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            _ = services.GetRequiredService<IOptions<PublicUrlOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            await stderr.WriteLineAsync($"Configuration error: {string.Join(" ", ex.Failures)}");
            return 2;
        }

        IServiceScopeFactory scopes = services.GetRequiredService<IServiceScopeFactory>();
        ILogger logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CommandLine));
        bool upToDate = await DatabaseStartup.MigrateAsync(scopes, args[0] == "migrate" ? Migrating(database) : database, logger, ct);
        if (!upToDate)
        {
            await stderr.WriteLineAsync("The database has pending migrations; run the 'migrate' verb first.");
            return 1;
        }

        await using AsyncServiceScope scope = scopes.CreateAsyncScope();
        switch (args[0])
        {
            case "migrate":
                await stdout.WriteLineAsync("Database is up to date.");
                return 0;
            case "create-tenant":
                return await CreateTenantAsync(flags, scope.ServiceProvider.GetRequiredService<TenantService>(), stdout, stderr, ct);
            default:
                return await CreateApiKeyAsync(flags, scope.ServiceProvider.GetRequiredService<ApiKeyService>(), stdout, stderr, ct);
        }
    }

    /// <summary>GETs the liveness URL; exit code 0 when it answers 2xx.</summary>
    public static async Task<int> HealthCheckAsync(string[] args, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        Dictionary<string, string>? flags = ParseFlags(args.AsSpan(1), stderr);
        string url = flags?.GetValueOrDefault("url")
            ?? Environment.GetEnvironmentVariable("OBI_HEALTHCHECK_URL")
            ?? "http://localhost:8080/health/live";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using HttpResponseMessage response = await http.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (HttpRequestException ex)
        {
            await stderr.WriteLineAsync($"healthcheck: {ex.Message}");
            return 1;
        }
        catch (TaskCanceledException)
        {
            await stderr.WriteLineAsync("healthcheck: timed out");
            return 1;
        }
    }

    private static DatabaseOptions Migrating(DatabaseOptions options) => new()
    {
        Provider = options.Provider,
        ConnectionString = options.ConnectionString,
        MigrateOnStartup = true,
    };

    private static async Task<int> CreateTenantAsync(
        Dictionary<string, string> flags, TenantService tenants, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!flags.TryGetValue("name", out string? name))
        {
            await stderr.WriteLineAsync("usage: create-tenant --name NAME");
            return 2;
        }

        Result<CreatedTenant> result = await tenants.CreateAsync(name, ct);
        if (!result.IsSuccess)
        {
            await stderr.WriteLineAsync($"{result.Error.Code}: {result.Error.Message}");
            return 1;
        }

        await stdout.WriteLineAsync(JsonSerializer.Serialize(
            new { tenantId = result.Value.Tenant.Id, apiKey = result.Value.AdminKey.Secret }));
        return 0;
    }

    private static async Task<int> CreateApiKeyAsync(
        Dictionary<string, string> flags, ApiKeyService apiKeys, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!flags.TryGetValue("tenant", out string? tenant) || !flags.TryGetValue("scopes", out string? scopes))
        {
            await stderr.WriteLineAsync("usage: create-api-key --tenant ID --scopes a,b [--name NAME] [--expires RFC3339]");
            return 2;
        }

        DateTime? expires = null;
        if (flags.TryGetValue("expires", out string? expiresText))
        {
            if (!DateTimeOffset.TryParse(expiresText, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
            {
                await stderr.WriteLineAsync("--expires must be an RFC 3339 date-time.");
                return 2;
            }

            expires = parsed.UtcDateTime;
        }

        string[] scopeList = scopes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Result<CreatedApiKey> result = await apiKeys.CreateAsync(
            tenant, flags.GetValueOrDefault("name", "cli"), scopeList, expires, ct);
        if (!result.IsSuccess)
        {
            await stderr.WriteLineAsync($"{result.Error.Code}: {result.Error.Message}");
            return 1;
        }

        await stdout.WriteLineAsync(JsonSerializer.Serialize(new
        {
            id = result.Value.Key.Id,
            tenantId = result.Value.Key.TenantId,
            scopes = result.Value.Key.ScopeList,
            apiKey = result.Value.Secret,
        }));
        return 0;
    }

    private static Dictionary<string, string>? ParseFlags(ReadOnlySpan<string> args, TextWriter stderr)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                stderr.WriteLine($"Unexpected argument '{args[i]}'; flags take the form --name VALUE.");
                return null;
            }

            flags[args[i][2..]] = args[++i];
        }

        return flags;
    }
}
