using System.Text.RegularExpressions;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Issuers;
using OpenBadgesIssuer.Core.Persistence;

namespace OpenBadgesIssuer.Core.BadgeClasses;

/// <summary>Field rules of a badge class definition; fills default rubric keys.</summary>
public static partial class BadgeClassValidator
{
    private const int MaxItems = 50;

    private static readonly HashSet<string> AchievementTypes = new(StringComparer.Ordinal)
    {
        "Achievement", "ApprenticeshipCertificate", "Assessment", "Assignment", "AssociateDegree", "Award", "Badge",
        "BachelorDegree", "Certificate", "CertificateOfCompletion", "Certification", "CommunityService", "Competency",
        "Course", "CoCurricular", "Degree", "Diploma", "DoctoralDegree", "Fieldwork", "GeneralEducationDevelopment",
        "JourneymanCertificate", "LearningProgram", "License", "Membership", "ProfessionalDoctorate",
        "QualityAssuranceCredential", "MasterCertificate", "MasterDegree", "MicroCredential", "ResearchDoctorate",
        "SecondarySchoolDiploma",
    };

    /// <summary>Validates and normalises (default keys) a definition; returns the normalised copy or an error.</summary>
    public static Result<BadgeClassDefinition> Validate(BadgeClassDefinition d)
    {
        ArgumentNullException.ThrowIfNull(d);
        Error? error = IssuerValidator.Text("name", d.Name, Limits.NameLength, required: true)
            ?? IssuerValidator.Text("description", d.Description, Limits.DescriptionLength, required: true, multiline: true)
            ?? IssuerValidator.Text("criteria.narrative", d.CriteriaNarrative, Limits.DescriptionLength, required: false, multiline: true)
            ?? IssuerValidator.HttpUrl("criteria.url", d.CriteriaUrl, required: false)
            ?? IssuerValidator.Text("competency", d.Competency, Limits.DescriptionLength, required: false, multiline: true)
            ?? IssuerValidator.Text("keyMethod", d.KeyMethod, Limits.DescriptionLength, required: false, multiline: true)
            ?? IssuerValidator.Text("fieldOfStudy", d.FieldOfStudy, Limits.NameLength, required: false);
        if (error is not null)
        {
            return error;
        }

        if (d.CriteriaNarrative is null && d.CriteriaUrl is null && d.Competency is null && d.KeyMethod is null && d.EvidenceRequired.Count == 0)
        {
            return Error.Validation("criteria", "required", "Give criteria: a narrative and/or a URL (or competency, key method, evidence required).");
        }

        if (!AchievementTypes.Contains(d.AchievementType) && !ExtensionType().IsMatch(d.AchievementType))
        {
            return Error.Validation("achievementType", "invalid_achievement_type", "achievementType must be an OB 3.0 AchievementType or ext:Name.");
        }

        if (d.CreditsAvailable is < 0 or > 100000)
        {
            return Error.Validation("creditsAvailable", "out_of_range", "creditsAvailable must be between 0 and 100000.");
        }

        if (d.ValidityMonths is < 1 or > 1200)
        {
            return Error.Validation("validityMonths", "out_of_range", "validityMonths must be between 1 and 1200.");
        }

        error = List("evidenceRequired", d.EvidenceRequired, Limits.DescriptionLength)
            ?? List("tags", d.Tags, 100)
            ?? Alignments("alignments", d.Alignments);
        if (error is not null)
        {
            return error;
        }

        Result<IReadOnlyList<RubricCriterion>> rubric = Rubric(d.Rubric);
        return rubric.IsSuccess ? d with { Rubric = rubric.Value } : rubric.Error;
    }

