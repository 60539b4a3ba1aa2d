using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenBadgesIssuer.Core.Assertions;

/// <summary>Who receives the award. <see cref="Type"/>: <c>email</c> (default), <c>url</c>, <c>phone</c>, <c>sourcedId</c> or <c>did</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RecipientDraft(string? Identity, string? Type = null, string? Name = null);

/// <summary>An evidence item: a URL and/or a narrative.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record EvidenceDraft(
    string? Url = null, string? Narrative = null, string? Name = null, string? Description = null,
    string? Genre = null, string? Audience = null);

/// <summary>The rubric level reached for one criterion (keys from the badge class rubric), or a value.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ResultDraft(string? Criterion, string? Level = null, string? Value = null);

/// <summary>Everything an award adds to the badge class version.</summary>
public sealed record AwardDraft
{
    public RecipientDraft? Recipient { get; init; }

    public IReadOnlyList<EvidenceDraft> Evidence { get; init; } = [];

    public IReadOnlyList<ResultDraft> Results { get; init; } = [];

    public decimal? CreditsEarned { get; init; }

    public DateTimeOffset? ActivityStartDate { get; init; }

    public DateTimeOffset? ActivityEndDate { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    public string? Narrative { get; init; }
}

/// <summary>The stored details of an award (the JSON column of the assertion row).</summary>
public sealed record AwardDetails(
    IReadOnlyList<EvidenceDraft> Evidence,
    IReadOnlyList<ResultDraft> Results,
    decimal? CreditsEarned,
    DateTimeOffset? ActivityStartDate,
    DateTimeOffset? ActivityEndDate,
    string? Narrative)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static AwardDetails Deserialize(string json) =>
        JsonSerializer.Deserialize<AwardDetails>(json, Json) ?? throw new InvalidOperationException("Empty award details.");
}
