using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenBadgesIssuer.Api.Tests.Infrastructure;
using OpenBadgesIssuer.Core.Persistence;

namespace OpenBadgesIssuer.Api.Tests.Security;

/// <summary>
/// Sends a corpus of malformed and hostile requests (invalid JSON, wrong types, huge strings, deep nesting, unknown
/// members, bad ids, bad keys, bad paging and conditional headers) and asserts that every answer is a 4xx
/// problem+json and that stored data is unchanged. The tally is written to the test output and, when
/// OBI_TEST_REPORT_DIR is set, to robustness-&lt;provider&gt;.txt there.
/// </summary>
public abstract class RobustnessTests<TFixture>(TFixture fixture, ITestOutputHelper output) : IClassFixture<TFixture>
    where TFixture : ApiFixture
{
    private const string ValidBody = """{"name":"A","url":"https://a.example","email":"a@example.org"}""";

    [Fact]
    public async Task HostileRequests_AllAnswer4xxProblem_AndStoredDataIsUnchanged()
    {
        fixture.EnsureAvailable();
        CancellationToken ct = TestContext.Current.CancellationToken;
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        TestTenant other = await fixture.Factory.CreateTenantAsync();
        using HttpClient admin = fixture.Factory.CreateClient(tenant.AdminKey);
        using HttpClient otherAdmin = fixture.Factory.CreateClient(other.AdminKey);
        string issuerId = await CreateIssuerAsync(admin, ct);
        string foreignId = await CreateIssuerAsync(otherAdmin, ct);
        string readOnlyKey = await CreateKeyAsync(admin, ["issuers:read"], ct);
        string revokedKey = await CreateKeyAsync(admin, ["issuers:write"], ct);
        await RevokeAsync(admin, revokedKey, ct);

        string before = await SnapshotAsync(admin, otherAdmin, ct);
        string badgeClassId = await CreateBadgeClassAsync(admin, issuerId, ct);
        string foreignBadgeClassId = await CreateBadgeClassAsync(otherAdmin, foreignId, ct);
        List<Func<HttpRequestMessage>> corpus = BuildCorpus(tenant.AdminKey, readOnlyKey, revokedKey, issuerId, foreignId);
        corpus.AddRange(IssuanceCorpus(tenant.AdminKey, readOnlyKey, issuerId, badgeClassId, foreignId, foreignBadgeClassId));
        Assert.True(corpus.Count >= 200, $"corpus has only {corpus.Count} requests");

        var statuses = new SortedDictionary<int, int>();
        using HttpClient raw = fixture.Factory.CreateClient();
        int index = 0;
        foreach (Func<HttpRequestMessage> make in corpus)
        {
            using HttpRequestMessage request = make();
            string label = $"#{index++} {request.Method} {request.RequestUri}";
            using HttpResponseMessage response = await raw.SendAsync(request, ct);
            int status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            string body = await response.Content.ReadAsStringAsync(ct);
            Assert.True(status is >= 400 and < 500, $"{label} answered {status}: {Truncate(body)}");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                $"{label} answered {status} with {response.Content.Headers.ContentType}: {Truncate(body)}");
            JsonElement problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal(status, problem.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("code").GetString()), label);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            Assert.DoesNotContain("obi_live_", body, StringComparison.Ordinal);
        }

        string after = await SnapshotAsync(admin, otherAdmin, ct);
        Assert.Equal(before, after);
        await using (AsyncServiceScope scope = fixture.Factory.Services.CreateAsyncScope())
        {
            IssuerDbContext db = scope.ServiceProvider.GetRequiredService<IssuerDbContext>();
            Assert.Equal(1, await db.Issuers.CountAsync(i => i.TenantId == tenant.Id, ct));
            Assert.Equal(1, await db.Issuers.CountAsync(i => i.TenantId == other.Id, ct));
            Assert.Equal(3, await db.ApiKeys.CountAsync(k => k.TenantId == tenant.Id, ct));
            Assert.Equal(1, await db.BadgeClasses.CountAsync(b => b.TenantId == tenant.Id, ct));
            Assert.Equal(1, await db.BadgeClassVersions.CountAsync(v => v.TenantId == tenant.Id, ct));
            Assert.Equal(0, await db.Assertions.CountAsync(a => a.TenantId == tenant.Id || a.TenantId == other.Id, ct));
            Assert.Equal(3, await db.SigningKeys.CountAsync(k => k.IssuerId == issuerId, ct));
            Assert.Equal(1, (await db.BadgeClasses.SingleAsync(b => b.Id == badgeClassId, ct)).Version);
        }

        string summary = $"robustness ({fixture.Provider}): {corpus.Count} requests, statuses "
            + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"));
        output.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("OBI_TEST_REPORT_DIR") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(Path.Combine(dir, $"robustness-{fixture.Provider}.txt"), summary + "\n", ct);
        }
    }

    private static List<Func<HttpRequestMessage>> BuildCorpus(
        string key, string readOnlyKey, string revokedKey, string issuerId, string foreignId)
    {
        var corpus = new List<Func<HttpRequestMessage>>();
        string[] badBodies = MalformedBodies().ToArray();

        // Bodies that must be refused by every write endpoint.
        foreach (string body in badBodies)
        {
            corpus.Add(() => Request(HttpMethod.Post, "/v1/issuers", key, body));
            corpus.Add(() => Request(HttpMethod.Patch, $"/v1/issuers/{issuerId}", key, body, "*", "application/merge-patch+json"));
        }

        foreach (string body in ApiKeyBodies())
        {
            corpus.Add(() => Request(HttpMethod.Post, "/v1/api-keys", key, body));
        }

        // Over the 1 MiB limit, and wrong content types.
        string huge = $$"""{"name":"{{new string('n', (1024 * 1024) + 1)}}","url":"https://a.example","email":"a@example.org"}""";
        corpus.Add(() => Request(HttpMethod.Post, "/v1/issuers", key, huge));
        corpus.Add(() => Request(HttpMethod.Patch, $"/v1/issuers/{issuerId}", key, huge, "*"));
        corpus.Add(() => Request(HttpMethod.Post, "/v1/api-keys", key, huge));
        foreach (string type in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x" })
        {
            corpus.Add(() => Request(HttpMethod.Post, "/v1/issuers", key, ValidBody, contentType: type));
            corpus.Add(() => Request(HttpMethod.Patch, $"/v1/issuers/{issuerId}", key, """{"name":"B"}""", "*", type));
        }

        corpus.Add(() => Request(HttpMethod.Post, "/v1/issuers", key, null));

        // Bad and foreign ids on every id route.
        foreach (string id in BadIds().Append(foreignId))
        {
            string path = "/v1/issuers/" + Uri.EscapeDataString(id);
            corpus.Add(() => Request(HttpMethod.Get, path, key, null));
            corpus.Add(() => Request(HttpMethod.Patch, path, key, """{"name":"Hijack"}""", "*", "application/merge-patch+json"));
            corpus.Add(() => Request(HttpMethod.Delete, path, key, null));
            corpus.Add(() => Request(HttpMethod.Delete, "/v1/api-keys/" + Uri.EscapeDataString(id), key, null));
        }

        // Paging parameters.
        foreach (string query in new[]
                 {
                     "limit=0", "limit=-1", "limit=101", "limit=1e3", "limit=abc", "limit=99999999999999", "limit=",
                     "cursor=%00", "cursor=" + new string('A', 5000), "cursor=aXNzXw", "cursor=' OR 1=1 --", "cursor=a2V5XzAx",
                 })
        {
            corpus.Add(() => Request(HttpMethod.Get, "/v1/issuers?" + query, key, null));
            corpus.Add(() => Request(HttpMethod.Get, "/v1/api-keys?" + query, key, null));
        }

        // Conditional headers.
        foreach (string etag in new[] { "\"v0\"", "\"v2\"", "W/\"v1\"", "v1", "\"\"", "\"v1\"x", new string('"', 300) })
        {
            corpus.Add(() => Request(HttpMethod.Patch, $"/v1/issuers/{issuerId}", key, """{"name":"Changed"}""", etag, "application/merge-patch+json"));
            corpus.Add(() => Request(HttpMethod.Delete, $"/v1/issuers/{issuerId}", key, null, etag));
        }

        corpus.Add(() => Request(HttpMethod.Patch, $"/v1/issuers/{issuerId}", key, """{"name":"Changed"}""", null, "application/merge-patch+json"));

        // Bad credentials on every operation.
        string[] badAuth =
        [
            "", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer obi_live_", "Bearer " + new string('k', 8000),
            "Bearer obi_live_0000000000000000_" + new string('0', 52), "Bearer " + key[..^1] + (key[^1] == 'a' ? 'b' : 'a'),
            "Bearer " + revokedKey, "Bearer ' OR '1'='1", "Bearer " + key + " extra", "Token " + key,
        ];
        foreach (string auth in badAuth)
        {
            corpus.Add(() => WithAuth(HttpMethod.Get, "/v1/issuers", auth, null));
            corpus.Add(() => WithAuth(HttpMethod.Post, "/v1/issuers", auth, ValidBody));
            corpus.Add(() => WithAuth(HttpMethod.Delete, $"/v1/issuers/{issuerId}", auth, null));
            corpus.Add(() => WithAuth(HttpMethod.Get, "/v1/api-keys", auth, null));
        }

        corpus.Add(() => Request(HttpMethod.Get, "/v1/issuers", null, null));

        // A valid key without the scope.
        corpus.Add(() => Request(HttpMethod.Post, "/v1/issuers", readOnlyKey, ValidBody));
        corpus.Add(() => Request(HttpMethod.Patch, $"/v1/issuers/{issuerId}", readOnlyKey, """{"name":"X"}""", "*"));
        corpus.Add(() => Request(HttpMethod.Delete, $"/v1/issuers/{issuerId}", readOnlyKey, null));
        corpus.Add(() => Request(HttpMethod.Get, "/v1/api-keys", readOnlyKey, null));
        corpus.Add(() => Request(HttpMethod.Post, "/v1/api-keys", readOnlyKey, """{"name":"x","scopes":["tenant:admin"]}"""));

        // Unknown routes and methods.
        foreach ((HttpMethod method, string path) in new[]
                 {
                     (HttpMethod.Put, "/v1/issuers"), (HttpMethod.Put, $"/v1/issuers/{issuerId}"), (HttpMethod.Get, "/v1/nothing"),
                     (HttpMethod.Post, $"/v1/issuers/{issuerId}"), (HttpMethod.Get, "/v2/issuers"), (HttpMethod.Patch, "/v1/api-keys"),
                 })
        {
            corpus.Add(() => Request(method, path, key, ValidBody));
        }

        return corpus;
    }

    private static IEnumerable<string> MalformedBodies()
    {
        // Invalid JSON.
        string[] invalid =
        [
            "", " ", "{", "}", "{\"name\":", "{\"name\" \"A\"}", "{'name':'A'}", "{\"name\":\"A\",}", "[1,2", "nul", "tru",
            "{\"name\":NaN}", "{\"name\":\"A\"} trailing", "{\"name\":\"\\u12\"}", "{\"name\":\"A\" /* c */}", "\u00ff\u00fe",
            "{\"name\":\"unterminated}", "{\"a\":1}{\"b\":2}", "<xml/>", "name=A&url=b",
        ];

        // Valid JSON of the wrong shape or with wrong types, and unknown members (mass assignment).
        string[] wrongShape =
        [
            "null", "[]", "\"string\"", "42", "true", "[{\"name\":\"A\"}]",
            """{"name":123,"url":"https://a.example","email":"a@example.org"}""",
            """{"name":"A","url":true,"email":"a@example.org"}""",
            """{"name":"A","url":"https://a.example","email":["a@example.org"]}""",
            """{"name":"A","url":"https://a.example","email":"a@example.org","address":"Main St"}""",
            """{"name":"A","url":"https://a.example","email":"a@example.org","address":{"postalCode":12345}}""",
            """{"name":"A","url":"https://a.example","email":"a@example.org","description":{"en":"x"}}""",
            """{"name":{"$ne":null},"url":"https://a.example","email":"a@example.org"}""",
            """{"name":"A","url":"https://a.example","email":"a@example.org","id":"iss_01J00000000000000000000000"}""",
            """{"name":"A","url":"https://a.example","email":"a@example.org","tenantId":"ten_x"}""",
            """{"name":"A","url":"https://a.example","email":"a@example.org","version":7}""",
            """{"name":"A","url":"https://a.example","email":"a@example.org","createdAt":"2020-01-01T00:00:00Z"}""",
            """{"name":"A","url":"https://a.example","email":"a@example.org","deletedAt":null}""",
            """{"name":"A","url":"https://a.example","email":"a@example.org","__proto__":{"admin":true}}""",
            """{"name":"A","url":"https://a.example","email":"a@example.org","address":{"geo":{"latitude":1}}}""",
            """{"name":"A","url":"https://a.example","email":"a@example.org","Type":"Profile"}""",
        ];

        // Values that parse but break the rules (422), including huge strings under the body limit.
        string[] invalidValues =
        [
            """{"name":"","url":"https://a.example","email":"a@example.org"}""",
            """{"name":"A","url":"javascript:alert(1)","email":"a@example.org"}""",
            """{"name":"A","url":"file:///etc/passwd","email":"a@example.org"}""",
            """{"name":"A","url":"http://user:pw@a.example","email":"a@example.org"}""",
            """{"name":"A","url":"https://a.example","email":"a@@example.org"}""",
            """{"name":"A","url":"https://a.example","email":"a@example.org","phone":"<script>"}""",
            """{"name":"A\u0007","url":"https://a.example","email":"a@example.org"}""",
            $$"""{"name":"{{new string('x', 10_000)}}","url":"https://a.example","email":"a@example.org"}""",
            $$"""{"name":"A","url":"https://a.example/{{new string('p', 5000)}}","email":"a@example.org"}""",
            $$"""{"name":"A","url":"https://a.example","email":"a@example.org","description":"{{new string('d', 100_000)}}"}""",
            $$"""{"name":"A","url":"https://a.example","email":"{{new string('e', 300)}}@example.org"}""",
            """{"name":"A","url":"https://a.example","email":"a@example.org","address":{"addressCountryCode":"XYZ"}}""",
        ];

        // Deep nesting (beyond the serializer's depth limit) in several places.
        string[] deep =
        [
            new string('[', 100) + new string(']', 100),
            new string('[', 10_000) + new string(']', 10_000),
            "{\"name\":" + new string('[', 1000) + new string(']', 1000) + "}",
            $$"""{"name":"A","url":"https://a.example","email":"a@example.org","address":{{Nest(200)}}}""",
            Nest(64),
        ];

        return invalid.Concat(wrongShape).Concat(invalidValues).Concat(deep);
    }

    private static IEnumerable<string> ApiKeyBodies() =>
    [
        "{", "[]", "null", """{"name":"x"}""", """{"name":"x","scopes":[]}""", """{"name":"x","scopes":["root"]}""",
        """{"name":"x","scopes":"tenant:admin"}""", """{"name":"x","scopes":["issuers:read"],"expiresAt":"yesterday"}""",
        """{"name":"x","scopes":["issuers:read"],"expiresAt":"2001-01-01T00:00:00Z"}""",
        """{"name":"x","scopes":["issuers:read"],"tenantId":"ten_other"}""", """{"name":"","scopes":["issuers:read"]}""",
        """{"name":"x","scopes":[1,2]}""", """{"name":"x","scopes":["issuers:read"],"secretHash":"AA=="}""",
    ];

    private static IEnumerable<string> BadIds() =>
    [
        "1", "0", "-1", "iss_", "iss_01j00000000000000000000000", "iss_01J0000000000000000000000U", "../../etc/passwd",
        "iss_' OR 1=1 --", "%00", new string('i', 5000), "ïss_😀", "iss_01J00000000000000000000000;DROP TABLE issuers",
        "ten_01J00000000000000000000000", "key_01J00000000000000000000000", "iss_01J00000000000000000000000",
    ];

    private static string Nest(int depth)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < depth; i++)
        {
            builder.Append("{\"a\":");
        }

        builder.Append('1');
        builder.Append('}', depth);
        return builder.ToString();
    }

    private static HttpRequestMessage Request(
        HttpMethod method, string path, string? key, string? body, string? ifMatch = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    private static HttpRequestMessage WithAuth(HttpMethod method, string path, string authorization, string? body)
    {
        HttpRequestMessage request = Request(method, path, null, body);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    /// <summary>Hostile requests against the badge class, assertion, key and public routes.</summary>
    private static IEnumerable<Func<HttpRequestMessage>> IssuanceCorpus(
        string key, string readOnlyKey, string issuerId, string badgeClassId, string foreignIssuerId, string foreignBadgeClassId)
    {
        var corpus = new List<Func<HttpRequestMessage>>();
        foreach (string body in MalformedBodies().Concat(IssuanceBodies()))
        {
            corpus.Add(() => Request(HttpMethod.Post, $"/v1/issuers/{issuerId}/badge-classes", key, body));
            corpus.Add(() => Request(HttpMethod.Patch, $"/v1/badge-classes/{badgeClassId}", key, body, "*", "application/merge-patch+json"));
            corpus.Add(() => Request(HttpMethod.Post, $"/v1/badge-classes/{badgeClassId}/assertions", key, body));
        }

        string award = """{"recipient":{"identity":"t@example.org"}}""";
        foreach (string id in BadIds().Append(foreignBadgeClassId).Append(foreignIssuerId).Append("bc_01J00000000000000000000000"))
        {
            string escaped = Uri.EscapeDataString(id);
            corpus.Add(() => Request(HttpMethod.Get, $"/v1/badge-classes/{escaped}", key, null));
            corpus.Add(() => Request(HttpMethod.Patch, $"/v1/badge-classes/{escaped}", key, """{"name":"Hijack"}""", "*", "application/merge-patch+json"));
            corpus.Add(() => Request(HttpMethod.Post, $"/v1/badge-classes/{escaped}/assertions", key, award));
            corpus.Add(() => Request(HttpMethod.Get, $"/v1/badge-classes/{escaped}/assertions", key, null));
            corpus.Add(() => Request(HttpMethod.Get, $"/v1/assertions/{escaped}", key, null));
            corpus.Add(() => Request(HttpMethod.Get, $"/v1/issuers/{escaped}/keys", key, null));
            corpus.Add(() => Request(HttpMethod.Post, $"/v1/issuers/{escaped}/keys/rotate", key, null));
            corpus.Add(() => Request(HttpMethod.Get, $"/v1/issuers/{escaped}/badge-classes", key, null));
            if (id == foreignIssuerId || id == foreignBadgeClassId)
            {
                continue; // public documents of other tenants are public by design
            }

            corpus.Add(() => Request(HttpMethod.Get, $"/ob2/assertions/{escaped}", null, null));
            corpus.Add(() => Request(HttpMethod.Get, $"/ob3/credentials/{escaped}/jwt", null, null));
            corpus.Add(() => Request(HttpMethod.Get, $"/issuers/{escaped}/did.json", null, null));
            corpus.Add(() => Request(HttpMethod.Get, $"/ob2/badge-classes/{escaped}", null, null));
        }

        foreach (string etag in new[] { "\"v0\"", "\"v2\"", "W/\"v1\"", "v1" })
        {
            corpus.Add(() => Request(HttpMethod.Patch, $"/v1/badge-classes/{badgeClassId}", key, """{"name":"Changed"}""", etag, "application/merge-patch+json"));
        }

        corpus.Add(() => Request(HttpMethod.Patch, $"/v1/badge-classes/{badgeClassId}", key, """{"name":"Changed"}""", null, "application/merge-patch+json"));
        corpus.Add(() => Request(HttpMethod.Post, $"/v1/badge-classes/{badgeClassId}/assertions", readOnlyKey, award));
        corpus.Add(() => Request(HttpMethod.Post, $"/v1/issuers/{issuerId}/keys/rotate", readOnlyKey, null));
        corpus.Add(() => Request(HttpMethod.Post, $"/v1/issuers/{issuerId}/badge-classes", readOnlyKey, """{"name":"A"}"""));
        corpus.Add(() => Request(HttpMethod.Get, $"/assertions/asr_01J00000000000000000000000/baked.png?version=1", null, null));
        corpus.Add(() => Request(HttpMethod.Get, $"/assertions/asr_01J00000000000000000000000/baked.svg?version=abc", null, null));
        corpus.Add(() => Request(HttpMethod.Get, $"/issuers/{issuerId}/keys/{new string('k', 3000)}", null, null));
        corpus.Add(() => Request(HttpMethod.Post, $"/ob2/assertions/asr_01J00000000000000000000000", null, "{}"));
        return corpus;
    }

    private static IEnumerable<string> IssuanceBodies()
    {
        string png = Convert.ToBase64String(OpenBadgesIssuer.Core.Assertions.BakeSources.PlaceholderPng);
        return
        [
            """{"name":"A","description":"B","criteria":{"narrative":"C"},"image":{"data":"PHN2Zz4=","mediaType":"image/svg+xml"}}""",
            """{"name":"A","description":"B","criteria":{"narrative":"C"},"image":{"data":"PCFET0NUWVBFIHN2Zz48c3ZnLz4="}}""",
            """{"name":"A","description":"B","criteria":{"narrative":"C"},"image":"https://evil.example/x.png"}""",
            $$$"""{"name":"A","description":"B","criteria":{"narrative":"C"},"image":{"data":"{{{png}}}"},"rubric":[{"name":"R","levels":[{"name":"L","key":"bad key"}]}]}""",
            $$$"""{"name":"A","description":"B","criteria":{"narrative":"C"},"image":{"data":"{{{png}}}"},"rubric":[{"key":"a","name":"R","levels":[{"name":"L"}]},{"key":"a","name":"S","levels":[{"name":"L"}]}]}""",
            $$$"""{"name":"A","description":"B","criteria":{"narrative":"C"},"image":{"data":"{{{png}}}"},"creditsAvailable":-1}""",
            $$$"""{"name":"A","description":"B","criteria":{"narrative":"C"},"image":{"data":"{{{png}}}"},"validityMonths":0}""",
            $$$"""{"name":"A","description":"B","criteria":{"narrative":"C","url":"javascript:x"},"image":{"data":"{{{png}}}"}}""",
            $$$"""{"name":"A","description":"B","criteria":{"narrative":"C"},"image":{"data":"{{{png}}}"},"currentVersionId":"bcv_x"}""",
            """{"recipient":{"identity":"t@example.org"},"results":[{"criterion":"x","level":"y"}]}""",
            """{"recipient":{"identity":"t@example.org","type":"did"}}""",
            """{"recipient":{"identity":"t@example.org"},"creditsEarned":-5}""",
            """{"recipient":{"identity":"t@example.org"},"validFrom":"not a date"}""",
            """{"recipient":{"identity":"t@example.org"},"tenantId":"ten_x"}""",
            """{"recipient":"t@example.org"}""",
        ];
    }

    private static async Task<string> CreateBadgeClassAsync(HttpClient client, string issuerId, CancellationToken ct)
    {
        HttpResponseMessage response = await client.PostAsJsonAsync($"/v1/issuers/{issuerId}/badge-classes",
            Issuance.IssuanceClient.BadgeClassBody(), ct);
        return (await HttpAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private static async Task<string> CreateIssuerAsync(HttpClient client, CancellationToken ct)
    {
        HttpResponseMessage response = await client.PostAsync("/v1/issuers",
            new StringContent(ValidBody, Encoding.UTF8, "application/json"), ct);
        return (await HttpAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private static async Task<string> CreateKeyAsync(HttpClient client, string[] scopes, CancellationToken ct)
    {
        HttpResponseMessage response = await client.PostAsJsonAsync("/v1/api-keys", new { name = "robustness", scopes }, ct);
        return (await HttpAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("key").GetString()!;
    }

    private static async Task RevokeAsync(HttpClient admin, string key, CancellationToken ct)
    {
        JsonElement list = await HttpAssert.JsonAsync(await admin.GetAsync("/v1/api-keys", ct), HttpStatusCode.OK);
        string prefix = key.Split('_')[2];
        string id = list.GetProperty("items").EnumerateArray()
            .Single(k => k.GetProperty("prefix").GetString() == prefix).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/api-keys/{id}", ct)).StatusCode);
    }

    private static async Task<string> SnapshotAsync(HttpClient admin, HttpClient otherAdmin, CancellationToken ct) =>
        await (await admin.GetAsync("/v1/issuers?limit=100", ct)).Content.ReadAsStringAsync(ct)
        + await (await admin.GetAsync("/v1/api-keys?limit=100", ct)).Content.ReadAsStringAsync(ct)
        + await (await otherAdmin.GetAsync("/v1/issuers?limit=100", ct)).Content.ReadAsStringAsync(ct);

    private static string Truncate(string value) => value.Length <= 300 ? value : value[..300] + "…";
}

public sealed class SqliteRobustnessTests(SqliteApiFixture fixture, ITestOutputHelper output)
    : RobustnessTests<SqliteApiFixture>(fixture, output);

public sealed class PostgresRobustnessTests(PostgresApiFixture fixture, ITestOutputHelper output)
    : RobustnessTests<PostgresApiFixture>(fixture, output);
