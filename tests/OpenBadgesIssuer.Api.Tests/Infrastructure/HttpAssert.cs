using System.Net;
using System.Text.Json;

namespace OpenBadgesIssuer.Api.Tests.Infrastructure;

internal static class HttpAssert
{
    /// <summary>Asserts an RFC 9457 problem with the given status (and code, when given); returns the body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("traceId", out _), "problem has no traceId");
        string actualCode = problem.GetProperty("code").GetString()!;
        Assert.Equal("urn:obi:problem:" + actualCode, problem.GetProperty("type").GetString());
        if (code is not null)
        {
            Assert.Equal(code, actualCode);
        }

        return problem;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
