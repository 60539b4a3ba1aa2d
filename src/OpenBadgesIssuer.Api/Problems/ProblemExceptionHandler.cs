using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OpenBadgesIssuer.Api.Hosting;

namespace OpenBadgesIssuer.Api.Problems;

/// <summary>
/// Turns exceptions into problem+json. Request-binding failures (unreadable JSON, wrong types, unknown members,
/// bad query values, wrong content type) keep their 4xx status; anything else is a bug and answers a bare 500
/// without details.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem = exception switch
        {
            BadHttpRequestException bad => FromBadRequest(bad),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                ErrorMapping.Create(499, "client_closed_request", "The client closed the request."),
            _ => ErrorMapping.Create(StatusCodes.Status500InternalServerError, "internal_error",
                "An unexpected error occurred. Quote the traceId when reporting it."),
        };

        if (problem.Status >= 500)
        {
            Log.UnhandledException(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        JsonException? json = FindJsonException(bad);
        if (json is not null)
        {
            // The serializer's own message can name CLR types; only the JSON path is passed on.
            string? path = string.IsNullOrEmpty(json.Path) ? null : json.Path;
            return ErrorMapping.Create(StatusCodes.Status400BadRequest, "invalid_json",
                "The request body is not valid JSON for this operation: malformed JSON, a wrong value type, or a member the contract does not define.",
                path);
        }

        return bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ErrorMapping.Create(413, "payload_too_large", "The request body is larger than the limit."),
            StatusCodes.Status415UnsupportedMediaType => ErrorMapping.Create(415, "unsupported_media_type", "Send the body as application/json."),
            _ when bad.Message.Contains("implicit body", StringComparison.OrdinalIgnoreCase)
                || bad.Message.Contains("request body", StringComparison.OrdinalIgnoreCase) =>
                ErrorMapping.Create(400, "invalid_body", "The request body is missing or unreadable."),
            _ => ErrorMapping.Create(bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400, "invalid_parameter",
                "A route, query or header value has the wrong format."),
        };
    }

    private static JsonException? FindJsonException(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is JsonException json)
            {
                return json;
            }
        }

        return null;
    }
}
