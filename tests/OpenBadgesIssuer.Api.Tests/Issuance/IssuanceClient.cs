using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenBadgesIssuer.Api.Tests.Infrastructure;
using OpenBadgesIssuer.Core.Assertions;
using OpenBadgesIssuer.Standards.DataIntegrity;
using OpenBadgesIssuer.Standards.Jose;
using OpenBadgesIssuer.Standards.Keys;
using OpenBadgesIssuer.Standards.Multiformats;

namespace OpenBadgesIssuer.Api.Tests.Issuance;

/// <summary>Drives the issuance flow over HTTP and verifies what the public routes serve, like an outside verifier would.</summary>
internal sealed class IssuanceClient(HttpClient client)
{
    public const string TeacherEmail = "Jordan.Teacher@Example.org";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Http => client;

    /// <summary>Every response body read through this client, to check that no key material ever leaves the service.</summary>
    public List<string> Seen { get; } = [];

    public async Task<string> CreateIssuerAsync()
    {
        JsonElement issuer = await PostAsync("/v1/issuers", new
        {
            name = "Springfield School District",
            url = "https://district.example.org",
            email = "pd@district.example.org",
            description = "Professional learning for Springfield educators.",
        }, HttpStatusCode.Created);
        return issuer.GetProperty("id").GetString()!;
    }

    public static object BadgeClassBody(string name = "Formative Assessment in Practice", byte[]? image = null, string mediaType = "image/png") => new
    {
        name,
        description = "Uses formative assessment to adjust instruction during a lesson.",
        criteria = new { narrative = "Plan, teach and reflect on a lesson that uses formative assessment.", url = "https://district.example.org/criteria/fa" },
        image = new { data = Convert.ToBase64String(image ?? BakeSources.SolidPng(64, 48, 200, 30, 30)), mediaType },
        competency = "The educator gathers evidence of student learning during instruction and adapts.",
        keyMethod = "Exit tickets with a response plan",
        evidenceRequired = new[] { "Lesson plan with the formative assessment marked", "Three samples of student work", "A 300-word reflection" },
        rubric = new object[]
        {
            new
            {
                key = "plan", name = "Lesson planning",
                levels = new object[]
                {
                    new { name = "Developing", description = "Some checks for understanding.", points = "1" },
                    new { name = "Proficient", description = "Planned checks at key moments.", points = "2" },
                    new { name = "Exemplary", description = "Checks drive planned branches.", points = "3" },
                },
                requiredLevel = "l2",
            },
            new
            {
                key = "reflect", name = "Reflection",
                levels = new object[] { new { key = "basic", name = "Describes" }, new { key = "deep", name = "Analyses and adapts" } },
            },
        },
        creditsAvailable = 3.5,
        alignments = new object[]
        {
            new { targetName = "InTASC Standard 6: Assessment", targetUrl = "https://ccsso.org/intasc#6", targetFramework = "InTASC", targetCode = "6" },
        },
        tags = new[] { "assessment", "pedagogy" },
        fieldOfStudy = "Education",
        validityMonths = 60,
    };

    public async Task<JsonElement> CreateBadgeClassAsync(string issuerId, object? body = null) =>
        await PostAsync($"/v1/issuers/{issuerId}/badge-classes", body ?? BadgeClassBody(), HttpStatusCode.Created);

    public static object AwardBody(string email = TeacherEmail) => new
    {
        recipient = new { identity = email, name = "Jordan Teacher" },
        evidence = new object[]
        {
            new { url = "https://portfolio.example.org/jordan/fa-lesson", name = "Lesson plan", description = "Annotated plan", genre = "Lesson plan", audience = "Reviewers" },
            new { narrative = "Reflection: exit tickets showed two misconceptions; I regrouped the class.", name = "Reflection" },
        },
        results = new object[] { new { criterion = "plan", level = "l3" }, new { criterion = "reflect", level = "deep" } },
        creditsEarned = 3.5,
        activityStartDate = "2026-09-01T00:00:00Z",
        activityEndDate = "2026-10-15T00:00:00Z",
        narrative = "Completed all three evidence items.",
    };

