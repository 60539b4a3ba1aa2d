using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenBadgesIssuer.Core.BadgeClasses;

/// <summary>
/// The definition of a badge class version (stored as JSON on the version row). Competency, key method and the
/// evidence required have no OB 3.0 property of their own (no extension context is used, so that safe-mode
/// JSON-LD signing and the 1EdTech validator accept the credential): they are written into the criteria narrative.
/// </summary>
public sealed record BadgeClassDefinition
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public string? CriteriaNarrative { get; init; }

    public string? CriteriaUrl { get; init; }

    public string AchievementType { get; init; } = "MicroCredential";

    public string? Competency { get; init; }

    public string? KeyMethod { get; init; }

    public IReadOnlyList<string> EvidenceRequired { get; init; } = [];

    public IReadOnlyList<RubricCriterion> Rubric { get; init; } = [];

    public decimal? CreditsAvailable { get; init; }

    public IReadOnlyList<AlignmentTarget> Alignments { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? FieldOfStudy { get; init; }

    /// <summary>Default validity of awards in months (e.g. 60 = expires five years after the award); null = no expiry.</summary>
    public int? ValidityMonths { get; init; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static BadgeClassDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<BadgeClassDefinition>(json, Json) ?? throw new InvalidOperationException("Empty badge class definition.");
}

/// <summary>A rubric criterion with its levels (low → high); <see cref="Key"/> is how awards name it (default <c>c1</c>, <c>c2</c>…).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RubricCriterion(string? Key, string? Name, string? Description, IReadOnlyList<RubricLevel>? Levels, string? RequiredLevel = null);

/// <summary>A rubric level; <see cref="Key"/> defaults to <c>l1</c>, <c>l2</c>… in order.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RubricLevel(string? Key, string? Name, string? Description = null, string? Points = null);

/// <summary>An alignment to a competency framework item (OB 3.0 Alignment / OB 2.0 AlignmentObject).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AlignmentTarget(
    string? TargetName, string? TargetUrl, string? TargetFramework = null, string? TargetCode = null,
    string? TargetDescription = null, string? TargetType = null);
