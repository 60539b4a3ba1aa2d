namespace OpenBadgesIssuer.Standards.OpenBadges.V3;

/// <summary>Required-field and consistency rules of OB 3.0 checked before a credential is written.</summary>
internal static class Ob3Rules
{
    internal static List<string> Check(OpenBadgeCredentialInput c)
    {
        var p = new List<string>();
        Uri("id", c.Id, p);
        CheckProfile("issuer", c.Issuer, p);
        CheckAchievement("credentialSubject.achievement", c.Achievement, p);
        if (c.Image is not null)
        {
            WebUri("image.id", c.Image.Id, allowData: true, p);
        }
        if (c.ValidUntil is { } until && until < c.ValidFrom)
        {
            p.Add("validUntil must not be before validFrom");
        }
        if (c.ActivityStartDate is { } s && c.ActivityEndDate is { } e && e < s)
        {
            p.Add("credentialSubject.activityEndDate must not be before activityStartDate");
        }
        if (c.CreditsEarned is < 0)
        {
            p.Add("credentialSubject.creditsEarned must not be negative");
        }
        CheckRecipient(c.Recipient, p);
        CheckResults(c, p);
        for (var i = 0; i < c.Evidence.Count; i++)
        {
            var ev = c.Evidence[i];
            if (ev is null)
            {
                p.Add($"evidence[{i}] is null");
                continue;
            }
            if (ev.Id is null && string.IsNullOrWhiteSpace(ev.Narrative))
            {
                p.Add($"evidence[{i}] needs an id (URL) or a narrative");
            }
            if (ev.Id is not null)
            {
                WebUri($"evidence[{i}].id", ev.Id, allowData: true, p);
            }
        }
        if (c.CredentialStatus is { } st)
        {
            WebUri("credentialStatus.statusListCredential", st.StatusListCredential, allowData: false, p);
            if (st.StatusListIndex < 0)
            {
                p.Add("credentialStatus.statusListIndex must not be negative");
            }
            Required("credentialStatus.statusPurpose", st.StatusPurpose, p);
        }
        return p;
    }

    internal static void CheckProfile(string path, Ob3Profile? profile, List<string> p)
    {
        if (profile is null)
        {
            p.Add($"{path} is required");
            return;
        }
        Uri($"{path}.id", profile.Id, p);
        Required($"{path}.name", profile.Name, p);
        if (profile.Url is not null)
        {
            WebUri($"{path}.url", profile.Url, allowData: false, p);
        }
        if (profile.Image is not null)
        {
            WebUri($"{path}.image.id", profile.Image.Id, allowData: true, p);
        }
    }

