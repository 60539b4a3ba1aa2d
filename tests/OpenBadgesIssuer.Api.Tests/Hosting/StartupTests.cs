using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenBadgesIssuer.Api.Hosting;
using OpenBadgesIssuer.Api.Tests.Infrastructure;

namespace OpenBadgesIssuer.Api.Tests.Hosting;

/// <summary>First-start bootstrap, options validation, health and rate limiting (SQLite; provider-independent).</summary>
public sealed partial class StartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstStart_CreatesDefaultTenantAndPrintsKeyOnce()
    {
        string path = Path.Combine(Path.GetTempPath(), $"obi-boot-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={path}",
        };
        try
        {
            var firstConsole = new StringWriter();
            await using (var first = new ApiFactory(settings, firstConsole))
            {
                _ = first.Server;
                string key = KeyPattern().Match(firstConsole.ToString()).Value;
                Assert.NotEmpty(key);
                using HttpClient client = first.CreateClient(key);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/issuers", Ct)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/api-keys", Ct)).StatusCode);
            }

            var secondConsole = new StringWriter();
            await using (var second = new ApiFactory(settings, secondConsole))
            {
                _ = second.Server;
                Assert.Equal("", secondConsole.ToString());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database:Provider")]
    [InlineData("PublicBaseUrl", "ftp://badges.example", "PublicBaseUrl")]
    [InlineData("PublicBaseUrl", "not a url", "PublicBaseUrl")]
    [InlineData("Api:MaxRequestBodyBytes", "0", "MaxRequestBodyBytes")]
    public void InvalidOptions_FailStartWithClearMessage(string key, string value, string mentioned)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = "Data Source=:memory:",
            [key] = value,
        };
        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => ValidateAtStart(settings));
        Assert.Contains(mentioned, string.Join(" ", error.Failures));
    }

    [Fact]
    public void Postgres_WithoutConnectionString_FailsStart()
    {
        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => ValidateAtStart(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = "",
        }));
        Assert.Contains("Database:ConnectionString is required", string.Join(" ", error.Failures));
    }

    [Fact]
    public async Task PublicBaseUrl_IsUsedInLocationAndNextLinks()
    {
        await using var fixture = new PublicUrlFixture();
        await fixture.InitializeAsync();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient client = fixture.Factory.CreateClient(tenant.AdminKey);

        HttpResponseMessage created = await client.PostAsync("/v1/issuers", IssuerJson(), Ct);
        Assert.StartsWith("https://badges.example.org/base/v1/issuers/iss_", created.Headers.Location!.ToString());
    }

    [Fact]
    public async Task RateLimit_ExceededPerKey_Returns429WithRetryAfter()
    {
        await using var fixture = new LowRateLimitFixture();
        await fixture.InitializeAsync();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        TestTenant other = await fixture.Factory.CreateTenantAsync();
        using HttpClient client = fixture.Factory.CreateClient(tenant.AdminKey);
        using HttpClient otherClient = fixture.Factory.CreateClient(other.AdminKey);

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/issuers", Ct)).StatusCode);
        }

        HttpResponseMessage limited = await client.GetAsync("/v1/issuers", Ct);
        await HttpAssert.ProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await otherClient.GetAsync("/v1/issuers", Ct)).StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        await using var fixture = new SqliteApiFixture();
        await fixture.InitializeAsync();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient client = fixture.Factory.CreateClient(tenant.AdminKey);
        await HttpAssert.ProblemAsync(await client.GetAsync("/nothing-here", Ct), HttpStatusCode.NotFound, "not_found");

        // Without a key the fallback policy answers first: unknown paths do not reveal what exists.
        using HttpClient anonymous = fixture.Factory.CreateClient();
        await HttpAssert.ProblemAsync(await anonymous.GetAsync("/nothing-here", Ct), HttpStatusCode.Unauthorized, "missing_api_key");
    }

    /// <summary>Runs the same validation the host runs at start (ValidateOnStart) on the app's registrations.</summary>
    private static void ValidateAtStart(Dictionary<string, string?> settings)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddIssuerApi();
        using WebApplication app = builder.Build();
        app.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    private static StringContent IssuerJson() => new(
        """{"name":"A","url":"https://a.example","email":"a@example.org"}""", System.Text.Encoding.UTF8, "application/json");

    [GeneratedRegex("obi_live_[0-9a-z]{16}_[0-9a-z]{52}")]
    private static partial Regex KeyPattern();

    private sealed class LowRateLimitFixture : SqliteApiFixture
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?> { ["RateLimiting:PermitsPerMinute"] = "5" };
    }

    private sealed class PublicUrlFixture : SqliteApiFixture
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?> { ["PublicBaseUrl"] = "https://badges.example.org/base/" };
    }
}
