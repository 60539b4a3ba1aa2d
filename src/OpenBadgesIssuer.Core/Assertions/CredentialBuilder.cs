using System.Text;
using OpenBadgesIssuer.Core.BadgeClasses;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Signing;
using OpenBadgesIssuer.Standards.OpenBadges;
using OpenBadgesIssuer.Standards.OpenBadges.V2;
using OpenBadgesIssuer.Standards.OpenBadges.V3;

namespace OpenBadgesIssuer.Core.Assertions;

/// <summary>Maps an award, its badge class version and the issuer to the OB 3.0 / OB 2.0 writer models.</summary>
public static class CredentialBuilder
{
    /// <summary>The credential of an award, around the issuer Profile and the Achievement built for its badge class version.</summary>
    public static OpenBadgeCredentialInput Build(Assertion assertion, AwardDraft award, Ob3Profile profile, Ob3Achievement achievement)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        ArgumentNullException.ThrowIfNull(award);
        ArgumentNullException.ThrowIfNull(achievement);
        return new OpenBadgeCredentialInput(
            "urn:uuid:" + assertion.CredentialId.ToString("D"),
            profile,
            achievement,
            Recipient(assertion),
            new DateTimeOffset(assertion.ValidFrom, TimeSpan.Zero))
        {
            ValidUntil = assertion.ValidUntil is { } until ? new DateTimeOffset(until, TimeSpan.Zero) : null,
            AwardedDate = new DateTimeOffset(assertion.IssuedOn, TimeSpan.Zero),
            Evidence = award.Evidence.Select(e => new Ob3Evidence
            {
                Id = e.Url, Narrative = e.Narrative, Name = e.Name, Description = e.Description, Genre = e.Genre, Audience = e.Audience,
            }).ToList(),
            Results = award.Results.Select(r => new Ob3Result(CriterionId(achievement.Id, r.Criterion!))
            {
                AchievedLevel = r.Level is null ? null : LevelId(achievement.Id, r.Criterion!, r.Level),
                Value = r.Value,
            }).ToList(),
            CreditsEarned = award.CreditsEarned,
            ActivityStartDate = award.ActivityStartDate,
            ActivityEndDate = award.ActivityEndDate,
            Narrative = award.Narrative,
        };
    }

    public static Ob3Profile Profile(IssuerProfile issuer, PublicLinks links)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(links);
        return new Ob3Profile(links.IssuerDid(issuer.Id), issuer.Name)
        {
            Url = issuer.Url,
            Email = issuer.Email,
            Phone = issuer.Phone,
            Description = issuer.Description,
            Image = issuer.Image is null ? null : new Ob3Image(issuer.Image),
        };
    }

    public static Ob3Achievement Achievement(BadgeClassVersion version, BadgeClassDefinition d, PublicLinks links)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(links);
        string id = links.Achievement(version.Id);
        return new Ob3Achievement(id, d.Name, d.Description, new Ob3Criteria(d.CriteriaUrl, CriteriaNarrative(d)))
        {
            AchievementType = d.AchievementType,
            Image = new Ob3Image(links.Image(version.ImageId)),
            Alignments = d.Alignments.Select(Alignment).ToList(),
            ResultDescriptions = d.Rubric.Select(c => new Ob3ResultDescription(CriterionId(id, c.Key!), c.Name!)
            {
                RubricCriterionLevels = c.Levels!.Select(l => new Ob3RubricCriterionLevel(LevelId(id, c.Key!, l.Key!), l.Name!)
                {
                    Description = l.Description,
                    Points = l.Points,
                }).ToList(),
                RequiredLevel = c.RequiredLevel is null ? null : LevelId(id, c.Key!, c.RequiredLevel),
            }).ToList(),
            CreditsAvailable = d.CreditsAvailable,
            FieldOfStudy = d.FieldOfStudy,
            Tags = d.Tags,
            Version = version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The OB 2.0 hosted assertion (id = its public URL).</summary>
    public static Ob2Assertion Ob2(Assertion assertion, AwardDraft award, PublicLinks links, BadgeClassVersion version)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        ArgumentNullException.ThrowIfNull(award);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(version);
        string identity = assertion.RecipientIdentity;
        Ob2Recipient recipient = assertion.RecipientType switch
        {
            "email" => Ob2Recipient.HashedEmail(identity, assertion.Salt),
            "phone" => Ob2Recipient.HashedTelephone(identity, assertion.Salt),
            // OB 2.0 knows only email, url and telephone: DIDs are URIs; a source-system id is published as a hashed url
            // identity (a verifier that knows the id can still match the hash).
            _ => Ob2Recipient.HashedUrl(identity, assertion.Salt),
        };
        var narrative = new StringBuilder(award.Narrative ?? "");
        return new Ob2Assertion(links.Ob2Assertion(assertion.Id), recipient, links.Ob2BadgeClass(version.Id),
            new DateTimeOffset(assertion.IssuedOn, TimeSpan.Zero))
        {
            Image = links.BakedPng(assertion.Id, 2),
            Evidence = award.Evidence.Select(e => new Ob2Evidence
            {
                Id = e.Url, Narrative = e.Narrative, Name = e.Name, Description = e.Description, Genre = e.Genre, Audience = e.Audience,
            }).ToList(),
            Narrative = narrative.Length == 0 ? null : narrative.ToString(),
            Expires = assertion.ValidUntil is { } until ? new DateTimeOffset(until, TimeSpan.Zero) : null,
        };
    }

    public static Ob2BadgeClass Ob2BadgeClass(BadgeClassVersion version, BadgeClassDefinition d, PublicLinks links)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(links);
        return new Ob2BadgeClass(links.Ob2BadgeClass(version.Id), d.Name, d.Description, links.Image(version.ImageId),
            new Ob2Criteria(d.CriteriaUrl, CriteriaNarrative(d)), links.Ob2Issuer(version.IssuerId))
        {
            Alignments = d.Alignments.Select(a => new Ob2Alignment(a.TargetName!, a.TargetUrl!)
            {
                TargetDescription = a.TargetDescription, TargetFramework = a.TargetFramework, TargetCode = a.TargetCode,
            }).ToList(),
            Tags = d.Tags,
        };
    }

    /// <summary>The criteria narrative: the given narrative plus the competency, key method and evidence required.</summary>
    public static string? CriteriaNarrative(BadgeClassDefinition d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var text = new StringBuilder();
        if (d.CriteriaNarrative is { } narrative)
        {
            text.Append(narrative.Trim()).Append("\n\n");
        }

        if (d.Competency is { } competency)
        {
            text.Append("## Competency\n\n").Append(competency.Trim()).Append("\n\n");
        }

        if (d.KeyMethod is { } method)
        {
            text.Append("## Key method\n\n").Append(method.Trim()).Append("\n\n");
        }

        if (d.EvidenceRequired.Count > 0)
        {
            text.Append("## Evidence required\n\n");
            for (int i = 0; i < d.EvidenceRequired.Count; i++)
            {
                text.Append(i + 1).Append(". ").Append(d.EvidenceRequired[i].Trim().ReplaceLineEndings(" ")).Append('\n');
            }
        }

        string result = text.ToString().TrimEnd();
        return result.Length == 0 ? null : result;
    }

    private static Ob3Recipient Recipient(Assertion a) => a.RecipientType switch
    {
        "email" => Ob3Recipient.HashedEmail(a.RecipientIdentity, a.Salt),
        "phone" => Ob3Recipient.HashedPhone(a.RecipientIdentity, a.Salt),
        "sourcedId" => Ob3Recipient.HashedSourcedId(a.RecipientIdentity, a.Salt),
        _ => Ob3Recipient.Subject(a.RecipientIdentity),
    };

    private static Ob3Alignment Alignment(AlignmentTarget a) => new(a.TargetName!, a.TargetUrl!)
    {
        TargetCode = a.TargetCode,
        TargetDescription = a.TargetDescription,
        TargetFramework = a.TargetFramework,
        TargetType = a.TargetType,
    };

    private static string CriterionId(string achievementId, string key) => achievementId + "#criterion-" + key;

    private static string LevelId(string achievementId, string criterion, string level) => achievementId + "#criterion-" + criterion + "-level-" + level;
}
