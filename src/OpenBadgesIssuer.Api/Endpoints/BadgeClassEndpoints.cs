using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OpenBadgesIssuer.Api.Auth;
using OpenBadgesIssuer.Api.Contracts;
using OpenBadgesIssuer.Api.Hosting;
using OpenBadgesIssuer.Api.Problems;
using OpenBadgesIssuer.Core.BadgeClasses;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Issuers;
using OpenBadgesIssuer.Core.Paging;
using OpenBadgesIssuer.Core.Signing;

namespace OpenBadgesIssuer.Api.Endpoints;

/// <summary>Badge classes (OB 3.0 Achievements / OB 2.0 BadgeClasses) of the caller's tenant.</summary>
public static class BadgeClassEndpoints
{
    public static IEndpointRouteBuilder MapBadgeClassEndpoints(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder byIssuer = routes.MapGroup("/v1/issuers/{issuerId}/badge-classes").WithTags("Badge classes");
        byIssuer.MapPost("/", CreateBadgeClass).RequireScope(Scopes.BadgesWrite)
            .WithName(nameof(CreateBadgeClass)).WithSummary("Create a badge class (micro-credential) with its image")
            .Accepts<BadgeClassRequest>("application/json")
            .WithProblems(400, 404, 413, 415, 422);
        byIssuer.MapGet("/", ListBadgeClasses).RequireScope(Scopes.IssuersRead)
            .WithName(nameof(ListBadgeClasses)).WithSummary("List an issuer's badge classes (cursor paging)")
            .WithProblems(400, 404);

        RouteGroupBuilder group = routes.MapGroup("/v1/badge-classes").WithTags("Badge classes");
        group.MapGet("/{id}", GetBadgeClass).RequireScope(Scopes.IssuersRead)
            .WithName(nameof(GetBadgeClass)).WithSummary("Get a badge class (current version)")
            .WithProblems(404);
        group.MapPatch("/{id}", UpdateBadgeClass).RequireScope(Scopes.BadgesWrite)
            .WithName(nameof(UpdateBadgeClass))
            .WithSummary("Update a badge class (JSON merge patch, If-Match required); a version with awards is kept and a new version is created")
            .Accepts<BadgeClassRequest>("application/merge-patch+json", "application/json")
            .WithProblems(400, 404, 412, 413, 415, 422, 428);
        return routes;
    }

