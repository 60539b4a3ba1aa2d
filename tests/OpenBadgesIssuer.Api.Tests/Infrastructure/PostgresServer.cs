using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OpenBadgesIssuer.Api.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server for the test run: <c>OBI_TEST_POSTGRES</c> (an admin connection string) if set; otherwise
/// a throwaway cluster made with the local <c>initdb</c>/<c>pg_ctl</c> in a temp folder on a free port (as root,
/// run through <c>runuser -u postgres</c>), stopped and deleted when the run ends. No Docker engine is assumed, so
/// Testcontainers is not used. When nothing is available the PostgreSQL tests skip, unless
/// <c>OBI_REQUIRE_POSTGRES=1</c> makes that a failure.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? s_instance;

    private string? _clusterDirectory;
    private string? _binDirectory;
    private bool _asPostgresUser;

    public string? AdminConnectionString { get; private set; }

    public string? UnavailableReason { get; private set; }

    public static bool Required => Environment.GetEnvironmentVariable("OBI_REQUIRE_POSTGRES") == "1";

    public static async Task<PostgresServer> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (s_instance is null)
            {
                var server = new PostgresServer();
                await server.StartAsync();
                s_instance = server;
            }

            return s_instance;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops the cluster if this run started one (called by the assembly fixture).</summary>
    public static async Task ShutdownAsync()
    {
        if (s_instance is { } server)
        {
            await server.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_clusterDirectory is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await RunAsync("pg_ctl", ["-D", Path.Combine(_clusterDirectory, "data"), "-m", "immediate", "-w", "stop"]);
        Directory.Delete(_clusterDirectory, recursive: true);
        _clusterDirectory = null;
    }

    private async Task StartAsync()
    {
        if (Environment.GetEnvironmentVariable("OBI_TEST_POSTGRES") is { Length: > 0 } configured)
        {
            AdminConnectionString = configured;
            return;
        }

        _binDirectory = FindBinDirectory();
        if (_binDirectory is null)
        {
            UnavailableReason = "PostgreSQL is not available: OBI_TEST_POSTGRES is not set and no initdb/pg_ctl was found.";
            return;
        }

        _asPostgresUser = Environment.UserName == "root";
        string directory = Path.Combine(Path.GetTempPath(), "obi-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        _clusterDirectory = directory;
        if (_asPostgresUser)
        {
            await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", directory], TimeSpan.FromSeconds(30));
        }

        string data = Path.Combine(directory, "data");
        (int initCode, string initOutput) = await RunAsync("initdb",
            ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        if (initCode != 0)
        {
            throw new InvalidOperationException($"initdb failed ({initCode}): {initOutput}");
        }

        int port = FreePort();
        (int startCode, string startOutput) = await RunAsync("pg_ctl",
        [
            "-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300",
            "start",
        ]);
        if (startCode != 0)
        {
            string log = File.Exists(Path.Combine(directory, "server.log")) ? await File.ReadAllTextAsync(Path.Combine(directory, "server.log")) : "";
            throw new InvalidOperationException($"pg_ctl start failed ({startCode}): {startOutput} {log}");
        }

        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private Task<(int ExitCode, string Output)> RunAsync(string tool, string[] arguments)
    {
        string path = Path.Combine(_binDirectory!, tool);
        return _asPostgresUser
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], TimeSpan.FromMinutes(2))
            : ProcessRunner.RunAsync(path, arguments, TimeSpan.FromMinutes(2));
    }

    private static string? FindBinDirectory()
    {
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            string? newest = Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out int v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string initdb = Path.Combine(dir, "initdb");
            if (File.Exists(initdb) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                // Debian links /usr/local/bin/initdb into the versioned bin folder; use the real folder.
                return Path.GetDirectoryName(new FileInfo(initdb).ResolveLinkTarget(true)?.FullName ?? initdb);
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Assembly fixture: stops the throwaway cluster at the end of the run.</summary>
public sealed class PostgresCleanup : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await PostgresServer.ShutdownAsync();
}
