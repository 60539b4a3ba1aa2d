namespace OpenBadgesIssuer.Core.Domain;

/// <summary>
/// An issuer profile: the fields of an OB 2.0 Issuer (name, url and email are required there, §1.4 of the notes)
/// and of an OB 3.0 Profile (§2.9: phone, address, official). Signing keys and DIDs will hang off this entity
/// by <see cref="Id"/> in their own table; nothing here depends on them.
/// </summary>
public sealed class IssuerProfile
{
    public const string IdPrefix = "iss";

    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string Name { get; set; }

    public required string Url { get; set; }

    public required string Email { get; set; }

    public string? Description { get; set; }

    public string? Image { get; set; }

    public string? Phone { get; set; }

    /// <summary>OB 3.0 <c>official</c>: the name of the authorised official of the issuer.</summary>
    public string? Official { get; set; }

    public PostalAddress? Address { get; set; }

    /// <summary>Optimistic-concurrency counter; the ETag is derived from it.</summary>
    public int Version { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Soft delete: deleted profiles disappear from the API but stay for credentials already issued.</summary>
    public DateTime? DeletedAt { get; set; }
}

/// <summary>OB 3.0 Address (§2.9), stored as columns of the issuer row.</summary>
public sealed class PostalAddress
{
    public string? StreetAddress { get; init; }

    public string? PostOfficeBoxNumber { get; init; }

    public string? AddressLocality { get; init; }

    public string? AddressRegion { get; init; }

    public string? PostalCode { get; init; }

    public string? AddressCountry { get; init; }

    public string? AddressCountryCode { get; init; }
}
