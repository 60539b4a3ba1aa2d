using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenBadgesIssuer.Api.Tests.Infrastructure;
using OpenBadgesIssuer.Core.ApiKeys;
using OpenBadgesIssuer.Core.Persistence;

namespace OpenBadgesIssuer.Api.Tests.Issuers;

/// <summary>API keys: created once with the secret, listed without it, hashed at rest, revocable, expiring.</summary>
public abstract class ApiKeyApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : ApiFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateListRevoke_KeyWorksUntilRevoked_AndSecretIsNeverListedOrStored()
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient admin = fixture.Factory.CreateClient(tenant.AdminKey);

        HttpResponseMessage createdResponse = await admin.PostAsJsonAsync("/v1/api-keys",
            new { name = "LMS integration", scopes = new[] { "issuers:read", "issuers:write" } }, Ct);
        JsonElement created = await HttpAssert.JsonAsync(createdResponse, HttpStatusCode.Created);
        string key = created.GetProperty("key").GetString()!;
        string id = created.GetProperty("id").GetString()!;
        Assert.Matches("^obi_live_[0-9a-z]{16}_[0-9a-z]{52}$", key);
        Assert.Equal(key.Split('_')[2], created.GetProperty("prefix").GetString());
        Assert.Contains("no-store", createdResponse.Headers.CacheControl!.ToString());

        using HttpClient integration = fixture.Factory.CreateClient(key);
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/v1/issuers", Ct)).StatusCode);
        await HttpAssert.ProblemAsync(await integration.GetAsync("/v1/api-keys", Ct), HttpStatusCode.Forbidden, "insufficient_scope");

        string listed = await (await admin.GetAsync("/v1/api-keys", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains(id, listed);
        Assert.DoesNotContain(key, listed);
        Assert.DoesNotContain(key.Split('_')[3], listed);

        await using (AsyncServiceScope scope = fixture.Factory.Services.CreateAsyncScope())
        {
            IssuerDbContext db = scope.ServiceProvider.GetRequiredService<IssuerDbContext>();
            var row = await db.ApiKeys.SingleAsync(k => k.Id == id, Ct);
            Assert.Equal(ApiKeyFormat.Hash(key), row.SecretHash);
            Assert.Equal("issuers:read issuers:write", row.Scopes);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/api-keys/{id}", Ct)).StatusCode);
        HttpResponseMessage refused = await integration.GetAsync("/v1/issuers", Ct);
        await HttpAssert.ProblemAsync(refused, HttpStatusCode.Unauthorized, "invalid_api_key");
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString());
        JsonElement list = await HttpAssert.JsonAsync(await admin.GetAsync("/v1/api-keys", Ct), HttpStatusCode.OK);
        Assert.True(list.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id)
            .TryGetProperty("revokedAt", out _));
    }

    [Fact]
    public async Task ExpiredKey_IsRefused()
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        string key;
        string id;
        await using (AsyncServiceScope scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
            CreatedApiKey created = (await keys.CreateAsync(tenant.Id, "short", ["issuers:read"], DateTime.UtcNow.AddSeconds(30), Ct)).Value;
            key = created.Secret;
            id = created.Key.Id;
            IssuerDbContext db = scope.ServiceProvider.GetRequiredService<IssuerDbContext>();
            // Move the expiry into the past directly (the API refuses past expiries at creation).
            await db.Database.ExecuteSqlAsync($"UPDATE api_keys SET \"ExpiresAt\" = {DateTime.UtcNow.AddMinutes(-1)} WHERE \"Id\" = {id}", Ct);
        }

        using HttpClient client = fixture.Factory.CreateClient(key);
        await HttpAssert.ProblemAsync(await client.GetAsync("/v1/issuers", Ct), HttpStatusCode.Unauthorized, "invalid_api_key");
    }

    [Fact]
    public async Task OtherTenantsKey_CannotBeRevoked()
    {
        fixture.EnsureAvailable();
        TestTenant owner = await fixture.Factory.CreateTenantAsync();
        TestTenant stranger = await fixture.Factory.CreateTenantAsync();
        using HttpClient ownerClient = fixture.Factory.CreateClient(owner.AdminKey);
        using HttpClient strangerClient = fixture.Factory.CreateClient(stranger.AdminKey);
        JsonElement list = await HttpAssert.JsonAsync(await ownerClient.GetAsync("/v1/api-keys", Ct), HttpStatusCode.OK);
        string ownerKeyId = list.GetProperty("items")[0].GetProperty("id").GetString()!;

        await HttpAssert.ProblemAsync(await strangerClient.DeleteAsync($"/v1/api-keys/{ownerKeyId}", Ct), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync("/v1/api-keys", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"x","scopes":[]}""", "scopes", "required")]
    [InlineData("""{"name":"x","scopes":["root"]}""", "scopes", "unknown_scope")]
    [InlineData("""{"scopes":["issuers:read"]}""", "name", "required")]
    [InlineData("""{"name":"x","scopes":["issuers:read"],"expiresAt":"2001-01-01T00:00:00Z"}""", "expiresAt", "expiry_in_past")]
    public async Task CreateApiKey_InvalidRequest_Returns422(string json, string field, string code)
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient admin = fixture.Factory.CreateClient(tenant.AdminKey);

        JsonElement problem = await HttpAssert.ProblemAsync(
            await admin.PostAsync("/v1/api-keys", IssuerApiTests<TFixture>.Json(json), Ct), HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }
}

public sealed class SqliteApiKeyApiTests(SqliteApiFixture fixture) : ApiKeyApiTests<SqliteApiFixture>(fixture);

public sealed class PostgresApiKeyApiTests(PostgresApiFixture fixture) : ApiKeyApiTests<PostgresApiFixture>(fixture);
