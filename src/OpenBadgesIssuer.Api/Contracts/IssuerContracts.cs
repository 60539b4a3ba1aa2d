using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Issuers;

namespace OpenBadgesIssuer.Api.Contracts;

/// <summary>Body of <c>POST /v1/issuers</c>. Unknown members are rejected (strict contract).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateIssuerRequest(
    [property: Required, Description("Display name (OB 2.0 Issuer and OB 3.0 Profile `name`).")] string? Name,
    [property: Required, Description("Homepage or social-media profile of the issuer: absolute http(s) URL.")] string? Url,
    [property: Required, Description("Contact e-mail address of the issuer.")] string? Email,
    [property: Description("A short description of the issuer.")] string? Description = null,
    [property: Description("Absolute http(s) URL of a PNG or SVG logo.")] string? Image = null,
    [property: Description("Phone number, E.164 recommended (+15555550100).")] string? Phone = null,
    [property: Description("OB 3.0 `official`: the name of the authorised official.")] string? Official = null,
    AddressDto? Address = null)
{
    public IssuerDraft ToDraft() => new(Name, Url, Email, Description, Image, Phone, Official, Address?.ToDomain());
}

/// <summary>
/// Body of <c>PATCH /v1/issuers/{id}</c> (JSON merge patch, RFC 7396): members that are present replace the stored
/// value, <c>null</c> clears an optional member, absent members stay. <c>address</c> is replaced as a whole.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record UpdateIssuerRequest(
    string? Name = null,
    string? Url = null,
    string? Email = null,
    string? Description = null,
    string? Image = null,
    string? Phone = null,
    string? Official = null,
    AddressDto? Address = null);

/// <summary>OB 3.0 Address (notes §2.9).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AddressDto(
    string? StreetAddress = null,
    string? PostOfficeBoxNumber = null,
    string? AddressLocality = null,
    string? AddressRegion = null,
    string? PostalCode = null,
    string? AddressCountry = null,
    [property: Description("ISO 3166-1 alpha-2 country code.")] string? AddressCountryCode = null)
{
    public PostalAddress ToDomain() => new()
    {
        StreetAddress = StreetAddress,
        PostOfficeBoxNumber = PostOfficeBoxNumber,
        AddressLocality = AddressLocality,
        AddressRegion = AddressRegion,
        PostalCode = PostalCode,
        AddressCountry = AddressCountry,
        AddressCountryCode = AddressCountryCode,
    };

    public static AddressDto? From(PostalAddress? address) => address is null
        ? null
        : new(address.StreetAddress, address.PostOfficeBoxNumber, address.AddressLocality, address.AddressRegion,
            address.PostalCode, address.AddressCountry, address.AddressCountryCode);
}

/// <summary>An issuer profile as the API shows it. The ETag header carries its version.</summary>
public sealed record IssuerResponse(
    string Id,
    string Name,
    string Url,
    string Email,
    string? Description,
    string? Image,
    string? Phone,
    string? Official,
    AddressDto? Address,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static IssuerResponse From(IssuerProfile issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return new(issuer.Id, issuer.Name, issuer.Url, issuer.Email, issuer.Description, issuer.Image, issuer.Phone,
            issuer.Official, AddressDto.From(issuer.Address), issuer.CreatedAt, issuer.UpdatedAt);
    }
}
