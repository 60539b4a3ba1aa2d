using Microsoft.Data.Sqlite;
using Npgsql;

namespace OpenBadgesIssuer.Api.Tests.Infrastructure;

/// <summary>One database and one host per test class; tests isolate themselves by creating their own tenant.</summary>
public abstract class ApiFixture : IAsyncLifetime
{
    private ApiFactory? _factory;

    public abstract string Provider { get; }

    public string? SkipReason { get; protected set; }

    public string ConnectionString { get; protected set; } = "";

    /// <summary>The base of every public URL; the test server answers any host, so tests GET these paths through it.</summary>
    public const string PublicBaseUrl = "http://localhost";

    public ApiFactory Factory => _factory ?? throw new InvalidOperationException(SkipReason ?? "The fixture is not initialised.");

    /// <summary>Extra settings for subclasses (e.g. a low rate limit).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        if (!await CreateDatabaseAsync())
        {
            return;
        }

        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider,
            ["Database:ConnectionString"] = ConnectionString,
            ["Database:CreateDefaultTenant"] = "false",
            ["Signing:KeyEncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["PublicBaseUrl"] = PublicBaseUrl,
        };
        foreach ((string key, string? value) in ExtraSettings)
        {
            settings[key] = value;
        }

        _factory = new ApiFactory(settings);
        _ = _factory.Server; // start the host: runs migrations
    }

    /// <summary>Skips the calling test when the provider is unavailable (never when OBI_REQUIRE_POSTGRES=1: then init failed).</summary>
    public void EnsureAvailable()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await DropDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract Task<bool> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();
}

public class SqliteApiFixture : ApiFixture
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"obi-test-{Guid.NewGuid():N}.db");

    public override string Provider => "Sqlite";

    protected override Task<bool> CreateDatabaseAsync()
    {
        ConnectionString = $"Data Source={_path}";
        return Task.FromResult(true);
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }

        return Task.CompletedTask;
    }
}

public class PostgresApiFixture : ApiFixture
{
    private string? _database;
    private string? _admin;

    public override string Provider => "Postgres";

    protected override async Task<bool> CreateDatabaseAsync()
    {
        PostgresServer server = await PostgresServer.GetAsync();
        if (server.AdminConnectionString is null)
        {
            if (PostgresServer.Required)
            {
                throw new InvalidOperationException($"OBI_REQUIRE_POSTGRES=1 but {server.UnavailableReason}");
            }

            SkipReason = server.UnavailableReason;
            return false;
        }

        _admin = server.AdminConnectionString;
        _database = "obi_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
            await command.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ConnectionString;
        return true;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_database is null || _admin is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
