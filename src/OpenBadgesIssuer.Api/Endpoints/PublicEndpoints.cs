using Microsoft.Net.Http.Headers;
using OpenBadgesIssuer.Api.Hosting;
using OpenBadgesIssuer.Api.Problems;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Publishing;

namespace OpenBadgesIssuer.Api.Endpoints;

/// <summary>
/// Unauthenticated, cacheable public documents (the URL scheme is described on <see cref="Core.Signing.PublicLinks"/>).
/// Signed assertion documents are served as the exact bytes stored at issue time, bakes and the HTML page as renditions
/// of those bytes (rendered once, then cached); identity and badge class documents are
/// written from the stored rows. Every answer has an ETag (If-None-Match → 304), Cache-Control and CORS open to all.
/// </summary>
public static class PublicEndpoints
{
    private const string IdentityCache = "public, max-age=300";
    private const string ArtifactCache = "public, max-age=86400";
    private const string SvgPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    public static IEndpointRouteBuilder MapPublicEndpoints(this IEndpointRouteBuilder routes)
    {
        Map(routes, "/issuers/{id}/did.json", GetDidDocument, "The issuer's did:web DID document (Multikey and JsonWebKey, current and retired keys)");
        Map(routes, "/issuers/{id}/jwks.json", GetJwks, "The issuer's JWKS");
        Map(routes, "/issuers/{id}/keys/{kid}", GetJwk, "One public key as a bare JWK (the VC-JWT kid URL)");
        Map(routes, "/ob3/issuers/{id}", GetOb3Profile, "The issuer's OB 3.0 Profile");
        Map(routes, "/ob2/issuers/{id}", GetOb2Issuer, "The issuer's OB 2.0 Profile (publicKey, revocationList)");
        Map(routes, "/ob2/issuers/{id}/keys/{kid}", GetOb2Key, "OB 2.0 CryptographicKey (RSA public key PEM)");
        Map(routes, "/ob2/issuers/{id}/revocations", GetOb2RevocationList, "OB 2.0 RevocationList of the issuer");
        Map(routes, "/ob2/badge-classes/{versionId}", GetOb2BadgeClass, "OB 2.0 BadgeClass of one badge class version");
        Map(routes, "/ob3/achievements/{versionId}", GetAchievement, "OB 3.0 Achievement of one badge class version (its id)");
        Map(routes, "/images/{id}", GetImage, "A badge image (PNG or sanitized SVG)");
        Map(routes, "/ob2/assertions/{id}", GetOb2Assertion, "Hosted OB 2.0 Assertion (JSON-LD; HTML page for Accept: text/html)");
        Map(routes, "/ob2/assertions/{id}/signed", GetOb2SignedAssertion, "OB 2.0 signed assertion (compact JWS, RS256)");
        Map(routes, "/ob3/credentials/{id}", GetOb3Credential, "OB 3.0 credential with an eddsa-rdfc-2022 Data Integrity proof");
        Map(routes, "/ob3/credentials/{id}/jwt", GetOb3Jwt, "The OB 3.0 credential as VC-JWT (ES256)");
        Map(routes, "/assertions/{id}/baked.png", GetBakedPng, "Baked PNG (OB 3.0; ?version=2 for OB 2.0)");
        Map(routes, "/assertions/{id}/baked.svg", GetBakedSvg, "Baked SVG (OB 3.0; ?version=2 for OB 2.0)");
        Map(routes, "/assertions/{id}", GetAwardPage, "Human-readable award page");
        return routes;
    }

    /// <summary>Route patterns of the public endpoints (the auth-walk test's explicit public list includes these).</summary>
    public static IReadOnlyList<string> Patterns { get; } =
    [
        "/issuers/{id}/did.json", "/issuers/{id}/jwks.json", "/issuers/{id}/keys/{kid}", "/ob3/issuers/{id}", "/ob2/issuers/{id}",
        "/ob2/issuers/{id}/keys/{kid}", "/ob2/issuers/{id}/revocations", "/ob2/badge-classes/{versionId}", "/ob3/achievements/{versionId}",
        "/images/{id}", "/ob2/assertions/{id}", "/ob2/assertions/{id}/signed", "/ob3/credentials/{id}", "/ob3/credentials/{id}/jwt",
        "/assertions/{id}/baked.png", "/assertions/{id}/baked.svg", "/assertions/{id}",
    ];

