using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenBadgesIssuer.Api.Tests.Infrastructure;

namespace OpenBadgesIssuer.Api.Tests.Hosting;

/// <summary>
/// The committed openapi/openapi.json equals the served document. Regenerate with
/// <c>OBI_WRITE_OPENAPI=1 dotnet test --project tests/OpenBadgesIssuer.Api.Tests -- --filter-class '*OpenApiDocumentTests'</c>.
/// </summary>
public sealed class OpenApiDocumentTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    [Fact]
    public async Task CommittedDocument_EqualsServedDocument()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using HttpClient client = fixture.Factory.CreateClient();
        string served = await client.GetStringAsync("/openapi/v1.json", ct);
        JsonNode servedNode = JsonNode.Parse(served)!;
        string path = Path.Combine(RepositoryRoot(), "openapi", "openapi.json");
        string pretty = servedNode.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

        if (Environment.GetEnvironmentVariable("OBI_WRITE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, pretty, ct);
        }

        Assert.True(File.Exists(path), $"{path} is missing; regenerate it (see README).");
        JsonNode committed = JsonNode.Parse(await File.ReadAllTextAsync(path, ct))!;
        Assert.True(JsonNode.DeepEquals(committed, servedNode),
            "openapi/openapi.json differs from the served /openapi/v1.json; regenerate it with "
            + "OBI_WRITE_OPENAPI=1 dotnet test --project tests/OpenBadgesIssuer.Api.Tests -- --filter-class '*OpenApiDocumentTests'");
    }

    [Fact]
    public async Task ServedDocument_EveryOperationHasIdSummaryResponsesAndProblems()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using HttpClient client = fixture.Factory.CreateClient();
        JsonElement document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", ct)).RootElement;
        Assert.Equal("http", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("type").GetString());
        var operationIds = new HashSet<string>();
        foreach (JsonProperty path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (JsonProperty operation in path.Value.EnumerateObject())
            {
                string label = $"{operation.Name} {path.Name}";
                Assert.True(operationIds.Add(operation.Value.GetProperty("operationId").GetString()!), label);
                Assert.False(string.IsNullOrEmpty(operation.Value.GetProperty("summary").GetString()), label);
                JsonElement responses = operation.Value.GetProperty("responses");
                Assert.True(responses.EnumerateObject().Any(r => r.Name.StartsWith('2')), label);
                if (!operation.Value.TryGetProperty("security", out _))
                {
                    // Public, unauthenticated documents (the auth walk checks they are on its explicit list).
                    Assert.Equal("Public", operation.Value.GetProperty("tags")[0].GetString());
                    Assert.True(responses.TryGetProperty("404", out _), label);
                    continue;
                }

                foreach (string status in new[] { "401", "403" })
                {
                    Assert.True(responses.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{label} {status}");
                }

                // Action endpoints (POST …/keys/rotate) take no body.
                if (operation.Name is "post" or "patch" && !path.Name.EndsWith("/rotate", StringComparison.Ordinal))
                {
                    Assert.True(operation.Value.GetProperty("requestBody").GetProperty("content").EnumerateObject().Any(), label);
                }
            }
        }

        Assert.Contains("CreateIssuer", operationIds);
        Assert.Contains("UpdateIssuer", operationIds);
        Assert.Contains("RevokeApiKey", operationIds);
    }

    internal static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenBadgesIssuer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (OpenBadgesIssuer.sln) not found above the test binaries.");
    }
}
