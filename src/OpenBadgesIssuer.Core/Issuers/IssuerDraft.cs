using OpenBadgesIssuer.Core.Domain;

namespace OpenBadgesIssuer.Core.Issuers;

/// <summary>The caller-supplied fields of an issuer profile (create, or the result of applying a patch).</summary>
public sealed record IssuerDraft(
    string? Name,
    string? Url,
    string? Email,
    string? Description = null,
    string? Image = null,
    string? Phone = null,
    string? Official = null,
    PostalAddress? Address = null);

/// <summary>A value that may be absent from a partial update; <c>Set(null)</c> clears an optional field.</summary>
public readonly record struct Patch<T>(bool IsSet, T? Value)
{
    public static Patch<T> Unset => default;

    public static Patch<T> Set(T? value) => new(true, value);

    public T? Apply(T? current) => IsSet ? Value : current;
}

/// <summary>A partial update: only fields that are set change (JSON merge-patch semantics, RFC 7396).</summary>
public sealed record IssuerPatch
{
    public Patch<string> Name { get; init; }

    public Patch<string> Url { get; init; }

    public Patch<string> Email { get; init; }

    public Patch<string> Description { get; init; }

    public Patch<string> Image { get; init; }

    public Patch<string> Phone { get; init; }

    public Patch<string> Official { get; init; }

    public Patch<PostalAddress> Address { get; init; }
}
