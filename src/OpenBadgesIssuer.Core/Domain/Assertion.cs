namespace OpenBadgesIssuer.Core.Domain;

/// <summary>
/// An award of a badge class version to one recipient. The signed documents (OB 2.0 hosted and signed, OB 3.0 DI and
/// VC-JWT) are produced once at issue time and kept in <see cref="AssertionArtifact"/>s; the baked images and the HTML
/// page are renditions of those stored bytes (<see cref="ArtifactKinds.IsRendition"/>).
/// </summary>
public sealed class Assertion
{
    public const string IdPrefix = "asr";

    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string IssuerId { get; init; }

    public required string BadgeClassId { get; init; }

    public required string BadgeClassVersionId { get; init; }

    /// <summary>The UUID of the OB 3.0 credential id (<c>urn:uuid:…</c>) and of the signed OB 2.0 assertion.</summary>
    public Guid CredentialId { get; init; }

    /// <summary><c>email</c>, <c>url</c>, <c>phone</c>, <c>sourcedId</c> or <c>did</c>.</summary>
    public required string RecipientType { get; init; }

    /// <summary>The plaintext identifier (never published: public documents carry the salted hash or, for a DID/URL, the id).</summary>
    public required string RecipientIdentity { get; init; }

    public string? RecipientName { get; init; }

    public required string Salt { get; init; }

    public DateTime IssuedOn { get; init; }

    public DateTime ValidFrom { get; init; }

    public DateTime? ValidUntil { get; init; }

    /// <summary>Evidence, results, credits, activity dates and narrative as JSON (<see cref="Assertions.AwardDetails"/>).</summary>
    public required string Details { get; init; }
}

/// <summary>The exact bytes of one published form of an assertion.</summary>
public sealed class AssertionArtifact
{
    public required string AssertionId { get; init; }

    public required string Kind { get; init; }

    public required string MediaType { get; init; }

    public required byte[] Content { get; init; }
}

/// <summary>Kinds of <see cref="AssertionArtifact"/>.</summary>
public static class ArtifactKinds
{
    public const string Ob2 = "ob2";
    public const string Ob2Signed = "ob2-signed";
    public const string Ob3 = "ob3";
    public const string Ob3Jwt = "ob3-jwt";
    public const string Ob3Png = "ob3-png";
    public const string Ob3Svg = "ob3-svg";
    public const string Ob2Png = "ob2-png";
    public const string Ob2Svg = "ob2-svg";
    public const string Html = "html";

    /// <summary>Renditions of the signed documents (bakes and the page), rendered when first requested.</summary>
    public static bool IsRendition(string kind) => kind is Ob3Png or Ob3Svg or Ob2Png or Ob2Svg or Html;
}
