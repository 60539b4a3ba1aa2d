using System.ComponentModel;

namespace OpenBadgesIssuer.Api.Contracts;

/// <summary>One page of a list, ordered by id.</summary>
public sealed record PageResponse<T>(
    IReadOnlyList<T> Items,
    [property: Description("Opaque cursor for the next page (pass as `cursor`); null on the last page.")] string? NextCursor,
    [property: Description("Absolute URL of the next page; also sent as a `Link: <…>; rel=\"next\"` header.")] string? Next);
