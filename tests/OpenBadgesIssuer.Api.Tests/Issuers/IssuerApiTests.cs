using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenBadgesIssuer.Api.Tests.Infrastructure;

namespace OpenBadgesIssuer.Api.Tests.Issuers;

/// <summary>Issuer-profile behaviour over HTTP; runs once per provider (subclasses at the end of the file).</summary>
public abstract class IssuerApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : ApiFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object ValidIssuer(string name = "Springfield District") => new
    {
        name,
        url = "https://district.example.org",
        email = "badges@district.example.org",
        description = "Professional development for teachers.",
        phone = "+15555550100",
        official = "Dr. A. Superintendent",
        address = new { addressLocality = "Springfield", addressCountryCode = "US" },
    };

    [Fact]
    public async Task CreateIssuer_ValidBody_Returns201WithLocationETagAndFields()
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient client = fixture.Factory.CreateClient(tenant.AdminKey);

        HttpResponseMessage created = await client.PostAsJsonAsync("/v1/issuers", ValidIssuer(), Ct);

        JsonElement body = await HttpAssert.JsonAsync(created, HttpStatusCode.Created);
        string id = body.GetProperty("id").GetString()!;
        Assert.Matches("^iss_[0-9A-Z]{26}$", id);
        Assert.EndsWith($"/v1/issuers/{id}", created.Headers.Location!.ToString());
        Assert.True(created.Headers.Location!.IsAbsoluteUri);
        Assert.Equal("\"v1\"", created.Headers.ETag!.Tag);
        Assert.Equal("Springfield", body.GetProperty("address").GetProperty("addressLocality").GetString());

        JsonElement fetched = await HttpAssert.JsonAsync(await client.GetAsync($"/v1/issuers/{id}", Ct), HttpStatusCode.OK);
        Assert.Equal("Springfield District", fetched.GetProperty("name").GetString());
        Assert.Equal("badges@district.example.org", fetched.GetProperty("email").GetString());
        Assert.Equal("+15555550100", fetched.GetProperty("phone").GetString());
        Assert.Equal("US", fetched.GetProperty("address").GetProperty("addressCountryCode").GetString());
    }

    [Theory]
    [InlineData("""{"url":"https://a.example","email":"a@example.org"}""", "name", "required")]
    [InlineData("""{"name":"  ","url":"https://a.example","email":"a@example.org"}""", "name", "required")]
    [InlineData("""{"name":"A","email":"a@example.org"}""", "url", "required")]
    [InlineData("""{"name":"A","url":"ftp://a.example","email":"a@example.org"}""", "url", "invalid_url")]
    [InlineData("""{"name":"A","url":"javascript:alert(1)","email":"a@example.org"}""", "url", "invalid_url")]
    [InlineData("""{"name":"A","url":"/relative","email":"a@example.org"}""", "url", "invalid_url")]
    [InlineData("""{"name":"A","url":"https://a.example","email":"not-an-email"}""", "email", "invalid_email")]
    [InlineData("""{"name":"A","url":"https://a.example","email":"Someone <a@example.org>"}""", "email", "invalid_email")]
    [InlineData("""{"name":"A","url":"https://a.example","email":"a@example.org","image":"data:image/png;base64,AA"}""", "image", "invalid_url")]
    [InlineData("""{"name":"A","url":"https://a.example","email":"a@example.org","phone":"call me"}""", "phone", "invalid_phone")]
    [InlineData("""{"name":"A\u0000B","url":"https://a.example","email":"a@example.org"}""", "name", "invalid_characters")]
    [InlineData("""{"name":"A","url":"https://a.example","email":"a@example.org","address":{"addressCountryCode":"usa"}}""", "address.addressCountryCode", "invalid_country_code")]
    public async Task CreateIssuer_InvalidField_Returns422WithCodeAndField(string json, string field, string code)
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient client = fixture.Factory.CreateClient(tenant.AdminKey);

        HttpResponseMessage response = await client.PostAsync("/v1/issuers", Json(json), Ct);

        JsonElement problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task CreateIssuer_NameTooLong_Returns422()
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient client = fixture.Factory.CreateClient(tenant.AdminKey);

        HttpResponseMessage response = await client.PostAsJsonAsync("/v1/issuers",
            new { name = new string('x', 201), url = "https://a.example", email = "a@example.org" }, Ct);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "too_long");
    }

    [Theory]
    [InlineData("""{"name":"A","url":"https://a.example","email":"a@example.org","tenantId":"ten_x"}""", "$.tenantId")]
    [InlineData("""{"name":"A","url":"https://a.example","email":"a@example.org","address":{"planet":"Mars"}}""", "$.address.planet")]
    [InlineData("""{"name":5,"url":"https://a.example","email":"a@example.org"}""", "$.name")]
    [InlineData("""{"name":"A","url":"https://a.example",""", null)]
    public async Task CreateIssuer_UnknownMemberWrongTypeOrMalformed_Returns400(string json, string? path)
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient client = fixture.Factory.CreateClient(tenant.AdminKey);

        HttpResponseMessage response = await client.PostAsync("/v1/issuers", Json(json), Ct);

        JsonElement problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_json");
        if (path is not null)
        {
            Assert.Equal(path, problem.GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task CreateIssuer_BodyOverLimit_Returns413()
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient client = fixture.Factory.CreateClient(tenant.AdminKey);
        string json = $$"""{"name":"A","url":"https://a.example","email":"a@example.org","description":"{{new string('d', 1024 * 1024)}}"}""";

        HttpResponseMessage response = await client.PostAsync("/v1/issuers", Json(json), Ct);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task CreateIssuer_ChunkedBodyOverLimit_Returns413()
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient client = fixture.Factory.CreateClient(tenant.AdminKey);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', (1024 * 1024) + 10) + "{}")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/issuers") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        HttpResponseMessage response = await client.SendAsync(request, Ct);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task CreateIssuer_WrongContentType_Returns415()
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient client = fixture.Factory.CreateClient(tenant.AdminKey);

        HttpResponseMessage response = await client.PostAsync("/v1/issuers",
            new StringContent("""{"name":"A"}""", Encoding.UTF8, "text/plain"), Ct);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task ListIssuers_PagesWithCursorInStableOrder()
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient client = fixture.Factory.CreateClient(tenant.AdminKey);
        var createdIds = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            JsonElement created = await HttpAssert.JsonAsync(
                await client.PostAsJsonAsync("/v1/issuers", ValidIssuer($"Issuer {i}"), Ct), HttpStatusCode.Created);
            createdIds.Add(created.GetProperty("id").GetString()!);
        }

        var seen = new List<string>();
        string? url = "/v1/issuers?limit=2";
        int pages = 0;
        while (url is not null)
        {
            HttpResponseMessage response = await client.GetAsync(url, Ct);
            JsonElement page = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            url = page.TryGetProperty("next", out JsonElement next) ? next.GetString() : null;
            if (url is not null)
            {
                Assert.Contains(url, response.Headers.GetValues("Link").Single());
                Assert.StartsWith("http", url);
            }

            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(createdIds.Order(StringComparer.Ordinal), seen);
    }

    [Theory]
    [InlineData("limit=0", "invalid_limit")]
    [InlineData("limit=101", "invalid_limit")]
    [InlineData("limit=abc", "invalid_parameter")]
    [InlineData("cursor=not-a-cursor", "invalid_cursor")]
    [InlineData("cursor=a2V5XzAxSjAwMDAwMDAwMDAwMDAwMDAwMDAwMDA", "invalid_cursor")]
    public async Task ListIssuers_BadPaging_Returns400(string query, string code)
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient client = fixture.Factory.CreateClient(tenant.AdminKey);

        await HttpAssert.ProblemAsync(await client.GetAsync("/v1/issuers?" + query, Ct), HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task PatchIssuer_WithMatchingETag_UpdatesAndBumpsETag()
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient client = fixture.Factory.CreateClient(tenant.AdminKey);
        (string id, string etag) = await CreateAsync(client);

        HttpResponseMessage response = await PatchAsync(client, id, """{"name":"Renamed","phone":null,"address":{"addressRegion":"IL"}}""", etag);

        JsonElement body = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("Renamed", body.GetProperty("name").GetString());
        Assert.False(body.TryGetProperty("phone", out _), "phone should have been cleared");
        Assert.Equal("Dr. A. Superintendent", body.GetProperty("official").GetString());
        Assert.Equal("IL", body.GetProperty("address").GetProperty("addressRegion").GetString());
        Assert.False(body.GetProperty("address").TryGetProperty("addressLocality", out _), "address is replaced whole");
        Assert.Equal("\"v2\"", response.Headers.ETag!.Tag);

        JsonElement fetched = await HttpAssert.JsonAsync(await client.GetAsync($"/v1/issuers/{id}", Ct), HttpStatusCode.OK);
        Assert.Equal("Renamed", fetched.GetProperty("name").GetString());
    }

    [Fact]
    public async Task PatchIssuer_StaleMissingOrWeakETag_Returns412Or428AndKeepsData()
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient client = fixture.Factory.CreateClient(tenant.AdminKey);
        (string id, string etag) = await CreateAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(client, id, """{"name":"Second"}""", etag)).StatusCode);

        await HttpAssert.ProblemAsync(await PatchAsync(client, id, """{"name":"Third"}""", etag), HttpStatusCode.PreconditionFailed, "etag_mismatch");
        await HttpAssert.ProblemAsync(await PatchAsync(client, id, """{"name":"Third"}""", "W/\"v2\""), HttpStatusCode.PreconditionFailed, "etag_mismatch");
        await HttpAssert.ProblemAsync(await PatchAsync(client, id, """{"name":"Third"}""", null), HttpStatusCode.PreconditionRequired, "if_match_required");

        JsonElement fetched = await HttpAssert.JsonAsync(await client.GetAsync($"/v1/issuers/{id}", Ct), HttpStatusCode.OK);
        Assert.Equal("Second", fetched.GetProperty("name").GetString());
    }

    [Fact]
    public async Task PatchIssuer_ConcurrentWithSameETag_ExactlyOneWins()
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient client = fixture.Factory.CreateClient(tenant.AdminKey);
        (string id, string etag) = await CreateAsync(client);

        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            PatchAsync(client, id, $$"""{"name":"Writer {{i}}"}""", etag)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK),
            r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        HttpResponseMessage winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        string winnerName = (await HttpAssert.JsonAsync(winner, HttpStatusCode.OK)).GetProperty("name").GetString()!;
        HttpResponseMessage current = await client.GetAsync($"/v1/issuers/{id}", Ct);
        Assert.Equal(winnerName, (await HttpAssert.JsonAsync(current, HttpStatusCode.OK)).GetProperty("name").GetString());
        Assert.Equal("\"v2\"", current.Headers.ETag!.Tag);
    }

    [Theory]
    [InlineData("""{"name":null}""", HttpStatusCode.UnprocessableEntity, "required")]
    [InlineData("""{"email":"nope"}""", HttpStatusCode.UnprocessableEntity, "invalid_email")]
    [InlineData("""{"color":"red"}""", HttpStatusCode.BadRequest, "invalid_json")]
    [InlineData("""{"name":[1]}""", HttpStatusCode.BadRequest, "invalid_json")]
    [InlineData("""["name"]""", HttpStatusCode.BadRequest, "invalid_json")]
    [InlineData("""{"name":""", HttpStatusCode.BadRequest, "invalid_json")]
    public async Task PatchIssuer_InvalidPatch_ReturnsProblem(string json, HttpStatusCode status, string code)
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient client = fixture.Factory.CreateClient(tenant.AdminKey);
        (string id, string etag) = await CreateAsync(client);

        await HttpAssert.ProblemAsync(await PatchAsync(client, id, json, etag), status, code);
    }

    [Fact]
    public async Task DeleteIssuer_SoftDeletes_ThenGetListAndPatchSay404()
    {
        fixture.EnsureAvailable();
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        using HttpClient client = fixture.Factory.CreateClient(tenant.AdminKey);
        (string id, string etag) = await CreateAsync(client);

        using var stale = new HttpRequestMessage(HttpMethod.Delete, $"/v1/issuers/{id}");
        stale.Headers.TryAddWithoutValidation("If-Match", "\"v9\"");
        await HttpAssert.ProblemAsync(await client.SendAsync(stale, Ct), HttpStatusCode.PreconditionFailed, "etag_mismatch");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/issuers/{id}", Ct)).StatusCode);

        await HttpAssert.ProblemAsync(await client.GetAsync($"/v1/issuers/{id}", Ct), HttpStatusCode.NotFound, "not_found");
        await HttpAssert.ProblemAsync(await client.DeleteAsync($"/v1/issuers/{id}", Ct), HttpStatusCode.NotFound, "not_found");
        await HttpAssert.ProblemAsync(await PatchAsync(client, id, """{"name":"X"}""", "*"), HttpStatusCode.NotFound, "not_found");
        JsonElement list = await HttpAssert.JsonAsync(await client.GetAsync("/v1/issuers", Ct), HttpStatusCode.OK);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
        _ = etag;
    }

    [Fact]
    public async Task OtherTenantsIssuer_IsNotFoundForEveryOperation()
    {
        fixture.EnsureAvailable();
        TestTenant owner = await fixture.Factory.CreateTenantAsync();
        TestTenant stranger = await fixture.Factory.CreateTenantAsync();
        using HttpClient ownerClient = fixture.Factory.CreateClient(owner.AdminKey);
        using HttpClient strangerClient = fixture.Factory.CreateClient(stranger.AdminKey);
        (string id, string etag) = await CreateAsync(ownerClient);

        await HttpAssert.ProblemAsync(await strangerClient.GetAsync($"/v1/issuers/{id}", Ct), HttpStatusCode.NotFound, "not_found");
        await HttpAssert.ProblemAsync(await PatchAsync(strangerClient, id, """{"name":"Hijacked"}""", etag), HttpStatusCode.NotFound, "not_found");
        await HttpAssert.ProblemAsync(await strangerClient.DeleteAsync($"/v1/issuers/{id}", Ct), HttpStatusCode.NotFound, "not_found");
        JsonElement list = await HttpAssert.JsonAsync(await strangerClient.GetAsync("/v1/issuers", Ct), HttpStatusCode.OK);
        Assert.Empty(list.GetProperty("items").EnumerateArray());

        JsonElement fetched = await HttpAssert.JsonAsync(await ownerClient.GetAsync($"/v1/issuers/{id}", Ct), HttpStatusCode.OK);
        Assert.Equal("Springfield District", fetched.GetProperty("name").GetString());
    }

    internal static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<(string Id, string ETag)> CreateAsync(HttpClient client)
    {
        HttpResponseMessage response = await client.PostAsJsonAsync("/v1/issuers", ValidIssuer(), Ct);
        JsonElement body = await HttpAssert.JsonAsync(response, HttpStatusCode.Created);
        return (body.GetProperty("id").GetString()!, response.Headers.ETag!.Tag);
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string id, string json, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/v1/issuers/{id}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/merge-patch+json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request, Ct);
    }
}

public sealed class SqliteIssuerApiTests(SqliteApiFixture fixture) : IssuerApiTests<SqliteApiFixture>(fixture);

public sealed class PostgresIssuerApiTests(PostgresApiFixture fixture) : IssuerApiTests<PostgresApiFixture>(fixture);