    public static async Task<Results<Created<BadgeClassResponse>, ProblemHttpResult>> CreateBadgeClass(
        string issuerId, BadgeClassRequest body, ClaimsPrincipal user, BadgeClassService badgeClasses, PublicUrls urls,
        HttpContext context, CancellationToken ct)
    {
        Result<ImageUpload?> image = DecodeImage(body.Image);
        if (!image.IsSuccess)
        {
            return image.Error.ToProblem();
        }

        Result<BadgeClassView> result = await badgeClasses.CreateAsync(user.GetTenantId(), issuerId, body.ToDefinition(), image.Value, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        context.Response.Headers.ETag = EntityTags.For(result.Value.BadgeClass.Version);
        PublicLinks links = urls.Links(context);
        return TypedResults.Created(urls.Absolute(context, $"/v1/badge-classes/{result.Value.BadgeClass.Id}"),
            BadgeClassResponse.From(result.Value, links));
    }

    public static async Task<Results<Ok<PageResponse<BadgeClassResponse>>, ProblemHttpResult>> ListBadgeClasses(
        string issuerId, ClaimsPrincipal user, BadgeClassService badgeClasses, PublicUrls urls, HttpContext context,
        CancellationToken ct, int? limit = null, string? cursor = null)
    {
        Result<Page<BadgeClassView>> result = await badgeClasses.ListAsync(user.GetTenantId(), issuerId, limit, cursor, ct);
        PublicLinks links = urls.Links(context);
        return result.IsSuccess
            ? TypedResults.Ok(Paging.ToResponse(result.Value, v => BadgeClassResponse.From(v, links),
                $"/v1/issuers/{issuerId}/badge-classes", limit, urls, context))
            : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<BadgeClassResponse>, ProblemHttpResult>> GetBadgeClass(
        string id, ClaimsPrincipal user, BadgeClassService badgeClasses, PublicUrls urls, HttpContext context, CancellationToken ct) =>
        WithETag(await badgeClasses.GetAsync(user.GetTenantId(), id, ct), urls, context);

    public static async Task<Results<Ok<BadgeClassResponse>, ProblemHttpResult>> UpdateBadgeClass(
        string id, ClaimsPrincipal user, BadgeClassService badgeClasses, PublicUrls urls, HttpContext context,
        IOptions<JsonOptions> json, CancellationToken ct)
    {
        if (!context.Request.HasJsonContentType())
        {
            return TypedResults.Problem(ErrorMapping.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "Send the patch as application/merge-patch+json or application/json."));
        }

        Result<BadgeClassView> current = await badgeClasses.GetAsync(user.GetTenantId(), id, ct);
        if (!current.IsSuccess)
        {
            return current.Error.ToProblem();
        }

        JsonSerializerOptions options = json.Value.SerializerOptions;
        Result<BadgeClassRequest> patched = await ApplyPatchAsync(context.Request, BadgeClassRequest.From(current.Value.Definition), options, ct);
        if (!patched.IsSuccess)
        {
            return patched.Error.ToProblem();
        }

        Result<ImageUpload?> image = DecodeImage(patched.Value.Image);
        if (!image.IsSuccess)
        {
            return image.Error.ToProblem();
        }

        string? ifMatch = context.Request.Headers.IfMatch.Count == 0 ? null : string.Join(',', context.Request.Headers.IfMatch.ToArray());
        Result<BadgeClassView> result = await badgeClasses.UpdateAsync(
            user.GetTenantId(), id, patched.Value.ToDefinition(), image.Value, ifMatch, ct);
        return WithETag(result, urls, context);
    }

    /// <summary>RFC 7396 merge patch of the current definition, then the strict contract.</summary>
    private static async Task<Result<BadgeClassRequest>> ApplyPatchAsync(
        HttpRequest request, BadgeClassRequest current, JsonSerializerOptions options, CancellationToken ct)
    {
        JsonNode? patch;
        try
        {
            patch = await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }, cancellationToken: ct);
        }
        catch (JsonException ex)
        {
            return Error.BadRequest("invalid_json", "The request body is not valid JSON.", ex.Path);
        }

        if (patch is not JsonObject patchObject)
        {
            return Error.BadRequest("invalid_json", "A merge patch must be a JSON object.", "$");
        }

        JsonNode target = JsonSerializer.SerializeToNode(current, options)!;
        JsonNode merged = Merge(target, patchObject)!;
        try
        {
            BadgeClassRequest? body = merged.Deserialize<BadgeClassRequest>(options);
            return body is null ? Error.BadRequest("invalid_json", "A merge patch must be a JSON object.", "$") : body;
        }
        catch (JsonException ex)
        {
            return Error.BadRequest("invalid_json",
                "The patch does not fit the contract: a wrong value type or a member the contract does not define.",
                string.IsNullOrEmpty(ex.Path) ? null : ex.Path);
        }
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        JsonObject result = target is JsonObject t ? (JsonObject)t.DeepClone() : [];
        foreach ((string name, JsonNode? value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Merge(result[name], value);
            }
        }

        return result;
    }

    private static Result<ImageUpload?> DecodeImage(ImageDto? image)
    {
        if (image is null)
        {
            return Result<ImageUpload?>.Success(null);
        }

        if (string.IsNullOrEmpty(image.Data))
        {
            return Error.Validation("image.data", "required", "image.data must hold the base64 bytes of a PNG or SVG.");
        }

        try
        {
            return new ImageUpload(Convert.FromBase64String(image.Data), image.MediaType);
        }
        catch (FormatException)
        {
            return Error.Validation("image.data", "invalid_base64", "image.data is not valid base64.");
        }
    }

    private static Results<Ok<BadgeClassResponse>, ProblemHttpResult> WithETag(Result<BadgeClassView> result, PublicUrls urls, HttpContext context)
    {
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        context.Response.Headers.ETag = EntityTags.For(result.Value.BadgeClass.Version);
        return TypedResults.Ok(BadgeClassResponse.From(result.Value, urls.Links(context)));
    }
}
