using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using OpenBadgesIssuer.Standards.Jose;
using static OpenBadgesIssuer.Standards.Tests.Jose.JoseTestKit;

namespace OpenBadgesIssuer.Standards.Tests.Jose;

public sealed class VcJwtTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(JoseAlgorithms.RS256)]
    [InlineData(JoseAlgorithms.ES256)]
    [InlineData(JoseAlgorithms.EdDSA)]
    public async Task Sign_then_verify_round_trips_with_ob3_claims(string alg)
    {
        var key = NewKey(alg);
        var credential = Credential();
        var before = credential.ToJsonString();
        var token = VcJwt.Sign(credential, key);
        Assert.Equal(before, credential.ToJsonString());

        var header = DecodePart(token, 0);
        Assert.Equal(alg, (string?)header["alg"]);
        Assert.Equal("JWT", (string?)header["typ"]);
        Assert.Equal("https://badges.example.org/keys/1", (string?)header["kid"]);
        Assert.False(header.ContainsKey("jwk"));

        var payload = DecodePart(token, 1);
        Assert.Equal("https://badges.example.org/issuers/district-7", (string?)payload["iss"]);
        Assert.Equal("urn:uuid:3f1c2a9e-6c1e-4c55-9d0a-2f6a3b0f1c11", (string?)payload["jti"]);
        Assert.Equal("did:example:teacher-1", (string?)payload["sub"]);
        Assert.Equal(1768465800L, (long)payload["nbf"]!);
        Assert.Equal(1893456000L, (long)payload["exp"]!);
        Assert.False(payload.ContainsKey("vc"));
        Assert.Equal("Classroom Assessment Literacy", (string?)payload["name"]);

        using var publicKey = key.CreateVerificationKey();
        var result = await VcJwt.VerifyAsync(token, Options(publicKey), Ct);
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(JoseFailure.None, result.Failure);
        Assert.False(result.UsedVcClaim);
        Assert.True(JsonNode.DeepEquals(credential, result.Credential));
    }

    [Fact]
    public async Task Es256_signature_is_64_bytes_and_rs256_is_modulus_length()
    {
        var es = VcJwt.Sign(Credential(), NewKey(JoseAlgorithms.ES256));
        var rs = VcJwt.Sign(Credential(), NewKey(JoseAlgorithms.RS256));
        Assert.Equal(64, System.Buffers.Text.Base64Url.DecodeFromChars(es.Split('.')[2]).Length);
        Assert.Equal(256, System.Buffers.Text.Base64Url.DecodeFromChars(rs.Split('.')[2]).Length);
        await Task.CompletedTask;
    }

    [Fact]
    public void Rfc8037_appendix_A4_Ed25519_vector_signs_and_verifies()
    {
        // RFC 8037 A.4: deterministic Ed25519 over "Example of Ed25519 signing" with header {"alg":"EdDSA"}.
        const string expected = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
        var seed = System.Buffers.Text.Base64Url.DecodeFromChars("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A");
        using var nsecKey = NSec.Cryptography.Key.Import(NSec.Cryptography.SignatureAlgorithm.Ed25519, seed, NSec.Cryptography.KeyBlobFormat.RawPrivateKey);
        var key = JoseSigningKey.EdDsa(nsecKey);
        var token = CompactJws.Create(new JsonObject { ["alg"] = "EdDSA" }, Encoding.ASCII.GetBytes("Example of Ed25519 signing"), key);
        Assert.Equal(expected, token);

        var publicKey = JoseVerificationKey.FromJwk(new JsonObject { ["kty"] = "OKP", ["crv"] = "Ed25519", ["x"] = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" }, out var failure);
        Assert.Equal(JoseFailure.None, failure);
        var parsed = CompactJws.TryParse(expected, 10_000, out _)!;
        Assert.True(publicKey!.Verify("EdDSA", parsed.SigningInput, parsed.Signature));
        Assert.Equal("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", (string?)key.PublicJwk()["x"]);
    }

    [Theory]
    [InlineData(JoseAlgorithms.RS256)]
    [InlineData(JoseAlgorithms.ES256)]
    public async Task Tokens_validate_with_Microsoft_IdentityModel(string alg)
    {
        // Independent implementation check: Microsoft.IdentityModel must accept what we produce.
        var credential = Credential();
        Microsoft.IdentityModel.Tokens.SecurityKey securityKey;
        JoseSigningKey key;
        if (alg == JoseAlgorithms.RS256)
        {
            var rsa = RSA.Create(2048);
            key = JoseSigningKey.Rs256(rsa, "k1");
            securityKey = new Microsoft.IdentityModel.Tokens.RsaSecurityKey(rsa);
        }
        else
        {
            var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            key = JoseSigningKey.Es256(ec, "k1");
            securityKey = new Microsoft.IdentityModel.Tokens.ECDsaSecurityKey(ec);
        }
        var token = VcJwt.Sign(credential, key);
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        var validation = await handler.ValidateTokenAsync(token, new Microsoft.IdentityModel.Tokens.TokenValidationParameters
        {
            IssuerSigningKey = securityKey,
            ValidIssuer = "https://badges.example.org/issuers/district-7",
            ValidateAudience = false,
            ValidateLifetime = false,
            ValidAlgorithms = [alg],
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal("urn:uuid:3f1c2a9e-6c1e-4c55-9d0a-2f6a3b0f1c11", validation.Claims["jti"]);
    }

    [Fact]
    public async Task Tampered_payload_fails_signature()
    {
        var key = NewKey(JoseAlgorithms.ES256);
        var token = VcJwt.Sign(Credential(), key);
        var parts = token.Split('.');
        var payload = DecodePart(token, 1);
        payload["name"] = "Forged";
        var forged = parts[0] + "." + B64(payload.ToJsonString()) + "." + parts[2];
        using var pub = key.CreateVerificationKey();
        Assert.Equal(JoseFailure.InvalidSignature, (await VcJwt.VerifyAsync(forged, Options(pub), Ct)).Failure);
    }

    [Fact]
    public async Task Alg_none_is_rejected()
    {
        var header = B64("""{"alg":"none","kid":"https://badges.example.org/keys/1"}""");
        var token = header + "." + B64(PayloadWith(_ => { })) + ".";
        var key = NewKey(JoseAlgorithms.RS256);
        using var pub = key.CreateVerificationKey();
        var result = await VcJwt.VerifyAsync(token, Options(pub), Ct);
        Assert.Equal(JoseFailure.UnsupportedAlgorithm, result.Failure);
        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Hs256_with_the_rsa_public_key_as_secret_is_rejected()
    {
        using var rsa = RSA.Create(2048);
        var publicDer = rsa.ExportSubjectPublicKeyInfo();
        var signingInput = B64("""{"alg":"HS256","kid":"https://badges.example.org/keys/1"}""") + "." + B64(PayloadWith(_ => { }));
        var mac = HMACSHA256.HashData(publicDer, Encoding.ASCII.GetBytes(signingInput));
        var token = signingInput + "." + B64(mac);
        using var pub = JoseVerificationKey.FromRsa(rsa);
        Assert.Equal(JoseFailure.UnsupportedAlgorithm, (await VcJwt.VerifyAsync(token, Options(pub), Ct)).Failure);
    }

    [Fact]
    public async Task Algorithm_outside_the_allowed_set_is_rejected()
    {
        var key = NewKey(JoseAlgorithms.EdDSA);
        var token = VcJwt.Sign(Credential(), key);
        using var pub = key.CreateVerificationKey();
        var result = await VcJwt.VerifyAsync(token, Options(pub, JoseAlgorithms.OpenBadgesValidator), Ct);
        Assert.Equal(JoseFailure.AlgorithmNotAllowed, result.Failure);
    }

    [Fact]
    public async Task Key_of_another_type_than_alg_is_rejected()
    {
        var rsaKey = NewKey(JoseAlgorithms.RS256);
        var token = VcJwt.Sign(Credential(), rsaKey);
        using var ecPublic = NewKey(JoseAlgorithms.ES256).CreateVerificationKey();
        Assert.Equal(JoseFailure.KeyAlgorithmMismatch, (await VcJwt.VerifyAsync(token, Options(ecPublic), Ct)).Failure);

        // A JWK that declares a different alg is not used for this one either.
        var jwk = rsaKey.PublicJwk();
        jwk["alg"] = "PS256";
        using var restricted = JoseVerificationKey.FromJwk(jwk, out _)!;
        Assert.Equal(JoseFailure.KeyAlgorithmMismatch, (await VcJwt.VerifyAsync(token, Options(restricted), Ct)).Failure);
    }

    [Fact]
    public async Task Wrong_key_of_the_right_type_fails_signature()
    {
        var token = VcJwt.Sign(Credential(), NewKey(JoseAlgorithms.RS256));
        using var other = NewKey(JoseAlgorithms.RS256).CreateVerificationKey();
        Assert.Equal(JoseFailure.InvalidSignature, (await VcJwt.VerifyAsync(token, Options(other), Ct)).Failure);
    }

    [Fact]
    public async Task Embedded_jwk_needs_opt_in()
    {
        var key = NewKey(JoseAlgorithms.RS256, kid: null);
        var token = VcJwt.Sign(Credential(), key, new VcJwtSigningOptions { IncludeJwk = true });
        var header = DecodePart(token, 0);
        Assert.False(header.ContainsKey("kid"));
        Assert.Equal("RSA", (string?)header["jwk"]!["kty"]);

        Assert.Equal(JoseFailure.EmbeddedKeyNotAllowed, (await VcJwt.VerifyAsync(token, Options(null), Ct)).Failure);
        Assert.True((await VcJwt.VerifyAsync(token, Options(null, allowJwk: true), Ct)).IsValid);
    }

    [Fact]
    public async Task Resolver_sees_kid_and_embedded_jwk()
    {
        var key = NewKey(JoseAlgorithms.ES256);
        var token = VcJwt.Sign(Credential(), key, new VcJwtSigningOptions { IncludeJwk = true });
        JwtKeyRequest? seen = null;
        using var pub = key.CreateVerificationKey();
        var options = new VcJwtVerificationOptions
        {
            AllowedAlgorithms = JoseAlgorithms.OpenBadgesValidator,
            KeyResolver = (request, _) => { seen = request; return ValueTask.FromResult<JoseVerificationKey?>(pub); },
            TimeProvider = new FixedTime(Now),
        };
        Assert.True((await VcJwt.VerifyAsync(token, options, Ct)).IsValid);
        Assert.Equal("https://badges.example.org/keys/1", seen!.KeyId);
        Assert.Equal("ES256", seen.Algorithm);
        Assert.Equal((string?)pub.ToJwk()["x"], (string?)seen.EmbeddedJwk!["x"]);
    }

    [Fact]
    public async Task Unknown_kid_is_key_not_found()
    {
        var token = VcJwt.Sign(Credential(), NewKey(JoseAlgorithms.RS256));
        var options = new VcJwtVerificationOptions
        {
            AllowedAlgorithms = JoseAlgorithms.All,
            KeyResolver = (_, _) => ValueTask.FromResult<JoseVerificationKey?>(null),
            TimeProvider = new FixedTime(Now),
        };
        Assert.Equal(JoseFailure.KeyNotFound, (await VcJwt.VerifyAsync(token, options, Ct)).Failure);
    }

    [Fact]
    public async Task Jwk_with_private_members_is_rejected_even_when_embedded_keys_are_allowed()
    {
        using var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(true);
        var jwk = new JsonObject { ["kty"] = "RSA", ["n"] = B64(p.Modulus!), ["e"] = B64(p.Exponent!), ["d"] = B64(p.D!) };
        var header = new JsonObject { ["alg"] = "RS256", ["jwk"] = jwk };
        var token = CompactJws.Create(header, Encoding.UTF8.GetBytes(PayloadWith(_ => { })), JoseSigningKey.Rs256(rsa));
        var result = await VcJwt.VerifyAsync(token, Options(null, allowJwk: true), Ct);
        Assert.Equal(JoseFailure.PrivateKeyInHeader, result.Failure);
        Assert.DoesNotContain(B64(p.D!), result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"alg":"RS256","kid":"k","jku":"https://evil.example/jwks"}""", JoseFailure.UnsupportedHeader)]
    [InlineData("""{"alg":"RS256","kid":"k","x5u":"https://evil.example/cert"}""", JoseFailure.UnsupportedHeader)]
    [InlineData("""{"alg":"RS256","kid":"k","crit":["exp"],"exp":1}""", JoseFailure.UnsupportedHeader)]
    [InlineData("""{"alg":"RS256","kid":"k","typ":"vc+jwt"}""", JoseFailure.InvalidType)]
    [InlineData("""{"alg":"RS256","kid":""}""", JoseFailure.Malformed)]
    [InlineData("""{"alg":"RS256"}""", JoseFailure.KeyNotFound)]
    [InlineData("""{"alg":"PS256","kid":"k"}""", JoseFailure.UnsupportedAlgorithm)]
    [InlineData("""{"alg":"RS256","kid":"k","jwk":"not-an-object"}""", JoseFailure.Malformed)]
    public async Task Header_rules(string headerJson, JoseFailure expected)
    {
        var key = NewKey(JoseAlgorithms.RS256, "k");
        var token = SignRaw(headerJson, PayloadWith(_ => { }), key);
        using var pub = key.CreateVerificationKey();
        Assert.Equal(expected, (await VcJwt.VerifyAsync(token, Options(pub), Ct)).Failure);
    }

    [Fact]
    public async Task Typ_jwt_is_case_insensitive_and_may_be_absent()
    {
        var key = NewKey(JoseAlgorithms.RS256, "k");
        using var pub = key.CreateVerificationKey();
        Assert.True((await VcJwt.VerifyAsync(SignRaw("""{"alg":"RS256","kid":"k","typ":"jwt"}""", PayloadWith(_ => { }), key), Options(pub), Ct)).IsValid);
        Assert.True((await VcJwt.VerifyAsync(VcJwt.Sign(Credential(), key, new VcJwtSigningOptions { Type = null }), Options(pub), Ct)).IsValid);
    }

    public static TheoryData<string, JoseFailure> ClaimCases => new()
    {
        { "iss-wrong", JoseFailure.ClaimMismatch },
        { "iss-missing", JoseFailure.MissingClaim },
        { "jti-wrong", JoseFailure.ClaimMismatch },
        { "jti-missing", JoseFailure.MissingClaim },
        { "sub-wrong", JoseFailure.ClaimMismatch },
        { "nbf-wrong", JoseFailure.ClaimMismatch },
        { "nbf-missing", JoseFailure.MissingClaim },
        { "nbf-string", JoseFailure.Malformed },
        { "exp-wrong", JoseFailure.ClaimMismatch },
        { "exp-missing", JoseFailure.MissingClaim },
        { "no-issuer", JoseFailure.InvalidPayload },
        { "sub-absent", JoseFailure.None },
        { "vc-not-object", JoseFailure.InvalidPayload },
    };

    [Theory]
    [MemberData(nameof(ClaimCases))]
    public async Task Claims_must_agree_with_the_credential(string edit, JoseFailure expected)
    {
        var payload = PayloadWith(p =>
        {
            switch (edit)
            {
                case "iss-wrong": p["iss"] = "https://evil.example/issuer"; break;
                case "iss-missing": p.Remove("iss"); break;
                case "jti-wrong": p["jti"] = "urn:uuid:00000000-0000-0000-0000-000000000000"; break;
                case "jti-missing": p.Remove("jti"); break;
                case "sub-wrong": p["sub"] = "did:example:someone-else"; break;
                case "nbf-wrong": p["nbf"] = (long)p["nbf"]! - 3600; break;
                case "nbf-missing": p.Remove("nbf"); break;
                case "nbf-string": p["nbf"] = "1768465800"; break;
                case "exp-wrong": p["exp"] = (long)p["exp"]! + 1; break;
                case "exp-missing": p.Remove("exp"); break;
                case "no-issuer": p.Remove("issuer"); break;
                case "sub-absent": p.Remove("sub"); break;
                case "vc-not-object": p["vc"] = "x"; break;
            }
        });
        var key = NewKey(JoseAlgorithms.ES256, "k");
        using var pub = key.CreateVerificationKey();
        var result = await VcJwt.VerifyAsync(SignRaw("""{"alg":"ES256","kid":"k"}""", payload, key), Options(pub), Ct);
        Assert.Equal(expected, result.Failure);
    }

    [Fact]
    public async Task Legacy_vc_claim_is_accepted()
    {
        var credential = Credential();
        credential.Remove("validFrom");
        credential["issuanceDate"] = "2026-01-15T08:30:00Z";
        credential.Remove("validUntil");
        var payload = new JsonObject
        {
            ["vc"] = credential.DeepClone(),
            ["iss"] = "https://badges.example.org/issuers/district-7",
            ["jti"] = "urn:uuid:3f1c2a9e-6c1e-4c55-9d0a-2f6a3b0f1c11",
            ["sub"] = "did:example:teacher-1",
            ["nbf"] = 1768465800L,
        };
        var key = NewKey(JoseAlgorithms.RS256, "k");
        using var pub = key.CreateVerificationKey();
        var result = await VcJwt.VerifyAsync(SignRaw("""{"alg":"RS256","kid":"k","typ":"JWT"}""", payload.ToJsonString(), key), Options(pub), Ct);
        Assert.True(result.IsValid, result.Message);
        Assert.True(result.UsedVcClaim);
        Assert.True(JsonNode.DeepEquals(credential, result.Credential));
    }

    [Fact]
    public async Task Legacy_vc_claim_may_leave_registered_values_to_the_claims()
    {
        var credential = Credential(validUntil: null, subjectId: null);
        credential.Remove("issuer");
        credential.Remove("id");
        credential.Remove("validFrom");
        var payload = new JsonObject
        {
            ["vc"] = credential.DeepClone(),
            ["iss"] = "https://badges.example.org/issuers/district-7",
            ["jti"] = "urn:uuid:3f1c2a9e-6c1e-4c55-9d0a-2f6a3b0f1c11",
            ["sub"] = "did:example:teacher-1",
            ["nbf"] = 1768465800L,
        };
        var key = NewKey(JoseAlgorithms.RS256, "k");
        using var pub = key.CreateVerificationKey();
        var result = await VcJwt.VerifyAsync(SignRaw("""{"alg":"RS256","kid":"k"}""", payload.ToJsonString(), key), Options(pub), Ct);
        Assert.True(result.IsValid, result.Message);
        Assert.Equal("https://badges.example.org/issuers/district-7", (string?)result.Credential!["issuer"]);
        Assert.Equal("urn:uuid:3f1c2a9e-6c1e-4c55-9d0a-2f6a3b0f1c11", (string?)result.Credential["id"]);
        Assert.Equal("did:example:teacher-1", (string?)result.Credential["credentialSubject"]!["id"]);
        Assert.Equal("2026-01-15T08:30:00Z", (string?)result.Credential["issuanceDate"]);

        // Without iss there is nothing to fill the issuer from.
        payload.Remove("iss");
        var noIss = await VcJwt.VerifyAsync(SignRaw("""{"alg":"RS256","kid":"k"}""", payload.ToJsonString(), key), Options(pub), Ct);
        Assert.Equal(JoseFailure.InvalidPayload, noIss.Failure);
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x6C, 0x67, 0x22, 0x3A, 0x22, 0xE0, 0x22, 0x7D })] // {"alg":"<invalid UTF-8>"}
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x6C, 0x67, 0x22, 0x3A, 0x22, 0x5C, 0x75, 0x44, 0x38, 0x30, 0x30, 0x22, 0x7D })] // {"alg":"\uD800"}
    public async Task Undecodable_header_strings_are_malformed_not_exceptions(byte[] header)
    {
        var token = B64(header) + "." + B64(PayloadWith(_ => { })) + ".AAAA";
        using var pub = NewKey(JoseAlgorithms.RS256).CreateVerificationKey();
        Assert.Equal(JoseFailure.Malformed, (await VcJwt.VerifyAsync(token, Options(pub), Ct)).Failure);
    }

    [Fact]
    public async Task Time_window_honours_clock_skew()
    {
        var key = NewKey(JoseAlgorithms.RS256);
        var token = VcJwt.Sign(Credential(validUntil: "2026-06-01T12:00:00Z"), key);
        using var pub = key.CreateVerificationKey();
        var validFrom = DateTimeOffset.Parse("2026-01-15T08:30:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var validUntil = DateTimeOffset.Parse("2026-06-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(JoseFailure.NotYetValid, (await VcJwt.VerifyAsync(token, Options(pub, now: validFrom.AddSeconds(-61), skew: TimeSpan.FromSeconds(60)), Ct)).Failure);
        Assert.True((await VcJwt.VerifyAsync(token, Options(pub, now: validFrom.AddSeconds(-59), skew: TimeSpan.FromSeconds(60)), Ct)).IsValid);
        Assert.Equal(JoseFailure.NotYetValid, (await VcJwt.VerifyAsync(token, Options(pub, now: validFrom.AddSeconds(-1), skew: TimeSpan.Zero), Ct)).Failure);
        Assert.True((await VcJwt.VerifyAsync(token, Options(pub, now: validUntil.AddSeconds(59), skew: TimeSpan.FromSeconds(60)), Ct)).IsValid);
        Assert.Equal(JoseFailure.Expired, (await VcJwt.VerifyAsync(token, Options(pub, now: validUntil.AddSeconds(60), skew: TimeSpan.FromSeconds(60)), Ct)).Failure);
        Assert.Equal(JoseFailure.Expired, (await VcJwt.VerifyAsync(token, Options(pub, now: validUntil, skew: TimeSpan.Zero), Ct)).Failure);
    }

    [Fact]
    public async Task Subject_without_id_gets_no_sub_and_credential_without_validUntil_no_exp()
    {
        var key = NewKey(JoseAlgorithms.ES256);
        var token = VcJwt.Sign(Credential(validUntil: null, subjectId: null), key);
        var payload = DecodePart(token, 1);
        Assert.False(payload.ContainsKey("sub"));
        Assert.False(payload.ContainsKey("exp"));
        using var pub = key.CreateVerificationKey();
        Assert.True((await VcJwt.VerifyAsync(token, Options(pub), Ct)).IsValid);
    }

    [Fact]
    public void Sign_rejects_unusable_input()
    {
        var key = NewKey(JoseAlgorithms.ES256);
        var noDate = Credential();
        noDate.Remove("validFrom");
        Assert.Throws<ArgumentException>(() => VcJwt.Sign(noDate, key));
        var localDate = Credential();
        localDate["validFrom"] = "2026-01-15T08:30:00";
        Assert.Throws<ArgumentException>(() => VcJwt.Sign(localDate, key));
        var withIss = Credential();
        withIss["iss"] = "x";
        Assert.Throws<ArgumentException>(() => VcJwt.Sign(withIss, key));
        Assert.Throws<ArgumentException>(() => VcJwt.Sign(Credential(), NewKey(JoseAlgorithms.ES256, kid: null)));
        Assert.Throws<ArgumentException>(() => JoseSigningKey.Rs256(RSA.Create(1024)));
        Assert.Throws<ArgumentException>(() => JoseSigningKey.Es256(ECDsa.Create(ECCurve.NamedCurves.nistP384)));
    }

    [Fact]
    public void Weak_or_foreign_jwks_are_refused()
    {
        using var small = RSA.Create(1024);
        var p = small.ExportParameters(false);
        Assert.Null(JoseVerificationKey.FromJwk(new JsonObject { ["kty"] = "RSA", ["n"] = B64(p.Modulus!), ["e"] = B64(p.Exponent!) }, out var f1));
        Assert.Equal(JoseFailure.InvalidKey, f1);
        Assert.Null(JoseVerificationKey.FromJwk(new JsonObject { ["kty"] = "oct", ["k"] = "c2VjcmV0" }, out var f2));
        Assert.Equal(JoseFailure.PrivateKeyInHeader, f2);
        Assert.Null(JoseVerificationKey.FromJwk(new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = B64(new byte[32]), ["y"] = B64(new byte[32]) }, out var f3));
        Assert.Equal(JoseFailure.InvalidKey, f3);
        var ec = NewKey(JoseAlgorithms.ES256).PublicJwk();
        ec["use"] = "enc";
        Assert.Null(JoseVerificationKey.FromJwk(ec, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData(".e30.")]
    [InlineData("e30=.e30.AA")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.A")]
    [InlineData("W10.e30.AA")]
    [InlineData("eyJhbGciOiJSUzI1NiIsImFsZyI6IkVTMjU2In0.e30.AA")]
    public async Task Malformed_tokens_are_rejected_without_exceptions(string token)
    {
        using var pub = NewKey(JoseAlgorithms.RS256).CreateVerificationKey();
        var result = await VcJwt.VerifyAsync(token, Options(pub), Ct);
        Assert.Equal(JoseFailure.Malformed, result.Failure);
    }

    [Fact]
    public async Task Oversized_tokens_are_rejected()
    {
        var token = VcJwt.Sign(Credential(), NewKey(JoseAlgorithms.ES256));
        var options = new VcJwtVerificationOptions { AllowedAlgorithms = JoseAlgorithms.All, MaxTokenLength = token.Length - 1 };
        Assert.Equal(JoseFailure.TooLarge, (await VcJwt.VerifyAsync(token, options, Ct)).Failure);
    }

    [Fact]
    public void Random_mutations_never_verify_and_never_throw()
    {
        var key = NewKey(JoseAlgorithms.ES256);
        var token = VcJwt.Sign(Credential(), key);
        using var pub = key.CreateVerificationKey();
        var options = Options(pub);
        Prop.ForAll(Gen.Choose(0, token.Length - 1).ToArbitrary(), Gen.Elements("A", "_", "-", ".", "=", "é", "").ToArbitrary(), (position, replacement) =>
        {
            var mutated = token[..position] + replacement + token[(position + 1)..];
            if (mutated == token)
            {
                return true;
            }
            var result = VcJwt.VerifyAsync(mutated, options).AsTask().GetAwaiter().GetResult();
            return !result.IsValid && result.Failure != JoseFailure.None;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }
}
