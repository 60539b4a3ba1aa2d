using System.ComponentModel;
using System.Text.Json.Serialization;
using OpenBadgesIssuer.Core.BadgeClasses;
using OpenBadgesIssuer.Core.Signing;

namespace OpenBadgesIssuer.Api.Contracts;

/// <summary>
/// Body of <c>POST /v1/issuers/{issuerId}/badge-classes</c> and the shape a <c>PATCH</c> merge patch applies to.
/// The image travels in the JSON body as base64 (<c>image: {data, mediaType}</c>), PNG or SVG, at most 512 KiB.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BadgeClassRequest(
    [property: Description("Name of the micro-credential (required).")] string? Name = null,
    [property: Description("Short description (required).")] string? Description = null,
    [property: Description("Criteria: a Markdown narrative and/or the URL of a criteria page (at least one, or competency/keyMethod/evidenceRequired).")] CriteriaDto? Criteria = null,
    [property: Description("The badge image (required on create): base64 PNG or SVG; SVG is sanitized.")] ImageDto? Image = null,
    [property: Description("OB 3.0 AchievementType or ext:Name; default MicroCredential.")] string? AchievementType = null,
    [property: Description("The competency the micro-credential certifies (published in the criteria narrative).")] string? Competency = null,
    [property: Description("The research-backed key method (published in the criteria narrative).")] string? KeyMethod = null,
    [property: Description("Descriptions of each evidence item the earner must submit (published in the criteria narrative).")] IReadOnlyList<string>? EvidenceRequired = null,
    [property: Description("Rubric: criteria × levels (low → high), published as OB 3.0 ResultDescriptions with RubricCriterionLevels. Keys default to c1, c2… and l1, l2….")] IReadOnlyList<RubricCriterion>? Rubric = null,
    [property: Description("Credit hours available (e.g. PD hours).")] decimal? CreditsAvailable = null,
    [property: Description("Alignments to competency frameworks (targetName and targetUrl required).")] IReadOnlyList<AlignmentTarget>? Alignments = null,
    IReadOnlyList<string>? Tags = null,
    string? FieldOfStudy = null,
    [property: Description("Default validity of awards in months (60 = expires five years after the award); none = no expiry.")] int? ValidityMonths = null)
{
    public BadgeClassDefinition ToDefinition() => new()
    {
        Name = Name!,
        Description = Description!,
        CriteriaNarrative = Criteria?.Narrative,
        CriteriaUrl = Criteria?.Url,
        AchievementType = AchievementType ?? "MicroCredential",
        Competency = Competency,
        KeyMethod = KeyMethod,
        EvidenceRequired = EvidenceRequired ?? [],
        Rubric = Rubric ?? [],
        CreditsAvailable = CreditsAvailable,
        Alignments = Alignments ?? [],
        Tags = Tags ?? [],
        FieldOfStudy = FieldOfStudy,
        ValidityMonths = ValidityMonths,
    };

    public static BadgeClassRequest From(BadgeClassDefinition d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Name, d.Description,
            d.CriteriaNarrative is null && d.CriteriaUrl is null ? null : new CriteriaDto(d.CriteriaNarrative, d.CriteriaUrl),
            null, d.AchievementType, d.Competency, d.KeyMethod, d.EvidenceRequired, d.Rubric, d.CreditsAvailable,
            d.Alignments, d.Tags, d.FieldOfStudy, d.ValidityMonths);
    }
}

/// <summary>Achievement criteria.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CriteriaDto(string? Narrative = null, string? Url = null);

/// <summary>An uploaded image.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ImageDto(
    [property: Description("Base64 of the PNG or SVG bytes.")] string? Data = null,
    [property: Description("image/png or image/svg+xml (checked against the content).")] string? MediaType = null);

/// <summary>The current version of a badge class: its id names the permanent public OB 2.0 BadgeClass URL.</summary>
public sealed record BadgeClassVersionResponse(
    string Id,
    int Number,
    [property: Description("Public OB 2.0 BadgeClass URL of this version (never changes once awarded).")] string Ob2BadgeClass,
    [property: Description("The OB 3.0 Achievement id of this version.")] string AchievementId,
    bool Awarded);

/// <summary>A badge class as the API shows it (the current version's definition). The ETag header carries its version.</summary>
public sealed record BadgeClassResponse(
    string Id,
    string IssuerId,
    string Name,
    string Description,
    CriteriaDto? Criteria,
    string AchievementType,
    string? Competency,
    string? KeyMethod,
    IReadOnlyList<string> EvidenceRequired,
    IReadOnlyList<RubricCriterion> Rubric,
    decimal? CreditsAvailable,
    IReadOnlyList<AlignmentTarget> Alignments,
    IReadOnlyList<string> Tags,
    string? FieldOfStudy,
    int? ValidityMonths,
    [property: Description("Public URL of the badge image.")] string Image,
    BadgeClassVersionResponse CurrentVersion,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static BadgeClassResponse From(BadgeClassView view, PublicLinks links)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(links);
        BadgeClassDefinition d = view.Definition;
        return new(view.BadgeClass.Id, view.BadgeClass.IssuerId, d.Name, d.Description,
            d.CriteriaNarrative is null && d.CriteriaUrl is null ? null : new CriteriaDto(d.CriteriaNarrative, d.CriteriaUrl),
            d.AchievementType, d.Competency, d.KeyMethod, d.EvidenceRequired, d.Rubric, d.CreditsAvailable, d.Alignments,
            d.Tags, d.FieldOfStudy, d.ValidityMonths, links.Image(view.Current.ImageId),
            new BadgeClassVersionResponse(view.Current.Id, view.Current.Number, links.Ob2BadgeClass(view.Current.Id),
                links.Achievement(view.Current.Id), view.Current.Awarded),
            view.BadgeClass.CreatedAt, view.BadgeClass.UpdatedAt);
    }
}
