using System.ComponentModel;
using System.Text.Json.Serialization;
using OpenBadgesIssuer.Core.Assertions;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Signing;

namespace OpenBadgesIssuer.Api.Contracts;

/// <summary>Body of <c>POST /v1/badge-classes/{id}/assertions</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record IssueAssertionRequest(
    [property: Description("The recipient: identity (e-mail by default; or type url, phone (E.164), sourcedId, did) and an optional display name. E-mail, phone and sourcedId appear only as salted SHA-256 hashes in public documents.")]
    RecipientDraft? Recipient = null,
    [property: Description("Evidence items: url and/or narrative, name, description, genre, audience.")] IReadOnlyList<EvidenceDraft>? Evidence = null,
    [property: Description("Rubric results: the level key reached per criterion key (or a value).")] IReadOnlyList<ResultDraft>? Results = null,
    decimal? CreditsEarned = null,
    DateTimeOffset? ActivityStartDate = null,
    DateTimeOffset? ActivityEndDate = null,
    [property: Description("Start of validity; default: now.")] DateTimeOffset? ValidFrom = null,
    [property: Description("End of validity; default: validFrom + the badge class validityMonths.")] DateTimeOffset? ValidUntil = null,
    [property: Description("Markdown narrative of what the recipient did.")] string? Narrative = null)
{
    public AwardDraft ToDraft() => new()
    {
        Recipient = Recipient,
        Evidence = Evidence ?? [],
        Results = Results ?? [],
        CreditsEarned = CreditsEarned,
        ActivityStartDate = ActivityStartDate,
        ActivityEndDate = ActivityEndDate,
        ValidFrom = ValidFrom,
        ValidUntil = ValidUntil,
        Narrative = Narrative,
    };
}

/// <summary>The public, absolute links of an award. Each serves the exact stored bytes.</summary>
public sealed record AssertionLinks(
    [property: Description("Hosted OB 2.0 Assertion (JSON-LD; the HTML page for Accept: text/html).")] string Ob2,
    [property: Description("OB 2.0 signed assertion (compact JWS, RS256).")] string Ob2Signed,
    [property: Description("OB 3.0 credential with an eddsa-rdfc-2022 DataIntegrityProof.")] string Ob3,
    [property: Description("The same OB 3.0 credential as VC-JWT (ES256).")] string Ob3Jwt,
    [property: Description("OB 3.0 baked PNG; append ?version=2 for the OB 2.0 bake.")] string BakedPng,
    [property: Description("OB 3.0 baked SVG; append ?version=2 for the OB 2.0 bake.")] string BakedSvg,
    [property: Description("Human-readable award page.")] string Html)
{
    public static AssertionLinks For(string id, PublicLinks links)
    {
        ArgumentNullException.ThrowIfNull(links);
        return new(links.Ob2Assertion(id), links.Ob2Signed(id), links.Ob3Credential(id), links.Ob3Jwt(id),
            links.BakedPng(id), links.BakedSvg(id), links.Html(id));
    }
}

/// <summary>The recipient as stored (visible only to the tenant).</summary>
public sealed record RecipientResponse(string Type, string Identity, string? Name);

/// <summary>An award.</summary>
public sealed record AssertionResponse(
    string Id,
    string IssuerId,
    string BadgeClassId,
    string BadgeClassVersionId,
    [property: Description("The OB 3.0 credential id.")] string CredentialId,
    RecipientResponse Recipient,
    DateTime IssuedOn,
    DateTime ValidFrom,
    DateTime? ValidUntil,
    IReadOnlyList<EvidenceDraft> Evidence,
    IReadOnlyList<ResultDraft> Results,
    decimal? CreditsEarned,
    DateTimeOffset? ActivityStartDate,
    DateTimeOffset? ActivityEndDate,
    string? Narrative,
    AssertionLinks Links)
{
    public static AssertionResponse From(Assertion a, PublicLinks links)
    {
        ArgumentNullException.ThrowIfNull(a);
        AwardDetails details = AwardDetails.Deserialize(a.Details);
        return new(a.Id, a.IssuerId, a.BadgeClassId, a.BadgeClassVersionId, "urn:uuid:" + a.CredentialId.ToString("D"),
            new RecipientResponse(a.RecipientType, a.RecipientIdentity, a.RecipientName), a.IssuedOn, a.ValidFrom, a.ValidUntil,
            details.Evidence, details.Results, details.CreditsEarned, details.ActivityStartDate, details.ActivityEndDate,
            details.Narrative, AssertionLinks.For(a.Id, links));
    }
}
