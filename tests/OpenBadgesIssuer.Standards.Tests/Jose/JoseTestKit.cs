using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSec.Cryptography;
using OpenBadgesIssuer.Standards.Jose;

namespace OpenBadgesIssuer.Standards.Tests.Jose;

internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal static class JoseTestKit
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static JsonObject Credential(string? validUntil = "2030-01-01T00:00:00Z", string? subjectId = "did:example:teacher-1") =>
        (JsonObject)JsonNode.Parse($$"""
        {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "id": "urn:uuid:3f1c2a9e-6c1e-4c55-9d0a-2f6a3b0f1c11",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "issuer": {"id": "https://badges.example.org/issuers/district-7", "type": ["Profile"], "name": "District 7 — Lehrerfortbildung"},
          "validFrom": "2026-01-15T08:30:00Z",
          {{(validUntil is null ? "" : $"\"validUntil\": \"{validUntil}\",")}}
          "name": "Classroom Assessment Literacy",
          "credentialSubject": {
            {{(subjectId is null ? "" : $"\"id\": \"{subjectId}\",")}}
            "type": ["AchievementSubject"],
            "achievement": {"id": "https://badges.example.org/achievements/cal", "type": ["Achievement"], "name": "Classroom Assessment Literacy",
              "description": "Designs valid formative assessments.", "criteria": {"narrative": "Portfolio reviewed."} }
          }
        }
        """)!;

    public static JoseSigningKey NewKey(string alg, string? kid = "https://badges.example.org/keys/1") => alg switch
    {
        JoseAlgorithms.RS256 => JoseSigningKey.Rs256(RSA.Create(2048), kid),
        JoseAlgorithms.ES256 => JoseSigningKey.Es256(ECDsa.Create(ECCurve.NamedCurves.nistP256), kid),
        _ => JoseSigningKey.EdDsa(Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None }), kid),
    };

    public static VcJwtVerificationOptions Options(JoseVerificationKey? key, IReadOnlySet<string>? algs = null, bool allowJwk = false,
        DateTimeOffset? now = null, TimeSpan? skew = null) => new()
    {
        AllowedAlgorithms = algs ?? JoseAlgorithms.All,
        KeyResolver = key is null ? null : (_, _) => ValueTask.FromResult<JoseVerificationKey?>(key),
        AllowEmbeddedJwk = allowJwk,
        TimeProvider = new FixedTime(now ?? Now),
        ClockSkew = skew ?? TimeSpan.FromMinutes(2),
    };

    /// <summary>Signs arbitrary header/payload JSON with the library's JWS writer (for negative tests).</summary>
    public static string SignRaw(string headerJson, string payloadJson, JoseSigningKey key) =>
        CompactJws.Create((JsonObject)JsonNode.Parse(headerJson)!, Encoding.UTF8.GetBytes(payloadJson), key);

    public static string B64(string s) => Base64UrlText.Encode(Encoding.UTF8.GetBytes(s));

    public static string B64(byte[] b) => Base64UrlText.Encode(b);

    public static JsonObject DecodePart(string token, int index) =>
        (JsonObject)JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[index]))!;

    public static string PayloadWith(Action<JsonObject> edit)
    {
        var payload = Credential();
        payload["iss"] = "https://badges.example.org/issuers/district-7";
        payload["jti"] = "urn:uuid:3f1c2a9e-6c1e-4c55-9d0a-2f6a3b0f1c11";
        payload["sub"] = "did:example:teacher-1";
        payload["nbf"] = DateTimeOffset.Parse("2026-01-15T08:30:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
        payload["exp"] = DateTimeOffset.Parse("2030-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
        edit(payload);
        return payload.ToJsonString(new JsonSerializerOptions());
    }
}
