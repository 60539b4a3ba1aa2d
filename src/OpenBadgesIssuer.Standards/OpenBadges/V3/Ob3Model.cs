namespace OpenBadgesIssuer.Standards.OpenBadges.V3;

/// <summary>An OB 3.0 Image (<c>{"id", "type": "Image", "caption"}</c>); <paramref name="Id"/> is a URL or a data URI of a PNG/SVG.</summary>
/// <param name="Id">URL or data URI of the image.</param>
/// <param name="Caption">Optional caption.</param>
public sealed record Ob3Image(string Id, string? Caption = null);

/// <summary>The issuer Profile embedded in the credential (OB 3.0 §Profile).</summary>
/// <param name="Id">The issuer id (this service uses the issuer's did:web).</param>
/// <param name="Name">Display name of the issuing organisation.</param>
public sealed record Ob3Profile(string Id, string Name)
{
    /// <summary>Home page of the organisation.</summary>
    public string? Url { get; init; }

    /// <summary>Contact e-mail of the organisation.</summary>
    public string? Email { get; init; }

    /// <summary>Contact phone (E.164 recommended).</summary>
    public string? Phone { get; init; }

    /// <summary>Short description of the organisation.</summary>
    public string? Description { get; init; }

    /// <summary>Logo (PNG or SVG).</summary>
    public Ob3Image? Image { get; init; }
}

/// <summary>Achievement criteria: a criteria page URL and/or a Markdown narrative (at least one).</summary>
/// <param name="Id">URL of a human-readable criteria page.</param>
/// <param name="Narrative">Markdown description of what must be done.</param>
public sealed record Ob3Criteria(string? Id, string? Narrative);

/// <summary>An alignment to a competency framework item (OB 3.0 §Alignment).</summary>
/// <param name="TargetName">Name of the target (required).</param>
/// <param name="TargetUrl">URL of the target (required).</param>
public sealed record Ob3Alignment(string TargetName, string TargetUrl)
{
    /// <summary>Code of the target within its framework.</summary>
    public string? TargetCode { get; init; }

    /// <summary>Short description of the target.</summary>
    public string? TargetDescription { get; init; }

    /// <summary>Name of the framework.</summary>
    public string? TargetFramework { get; init; }

    /// <summary>AlignmentTargetType (e.g. <c>CFItem</c>, <c>ceasn:Competency</c>, <c>ext:…</c>).</summary>
    public string? TargetType { get; init; }
}

/// <summary>One level of a rubric criterion (OB 3.0 §RubricCriterionLevel).</summary>
/// <param name="Id">URI of the level (results point at it through <c>achievedLevel</c>).</param>
/// <param name="Name">Name of the level.</param>
public sealed record Ob3RubricCriterionLevel(string Id, string Name)
{
    /// <summary>What performance at this level looks like.</summary>
    public string? Description { get; init; }

    /// <summary>The rubric level label (e.g. "Proficient").</summary>
    public string? Level { get; init; }

    /// <summary>Points for this level (a string per the specification).</summary>
    public string? Points { get; init; }

    /// <summary>Alignments of this level.</summary>
    public IReadOnlyList<Ob3Alignment> Alignments { get; init; } = [];
}

/// <summary>
/// A possible result of the achievement (OB 3.0 §ResultDescription); a rubric criterion is modelled as a
/// description with <c>resultType</c> <c>RubricCriterionLevel</c> and its ordered levels (low → high).
/// </summary>
/// <param name="Id">URI of the description (results point at it).</param>
/// <param name="Name">Name of the criterion.</param>
/// <param name="ResultType">ResultType enumeration value, e.g. <c>RubricCriterionLevel</c>.</param>
public sealed record Ob3ResultDescription(string Id, string Name, string ResultType = Ob3ResultDescription.RubricCriterionLevelType)
{
    /// <summary>The result type of a rubric criterion.</summary>
    public const string RubricCriterionLevelType = "RubricCriterionLevel";

    /// <summary>The levels of the criterion, ordered from low to high.</summary>
    public IReadOnlyList<Ob3RubricCriterionLevel> RubricCriterionLevels { get; init; } = [];

    /// <summary>Id of the level required to earn the achievement.</summary>
    public string? RequiredLevel { get; init; }

    /// <summary>Allowed values, ordered from low to high.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>Value required to earn the achievement.</summary>
    public string? RequiredValue { get; init; }

    /// <summary>Lowest possible value.</summary>
    public string? ValueMin { get; init; }