    public async Task<JsonElement> AwardAsync(string badgeClassId, object? body = null) =>
        await PostAsync($"/v1/badge-classes/{badgeClassId}/assertions", body ?? AwardBody(), HttpStatusCode.Created);

    public async Task<JsonElement> PostAsync(string path, object body, HttpStatusCode expected)
    {
        HttpResponseMessage response = await client.PostAsJsonAsync(path, body, Ct);
        return await ReadJsonAsync(response, expected);
    }

    public async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ReadJsonAsync(await client.GetAsync(path, Ct), expected);

    private async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        string text = await response.Content.ReadAsStringAsync(Ct);
        Seen.Add(text);
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>GETs an absolute public URL through the test server and returns the response (body recorded).</summary>
    public async Task<(HttpResponseMessage Response, byte[] Body)> FetchAsync(string url, string? accept = null)
    {
        Assert.StartsWith(ApiFixture.PublicBaseUrl + "/", url, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url).PathAndQuery);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        HttpResponseMessage response = await client.SendAsync(request, Ct);
        byte[] body = await response.Content.ReadAsByteArrayAsync(Ct);
        Seen.Add(System.Text.Encoding.UTF8.GetString(body));
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return (response, body);
    }

    public async Task<JsonObject> FetchJsonAsync(string url) =>
        JsonNode.Parse((await FetchAsync(url)).Body)!.AsObject();

    /// <summary>Verifies a Data Integrity proof resolving did:web through the DID document the service serves.</summary>
    public async Task<DataIntegrityVerificationResult> VerifyDataIntegrityAsync(byte[] credential) =>
        await DataIntegrityProof.VerifyAsync(credential, new DataIntegrityVerificationOptions
        {
            AllowMultikeyFragment = false,
            Resolver = new ServedDidResolver(this),
        }, Ct);

    /// <summary>Verifies a VC-JWT with the bare JWK served at its <c>kid</c> URL (what the 1EdTech validator does).</summary>
    public async Task<VcJwtVerificationResult> VerifyJwtAsync(string jwt) =>
        await VcJwt.VerifyAsync(jwt, new VcJwtVerificationOptions
        {
            AllowedAlgorithms = JoseAlgorithms.OpenBadgesValidator,
            KeyResolver = async (request, ct) =>
            {
                if (request.KeyId is null)
                {
                    return null;
                }

                JsonObject jwk = await FetchJsonAsync(request.KeyId);
                return JoseVerificationKey.FromJwk(jwk, out _);
            },
        }, Ct);

    private sealed class ServedDidResolver(IssuanceClient owner) : IVerificationMethodResolver
    {
        public async ValueTask<VerificationKey?> ResolveAsync(string verificationMethod, CancellationToken cancellationToken)
        {
            if (!verificationMethod.StartsWith("did:web:", StringComparison.Ordinal))
            {
                return null;
            }

            // did:web → https://host/…/did.json; the test server serves the same path over http.
            string path = new Uri(DidWeb.ToDocumentUrl(verificationMethod)).PathAndQuery;
            JsonObject document = await owner.FetchJsonAsync(ApiFixture.PublicBaseUrl + path);
            string did = verificationMethod[..verificationMethod.IndexOf('#', StringComparison.Ordinal)];
            Assert.Equal(did, document["id"]!.GetValue<string>());
            JsonNode? method = document["verificationMethod"]!.AsArray()
                .FirstOrDefault(m => m!["id"]!.GetValue<string>() == verificationMethod);
            if (method is null || method["type"]!.GetValue<string>() != "Multikey")
            {
                return null;
            }

            string[] purposes = document["assertionMethod"]!.AsArray().Any(a => a!.GetValue<string>() == verificationMethod)
                ? ["assertionMethod"] : [];
            return new VerificationKey(verificationMethod, method["controller"]!.GetValue<string>(), MultikeyType.Ed25519Public,
                Multikey.DecodeEd25519PublicKey(method["publicKeyMultibase"]!.GetValue<string>()), purposes);
        }
    }
}
