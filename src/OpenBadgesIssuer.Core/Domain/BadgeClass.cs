namespace OpenBadgesIssuer.Core.Domain;

/// <summary>
/// A badge class (OB 2.0 BadgeClass / OB 3.0 Achievement). Its definition lives in immutable-once-awarded
/// <see cref="BadgeClassVersion"/>s; <see cref="CurrentVersionId"/> is the one new awards use.
/// </summary>
public sealed class BadgeClass
{
    public const string IdPrefix = "bc";

    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string IssuerId { get; init; }

    public required string CurrentVersionId { get; set; }

    /// <summary>Optimistic-concurrency counter; the ETag is derived from it.</summary>
    public int Version { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// One version of a badge class definition. Once <see cref="Awarded"/> it never changes: editing the badge class
/// then creates a new version, and the public OB 2.0 BadgeClass URL of this version keeps serving the same document.
/// </summary>
public sealed class BadgeClassVersion
{
    public const string IdPrefix = "bcv";

    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string BadgeClassId { get; init; }

    public required string IssuerId { get; init; }

    public int Number { get; init; }

    /// <summary>The definition as JSON (<see cref="BadgeClasses.BadgeClassDefinition"/>).</summary>
    public required string Definition { get; set; }

    public required string ImageId { get; set; }

    public bool Awarded { get; set; }

    public DateTime CreatedAt { get; init; }
}

/// <summary>An uploaded badge image (validated PNG or sanitized SVG), served publicly at <c>/images/{id}</c>.</summary>
public sealed class BadgeImage
{
    public const string IdPrefix = "img";

    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string MediaType { get; init; }

    public required byte[] Content { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public DateTime CreatedAt { get; init; }
}
