using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OpenBadgesIssuer.Api.Hosting;

namespace OpenBadgesIssuer.Api.Problems;

/// <summary>
/// Enforces <c>Api:MaxRequestBodyBytes</c> (default 1 MiB) with a problem+json 413. A declared Content-Length over
/// the limit is refused before reading; a chunked body is read up to the limit, so the refusal also holds on hosts
/// without Kestrel's limit feature (e.g. the in-memory test server). Kestrel's own limit is set to the same value.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        long limit = options.Value.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        long? declared = context.Request.ContentLength;
        if (declared > limit)
        {
            await TooLargeAsync(context, limit);
            return;
        }

        if (declared is null && context.Request.Headers.TransferEncoding.Count > 0)
        {
            var buffer = new MemoryStream();
            byte[] chunk = new byte[16 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    await TooLargeAsync(context, limit);
                    return;
                }

                buffer.Write(chunk, 0, read);
            }

            buffer.Position = 0;
            context.Request.Body = buffer;
            context.Request.ContentLength = buffer.Length;
            context.Response.RegisterForDispose(buffer);
        }

        await next(context);
    }

    private static async Task TooLargeAsync(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ErrorMapping.Create(StatusCodes.Status413PayloadTooLarge, "payload_too_large",
                $"The request body exceeds the limit of {limit} bytes."),
        });
    }
}
