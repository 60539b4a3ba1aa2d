namespace OpenBadgesIssuer.Core.Errors;

/// <summary>
/// An expected failure. <paramref name="Code"/> is stable and documented (README "Error codes");
/// <paramref name="Message"/> is safe to show to a client and never carries secrets.
/// </summary>
public sealed record Error(string Code, string Message, ErrorKind Kind, string? Field = null)
{
    public static Error Validation(string field, string code, string message) =>
        new(code, message, ErrorKind.Validation, field);

    public static Error BadRequest(string code, string message, string? field = null) =>
        new(code, message, ErrorKind.BadRequest, field);

    public static Error NotFound(string resource) =>
        new("not_found", $"The {resource} does not exist.", ErrorKind.NotFound);

    public static Error Conflict(string code, string message) =>
        new(code, message, ErrorKind.Conflict);

    public static Error PreconditionFailed() =>
        new("etag_mismatch", "The resource was changed since it was read; fetch it again and retry with the new ETag.",
            ErrorKind.PreconditionFailed, "If-Match");

    public static Error PreconditionRequired() =>
        new("if_match_required", "This operation requires an If-Match header carrying the resource's ETag.",
            ErrorKind.PreconditionRequired, "If-Match");
}
