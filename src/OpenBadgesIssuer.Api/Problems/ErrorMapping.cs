using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenBadgesIssuer.Core.Errors;

namespace OpenBadgesIssuer.Api.Problems;

/// <summary>
/// The one place where failures become RFC 9457 problem details: <see cref="ErrorKind"/> → status, a stable
/// <c>code</c> extension (README "Error codes"), <c>type</c> = <c>urn:obi:problem:&lt;code&gt;</c>, the offending
/// <c>field</c> when known, and the <c>traceId</c> (added by <see cref="Customize"/>).
/// </summary>
public static class ErrorMapping
{
    public const string TypePrefix = "urn:obi:problem:";

    public static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.BadRequest => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        _ => throw new UnreachableException($"Unmapped error kind {kind}."),
    };

    public static ProblemHttpResult ToProblem(this Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return TypedResults.Problem(Create(StatusFor(error.Kind), error.Code, error.Message, error.Field));
    }

    public static ProblemDetails Create(int status, string code, string detail, string? field = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = TypePrefix + code,
            Title = TitleFor(status),
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        return problem;
    }

    /// <summary>
    /// Runs for every problem the framework writes (ours, status-code pages, the exception handler): fills the
    /// stable code for bare statuses and adds the trace id.
    /// </summary>
    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ProblemDetails problem = context.ProblemDetails;
        int status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (!problem.Extensions.ContainsKey("code"))
        {
            string code = CodeForStatus(status);
            problem.Extensions["code"] = code;
            problem.Type = TypePrefix + code;
        }

        problem.Title ??= TitleFor(status);
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        problem.Extensions.Remove("exception");
    }

    public static string CodeForStatus(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        409 => "conflict",
        411 => "length_required",
        412 => "etag_mismatch",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "validation_failed",
        428 => "if_match_required",
        429 => "rate_limited",
        503 => "unavailable",
        _ when status >= 500 => "internal_error",
        _ => "error",
    };

    private static string TitleFor(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict",
        412 => "Precondition failed",
        413 => "Payload too large",
        415 => "Unsupported media type",
        422 => "Validation failed",
        428 => "Precondition required",
        429 => "Too many requests",
        _ when status >= 500 => "Internal server error",
        _ => "Error",
    };
}
