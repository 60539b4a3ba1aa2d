using System.Globalization;
using System.Text.Json;

namespace OpenBadgesIssuer.Standards.OpenBadges.V3;

/// <summary>
/// Writes the unsigned OB 3.0 <c>OpenBadgeCredential</c> (VCDM 2.0 shape, notes §3) as compact UTF-8 JSON with a
/// fixed property order, so that the same input always yields the same bytes. Every property and type written is
/// defined by the credentials v2, OB 3.0.3 and (with <c>credentialSchema</c>) 1EdTech extensions contexts, and
/// every multi-valued property is an array, as the strict OB 3.0 JSON Schema requires.
/// </summary>
public static class OpenBadgeCredentialWriter
{
    /// <summary>Checks the OB 3.0 rules and returns every problem found (empty when the input is valid).</summary>
    public static IReadOnlyList<string> Validate(OpenBadgeCredentialInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Ob3Rules.Check(input);
    }

    /// <summary>Writes the unsigned credential.</summary>
    /// <exception cref="OpenBadgeModelException">The input breaks an OB 3.0 rule.</exception>
    public static byte[] Write(OpenBadgeCredentialInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = Ob3Rules.Check(input);
        if (problems.Count > 0)
        {
            throw new OpenBadgeModelException(problems);
        }
        return JsonOut.Write(w => WriteCredential(w, input));
    }