    private static void Map(IEndpointRouteBuilder routes, string pattern, Delegate handler, string summary) =>
        routes.MapGet(pattern, handler).AllowAnonymous().WithTags("Public").WithName(handler.Method.Name).WithSummary(summary)
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);

    public static Task<IResult> GetDidDocument(string id, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct) =>
        IssuerDocument(id, IssuerDocumentKind.DidDocument, null, docs, urls, context, ct);

    public static Task<IResult> GetJwks(string id, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct) =>
        IssuerDocument(id, IssuerDocumentKind.Jwks, null, docs, urls, context, ct);

    public static Task<IResult> GetJwk(string id, string kid, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct) =>
        IssuerDocument(id, IssuerDocumentKind.Jwk, kid, docs, urls, context, ct);

    public static Task<IResult> GetOb3Profile(string id, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct) =>
        IssuerDocument(id, IssuerDocumentKind.Ob3Profile, null, docs, urls, context, ct);

    public static Task<IResult> GetOb2Issuer(string id, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct) =>
        IssuerDocument(id, IssuerDocumentKind.Ob2Issuer, null, docs, urls, context, ct);

    public static Task<IResult> GetOb2Key(string id, string kid, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct) =>
        IssuerDocument(id, IssuerDocumentKind.Ob2Key, kid, docs, urls, context, ct);

    public static Task<IResult> GetOb2RevocationList(string id, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct) =>
        IssuerDocument(id, IssuerDocumentKind.Ob2RevocationList, null, docs, urls, context, ct);

    public static async Task<IResult> GetOb2BadgeClass(string versionId, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct) =>
        Serve(context, await docs.Ob2BadgeClassAsync(versionId, urls.Links(context), ct), IdentityCache);

    public static async Task<IResult> GetAchievement(string versionId, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct) =>
        Serve(context, await docs.AchievementAsync(versionId, urls.Links(context), ct), IdentityCache);

    public static async Task<IResult> GetImage(string id, PublicDocuments docs, HttpContext context, CancellationToken ct) =>
        Serve(context, await docs.ImageAsync(id, ct), ArtifactCache);

    public static async Task<IResult> GetOb2Assertion(string id, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct)
    {
        context.Response.Headers.Vary = "Accept";
        Core.Signing.PublicLinks links = urls.Links(context);
        return Negotiate(context.Request) switch
        {
            Representation.Html => Serve(context, await docs.ArtifactAsync(id, ArtifactKinds.Html, links, ct), ArtifactCache),
            Representation.Json => Serve(context, await docs.ArtifactAsync(id, ArtifactKinds.Ob2, links, ct), ArtifactCache, "application/json"),
            _ => Serve(context, await docs.ArtifactAsync(id, ArtifactKinds.Ob2, links, ct), ArtifactCache),
        };
    }

    public static Task<IResult> GetOb2SignedAssertion(string id, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct) =>
        Artifact(id, ArtifactKinds.Ob2Signed, docs, urls, context, ct);

    public static Task<IResult> GetOb3Credential(string id, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct) =>
        Artifact(id, ArtifactKinds.Ob3, docs, urls, context, ct);

    public static Task<IResult> GetOb3Jwt(string id, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct) =>
        Artifact(id, ArtifactKinds.Ob3Jwt, docs, urls, context, ct);

    public static Task<IResult> GetBakedPng(string id, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct, int? version = null) =>
        version is null or 3 ? Artifact(id, ArtifactKinds.Ob3Png, docs, urls, context, ct)
        : version == 2 ? Artifact(id, ArtifactKinds.Ob2Png, docs, urls, context, ct)
        : Task.FromResult(BadVersion());

    public static Task<IResult> GetBakedSvg(string id, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct, int? version = null) =>
        version is null or 3 ? Artifact(id, ArtifactKinds.Ob3Svg, docs, urls, context, ct)
        : version == 2 ? Artifact(id, ArtifactKinds.Ob2Svg, docs, urls, context, ct)
        : Task.FromResult(BadVersion());

    public static Task<IResult> GetAwardPage(string id, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct) =>
        Artifact(id, ArtifactKinds.Html, docs, urls, context, ct);

    private static IResult BadVersion() =>
        TypedResults.Problem(ErrorMapping.Create(StatusCodes.Status400BadRequest, "invalid_version", "version must be 2 or 3.", "version"));

    private static async Task<IResult> Artifact(string id, string kind, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct) =>
        Serve(context, await docs.ArtifactAsync(id, kind, urls.Links(context), ct), ArtifactCache);

    private static async Task<IResult> IssuerDocument(
        string id, IssuerDocumentKind kind, string? keyId, PublicDocuments docs, PublicUrls urls, HttpContext context, CancellationToken ct) =>
        Serve(context, await docs.IssuerDocumentAsync(id, kind, keyId, urls.Links(context), ct), IdentityCache);

    private static IResult Serve(HttpContext context, PublicDocument? document, string cacheControl, string? mediaType = null)
    {
        if (document is null)
        {
            return TypedResults.Problem(ErrorMapping.Create(StatusCodes.Status404NotFound, "not_found", "There is no such public document."));
        }

        IHeaderDictionary headers = context.Response.Headers;
        headers.CacheControl = cacheControl;
        headers.ETag = document.ETag;
        headers.AccessControlAllowOrigin = "*";
        headers.XContentTypeOptions = "nosniff";
        if (document.MediaType.StartsWith("text/html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = Core.Publishing.AwardPage.ContentSecurityPolicy;
        }
        else if (document.MediaType == "image/svg+xml")
        {
            headers.ContentSecurityPolicy = SvgPolicy;
        }

        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null
                && (v == "*" || v.Split(',', StringSplitOptions.TrimEntries).Contains(document.ETag, StringComparer.Ordinal))))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(document.Content, mediaType ?? document.MediaType);
    }

    private enum Representation
    {
        JsonLd,
        Json,
        Html,
    }

    /// <summary>
    /// OB 2.0 hosted assertions: JSON-LD by default; HTML when the client prefers text/html (browsers); plain
    /// application/json when the client accepts only that (OB 2.0 notes §1.1).
    /// </summary>
    private static Representation Negotiate(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out IList<MediaTypeHeaderValue>? accepted) || accepted.Count == 0)
        {
            return Representation.JsonLd;
        }

        double Quality(string type) => accepted.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1.0).DefaultIfEmpty(-1).Max();
        double html = Math.Max(Quality("text/html"), Quality("application/xhtml+xml"));
        double jsonLd = Quality("application/ld+json");
        double json = Quality("application/json");
        double any = Math.Max(Quality("*/*"), Quality("application/*"));
        if (html > 0 && html > jsonLd && html > json)
        {
            return Representation.Html;
        }

        if (jsonLd <= 0 && json > 0 && json >= any)
        {
            return Representation.Json;
        }

        return Representation.JsonLd;
    }
}