    internal static Error? Alignments(string field, IReadOnlyList<AlignmentTarget>? alignments)
    {
        if (alignments is null)
        {
            return null;
        }

        if (alignments.Count > MaxItems)
        {
            return Error.Validation(field, "too_many", $"{field} has more than {MaxItems} items.");
        }

        for (int i = 0; i < alignments.Count; i++)
        {
            AlignmentTarget a = alignments[i];
            string path = $"{field}[{i}]";
            Error? error = a is null
                ? Error.Validation(path, "required", $"{path} must be an object.")
                : IssuerValidator.Text(path + ".targetName", a.TargetName, Limits.NameLength, required: true)
                    ?? IssuerValidator.HttpUrl(path + ".targetUrl", a.TargetUrl, required: true)
                    ?? IssuerValidator.Text(path + ".targetFramework", a.TargetFramework, Limits.NameLength, required: false)
                    ?? IssuerValidator.Text(path + ".targetCode", a.TargetCode, Limits.NameLength, required: false)
                    ?? IssuerValidator.Text(path + ".targetDescription", a.TargetDescription, Limits.DescriptionLength, required: false, multiline: true)
                    ?? IssuerValidator.Text(path + ".targetType", a.TargetType, 100, required: false);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static Error? List(string field, IReadOnlyList<string>? items, int maxLength)
    {
        if (items is null)
        {
            return null;
        }

        if (items.Count > MaxItems)
        {
            return Error.Validation(field, "too_many", $"{field} has more than {MaxItems} items.");
        }

        for (int i = 0; i < items.Count; i++)
        {
            if (IssuerValidator.Text($"{field}[{i}]", items[i] ?? "", maxLength, required: true, multiline: true) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static Result<IReadOnlyList<RubricCriterion>> Rubric(IReadOnlyList<RubricCriterion>? rubric)
    {
        if (rubric is null)
        {
            return Result<IReadOnlyList<RubricCriterion>>.Success([]);
        }

        if (rubric.Count > MaxItems)
        {
            return Error.Validation("rubric", "too_many", $"rubric has more than {MaxItems} criteria.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<RubricCriterion>();
        for (int i = 0; i < rubric.Count; i++)
        {
            string path = $"rubric[{i}]";
            RubricCriterion c = rubric[i];
            if (c is null)
            {
                return Error.Validation(path, "required", $"{path} must be an object.");
            }

            string key = c.Key ?? $"c{i + 1}";
            Error? error = Key(path + ".key", key, keys)
                ?? IssuerValidator.Text(path + ".name", c.Name, Limits.NameLength, required: true)
                ?? IssuerValidator.Text(path + ".description", c.Description, Limits.DescriptionLength, required: false, multiline: true);
            if (error is not null)
            {
                return error;
            }

            if (c.Levels is not { Count: > 0 and <= 20 })
            {
                return Error.Validation(path + ".levels", "required", $"{path}.levels must list 1 to 20 levels (low to high).");
            }

            var levelKeys = new HashSet<string>(StringComparer.Ordinal);
            var levels = new List<RubricLevel>();
            for (int j = 0; j < c.Levels.Count; j++)
            {
                string levelPath = $"{path}.levels[{j}]";
                RubricLevel l = c.Levels[j];
                if (l is null)
                {
                    return Error.Validation(levelPath, "required", $"{levelPath} must be an object.");
                }

                string levelKey = l.Key ?? $"l{j + 1}";
                error = Key(levelPath + ".key", levelKey, levelKeys)
                    ?? IssuerValidator.Text(levelPath + ".name", l.Name, Limits.NameLength, required: true)
                    ?? IssuerValidator.Text(levelPath + ".description", l.Description, Limits.DescriptionLength, required: false, multiline: true)
                    ?? IssuerValidator.Text(levelPath + ".points", l.Points, 20, required: false);
                if (error is not null)
                {
                    return error;
                }

                levels.Add(l with { Key = levelKey });
            }

            if (c.RequiredLevel is not null && !levelKeys.Contains(c.RequiredLevel))
            {
                return Error.Validation(path + ".requiredLevel", "unknown_level", $"{path}.requiredLevel must be the key of one of its levels.");
            }

            result.Add(c with { Key = key, Levels = levels });
        }

        return result;
    }

    private static Error? Key(string field, string key, HashSet<string> seen)
    {
        if (!KeyPattern().IsMatch(key))
        {
            return Error.Validation(field, "invalid_key", $"{field} must be 1-40 characters of A-Z, a-z, 0-9, '-' or '_'.");
        }

        return seen.Add(key) ? null : Error.Validation(field, "duplicate_key", $"{field} '{key}' is used twice.");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^ext:[A-Za-z0-9._-]+$")]
    private static partial Regex ExtensionType();
}