    private static void CheckAchievement(string path, Ob3Achievement? a, List<string> p)
    {
        if (a is null)
        {
            p.Add($"{path} is required");
            return;
        }
        Uri($"{path}.id", a.Id, p);
        Required($"{path}.name", a.Name, p);
        Required($"{path}.description", a.Description, p);
        if (a.Criteria is null || (a.Criteria.Id is null && string.IsNullOrWhiteSpace(a.Criteria.Narrative)))
        {
            p.Add($"{path}.criteria needs an id (URL) or a narrative");
        }
        else if (a.Criteria.Id is not null)
        {
            WebUri($"{path}.criteria.id", a.Criteria.Id, allowData: false, p);
        }
        if (a.AchievementType is not null && !Ob3Vocabulary.IsEnumOrExtension(Ob3Vocabulary.AchievementTypes, a.AchievementType))
        {
            p.Add($"{path}.achievementType '{a.AchievementType}' is not an AchievementType value or ext: extension");
        }
        if (a.CreditsAvailable is < 0)
        {
            p.Add($"{path}.creditsAvailable must not be negative");
        }
        if (a.Image is not null)
        {
            WebUri($"{path}.image.id", a.Image.Id, allowData: true, p);
        }
        if (a.Creator is not null)
        {
            CheckProfile($"{path}.creator", a.Creator, p);
        }
        for (var i = 0; i < a.Tags.Count; i++)
        {
            Required($"{path}.tag[{i}]", a.Tags[i], p);
        }
        CheckAlignments($"{path}.alignment", a.Alignments, p);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < a.ResultDescriptions.Count; i++)
        {
            var rd = a.ResultDescriptions[i];
            var rp = $"{path}.resultDescription[{i}]";
            Uri($"{rp}.id", rd.Id, p);
            if (rd.Id is not null && !ids.Add(rd.Id))
            {
                p.Add($"{rp}.id '{rd.Id}' is used twice");
            }
            Required($"{rp}.name", rd.Name, p);
            if (rd.ResultType is null || !Ob3Vocabulary.IsEnumOrExtension(Ob3Vocabulary.ResultTypes, rd.ResultType))
            {
                p.Add($"{rp}.resultType '{rd.ResultType}' is not a ResultType value or ext: extension");
            }
            var levelIds = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < rd.RubricCriterionLevels.Count; j++)
            {
                var level = rd.RubricCriterionLevels[j];
                var lp = $"{rp}.rubricCriterionLevel[{j}]";
                Uri($"{lp}.id", level.Id, p);
                if (level.Id is not null && !(levelIds.Add(level.Id) && ids.Add(level.Id)))
                {
                    p.Add($"{lp}.id '{level.Id}' is used twice");
                }
                Required($"{lp}.name", level.Name, p);
                CheckAlignments($"{lp}.alignment", level.Alignments, p);
            }
            if (rd.RequiredLevel is not null && !levelIds.Contains(rd.RequiredLevel))
            {
                p.Add($"{rp}.requiredLevel must be the id of one of its rubricCriterionLevels");
            }
            CheckAlignments($"{rp}.alignment", rd.Alignments, p);
        }
    }

    private static void CheckAlignments(string path, IReadOnlyList<Ob3Alignment> alignments, List<string> p)
    {
        for (var i = 0; i < alignments.Count; i++)
        {
            var al = alignments[i];
            Required($"{path}[{i}].targetName", al.TargetName, p);
            WebUri($"{path}[{i}].targetUrl", al.TargetUrl, allowData: false, p);
            if (al.TargetType is not null && !Ob3Vocabulary.IsEnumOrExtension(Ob3Vocabulary.AlignmentTargetTypes, al.TargetType))
            {
                p.Add($"{path}[{i}].targetType '{al.TargetType}' is not an AlignmentTargetType value or ext: extension");
            }
        }
    }

    private static void CheckRecipient(Ob3Recipient? r, List<string> p)
    {
        if (r is null || (r.SubjectId is null && r.Identifiers.Count == 0))
        {
            p.Add("credentialSubject needs an id or at least one identifier");
            return;
        }
        if (r.SubjectId is not null)
        {
            Uri("credentialSubject.id", r.SubjectId, p);
        }
        for (var i = 0; i < r.Identifiers.Count; i++)
        {
            var id = r.Identifiers[i];
            if (id.IdentityType is null || !Ob3Vocabulary.IsEnumOrExtension(Ob3Vocabulary.IdentifierTypes, id.IdentityType))
            {
                p.Add($"credentialSubject.identifier[{i}].identityType '{id.IdentityType}' is not an IdentifierTypeEnum value or ext: extension");
            }
            Required($"credentialSubject.identifier[{i}].identityHash", id.IdentityHash, p);
            if (id.Hashed && id.IdentityHash is not null && !id.IdentityHash.StartsWith(IdentityHash.Sha256Prefix, StringComparison.Ordinal))
            {
                p.Add($"credentialSubject.identifier[{i}].identityHash must be a sha256$ hash when hashed is true");
            }
        }
    }

    private static void CheckResults(OpenBadgeCredentialInput c, List<string> p)
    {
        var descriptions = (c.Achievement?.ResultDescriptions ?? []).Where(d => d.Id is not null)
            .GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        for (var i = 0; i < c.Results.Count; i++)
        {
            var r = c.Results[i];
            var rp = $"credentialSubject.result[{i}]";
            if (r.ResultDescription is null || !descriptions.TryGetValue(r.ResultDescription, out var rd))
            {
                p.Add($"{rp}.resultDescription must be the id of a resultDescription of the achievement");
                continue;
            }
            if (r.AchievedLevel is not null && !rd.RubricCriterionLevels.Any(l => string.Equals(l.Id, r.AchievedLevel, StringComparison.Ordinal)))
            {
                p.Add($"{rp}.achievedLevel must be the id of a rubricCriterionLevel of '{rd.Name}'");
            }
            if (string.Equals(rd.ResultType, "Status", StringComparison.Ordinal) && r.Status is null)
            {
                p.Add($"{rp}.status is required when the resultType is Status");
            }
            if (r.Status is not null && !Ob3Vocabulary.IsEnumOrExtension(Ob3Vocabulary.ResultStatuses, r.Status))
            {
                p.Add($"{rp}.status '{r.Status}' is not a ResultStatusType value");
            }
            if (r.AchievedLevel is null && r.Value is null && r.Status is null)
            {
                p.Add($"{rp} needs an achievedLevel, a value or a status");
            }
        }
    }

    internal static void Required(string path, string? value, List<string> p)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            p.Add($"{path} is required");
        }
    }

    internal static void Uri(string path, string? value, List<string> p)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            p.Add($"{path} is required");
        }
        else if (!IsAbsoluteUri(value))
        {
            p.Add($"{path} must be an absolute URI");
        }
    }

    /// <summary>
    /// A link that displayers will follow or load: http(s) only (and <c>data:</c> where the specification allows a
    /// data URI). Other schemes (<c>javascript:</c>, <c>file:</c>, …) would travel inside a signed credential to
    /// every wallet that renders it.
    /// </summary>
    internal static void WebUri(string path, string? value, bool allowData, List<string> p)
    {
        Uri(path, value, p);
        if (value is not null && IsAbsoluteUri(value)
            && !value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            && !value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            && !(allowData && value.StartsWith("data:", StringComparison.OrdinalIgnoreCase)))
        {
            p.Add(allowData ? $"{path} must be an http(s) URL or a data URI" : $"{path} must be an http(s) URL");
        }
    }

    /// <summary>RFC 3986 absolute URI: an explicit scheme (so "/path" is never taken for a file URI), no white space.</summary>
    internal static bool IsAbsoluteUri(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || colon == value.Length - 1 || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }
        for (var i = 1; i < colon; i++)
        {
            var c = value[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }
        return System.Uri.TryCreate(value, UriKind.Absolute, out _);
    }
}
