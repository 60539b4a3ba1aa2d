namespace OpenBadgesIssuer.Core.Domain;

/// <summary>An organisation account (a district, a state agency, a PD platform). Everything else belongs to one tenant.</summary>
public sealed class Tenant
{
    public const string IdPrefix = "ten";

    public required string Id { get; init; }

    public required string Name { get; set; }

    public DateTime CreatedAt { get; init; }
}