    /// <summary>Highest possible value.</summary>
    public string? ValueMax { get; init; }

    /// <summary>Alignments of the criterion.</summary>
    public IReadOnlyList<Ob3Alignment> Alignments { get; init; } = [];
}

/// <summary>The achievement definition embedded in the credential (OB 3.0 §Achievement), i.e. the badge class version.</summary>
/// <param name="Id">URI of the achievement (an HTTPS URL of the badge class version).</param>
/// <param name="Name">Name of the achievement.</param>
/// <param name="Description">Short description.</param>
/// <param name="Criteria">Criteria page URL and/or narrative.</param>
public sealed record Ob3Achievement(string Id, string Name, string Description, Ob3Criteria Criteria)
{
    /// <summary>The achievement type used when none is given.</summary>
    public const string DefaultAchievementType = "MicroCredential";

    /// <summary>AchievementType enumeration value or <c>ext:…</c>; defaults to <c>MicroCredential</c>.</summary>
    public string? AchievementType { get; init; } = DefaultAchievementType;

    /// <summary>Badge image.</summary>
    public Ob3Image? Image { get; init; }

    /// <summary>Alignments to competency frameworks.</summary>
    public IReadOnlyList<Ob3Alignment> Alignments { get; init; } = [];

    /// <summary>The rubric (criteria × levels) and any other result descriptions.</summary>
    public IReadOnlyList<Ob3ResultDescription> ResultDescriptions { get; init; } = [];

    /// <summary>Credit hours available (e.g. PD hours); must not be negative.</summary>
    public decimal? CreditsAvailable { get; init; }

    /// <summary>Field of study.</summary>
    public string? FieldOfStudy { get; init; }

    /// <summary>Specialization within the field of study.</summary>
    public string? Specialization { get; init; }

    /// <summary>Short code shown to humans.</summary>
    public string? HumanCode { get; init; }

    /// <summary>Version of the definition.</summary>
    public string? Version { get; init; }

    /// <summary>BCP 47 language of the definition.</summary>
    public string? InLanguage { get; init; }

    /// <summary>Keywords (emitted as <c>tag</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Profile that authored the definition when it differs from the issuer.</summary>
    public Ob3Profile? Creator { get; init; }
}

/// <summary>An evidence item (OB 3.0 §Evidence): a URL and/or a narrative with descriptive metadata.</summary>
public sealed record Ob3Evidence
{
    /// <summary>URL (or data URI) of the evidence.</summary>
    public string? Id { get; init; }

    /// <summary>Markdown narrative describing the evidence.</summary>
    public string? Narrative { get; init; }

    /// <summary>Name of the evidence.</summary>
    public string? Name { get; init; }

    /// <summary>Short description.</summary>
    public string? Description { get; init; }

    /// <summary>Genre (e.g. "Lesson plan", "Video").</summary>
    public string? Genre { get; init; }

    /// <summary>Intended audience.</summary>
    public string? Audience { get; init; }
}

/// <summary>A result reached by the recipient (OB 3.0 §Result).</summary>
/// <param name="ResultDescription">Id of the <see cref="Ob3ResultDescription"/> in the achievement.</param>
public sealed record Ob3Result(string ResultDescription)
{
    /// <summary>Id of the rubric level reached (must be a level of the referenced description).</summary>
    public string? AchievedLevel { get; init; }

    /// <summary>A value (grade, score) as a string.</summary>
    public string? Value { get; init; }

    /// <summary>ResultStatusType (required when the description's resultType is <c>Status</c>).</summary>
    public string? Status { get; init; }
}

/// <summary>An IdentityObject (OB 3.0 §IdentityObject) identifying the recipient.</summary>
/// <param name="IdentityType">IdentifierTypeEnum value (e.g. <c>emailAddress</c>) or <c>ext:…</c>.</param>
/// <param name="IdentityHash">The <c>sha256$…</c> hash, or the plaintext identifier when not hashed.</param>
/// <param name="Hashed">Whether <paramref name="IdentityHash"/> is a hash.</param>
/// <param name="Salt">The salt used for hashing.</param>
public sealed record Ob3Identifier(string IdentityType, string IdentityHash, bool Hashed, string? Salt)
{
    /// <summary>A salted SHA-256 hash of an identifier of the given type.</summary>
    public static Ob3Identifier HashedOf(string identityType, string identifier, string salt) =>
        new(identityType, OpenBadges.IdentityHash.Sha256(identifier, salt), true, salt);
}

