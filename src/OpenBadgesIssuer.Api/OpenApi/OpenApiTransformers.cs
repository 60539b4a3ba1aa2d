using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OpenBadgesIssuer.Api.Auth;

namespace OpenBadgesIssuer.Api.OpenApi;

/// <summary>Document-level metadata and the bearer API-key security scheme.</summary>
internal sealed class DocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "OpenBadgesIssuer API",
            Version = "v1",
            Description = "Headless Open Badges 2.0 / 3.0 issuer. Authenticate with `Authorization: Bearer <API key>`; "
                + "errors are RFC 9457 problem+json with a stable `code`.",
        };

        // The served document is host-independent (clients resolve paths against where they fetched it), which also
        // keeps the committed openapi/openapi.json byte-comparable.
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "obi_live_<prefix>_<secret>",
            Description = "A tenant API key. Each operation names the scope it needs in `x-required-scope`.",
        };
        return Task.CompletedTask;
    }
}

/// <summary>Adds the security requirement and the required scope to every protected operation.</summary>
internal sealed class SecurityOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        RequiredScopeMetadata? scope = context.Description.ActionDescriptor.EndpointMetadata
            .OfType<RequiredScopeMetadata>().FirstOrDefault();
        if (scope is null)
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(DocumentTransformer.SchemeName, context.Document)] = [],
        });
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-required-scope"] = new JsonNodeExtension(JsonValue.Create(scope.Scope));
        return Task.CompletedTask;
    }
}

/// <summary>Request contracts that refuse unknown members say so in their schema (additionalProperties: false).</summary>
internal sealed class StrictContractSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        JsonUnmappedMemberHandlingAttribute? strict = context.JsonTypeInfo.Type.GetCustomAttribute<JsonUnmappedMemberHandlingAttribute>();
        if (strict?.UnmappedMemberHandling == JsonUnmappedMemberHandling.Disallow)
        {
            schema.AdditionalPropertiesAllowed = false;
        }

        return Task.CompletedTask;
    }
}

/// <summary>Endpoint metadata: the operation takes an <c>If-Match</c> header (required or optional).</summary>
public sealed record IfMatchMetadata(bool Required);

/// <summary>Documents the <c>If-Match</c> header of conditional operations.</summary>
internal sealed class IfMatchOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        IfMatchMetadata? ifMatch = context.Description.ActionDescriptor.EndpointMetadata.OfType<IfMatchMetadata>().FirstOrDefault();
        if (ifMatch is null)
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            In = ParameterLocation.Header,
            Required = ifMatch.Required,
            Description = ifMatch.Required
                ? "The ETag of the version being changed (428 without it, 412 when stale)."
                : "Optional: the ETag of the version being deleted (412 when stale).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        return Task.CompletedTask;
    }
}
