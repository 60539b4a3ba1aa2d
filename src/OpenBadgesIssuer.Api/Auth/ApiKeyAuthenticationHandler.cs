using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenBadgesIssuer.Api.Hosting;
using OpenBadgesIssuer.Api.Problems;
using OpenBadgesIssuer.Core.ApiKeys;
using OpenBadgesIssuer.Core.Domain;

namespace OpenBadgesIssuer.Api.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer obi_live_…</c>. Missing or invalid keys get a 401 problem with
/// <c>WWW-Authenticate: Bearer</c> (RFC 6750 §3); a missing scope gets a 403 problem. Keys are never logged.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyService apiKeys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string NoKey = "none";
    private const string BadKey = "invalid";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization.Count == 1 ? Request.Headers.Authorization[0] : null;
        if (Request.Headers.Authorization.Count == 0)
        {
            Context.Items[SchemeName] = NoKey;
            return AuthenticateResult.NoResult();
        }

        Context.Items[SchemeName] = BadKey;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("Authorization header is not a bearer token.");
        }

        ApiKey? key = await apiKeys.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (key is null)
        {
            Log.ApiKeyRejected(Logger);
            return AuthenticateResult.Fail("Unknown, revoked or expired API key.");
        }

        var claims = new List<Claim>
        {
            new(ApiClaims.TenantId, key.TenantId),
            new(ApiClaims.KeyId, key.Id),
        };
        claims.AddRange(key.ScopeList.Select(scope => new Claim(ApiClaims.Scope, scope)));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        bool presented = Context.Items[SchemeName] is BadKey;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = presented
            ? "Bearer error=\"invalid_token\", error_description=\"The API key is unknown, revoked or expired.\""
            : "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = presented
                ? ErrorMapping.Create(401, "invalid_api_key", "The API key is unknown, revoked or expired.")
                : ErrorMapping.Create(401, "missing_api_key", "Send an API key as 'Authorization: Bearer <key>'."),
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        string scope = Context.GetEndpoint()?.Metadata.GetMetadata<RequiredScopeMetadata>()?.Scope ?? "another scope";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = ErrorMapping.Create(403, "insufficient_scope", $"This operation requires the scope '{scope}'."),
        });
    }
}
