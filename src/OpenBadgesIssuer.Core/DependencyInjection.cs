using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenBadgesIssuer.Core.ApiKeys;
using OpenBadgesIssuer.Core.Issuers;
using OpenBadgesIssuer.Core.Assertions;
using OpenBadgesIssuer.Core.BadgeClasses;
using OpenBadgesIssuer.Core.Keys;
using OpenBadgesIssuer.Core.Publishing;
using OpenBadgesIssuer.Core.Signing;
using OpenBadgesIssuer.Core.Tenants;

namespace Microsoft.Extensions.DependencyInjection;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the use-case services. The caller registers <c>IssuerDbContext</c> with a provider and an
    /// <see cref="IKeyEncryptor"/> (envelope encryption of issuer private keys).
    /// </summary>
    public static IServiceCollection AddIssuerCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IssuerService>();
        services.TryAddScoped<ApiKeyService>();
        services.TryAddScoped<TenantService>();
        services.TryAddScoped<SigningKeyService>();
        services.TryAddScoped<BadgeClassService>();
        services.TryAddScoped<AssertionService>();
        services.TryAddScoped<IssuanceTimings>();
        services.TryAddScoped<PublicDocuments>();
        services.TryAddSingleton<ImmutableDocumentCache>();
        services.TryAddSingleton<SignerCache>();
        services.TryAddSingleton<IssuanceContextCache>();
        services.TryAddSingleton<KeyMaterialFactory>();
        return services;
    }
}