/// <summary>
/// How the recipient is identified: a subject id (DID or URL) and/or IdentityObjects. Use the factories;
/// e-mail addresses and phone numbers are only ever published as salted hashes.
/// </summary>
public sealed record Ob3Recipient
{
    /// <summary>The <c>credentialSubject.id</c> (a DID the recipient controls, or a URL), if any.</summary>
    public string? SubjectId { get; init; }

    /// <summary>IdentityObjects of the recipient.</summary>
    public IReadOnlyList<Ob3Identifier> Identifiers { get; init; } = [];

    /// <summary>E-mail (normalised with <see cref="IdentityHash.NormalizeEmail"/>) hashed with the salt, <c>identityType</c> <c>emailAddress</c>.</summary>
    public static Ob3Recipient HashedEmail(string email, string salt) =>
        new() { Identifiers = [Ob3Identifier.HashedOf("emailAddress", IdentityHash.NormalizeEmail(email), salt)] };

    /// <summary>A phone number hashed with the salt; OB 3.0 has no phone identifier type, so <c>ext:telephone</c> is used.</summary>
    public static Ob3Recipient HashedPhone(string phone, string salt) =>
        new() { Identifiers = [Ob3Identifier.HashedOf("ext:telephone", phone.Trim(), salt)] };

    /// <summary>A source-system id (<c>identityType</c> <c>sourcedId</c>), hashed with the salt.</summary>
    public static Ob3Recipient HashedSourcedId(string sourcedId, string salt) =>
        new() { Identifiers = [Ob3Identifier.HashedOf("sourcedId", sourcedId, salt)] };

    /// <summary>A DID (or other URI) the recipient controls, as <c>credentialSubject.id</c>.</summary>
    public static Ob3Recipient Subject(string subjectId) => new() { SubjectId = subjectId };
}

/// <summary>A W3C <c>BitstringStatusListEntry</c> (status purpose revocation by default).</summary>
/// <param name="StatusListCredential">URL of the status list credential.</param>
/// <param name="StatusListIndex">Index of this credential's bit in the list.</param>
public sealed record Ob3BitstringStatus(string StatusListCredential, long StatusListIndex)
{
    /// <summary>The status purpose; <c>revocation</c> by default.</summary>
    public string StatusPurpose { get; init; } = "revocation";
}

/// <summary>Everything needed to write an unsigned OB 3.0 OpenBadgeCredential.</summary>
/// <param name="Id">The credential id (<c>urn:uuid:…</c> or an HTTPS URL).</param>
/// <param name="Issuer">The embedded issuer Profile.</param>
/// <param name="Achievement">The embedded achievement (badge class version).</param>
/// <param name="Recipient">The recipient identification.</param>
/// <param name="ValidFrom">Start of validity (also the issuance time).</param>
public sealed record OpenBadgeCredentialInput(string Id, Ob3Profile Issuer, Ob3Achievement Achievement, Ob3Recipient Recipient, DateTimeOffset ValidFrom)
{
    /// <summary>End of validity.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Original award time (kept when the credential is re-issued).</summary>
    public DateTimeOffset? AwardedDate { get; init; }

    /// <summary>Credential display name; the achievement name when null.</summary>
    public string? Name { get; init; }

    /// <summary>Credential description.</summary>
    public string? Description { get; init; }

    /// <summary>Image of the credential.</summary>
    public Ob3Image? Image { get; init; }

    /// <summary>Evidence items.</summary>
    public IReadOnlyList<Ob3Evidence> Evidence { get; init; } = [];

    /// <summary>Results (rubric level reached per criterion).</summary>
    public IReadOnlyList<Ob3Result> Results { get; init; } = [];

    /// <summary>Credits earned.</summary>
    public decimal? CreditsEarned { get; init; }

    /// <summary>Start of the learning activity.</summary>
    public DateTimeOffset? ActivityStartDate { get; init; }

    /// <summary>End of the learning activity.</summary>
    public DateTimeOffset? ActivityEndDate { get; init; }

    /// <summary>Markdown narrative of what the recipient did.</summary>
    public string? Narrative { get; init; }

    /// <summary>Revocation status entry, if any.</summary>
    public Ob3BitstringStatus? CredentialStatus { get; init; }

    /// <summary>Whether to add the 1EdTech <c>credentialSchema</c> (and the extensions context it needs). Default true.</summary>
    public bool IncludeCredentialSchema { get; init; } = true;
}
