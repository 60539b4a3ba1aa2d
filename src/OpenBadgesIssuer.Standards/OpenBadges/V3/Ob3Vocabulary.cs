namespace OpenBadgesIssuer.Standards.OpenBadges.V3;

/// <summary>Constants and enumerations of OB 3.0 (spec §Derived types / enumerations) used by the writers.</summary>
public static class Ob3Vocabulary
{
    /// <summary>VC Data Model 2.0 context; MUST be the first <c>@context</c> item.</summary>
    public const string CredentialsV2Context = "https://www.w3.org/ns/credentials/v2";

    /// <summary>OB 3.0.3 context; the second <c>@context</c> item.</summary>
    public const string OpenBadgesContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    /// <summary>1EdTech extensions context defining <c>1EdTechJsonSchemaValidator2019</c> and friends.</summary>
    public const string ExtensionsContext = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";

    /// <summary>The OB 3.0 AchievementCredential JSON Schema URL used in <c>credentialSchema</c>.</summary>
    public const string CredentialSchemaId = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

    /// <summary>The <c>credentialSchema</c> type (not <c>JsonSchemaValidator2019</c>, see notes §10 #5).</summary>
    public const string CredentialSchemaType = "1EdTechJsonSchemaValidator2019";

    internal static readonly HashSet<string> AchievementTypes = new(StringComparer.Ordinal)
    {
        "Achievement", "ApprenticeshipCertificate", "Assessment", "Assignment", "AssociateDegree", "Award", "Badge",
        "BachelorDegree", "Certificate", "CertificateOfCompletion", "Certification", "CommunityService", "Competency",
        "Course", "CoCurricular", "Degree", "Diploma", "DoctoralDegree", "Fieldwork", "GeneralEducationDevelopment",
        "JourneymanCertificate", "LearningProgram", "License", "Membership", "ProfessionalDoctorate",
        "QualityAssuranceCredential", "MasterCertificate", "MasterDegree", "MicroCredential", "ResearchDoctorate",
        "SecondarySchoolDiploma",
    };

    internal static readonly HashSet<string> ResultTypes = new(StringComparer.Ordinal)
    {
        "GradePointAverage", "LetterGrade", "Percent", "PerformanceLevel", "PredictedScore", "RawScore", "Result",
        "RubricCriterion", "RubricCriterionLevel", "RubricScore", "ScaledScore", "Status",
    };

    internal static readonly HashSet<string> IdentifierTypes = new(StringComparer.Ordinal)
    {
        "name", "sourcedId", "systemId", "productId", "userName", "accountId", "emailAddress", "nationalIdentityNumber",
        "isbn", "issn", "lisSourcedId", "oneRosterSourcedId", "sisSourcedId", "ltiContextId", "ltiDeploymentId",
        "ltiToolId", "ltiPlatformId", "ltiUserId", "identifier",
    };

    internal static readonly HashSet<string> ResultStatuses = new(StringComparer.Ordinal)
    {
        "Completed", "Enrolled", "Failed", "InProgress", "OnHold", "Provisional", "Withdrew",
    };

    internal static readonly HashSet<string> AlignmentTargetTypes = new(StringComparer.Ordinal)
    {
        "ceasn:Competency", "ceterms:Credential", "CFItem", "CFRubric", "CFRubricCriterion", "CFRubricCriterionLevel", "CTDL",
    };

    /// <summary>An enumeration value or an extension value <c>ext:[A-Za-z0-9._-]+</c>.</summary>
    internal static bool IsEnumOrExtension(HashSet<string> values, string value) =>
        values.Contains(value) || IsExtension(value);

    private static bool IsExtension(string value)
    {
        if (!value.StartsWith("ext:", StringComparison.Ordinal) || value.Length == 4)
        {
            return false;
        }
        foreach (var c in value.AsSpan(4))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                return false;
            }
        }
        return true;
    }
}
