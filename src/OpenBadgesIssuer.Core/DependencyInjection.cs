using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenBadgesIssuer.Core.ApiKeys;
using OpenBadgesIssuer.Core.Issuers;
using OpenBadgesIssuer.Core.Tenants;

namespace Microsoft.Extensions.DependencyInjection;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the use-case services. The caller registers <c>IssuerDbContext</c> with a provider.</summary>
    public static IServiceCollection AddIssuerCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IssuerService>();
        services.TryAddScoped<ApiKeyService>();
        services.TryAddScoped<TenantService>();
        return services;
    }
}
