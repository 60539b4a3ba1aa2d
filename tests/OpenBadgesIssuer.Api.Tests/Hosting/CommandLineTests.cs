using System.Net;
using System.Text.Json;
using OpenBadgesIssuer.Api.Hosting;
using OpenBadgesIssuer.Api.Tests.Infrastructure;

namespace OpenBadgesIssuer.Api.Tests.Hosting;

/// <summary>The verbs of the service binary, run against the provider's database.</summary>
public abstract class CommandLineTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : ApiFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateTenant_PrintsTenantIdAndWorkingAdminKeyAsJson()
    {
        fixture.EnsureAvailable();
        (int code, string stdout, string stderr) = await RunAsync("create-tenant", "--name", "Shelbyville Schools");

        Assert.True(code == 0, stderr);
        JsonElement json = JsonDocument.Parse(stdout).RootElement;
        string tenantId = json.GetProperty("tenantId").GetString()!;
        Assert.StartsWith("ten_", tenantId);
        using HttpClient client = fixture.Factory.CreateClient(json.GetProperty("apiKey").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/api-keys", Ct)).StatusCode);
    }

    [Fact]
    public async Task CreateApiKey_WithScopes_PrintsKeyLimitedToThoseScopes()
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();

        (int code, string stdout, string stderr) = await RunAsync("create-api-key", "--tenant", tenant.Id, "--scopes", "issuers:read");

        Assert.True(code == 0, stderr);
        JsonElement json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(tenant.Id, json.GetProperty("tenantId").GetString());
        using HttpClient client = fixture.Factory.CreateClient(json.GetProperty("apiKey").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/issuers", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/v1/api-keys", Ct)).StatusCode);
    }

    [Theory]
    [InlineData(1, "create-api-key", "--tenant", "ten_01J00000000000000000000000", "--scopes", "issuers:read")]
    [InlineData(1, "create-api-key", "--tenant", "ten_x", "--scopes", "root")]
    [InlineData(2, "create-api-key", "--tenant", "ten_x")]
    [InlineData(2, "create-tenant")]
    [InlineData(2, "create-tenant", "--name")]
    public async Task Verb_BadArguments_FailsWithoutOutput(int expected, params string[] args)
    {
        fixture.EnsureAvailable();
        (int code, string stdout, string stderr) = await RunAsync(args);

        Assert.Equal(expected, code);
        Assert.Equal("", stdout);
        Assert.NotEqual("", stderr);
    }

    [Fact]
    public async Task Migrate_OnUpToDateDatabase_Succeeds()
    {
        fixture.EnsureAvailable();
        (int code, string stdout, _) = await RunAsync("migrate");
        Assert.Equal(0, code);
        Assert.Contains("up to date", stdout);
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CommandLine.RunAsync(args, fixture.Factory.Services, stdout, stderr, Ct);
        return (code, stdout.ToString().Trim(), stderr.ToString());
    }
}

public sealed class SqliteCommandLineTests(SqliteApiFixture fixture) : CommandLineTests<SqliteApiFixture>(fixture);

public sealed class PostgresCommandLineTests(PostgresApiFixture fixture) : CommandLineTests<PostgresApiFixture>(fixture);
