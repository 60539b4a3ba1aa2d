using System.Net.Mail;
using System.Text.RegularExpressions;
using OpenBadgesIssuer.Core.BadgeClasses;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Issuers;
using OpenBadgesIssuer.Core.Persistence;

namespace OpenBadgesIssuer.Core.Assertions;

/// <summary>Field rules of an award against the badge class definition it is issued under.</summary>
public static partial class AwardValidator
{
    public static readonly IReadOnlySet<string> RecipientTypes = new HashSet<string>(StringComparer.Ordinal) { "email", "url", "phone", "sourcedId", "did" };

    public static Error? Validate(AwardDraft award, BadgeClassDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(award);
        ArgumentNullException.ThrowIfNull(definition);
        if (award.Recipient is not { } recipient)
        {
            return Error.Validation("recipient", "required", "recipient is required: {\"identity\": \"teacher@example.org\"}.");
        }

        Error? error = Recipient(recipient)
            ?? IssuerValidator.Text("recipient.name", recipient.Name, Limits.NameLength, required: false)
            ?? IssuerValidator.Text("narrative", award.Narrative, Limits.DescriptionLength, required: false, multiline: true);
        if (error is not null)
        {
            return error;
        }

        if (award.CreditsEarned is < 0 or > 100000)
        {
            return Error.Validation("creditsEarned", "out_of_range", "creditsEarned must be between 0 and 100000.");
        }

        if (award.ValidFrom is { } from && award.ValidUntil is { } until && until <= from)
        {
            return Error.Validation("validUntil", "out_of_range", "validUntil must be after validFrom.");
        }

        if (award.ActivityStartDate is { } start && award.ActivityEndDate is { } end && end < start)
        {
            return Error.Validation("activityEndDate", "out_of_range", "activityEndDate must not be before activityStartDate.");
        }

        if (award.Evidence.Count > 50)
        {
            return Error.Validation("evidence", "too_many", "evidence has more than 50 items.");
        }

        for (int i = 0; i < award.Evidence.Count; i++)
        {
            string path = $"evidence[{i}]";
            EvidenceDraft e = award.Evidence[i];
            if (e is null || (e.Url is null && string.IsNullOrWhiteSpace(e.Narrative)))
            {
                return Error.Validation(path, "required", $"{path} needs a url and/or a narrative.");
            }

            error = IssuerValidator.HttpUrl(path + ".url", e.Url, required: false)
                ?? IssuerValidator.Text(path + ".narrative", e.Narrative, Limits.DescriptionLength, required: false, multiline: true)
                ?? IssuerValidator.Text(path + ".name", e.Name, Limits.NameLength, required: false)
                ?? IssuerValidator.Text(path + ".description", e.Description, Limits.DescriptionLength, required: false, multiline: true)
                ?? IssuerValidator.Text(path + ".genre", e.Genre, Limits.NameLength, required: false)
                ?? IssuerValidator.Text(path + ".audience", e.Audience, Limits.NameLength, required: false);
            if (error is not null)
            {
                return error;
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < award.Results.Count; i++)
        {
            string path = $"results[{i}]";
            ResultDraft r = award.Results[i];
            RubricCriterion? criterion = r?.Criterion is null ? null
                : definition.Rubric.FirstOrDefault(c => string.Equals(c.Key, r.Criterion, StringComparison.Ordinal));
            if (r is null || criterion is null)
            {
                return Error.Validation(path + ".criterion", "unknown_criterion", $"{path}.criterion must be the key of a rubric criterion of the badge class.");
            }

            if (!seen.Add(criterion.Key!))
            {
                return Error.Validation(path + ".criterion", "duplicate_criterion", $"{path}.criterion is given twice.");
            }

            if (r.Level is null && r.Value is null)
            {
                return Error.Validation(path + ".level", "required", $"{path} needs a level (or a value).");
            }

            if (r.Level is not null && !criterion.Levels!.Any(l => string.Equals(l.Key, r.Level, StringComparison.Ordinal)))
            {
                return Error.Validation(path + ".level", "unknown_level", $"{path}.level must be the key of a level of criterion '{criterion.Key}'.");
            }

            if (IssuerValidator.Text(path + ".value", r.Value, 100, required: false) is { } valueError)
            {
                return valueError;
            }
        }

        return null;
    }

    private static Error? Recipient(RecipientDraft r)
    {
        string type = r.Type ?? "email";
        if (!RecipientTypes.Contains(type))
        {
            return Error.Validation("recipient.type", "invalid_recipient_type", "recipient.type must be email, url, phone, sourcedId or did.");
        }

        if (IssuerValidator.Text("recipient.identity", r.Identity, Limits.EmailLength * 4, required: true) is { } error)
        {
            return error;
        }

        string identity = r.Identity!.Trim();
        bool ok = type switch
        {
            "email" => MailAddress.TryCreate(identity, out MailAddress? mail) && string.Equals(mail.Address, identity, StringComparison.Ordinal) && identity.Length <= Limits.EmailLength,
            "url" => IssuerValidator.HttpUrl("recipient.identity", identity, required: true) is null,
            "phone" => Phone().IsMatch(identity),
            "did" => Did().IsMatch(identity),
            _ => true,
        };
        return ok ? null : Error.Validation("recipient.identity", "invalid_identity", $"recipient.identity is not a valid {type}.");
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$")]
    private static partial Regex Did();
}
