namespace OpenBadgesIssuer.Core.Errors;

/// <summary>The category of an expected failure; the API maps each kind to one HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>The request is well-formed but a value breaks a rule (422).</summary>
    Validation,

    /// <summary>The request itself is malformed: bad cursor, bad limit, unreadable body (400).</summary>
    BadRequest,

    /// <summary>The resource does not exist in the caller's tenant (404).</summary>
    NotFound,

    /// <summary>The state of the resource forbids the operation (409).</summary>
    Conflict,

    /// <summary>The <c>If-Match</c> precondition failed (412).</summary>
    PreconditionFailed,

    /// <summary>A conditional header is required but missing (428).</summary>
    PreconditionRequired,
}
