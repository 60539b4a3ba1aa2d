using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenBadgesIssuer.Api.Auth;
using OpenBadgesIssuer.Api.Endpoints;
using OpenBadgesIssuer.Api.OpenApi;
using OpenBadgesIssuer.Api.Problems;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Persistence;
using OpenBadgesIssuer.Migrations.Postgres;
using OpenBadgesIssuer.Migrations.Sqlite;

namespace OpenBadgesIssuer.Api.Hosting;

public static class HostingExtensions
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>Registers everything the service needs. Nothing here reads configuration eagerly (tests override it).</summary>
    public static WebApplicationBuilder AddIssuerApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;
        AddOptions(services);

        services.AddDbContext<IssuerDbContext>((sp, options) =>
        {
            DatabaseOptions database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (database.IsPostgres)
            {
                options.UseIssuerPostgres(database.EffectiveConnectionString);
            }
            else
            {
                options.UseIssuerSqlite(database.EffectiveConnectionString);
            }
        });
        services.AddIssuerCore();
        SigningSetup.AddSigning(services);
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<BootstrapConsole>();
        services.AddHostedService<DatabaseStartup>();

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.MaxDepth = 32;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ErrorMapping.Customize);
        services.AddExceptionHandler<ProblemExceptionHandler>();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(options =>
        {
            foreach (string scope in Scopes.All)
            {
                options.AddPolicy(scope, policy => policy.RequireAuthenticatedUser().RequireClaim(ApiClaims.Scope, scope));
            }

            // Safety net: an endpoint that forgets to declare its policy still needs a valid key.
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        AddRateLimiting(services);

        services.AddHealthChecks().AddDbContextCheck<IssuerDbContext>("database", tags: ["ready"]);
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<DocumentTransformer>();
            options.AddOperationTransformer<SecurityOperationTransformer>();
            options.AddOperationTransformer<IfMatchOperationTransformer>();
            options.AddSchemaTransformer<StrictContractSchemaTransformer>();
        });

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"])
            && string.IsNullOrEmpty(builder.Configuration["https_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    /// <summary>The request pipeline and the endpoints.</summary>
    public static WebApplication UseIssuerApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        if (app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.SwaggerUi)
        {
            app.UseSwaggerUI(options =>
            {
                options.SwaggerEndpoint("/openapi/v1.json", "OpenBadgesIssuer v1");
                options.RoutePrefix = "swagger";
            });
        }

        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapIssuerEndpoints();
        app.MapApiKeyEndpoints();
        app.MapKeyEndpoints();
        app.MapBadgeClassEndpoints();
        app.MapAssertionEndpoints();
        app.MapPublicEndpoints();
        return app;
    }

    private static void AddOptions(IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.IsSqlite || o.IsPostgres,
                "Database:Provider must be 'Sqlite' or 'Postgres'.")
            .Validate(o => !o.IsPostgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is 'Postgres'.")
            .Validate(ConnectionStringParses,
                "Database:ConnectionString is not a valid connection string for the chosen provider.")
            .ValidateOnStart();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicUrlOptions>().BindConfiguration(string.Empty)
            .Validate(o => string.IsNullOrEmpty(o.PublicBaseUrl)
                    || (Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out Uri? uri)
                        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)),
                "PublicBaseUrl must be an absolute http(s) URL without query or fragment, e.g. https://badges.example.org.")
            .ValidateOnStart();
    }

    private static bool ConnectionStringParses(DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return true;
        }

        try
        {
            _ = options.IsPostgres
                ? new NpgsqlConnectionStringBuilder(options.ConnectionString).ConnectionString
                : new SqliteConnectionStringBuilder(options.ConnectionString).ConnectionString;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void AddRateLimiting(IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                RateLimitingOptions limits = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
                if (!limits.Enabled)
                {
                    return RateLimitPartition.GetNoLimiter("disabled");
                }

                string partition = context.User.GetKeyId() is { } keyId
                    ? "key:" + keyId
                    : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.PermitsPerMinute,
                    TokensPerPeriod = limits.PermitsPerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (context, ct) =>
            {
                HttpContext http = context.HttpContext;
                TimeSpan retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan value) ? value : TimeSpan.FromSeconds(60);
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Log.RateLimited(http.RequestServices.GetRequiredService<ILogger<RateLimitingOptions>>(),
                    http.User.GetKeyId() is { } id ? "key:" + id : "anonymous");
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = ErrorMapping.Create(429, "rate_limited", "Too many requests for this API key; retry after the Retry-After delay."),
                });
            };
        });
    }
}
