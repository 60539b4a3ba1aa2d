using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenBadgesIssuer.Api.Hosting;
using OpenBadgesIssuer.Core.Tenants;

namespace OpenBadgesIssuer.Api.Tests.Infrastructure;

/// <summary>The whole HTTP stack on the in-memory test server, pointed at one provider and one database.</summary>
public sealed class ApiFactory(IReadOnlyDictionary<string, string?> settings, TextWriter? bootstrapConsole = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.ConfigureServices(services =>
            services.AddSingleton(new BootstrapConsole(bootstrapConsole ?? TextWriter.Null)));
    }

    /// <summary>Creates a tenant directly through the use case and returns its admin key (all scopes).</summary>
    public async Task<TestTenant> CreateTenantAsync(string? name = null)
    {
        await using AsyncServiceScope scope = Services.CreateAsyncScope();
        TenantService tenants = scope.ServiceProvider.GetRequiredService<TenantService>();
        CreatedTenant created = (await tenants.CreateAsync(name ?? "Tenant " + Guid.NewGuid().ToString("N")[..8],
            TestContext.Current.CancellationToken)).Value;
        return new TestTenant(created.Tenant.Id, created.AdminKey.Secret);
    }

    public HttpClient CreateClient(string? apiKey)
    {
        HttpClient client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }
}

public sealed record TestTenant(string Id, string AdminKey);
