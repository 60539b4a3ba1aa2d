using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenBadgesIssuer.Api.Auth;
using OpenBadgesIssuer.Api.Tests.Infrastructure;
using OpenBadgesIssuer.Core.Domain;

namespace OpenBadgesIssuer.Api.Tests.Security;

/// <summary>
/// Every operation of the served OpenAPI document refuses a request without a key (401 + WWW-Authenticate: Bearer)
/// and a key without its scope (403); every endpoint either declares a scope or is on the explicit public list.
/// </summary>
public sealed class AuthWalkTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    /// <summary>Endpoints reachable without a key, by route pattern.</summary>
    private static readonly string[] PublicEndpoints =
    [
        "/openapi/{documentName}.json", "/health/live", "/health/ready",
        // Public identity and credential documents (verifiers fetch them without credentials).
        "/issuers/{id}/did.json", "/issuers/{id}/jwks.json", "/issuers/{id}/keys/{kid}", "/ob3/issuers/{id}", "/ob2/issuers/{id}",
        "/ob2/issuers/{id}/keys/{kid}", "/ob2/issuers/{id}/revocations", "/ob2/badge-classes/{versionId}", "/ob3/achievements/{versionId}", "/images/{id}",
        "/ob2/assertions/{id}", "/ob2/assertions/{id}/signed", "/ob3/credentials/{id}", "/ob3/credentials/{id}/jwt",
        "/assertions/{id}/baked.png", "/assertions/{id}/baked.svg", "/assertions/{id}",
    ];

    [Fact]
    public async Task EveryOpenApiOperation_WithoutKey_Returns401Problem()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using HttpClient client = fixture.Factory.CreateClient();
        List<(HttpMethod Method, string Path, string Scope)> operations = await OperationsAsync(client, ct);
        Assert.True(operations.Count >= 8, $"only {operations.Count} operations in the document");

        foreach ((HttpMethod method, string path, _) in operations)
        {
            using HttpRequestMessage request = Build(method, path, null);
            HttpResponseMessage response = await client.SendAsync(request, ct);
            await HttpAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "missing_api_key");
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    [Fact]
    public async Task EveryOpenApiOperation_WithKeyLackingItsScope_Returns403Problem()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient anonymous = fixture.Factory.CreateClient();
        List<(HttpMethod Method, string Path, string Scope)> operations = await OperationsAsync(anonymous, ct);

        foreach ((HttpMethod method, string path, string scope) in operations)
        {
            // A key holding every scope except the one the operation declares.
            string key = await CreateKeyAsync(tenant, Scopes.All.Where(s => s != scope).ToArray());
            using HttpClient client = fixture.Factory.CreateClient(key);
            using HttpRequestMessage request = Build(method, path, key);
            JsonElement problem = await HttpAssert.ProblemAsync(await client.SendAsync(request, ct), HttpStatusCode.Forbidden, "insufficient_scope");
            Assert.Contains(scope, problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public void EveryEndpoint_DeclaresAScopeOrIsExplicitlyPublic()
    {
        EndpointDataSource source = fixture.Factory.Services.GetRequiredService<EndpointDataSource>();
        var routes = source.Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(routes);
        var publicSeen = new List<string>();
        foreach (RouteEndpoint endpoint in routes)
        {
            string pattern = endpoint.RoutePattern.RawText ?? "";
            bool anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            RequiredScopeMetadata? scope = endpoint.Metadata.GetMetadata<RequiredScopeMetadata>();
            if (anonymous)
            {
                Assert.Contains(pattern, PublicEndpoints);
                Assert.Null(scope);
                publicSeen.Add(pattern);
                continue;
            }

            Assert.True(scope is not null, $"{endpoint.DisplayName} declares no scope");
            Assert.Contains(scope.Scope, Scopes.All);
            Assert.Contains(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == scope.Scope);
        }

        Assert.Equal(PublicEndpoints.Order(), publicSeen.Order());
    }

    [Fact]
    public async Task PublicEndpoints_AnswerWithoutKey()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using HttpClient client = fixture.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json", ct)).StatusCode);
        // Public documents answer without a key (404 problem for unknown ids, never 401).
        foreach (string pattern in PublicEndpoints.Where(p => p.StartsWith("/issuers", StringComparison.Ordinal) || p.Contains("/ob", StringComparison.Ordinal)
                     || p.StartsWith("/assertions", StringComparison.Ordinal) || p.StartsWith("/images", StringComparison.Ordinal)))
        {
            string path = pattern.Replace("{id}", "x_unknown", StringComparison.Ordinal).Replace("{kid}", "k", StringComparison.Ordinal)
                .Replace("{versionId}", "x_unknown", StringComparison.Ordinal);
            await HttpAssert.ProblemAsync(await client.GetAsync(path, ct), HttpStatusCode.NotFound, "not_found");
        }

        HttpResponseMessage swagger = await client.GetAsync("/swagger/index.html", ct);
        Assert.Equal(HttpStatusCode.OK, swagger.StatusCode);
        Assert.Contains("swagger", await swagger.Content.ReadAsStringAsync(ct), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> CreateKeyAsync(TestTenant tenant, string[] scopes)
    {
        await using AsyncServiceScope scope = fixture.Factory.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<OpenBadgesIssuer.Core.ApiKeys.ApiKeyService>();
        return (await keys.CreateAsync(tenant.Id, "walk", scopes, null, TestContext.Current.CancellationToken)).Value.Secret;
    }

    private static async Task<List<(HttpMethod, string, string)>> OperationsAsync(HttpClient client, CancellationToken ct)
    {
        JsonElement document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", ct)).RootElement;
        var operations = new List<(HttpMethod, string, string)>();
        foreach (JsonProperty path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (JsonProperty operation in path.Value.EnumerateObject())
            {
                if (!operation.Value.TryGetProperty("security", out _))
                {
                    Assert.True(PublicEndpoints.Contains(path.Name), $"{operation.Name} {path.Name} has no security and is not on the public list");
                    continue;
                }

                string scope = operation.Value.GetProperty("x-required-scope").GetString()!;
                operations.Add((new HttpMethod(operation.Name.ToUpperInvariant()), path.Name.Replace("{id}", "iss_01J00000000000000000000000", StringComparison.Ordinal)
                    .Replace("{issuerId}", "iss_01J00000000000000000000000", StringComparison.Ordinal)
                    .Replace("{badgeClassId}", "bc_01J00000000000000000000000", StringComparison.Ordinal), scope));
            }
        }

        return operations;
    }

    private static HttpRequestMessage Build(HttpMethod method, string path, string? key)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new("Bearer", key);
        }

        if (method == HttpMethod.Post || method == HttpMethod.Patch)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }
}
