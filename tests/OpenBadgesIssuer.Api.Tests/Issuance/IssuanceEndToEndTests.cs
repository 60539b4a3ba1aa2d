using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Persistence;
using NJsonSchema;
using OpenBadgesIssuer.Api.Tests.Infrastructure;
using OpenBadgesIssuer.Core.Assertions;
using OpenBadgesIssuer.Core.Tests.OpenBadges;
using OpenBadgesIssuer.Standards.Baking;
using OpenBadgesIssuer.Standards.DataIntegrity;
using OpenBadgesIssuer.Standards.Jose;
using OpenBadgesIssuer.Standards.OpenBadges;

namespace OpenBadgesIssuer.Api.Tests.Issuance;

/// <summary>
/// Issuer → micro-credential with rubric → award with evidence and results → every public link fetched and verified
/// with the standards library. Runs once per provider (subclasses at the end of the file).
/// </summary>
public abstract class IssuanceEndToEndTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : ApiFixture
{
    private static readonly string[] LinkKeys = ["ob2", "ob2Signed", "ob3", "ob3Jwt", "bakedPng", "bakedSvg", "html"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Award_EveryLinkServesItsArtifact_AndEachVerifies()
    {
        fixture.EnsureAvailable();
        IssuanceClient api = await ClientAsync();
        string issuerId = await api.CreateIssuerAsync();
        JsonElement keys = await api.GetJsonAsync($"/v1/issuers/{issuerId}/keys");
        Assert.Equal(["Ed25519", "P256", "Rsa2048"], keys.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("algorithm").GetString()!).Order());
        string did = keys.GetProperty("did").GetString()!;
        Assert.Equal($"did:web:localhost:issuers:{issuerId}", did);

        JsonElement badgeClass = await api.CreateBadgeClassAsync(issuerId);
        string badgeClassId = badgeClass.GetProperty("id").GetString()!;
        JsonElement award = await api.AwardAsync(badgeClassId);

        // links: exactly the seven keys, absolute URLs.
        JsonElement links = award.GetProperty("links");
        Assert.Equal(LinkKeys.Order(), links.EnumerateObject().Select(p => p.Name).Order());
        foreach (JsonProperty link in links.EnumerateObject())
        {
            Assert.True(Uri.TryCreate(link.Value.GetString(), UriKind.Absolute, out _), link.Name);
        }

        // OB 3.0 credential with Data Integrity proof.
        (HttpResponseMessage ob3Response, byte[] ob3) = await api.FetchAsync(links.GetProperty("ob3").GetString()!);
        Assert.Equal("application/vc+ld+json", ob3Response.Content.Headers.ContentType!.MediaType);
        DataIntegrityVerificationResult di = await api.VerifyDataIntegrityAsync(ob3);
        Assert.True(di.IsValid, di.Message);
        JsonObject credential = JsonNode.Parse(ob3)!.AsObject();
        Assert.Equal(did, credential["issuer"]!["id"]!.GetValue<string>());
        Assert.StartsWith(did + "#z6Mk", credential["proof"]![0]!["verificationMethod"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("eddsa-rdfc-2022", credential["proof"]![0]!["cryptosuite"]!.GetValue<string>());
        Assert.Equal(award.GetProperty("credentialId").GetString(), credential["id"]!.GetValue<string>());
        JsonNode subject = credential["credentialSubject"]!;
        JsonNode identifier = subject["identifier"]![0]!;
        Assert.Equal("emailAddress", identifier["identityType"]!.GetValue<string>());
        Assert.True(IdentityHash.Matches(identifier["identityHash"]!.GetValue<string>(), "jordan.teacher@example.org", identifier["salt"]!.GetValue<string>()));
        JsonNode achievement = subject["achievement"]!;
        Assert.Equal(2, achievement["resultDescription"]!.AsArray().Count);
        Assert.Equal(3, achievement["resultDescription"]![0]!["rubricCriterionLevel"]!.AsArray().Count);
        Assert.Equal(3.5m, achievement["creditsAvailable"]!.GetValue<decimal>());
        Assert.Equal("InTASC", achievement["alignment"]![0]!["targetFramework"]!.GetValue<string>());
        Assert.Contains("Exit tickets", achievement["criteria"]!["narrative"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(achievement["resultDescription"]![0]!["rubricCriterionLevel"]![2]!["id"]!.GetValue<string>(),
            subject["result"]![0]!["achievedLevel"]!.GetValue<string>());
        Assert.Equal(3.5m, subject["creditsEarned"]!.GetValue<decimal>());
        Assert.Equal(2, credential["evidence"]!.AsArray().Count);
        DateTimeOffset validFrom = DateTimeOffset.Parse(credential["validFrom"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(validFrom.AddMonths(60), DateTimeOffset.Parse(credential["validUntil"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("jordan.teacher", Encoding.UTF8.GetString(ob3), StringComparison.OrdinalIgnoreCase);
        string achievementId = achievement["id"]!.GetValue<string>();
        JsonObject servedAchievement = await api.FetchJsonAsync(achievementId);
        Assert.Equal(achievementId, servedAchievement["id"]!.GetValue<string>());
        foreach (string member in new[] { "name", "criteria", "resultDescription", "alignment", "creditsAvailable", "image" })
        {
            Assert.True(JsonNode.DeepEquals(achievement[member], servedAchievement[member]), member);
        }

        JsonSchema schema = await Ob3Schemas.LoadAsync("ob_v3p0_achievementcredential_schema.json");
        Assert.Empty(Ob3Schemas.Errors(schema, ob3));

        // The same credential (with its proof) as VC-JWT ES256, key from the kid URL.
        (HttpResponseMessage jwtResponse, byte[] jwtBytes) = await api.FetchAsync(links.GetProperty("ob3Jwt").GetString()!);
        Assert.Equal("text/plain", jwtResponse.Content.Headers.ContentType!.MediaType);
        string jwt = Encoding.ASCII.GetString(jwtBytes);
        VcJwtVerificationResult verifiedJwt = await api.VerifyJwtAsync(jwt);
        Assert.True(verifiedJwt.IsValid, verifiedJwt.Message);
        Assert.Equal("ES256", verifiedJwt.Header!["alg"]!.GetValue<string>());
        Assert.StartsWith($"{ApiFixture.PublicBaseUrl}/issuers/{issuerId}/keys/", verifiedJwt.Header["kid"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(credential, verifiedJwt.Credential), "the JWT carries a different credential");

        // OB 2.0 hosted assertion and the documents it links.
        string ob2Url = links.GetProperty("ob2").GetString()!;
        (HttpResponseMessage ob2Response, byte[] ob2) = await api.FetchAsync(ob2Url);
        Assert.Equal("application/ld+json", ob2Response.Content.Headers.ContentType!.MediaType);
        JsonObject assertion = JsonNode.Parse(ob2)!.AsObject();
        Assert.Equal(ob2Url, assertion["id"]!.GetValue<string>());
        Assert.Equal("HostedBadge", assertion["verification"]!["type"]!.GetValue<string>());
        JsonNode recipient = assertion["recipient"]!;
        Assert.Equal("email", recipient["type"]!.GetValue<string>());
        Assert.True(IdentityHash.Matches(recipient["identity"]!.GetValue<string>(), "jordan.teacher@example.org", recipient["salt"]!.GetValue<string>()));
        string badgeUrl = assertion["badge"]!.GetValue<string>();
        JsonObject ob2BadgeClass = await api.FetchJsonAsync(badgeUrl);
        Assert.Equal(badgeUrl, ob2BadgeClass["id"]!.GetValue<string>());
        (HttpResponseMessage imageResponse, _) = await api.FetchAsync(ob2BadgeClass["image"]!.GetValue<string>());
        Assert.Equal("image/png", imageResponse.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(ob2BadgeClass["criteria"]);
        string issuerUrl = ob2BadgeClass["issuer"]!.GetValue<string>();
        JsonObject ob2Issuer = await api.FetchJsonAsync(issuerUrl);
        Assert.Equal(issuerUrl, ob2Issuer["id"]!.GetValue<string>());
        Assert.Equal(new Uri(ob2Url).Authority, new Uri(issuerUrl).Authority); // hosted scope: same origin
        JsonObject revocationList = await api.FetchJsonAsync(ob2Issuer["revocationList"]!.GetValue<string>());
        Assert.Equal("RevocationList", revocationList["type"]!.GetValue<string>());

        // OB 2.0 signed assertion, verified with the CryptographicKey its creator names (listed by the issuer).
        (_, byte[] jwsBytes) = await api.FetchAsync(links.GetProperty("ob2Signed").GetString()!);
        string jws = Encoding.ASCII.GetString(jwsBytes);
        Ob2VerificationResult unverified = Ob2SignedAssertion.Verify(jws, "not a key");
        Assert.False(unverified.IsValid);
        string payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(jws.Split('.')[1]));
        string creator = JsonNode.Parse(payload)!["verification"]!["creator"]!.GetValue<string>();
        Assert.Contains(creator, PublicKeys(ob2Issuer));
        JsonObject cryptographicKey = await api.FetchJsonAsync(creator);
        Assert.Equal(issuerUrl, cryptographicKey["owner"]!.GetValue<string>());
        Ob2VerificationResult signed = Ob2SignedAssertion.Verify(jws, cryptographicKey["publicKeyPem"]!.GetValue<string>());
        Assert.True(signed.IsValid, signed.Message);
        Assert.Equal("SignedBadge", signed.Assertion!["verification"]!["type"]!.GetValue<string>());
        Assert.Equal(badgeUrl, signed.Assertion["badge"]!.GetValue<string>());

        // Bakes round-trip to the exact stored bytes.
        string bakedPng = links.GetProperty("bakedPng").GetString()!;
        string bakedSvg = links.GetProperty("bakedSvg").GetString()!;
        (HttpResponseMessage pngResponse, byte[] png3) = await api.FetchAsync(bakedPng);
        Assert.Equal("image/png", pngResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetString(ob3), PngBadge.Extract(png3, BadgeVersion.V3));
        Assert.Equal(Encoding.UTF8.GetString(ob2), PngBadge.Extract((await api.FetchAsync(bakedPng + "?version=2")).Body, BadgeVersion.V2));
        (HttpResponseMessage svgResponse, byte[] svg3) = await api.FetchAsync(bakedSvg);
        Assert.Equal("image/svg+xml", svgResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetString(ob3), SvgBadge.Extract(svg3, BadgeVersion.V3)!.Body);
        SvgBadgeContent svg2 = SvgBadge.Extract((await api.FetchAsync(bakedSvg + "?version=2")).Body, BadgeVersion.V2)!;
        Assert.Equal(ob2Url, svg2.Verify);
        Assert.Equal(Encoding.UTF8.GetString(ob2), svg2.Body);
        DataIntegrityVerificationResult bakedDi = await api.VerifyDataIntegrityAsync(Encoding.UTF8.GetBytes(PngBadge.Extract(png3, BadgeVersion.V3)!));
        Assert.True(bakedDi.IsValid, bakedDi.Message);

        // The HTML page, directly and by content negotiation on the ob2 URL.
        (HttpResponseMessage htmlResponse, byte[] htmlBytes) = await api.FetchAsync(links.GetProperty("html").GetString()!);
        Assert.Equal("text/html", htmlResponse.Content.Headers.ContentType!.MediaType);
        string html = Encoding.UTF8.GetString(htmlBytes);
        foreach (string fact in new[] { "Formative Assessment in Practice", "Springfield School District", "Jordan Teacher", "Plan, teach and reflect",
                     "Lesson plan", "Exemplary", "Analyses and adapts", "3.5", ob2Url })
        {
            Assert.Contains(WebUtility.HtmlEncode(fact), html, StringComparison.Ordinal);
        }

        (HttpResponseMessage negotiated, byte[] negotiatedBody) = await api.FetchAsync(ob2Url, "text/html,application/xhtml+xml,*/*;q=0.8");
        Assert.Equal("text/html", negotiated.Content.Headers.ContentType!.MediaType);
        Assert.Equal(htmlBytes, negotiatedBody);
        Assert.Contains("Accept", negotiated.Headers.Vary);
        (HttpResponseMessage plainJson, byte[] plainJsonBody) = await api.FetchAsync(ob2Url, "application/json");
        Assert.Equal("application/json", plainJson.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ob2, plainJsonBody);

        // Cacheable: ETag + Cache-Control, conditional GET answers 304.
        Assert.NotNull(ob3Response.Headers.CacheControl);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri(links.GetProperty("ob3").GetString()!).PathAndQuery);
        conditional.Headers.IfNoneMatch.Add(ob3Response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await api.Http.SendAsync(conditional, Ct)).StatusCode);

        // Management API views of the award.
        JsonElement fetched = await api.GetJsonAsync($"/v1/assertions/{award.GetProperty("id").GetString()}");
        Assert.Equal(links.GetRawText(), fetched.GetProperty("links").GetRawText());
        JsonElement page = await api.GetJsonAsync($"/v1/badge-classes/{badgeClassId}/assertions?limit=5");
        Assert.Equal(award.GetProperty("id").GetString(), page.GetProperty("items")[0].GetProperty("id").GetString());

        // For outside verifiers (interop suite, ajv, DCC): OBI_TEST_ARTIFACTS_DIR receives the served artifacts.
        if (Environment.GetEnvironmentVariable("OBI_TEST_ARTIFACTS_DIR") is { Length: > 0 } exportDir)
        {
            string dir = Path.Combine(exportDir, fixture.Provider);
            Directory.CreateDirectory(dir);
            await File.WriteAllBytesAsync(Path.Combine(dir, "ob3.json"), ob3, Ct);
            await File.WriteAllTextAsync(Path.Combine(dir, "ob3.jwt"), jwt, Ct);
            await File.WriteAllBytesAsync(Path.Combine(dir, "ob2.json"), ob2, Ct);
            await File.WriteAllTextAsync(Path.Combine(dir, "ob2.jws"), jws, Ct);
            await File.WriteAllBytesAsync(Path.Combine(dir, "baked.png"), png3, Ct);
            await File.WriteAllBytesAsync(Path.Combine(dir, "did.json"), (await api.FetchAsync($"{ApiFixture.PublicBaseUrl}/issuers/{issuerId}/did.json")).Body, Ct);
            await File.WriteAllBytesAsync(Path.Combine(dir, "jwk.json"), (await api.FetchAsync(verifiedJwt.Header["kid"]!.GetValue<string>())).Body, Ct);
        }

        // Identity documents; no private key material anywhere.
        await api.FetchAsync($"{ApiFixture.PublicBaseUrl}/issuers/{issuerId}/jwks.json");
        await api.FetchAsync($"{ApiFixture.PublicBaseUrl}/ob3/issuers/{issuerId}");
        AssertNoKeyMaterial(api);
    }

    [Fact]
    public async Task TamperedArtifacts_FailVerification()
    {
        fixture.EnsureAvailable();
        IssuanceClient api = await ClientAsync();
        string issuerId = await api.CreateIssuerAsync();
        string badgeClassId = (await api.CreateBadgeClassAsync(issuerId)).GetProperty("id").GetString()!;
        JsonElement links = (await api.AwardAsync(badgeClassId)).GetProperty("links");

        byte[] ob3 = (await api.FetchAsync(links.GetProperty("ob3").GetString()!)).Body;
        Assert.True((await api.VerifyDataIntegrityAsync(ob3)).IsValid);
        JsonObject tampered = JsonNode.Parse(ob3)!.AsObject();
        tampered["credentialSubject"]!["creditsEarned"] = 40;
        Assert.False((await api.VerifyDataIntegrityAsync(Encoding.UTF8.GetBytes(tampered.ToJsonString()))).IsValid);

        string jwt = Encoding.ASCII.GetString((await api.FetchAsync(links.GetProperty("ob3Jwt").GetString()!)).Body);
        string[] parts = jwt.Split('.');
        JsonObject claims = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        claims["name"] = "Forged";
        string forgedJwt = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()))}.{parts[2]}";
        Assert.False((await api.VerifyJwtAsync(forgedJwt)).IsValid);

        string jws = Encoding.ASCII.GetString((await api.FetchAsync(links.GetProperty("ob2Signed").GetString()!)).Body);
        string[] jwsParts = jws.Split('.');
        JsonObject ob2Claims = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(jwsParts[1]))!.AsObject();
        string creator = ob2Claims["verification"]!["creator"]!.GetValue<string>();
        string pem = (await api.FetchJsonAsync(creator))["publicKeyPem"]!.GetValue<string>();
        Assert.True(Ob2SignedAssertion.Verify(jws, pem).IsValid);
        ob2Claims["issuedOn"] = "2001-01-01T00:00:00Z";
        string forgedJws = $"{jwsParts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(ob2Claims.ToJsonString()))}.{jwsParts[2]}";
        Assert.False(Ob2SignedAssertion.Verify(forgedJws, pem).IsValid);
    }

    [Fact]
    public async Task KeyRotation_NewAwardsUseNewKeys_OldCredentialsStillVerify()
    {
        fixture.EnsureAvailable();
        IssuanceClient api = await ClientAsync();
        string issuerId = await api.CreateIssuerAsync();
        string badgeClassId = (await api.CreateBadgeClassAsync(issuerId)).GetProperty("id").GetString()!;
        JsonElement before = (await api.AwardAsync(badgeClassId)).GetProperty("links");

        JsonElement rotated = await api.PostAsync($"/v1/issuers/{issuerId}/keys/rotate", new { }, HttpStatusCode.OK);
        JsonElement[] keys = rotated.GetProperty("keys").EnumerateArray().ToArray();
        Assert.Equal(6, keys.Length);
        Assert.Equal(3, keys.Count(k => k.GetProperty("status").GetString() == "retired"));
        JsonElement after = (await api.AwardAsync(badgeClassId)).GetProperty("links");

        JsonObject didDocument = await api.FetchJsonAsync($"{ApiFixture.PublicBaseUrl}/issuers/{issuerId}/did.json");
        Assert.Equal(6, didDocument["verificationMethod"]!.AsArray().Count);
        Assert.Equal(6, (await api.FetchJsonAsync($"{ApiFixture.PublicBaseUrl}/issuers/{issuerId}/jwks.json"))["keys"]!.AsArray().Count);
        Assert.Equal(2, PublicKeys(await api.FetchJsonAsync($"{ApiFixture.PublicBaseUrl}/ob2/issuers/{issuerId}")).Count);

        var methods = new List<string>();
        foreach (JsonElement links in new[] { before, after })
        {
            byte[] ob3 = (await api.FetchAsync(links.GetProperty("ob3").GetString()!)).Body;
            DataIntegrityVerificationResult di = await api.VerifyDataIntegrityAsync(ob3);
            Assert.True(di.IsValid, di.Message);
            methods.Add(JsonNode.Parse(ob3)!["proof"]![0]!["verificationMethod"]!.GetValue<string>());
            VcJwtVerificationResult jwt = await api.VerifyJwtAsync(Encoding.ASCII.GetString((await api.FetchAsync(links.GetProperty("ob3Jwt").GetString()!)).Body));
            Assert.True(jwt.IsValid, jwt.Message);
            string jws = Encoding.ASCII.GetString((await api.FetchAsync(links.GetProperty("ob2Signed").GetString()!)).Body);
            string creator = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(jws.Split('.')[1]))!["verification"]!["creator"]!.GetValue<string>();
            Assert.True(Ob2SignedAssertion.Verify(jws, (await api.FetchJsonAsync(creator))["publicKeyPem"]!.GetValue<string>()).IsValid);
        }

        Assert.NotEqual(methods[0], methods[1]);
        AssertNoKeyMaterial(api);
    }

    [Fact]
    public async Task EditingAnAwardedBadgeClass_CreatesANewVersion_AndTheOldVersionUrlNeverChanges()
    {
        fixture.EnsureAvailable();
        IssuanceClient api = await ClientAsync();
        string issuerId = await api.CreateIssuerAsync();
        JsonElement created = await api.CreateBadgeClassAsync(issuerId);
        string id = created.GetProperty("id").GetString()!;
        string v1 = created.GetProperty("currentVersion").GetProperty("id").GetString()!;

        // Before any award, edits stay on version 1.
        JsonElement edited = await PatchAsync(api, id, """{"description":"Edited before any award."}""", "\"v1\"");
        Assert.Equal(v1, edited.GetProperty("currentVersion").GetProperty("id").GetString());

        JsonElement firstAward = await api.AwardAsync(id);
        Assert.Equal(v1, firstAward.GetProperty("badgeClassVersionId").GetString());
        string v1Url = created.GetProperty("currentVersion").GetProperty("ob2BadgeClass").GetString()!;
        byte[] v1Document = (await api.FetchAsync(v1Url)).Body;

        JsonElement renamed = await PatchAsync(api, id, """{"name":"Formative Assessment (2027 edition)","creditsAvailable":4,"image":null}""", "\"v2\"");
        Assert.Equal(2, renamed.GetProperty("currentVersion").GetProperty("number").GetInt32());
        string v2 = renamed.GetProperty("currentVersion").GetProperty("id").GetString()!;
        Assert.NotEqual(v1, v2);
        Assert.Equal("Formative Assessment (2027 edition)", renamed.GetProperty("name").GetString());
        Assert.Equal(2, renamed.GetProperty("rubric").GetArrayLength()); // untouched members are kept

        Assert.Equal(v1Document, (await api.FetchAsync(v1Url)).Body);
        JsonElement secondAward = await api.AwardAsync(id);
        Assert.Equal(v2, secondAward.GetProperty("badgeClassVersionId").GetString());
        JsonObject secondOb2 = await api.FetchJsonAsync(secondAward.GetProperty("links").GetProperty("ob2").GetString()!);
        Assert.EndsWith(v2, secondOb2["badge"]!.GetValue<string>(), StringComparison.Ordinal);
        JsonObject firstOb3 = await api.FetchJsonAsync(firstAward.GetProperty("links").GetProperty("ob3").GetString()!);
        Assert.Equal("Formative Assessment in Practice", firstOb3["credentialSubject"]!["achievement"]!["name"]!.GetValue<string>());

        HttpResponseMessage stale = await SendPatchAsync(api, id, """{"name":"x"}""", "\"v1\"");
        await HttpAssert.ProblemAsync(stale, HttpStatusCode.PreconditionFailed, "etag_mismatch");
    }

    [Fact]
    public async Task AwardsAfterAnIssuerEdit_EmbedTheEditedProfile_AndAfterDeletion_Return404()
    {
        // Awards under an awarded (frozen) badge class version reuse what was built for it; an issuer edit or deletion
        // must still show on the very next award.
        fixture.EnsureAvailable();
        IssuanceClient api = await ClientAsync();
        string issuerId = await api.CreateIssuerAsync();
        string badgeClassId = (await api.CreateBadgeClassAsync(issuerId)).GetProperty("id").GetString()!;
        foreach (int _ in new[] { 1, 2 })
        {
            JsonElement award = await api.AwardAsync(badgeClassId);
            JsonObject credential = await api.FetchJsonAsync(award.GetProperty("links").GetProperty("ob3").GetString()!);
            Assert.Equal("Springfield School District", credential["issuer"]!["name"]!.GetValue<string>());
        }

        using (var edit = new HttpRequestMessage(HttpMethod.Patch, $"/v1/issuers/{issuerId}")
        {
            Content = new StringContent("""{"name":"Springfield Public Schools","url":"https://sps.example.org"}""", Encoding.UTF8, "application/merge-patch+json"),
        })
        {
            edit.Headers.TryAddWithoutValidation("If-Match", "*");
            await HttpAssert.JsonAsync(await api.Http.SendAsync(edit, Ct), HttpStatusCode.OK);
        }

        JsonElement after = await api.AwardAsync(badgeClassId);
        byte[] ob3 = (await api.FetchAsync(after.GetProperty("links").GetProperty("ob3").GetString()!)).Body;
        JsonNode edited = JsonNode.Parse(ob3)!;
        Assert.Equal("Springfield Public Schools", edited["issuer"]!["name"]!.GetValue<string>());
        Assert.Equal("https://sps.example.org", edited["issuer"]!["url"]!.GetValue<string>());
        DataIntegrityVerificationResult di = await api.VerifyDataIntegrityAsync(ob3);
        Assert.True(di.IsValid, di.Message);
        string page = Encoding.UTF8.GetString((await api.FetchAsync(after.GetProperty("links").GetProperty("html").GetString()!)).Body);
        Assert.Contains("Springfield Public Schools", page, StringComparison.Ordinal);

        HttpResponseMessage deleted = await api.Http.DeleteAsync($"/v1/issuers/{issuerId}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        HttpResponseMessage refused = await api.Http.PostAsJsonAsync($"/v1/badge-classes/{badgeClassId}/assertions", IssuanceClient.AwardBody(), Ct);
        await HttpAssert.ProblemAsync(refused, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AwardWriter_StoresExactlyWhatItIsGiven_AndAFailedInsertLeavesNoRow()
    {
        fixture.EnsureAvailable();
        IssuanceClient api = await ClientAsync();
        string issuerId = await api.CreateIssuerAsync();
        string badgeClassId = (await api.CreateBadgeClassAsync(issuerId)).GetProperty("id").GetString()!;
        JsonElement first = await api.AwardAsync(badgeClassId);

        await using AsyncServiceScope scope = fixture.Factory.Services.CreateAsyncScope();
        IssuerDbContext db = scope.ServiceProvider.GetRequiredService<IssuerDbContext>();
        Assertion template = await db.Assertions.AsNoTracking().SingleAsync(a => a.Id == first.GetProperty("id").GetString(), Ct);
        Assertion Copy(string id) => new()
        {
            Id = id, TenantId = template.TenantId, IssuerId = template.IssuerId, BadgeClassId = template.BadgeClassId,
            BadgeClassVersionId = template.BadgeClassVersionId, CredentialId = Guid.NewGuid(), RecipientType = "email",
            RecipientIdentity = "writer@example.org", RecipientName = null, Salt = "salt", Details = "{}",
            IssuedOn = new DateTime(2026, 11, 24, 1, 2, 3, DateTimeKind.Utc), ValidFrom = new DateTime(2026, 11, 24, 1, 2, 3, DateTimeKind.Utc),
            ValidUntil = new DateTime(2031, 11, 24, 1, 2, 3, 456, DateTimeKind.Utc).AddTicks(7890),
        };
        AssertionArtifact Row(string id, string kind, byte[] content) => new() { AssertionId = id, Kind = kind, MediaType = "application/octet-stream", Content = content };

        byte[] binary = [.. Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31))];
        string stored = "asr_01KX0000000000000000000001";
        await AwardWriter.InsertAsync(db, Copy(stored), [Row(stored, ArtifactKinds.Ob3, binary), Row(stored, ArtifactKinds.Ob2, [])], Ct);
        Assertion roundTrip = await db.Assertions.AsNoTracking().SingleAsync(a => a.Id == stored, Ct);
        Assert.Null(roundTrip.RecipientName);
        Assert.Equal(Copy(stored).ValidUntil!.Value.Ticks / 10 * 10, roundTrip.ValidUntil!.Value.Ticks); // microsecond precision
        Assert.Equal(DateTimeKind.Utc, roundTrip.IssuedOn.Kind);
        Assert.Equal(binary, (await db.AssertionArtifacts.AsNoTracking().SingleAsync(a => a.AssertionId == stored && a.Kind == ArtifactKinds.Ob3, Ct)).Content);
        Assert.Empty((await db.AssertionArtifacts.AsNoTracking().SingleAsync(a => a.AssertionId == stored && a.Kind == ArtifactKinds.Ob2, Ct)).Content);

        // The second artifact repeats the first one's key: the whole award (assertion row included) must be rolled back.
        string failed = "asr_01KX0000000000000000000002";
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            AwardWriter.InsertAsync(db, Copy(failed), [Row(failed, ArtifactKinds.Ob3, [1]), Row(failed, ArtifactKinds.Ob3, [2])], Ct));
        Assert.False(await db.Assertions.AnyAsync(a => a.Id == failed, Ct));
        Assert.False(await db.AssertionArtifacts.AnyAsync(a => a.AssertionId == failed, Ct));

        // The connection is usable afterwards, and the API still issues.
        await api.AwardAsync(badgeClassId);
    }

    [Fact]
    public async Task SvgBadge_IsSanitized_AndBakesBothFormats()
    {
        fixture.EnsureAvailable();
        IssuanceClient api = await ClientAsync();
        string issuerId = await api.CreateIssuerAsync();
        byte[] svg = Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><script>alert(2)</script><circle cx="5" cy="5" r="4"/></svg>""");
        JsonElement badgeClass = await api.CreateBadgeClassAsync(issuerId, IssuanceClient.BadgeClassBody("SVG badge", svg, "image/svg+xml"));
        (HttpResponseMessage imageResponse, byte[] stored) = await api.FetchAsync(badgeClass.GetProperty("image").GetString()!);
        Assert.Equal("image/svg+xml", imageResponse.Content.Headers.ContentType!.MediaType);
        string storedText = Encoding.UTF8.GetString(stored);
        Assert.DoesNotContain("script", storedText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onload", storedText, StringComparison.OrdinalIgnoreCase);

        JsonElement links = (await api.AwardAsync(badgeClass.GetProperty("id").GetString()!)).GetProperty("links");
        byte[] ob3 = (await api.FetchAsync(links.GetProperty("ob3").GetString()!)).Body;
        Assert.Equal(Encoding.UTF8.GetString(ob3), SvgBadge.Extract((await api.FetchAsync(links.GetProperty("bakedSvg").GetString()!)).Body, BadgeVersion.V3)!.Body);
        Assert.Equal(Encoding.UTF8.GetString(ob3), PngBadge.Extract((await api.FetchAsync(links.GetProperty("bakedPng").GetString()!)).Body, BadgeVersion.V3));
    }

    [Theory]
    [InlineData("""{"recipient":{"identity":"not-an-email"}}""", "recipient.identity", "invalid_identity")]
    [InlineData("""{"recipient":{"identity":"a@example.org","type":"fax"}}""", "recipient.type", "invalid_recipient_type")]
    [InlineData("""{"recipient":{"identity":"a@example.org"},"results":[{"criterion":"nope","level":"l1"}]}""", "results[0].criterion", "unknown_criterion")]
    [InlineData("""{"recipient":{"identity":"a@example.org"},"results":[{"criterion":"plan","level":"l9"}]}""", "results[0].level", "unknown_level")]
    [InlineData("""{"recipient":{"identity":"a@example.org"},"evidence":[{"name":"no url, no narrative"}]}""", "evidence[0]", "required")]
    [InlineData("""{"recipient":{"identity":"a@example.org"},"evidence":[{"url":"javascript:alert(1)"}]}""", "evidence[0].url", "invalid_url")]
    [InlineData("""{"recipient":{"identity":"a@example.org"},"validFrom":"2026-01-02T00:00:00Z","validUntil":"2026-01-01T00:00:00Z"}""", "validUntil", "out_of_range")]
    [InlineData("""{"evidence":[]}""", "recipient", "required")]
    public async Task IssueAssertion_InvalidBody_Returns422(string json, string field, string code)
    {
        fixture.EnsureAvailable();
        IssuanceClient api = await ClientAsync();
        string issuerId = await api.CreateIssuerAsync();
        string badgeClassId = (await api.CreateBadgeClassAsync(issuerId)).GetProperty("id").GetString()!;
        HttpResponseMessage response = await api.Http.PostAsync($"/v1/badge-classes/{badgeClassId}/assertions",
            new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        JsonElement problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task CreateBadgeClass_InvalidImageOrRubric_Returns422()
    {
        fixture.EnsureAvailable();
        IssuanceClient api = await ClientAsync();
        string issuerId = await api.CreateIssuerAsync();
        var cases = new (string Json, string Code)[]
        {
            ("""{"name":"A","description":"B","criteria":{"narrative":"C"},"image":{"data":"aGVsbG8=","mediaType":"image/png"}}""", "invalid_image"),
            ("""{"name":"A","description":"B","criteria":{"narrative":"C"},"image":{"data":"%%%","mediaType":"image/png"}}""", "invalid_base64"),
            ("""{"name":"A","description":"B","criteria":{"narrative":"C"}}""", "required"),
            ($$$"""{"name":"A","description":"B","criteria":{"narrative":"C"},"image":{"data":"{{{Convert.ToBase64String(BakeSources.PlaceholderPng)}}}","mediaType":"image/svg+xml"}}""", "media_type_mismatch"),
            ($$$"""{"name":"A","description":"B","criteria":{"narrative":"C"},"image":{"data":"{{{Convert.ToBase64String(BakeSources.PlaceholderPng)}}}"},"rubric":[{"name":"R","levels":[]}]}""", "required"),
            ($$$"""{"name":"A","description":"B","criteria":{"narrative":"C"},"image":{"data":"{{{Convert.ToBase64String(BakeSources.PlaceholderPng)}}}"},"alignments":[{"targetName":"T"}]}""", "required"),
            ($$$"""{"name":"A","description":"B","image":{"data":"{{{Convert.ToBase64String(BakeSources.PlaceholderPng)}}}"}}""", "required"),
            ($$$"""{"name":"A","description":"B","criteria":{"narrative":"C"},"achievementType":"Sticker","image":{"data":"{{{Convert.ToBase64String(BakeSources.PlaceholderPng)}}}"}}""", "invalid_achievement_type"),
        };
        foreach ((string json, string code) in cases)
        {
            HttpResponseMessage response = await api.Http.PostAsync($"/v1/issuers/{issuerId}/badge-classes",
                new StringContent(json, Encoding.UTF8, "application/json"), Ct);
            await HttpAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, code);
        }

        JsonElement list = await api.GetJsonAsync($"/v1/issuers/{issuerId}/badge-classes");
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task OtherTenant_GetsNotFound_ForEveryRoute()
    {
        fixture.EnsureAvailable();
        IssuanceClient owner = await ClientAsync();
        IssuanceClient other = await ClientAsync();
        string issuerId = await owner.CreateIssuerAsync();
        string badgeClassId = (await owner.CreateBadgeClassAsync(issuerId)).GetProperty("id").GetString()!;
        string assertionId = (await owner.AwardAsync(badgeClassId)).GetProperty("id").GetString()!;

        await HttpAssert.ProblemAsync(await other.Http.GetAsync($"/v1/badge-classes/{badgeClassId}", Ct), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await other.Http.GetAsync($"/v1/issuers/{issuerId}/badge-classes", Ct), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await other.Http.GetAsync($"/v1/badge-classes/{badgeClassId}/assertions", Ct), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await other.Http.GetAsync($"/v1/assertions/{assertionId}", Ct), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await other.Http.GetAsync($"/v1/issuers/{issuerId}/keys", Ct), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await other.Http.PostAsJsonAsync($"/v1/issuers/{issuerId}/keys/rotate", new { }, Ct), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await other.Http.PostAsJsonAsync($"/v1/badge-classes/{badgeClassId}/assertions", IssuanceClient.AwardBody(), Ct), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await other.Http.PostAsJsonAsync($"/v1/issuers/{issuerId}/badge-classes", IssuanceClient.BadgeClassBody(), Ct), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await SendPatchAsync(other, badgeClassId, """{"name":"Hijack"}""", "*"), HttpStatusCode.NotFound);

        JsonElement mine = await owner.GetJsonAsync($"/v1/badge-classes/{badgeClassId}");
        Assert.Equal("Formative Assessment in Practice", mine.GetProperty("name").GetString());
        Assert.Equal(1, (await owner.GetJsonAsync($"/v1/badge-classes/{badgeClassId}/assertions")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task PublicRoutes_UnknownIds_Return404Problem()
    {
        fixture.EnsureAvailable();
        using HttpClient anonymous = fixture.Factory.CreateClient();
        foreach (string path in new[]
                 {
                     "/ob2/assertions/asr_01J00000000000000000000000", "/ob3/credentials/asr_01J00000000000000000000000/jwt",
                     "/assertions/asr_01J00000000000000000000000/baked.png", "/issuers/iss_01J00000000000000000000000/did.json",
                     "/ob2/badge-classes/bcv_01J00000000000000000000000", "/images/not-an-id", "/ob2/issuers/iss_x/keys/abc",
                 })
        {
            await HttpAssert.ProblemAsync(await anonymous.GetAsync(path, Ct), HttpStatusCode.NotFound, "not_found");
        }
    }

    private async Task<IssuanceClient> ClientAsync()
    {
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        return new IssuanceClient(fixture.Factory.CreateClient(tenant.AdminKey));
    }

    private static List<string> PublicKeys(JsonObject issuer) => issuer["publicKey"] switch
    {
        JsonArray array => array.Select(k => k!.GetValue<string>()).ToList(),
        JsonValue value => [value.GetValue<string>()],
        _ => [],
    };

    private static async Task<JsonElement> PatchAsync(IssuanceClient api, string id, string json, string ifMatch)
    {
        HttpResponseMessage response = await SendPatchAsync(api, id, json, ifMatch);
        return await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    private static async Task<HttpResponseMessage> SendPatchAsync(IssuanceClient api, string id, string json, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/v1/badge-classes/{id}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await api.Http.SendAsync(request, Ct);
    }

    private static void AssertNoKeyMaterial(IssuanceClient api)
    {
        Assert.NotEmpty(api.Seen);
        foreach (string body in api.Seen)
        {
            Assert.DoesNotContain("PRIVATE KEY", body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"d\":", body, StringComparison.Ordinal);
            Assert.DoesNotContain("secretKeyMultibase", body, StringComparison.Ordinal);
            Assert.DoesNotContain("encryptedPrivateKey", body, StringComparison.OrdinalIgnoreCase);
        }
    }
}

public sealed class SqliteIssuanceEndToEndTests(SqliteApiFixture fixture) : IssuanceEndToEndTests<SqliteApiFixture>(fixture);

public sealed class PostgresIssuanceEndToEndTests(PostgresApiFixture fixture) : IssuanceEndToEndTests<PostgresApiFixture>(fixture);