    private static void WriteCredential(Utf8JsonWriter w, OpenBadgeCredentialInput c)
    {
        w.WriteStartObject();
        w.WriteStartArray("@context");
        w.WriteStringValue(Ob3Vocabulary.CredentialsV2Context);
        w.WriteStringValue(Ob3Vocabulary.OpenBadgesContext);
        if (c.IncludeCredentialSchema)
        {
            w.WriteStringValue(Ob3Vocabulary.ExtensionsContext);
        }
        w.WriteEndArray();
        w.WriteString("id", c.Id);
        w.WriteStartArray("type");
        w.WriteStringValue("VerifiableCredential");
        w.WriteStringValue("OpenBadgeCredential");
        w.WriteEndArray();
        w.WriteString("name", c.Name ?? c.Achievement.Name);
        w.Optional("description", c.Description);
        if (c.Image is not null)
        {
            w.WritePropertyName("image");
            WriteImage(w, c.Image);
        }
        w.WritePropertyName("issuer");
        WriteProfile(w, c.Issuer);
        w.OptionalDate("validFrom", c.ValidFrom);
        w.OptionalDate("validUntil", c.ValidUntil);
        w.OptionalDate("awardedDate", c.AwardedDate);
        w.WritePropertyName("credentialSubject");
        WriteSubject(w, c);
        w.ObjectArray("evidence", c.Evidence, WriteEvidence);
        if (c.IncludeCredentialSchema)
        {
            w.WriteStartArray("credentialSchema");
            w.WriteStartObject();
            w.WriteString("id", Ob3Vocabulary.CredentialSchemaId);
            w.WriteString("type", Ob3Vocabulary.CredentialSchemaType);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        if (c.CredentialStatus is { } st)
        {
            var index = st.StatusListIndex.ToString(CultureInfo.InvariantCulture);
            w.WriteStartObject("credentialStatus");
            // OB's schema requires an id; W3C forbids it equal to the list URL (notes §10 #7).
            w.WriteString("id", st.StatusListCredential + "#" + index);
            w.WriteString("type", "BitstringStatusListEntry");
            w.WriteString("statusPurpose", st.StatusPurpose);
            w.WriteString("statusListIndex", index);
            w.WriteString("statusListCredential", st.StatusListCredential);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteSubject(Utf8JsonWriter w, OpenBadgeCredentialInput c)
    {
        w.WriteStartObject();
        w.Optional("id", c.Recipient.SubjectId);
        w.WriteStartArray("type");
        w.WriteStringValue("AchievementSubject");
        w.WriteEndArray();
        w.ObjectArray("identifier", c.Recipient.Identifiers, static (w, id) =>
        {
            w.WriteStartObject();
            w.WriteString("type", "IdentityObject");
            w.WriteBoolean("hashed", id.Hashed);
            w.WriteString("identityHash", id.IdentityHash);
            w.WriteString("identityType", id.IdentityType);
            w.Optional("salt", id.Salt);
            w.WriteEndObject();
        });
        w.WritePropertyName("achievement");
        WriteAchievement(w, c.Achievement);
        w.OptionalDate("activityStartDate", c.ActivityStartDate);
        w.OptionalDate("activityEndDate", c.ActivityEndDate);
        w.Optional("creditsEarned", c.CreditsEarned);
        w.Optional("narrative", c.Narrative);
        w.ObjectArray("result", c.Results, static (w, r) =>
        {
            w.WriteStartObject();
            w.WriteStartArray("type");
            w.WriteStringValue("Result");
            w.WriteEndArray();
            w.WriteString("resultDescription", r.ResultDescription);
            w.Optional("achievedLevel", r.AchievedLevel);
            w.Optional("value", r.Value);
            w.Optional("status", r.Status);
            w.WriteEndObject();
        });
        w.WriteEndObject();
    }

    private static void WriteAchievement(Utf8JsonWriter w, Ob3Achievement a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteStartArray("type");
        w.WriteStringValue("Achievement");
        w.WriteEndArray();
        w.Optional("achievementType", a.AchievementType);
        w.WriteString("name", a.Name);
        w.WriteString("description", a.Description);
        w.WriteStartObject("criteria");
        w.Optional("id", a.Criteria.Id);
        w.Optional("narrative", a.Criteria.Narrative);
        w.WriteEndObject();
        if (a.Image is not null)
        {
            w.WritePropertyName("image");
            WriteImage(w, a.Image);
        }
        w.Optional("creditsAvailable", a.CreditsAvailable);
        w.Optional("fieldOfStudy", a.FieldOfStudy);
        w.Optional("specialization", a.Specialization);
        w.Optional("humanCode", a.HumanCode);
        w.Optional("version", a.Version);
        w.Optional("inLanguage", a.InLanguage);
        w.StringArray("tag", a.Tags);
        w.ObjectArray("alignment", a.Alignments, WriteAlignment);
        w.ObjectArray("resultDescription", a.ResultDescriptions, static (w, rd) =>
        {
            w.WriteStartObject();
            w.WriteString("id", rd.Id);
            w.WriteStartArray("type");
            w.WriteStringValue("ResultDescription");
            w.WriteEndArray();
            w.WriteString("name", rd.Name);
            w.WriteString("resultType", rd.ResultType);
            w.StringArray("allowedValue", rd.AllowedValues);
            w.Optional("requiredLevel", rd.RequiredLevel);
            w.Optional("requiredValue", rd.RequiredValue);
            w.Optional("valueMin", rd.ValueMin);
            w.Optional("valueMax", rd.ValueMax);
            w.ObjectArray("rubricCriterionLevel", rd.RubricCriterionLevels, static (w, l) =>
            {
                w.WriteStartObject();
                w.WriteString("id", l.Id);
                w.WriteStartArray("type");
                w.WriteStringValue("RubricCriterionLevel");
                w.WriteEndArray();
                w.WriteString("name", l.Name);
                w.Optional("description", l.Description);
                w.Optional("level", l.Level);
                w.Optional("points", l.Points);
                w.ObjectArray("alignment", l.Alignments, WriteAlignment);
                w.WriteEndObject();
            });
            w.ObjectArray("alignment", rd.Alignments, WriteAlignment);
            w.WriteEndObject();
        });
        if (a.Creator is not null)
        {
            w.WritePropertyName("creator");
            WriteProfile(w, a.Creator);
        }
        w.WriteEndObject();
    }

    internal static void WriteProfile(Utf8JsonWriter w, Ob3Profile p)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteStartArray("type");
        w.WriteStringValue("Profile");
        w.WriteEndArray();
        w.WriteString("name", p.Name);
        w.Optional("url", p.Url);
        w.Optional("email", p.Email);
        w.Optional("phone", p.Phone);
        w.Optional("description", p.Description);
        if (p.Image is not null)
        {
            w.WritePropertyName("image");
            WriteImage(w, p.Image);
        }
        w.WriteEndObject();
    }

    private static void WriteImage(Utf8JsonWriter w, Ob3Image image)
    {
        w.WriteStartObject();
        w.WriteString("id", image.Id);
        w.WriteString("type", "Image");
        w.Optional("caption", image.Caption);
        w.WriteEndObject();
    }

    private static void WriteAlignment(Utf8JsonWriter w, Ob3Alignment a)
    {
        w.WriteStartObject();
        w.WriteStartArray("type");
        w.WriteStringValue("Alignment");
        w.WriteEndArray();
        w.WriteString("targetName", a.TargetName);
        w.WriteString("targetUrl", a.TargetUrl);
        w.Optional("targetDescription", a.TargetDescription);
        w.Optional("targetCode", a.TargetCode);
        w.Optional("targetFramework", a.TargetFramework);
        w.Optional("targetType", a.TargetType);
        w.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter w, Ob3Evidence e)
    {
        w.WriteStartObject();
        w.Optional("id", e.Id);
        w.WriteStartArray("type");
        w.WriteStringValue("Evidence");
        w.WriteEndArray();
        w.Optional("name", e.Name);
        w.Optional("description", e.Description);
        w.Optional("narrative", e.Narrative);
        w.Optional("genre", e.Genre);
        w.Optional("audience", e.Audience);
        w.WriteEndObject();
    }
}
