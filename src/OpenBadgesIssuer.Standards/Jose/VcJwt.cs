using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenBadgesIssuer.Standards.Jose;

/// <summary>
/// VC-JWT as profiled by Open Badges 3.0 (§8.2 "JSON Web Token Proof Format"): the payload is the credential itself with the
/// registered claims iss = issuer.id, jti = id, sub = credentialSubject.id, nbf = validFrom, exp = validUntil added at the top level.
/// Legacy VCDM 1.1 tokens (credential under a "vc" claim) are accepted when verifying.
/// </summary>
public static class VcJwt
{
    private static readonly string[] RegisteredClaims = ["iss", "sub", "jti", "nbf", "exp", "iat", "aud"];
    private static readonly HashSet<string> AllowedHeaders = new(StringComparer.Ordinal) { "alg", "kid", "jwk", "typ" };

    /// <summary>
    /// Signs <paramref name="credential"/> (left unchanged) and returns the compact JWS. The header carries alg, typ, the key's
    /// kid and, if asked, its public jwk. Throws <see cref="ArgumentException"/> when the credential lacks issuer or validFrom,
    /// or already uses a registered claim name.
    /// </summary>
    public static string Sign(JsonObject credential, JoseSigningKey key, VcJwtSigningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(key);
        options ??= new VcJwtSigningOptions();
        if (key.KeyId is null && !options.IncludeJwk)
        {
            throw new ArgumentException("OB 3.0 needs a kid or a jwk header: give the key an id or set IncludeJwk.", nameof(options));
        }
        foreach (var claim in RegisteredClaims)
        {
            if (credential.ContainsKey(claim))
            {
                throw new ArgumentException($"The credential already has a top-level '{claim}' property.", nameof(credential));
            }
        }
        var issuerId = IssuerId(credential) ?? throw new ArgumentException("The credential has no issuer id.", nameof(credential));
        var validFrom = ReadDate(credential, "validFrom") ?? ReadDate(credential, "issuanceDate")
            ?? throw new ArgumentException("The credential has no parseable validFrom.", nameof(credential));
        var validUntil = ReadDate(credential, "validUntil") ?? ReadDate(credential, "expirationDate");

        var payload = (JsonObject)credential.DeepClone();
        payload["iss"] = issuerId;
        if (StringMember(credential, "id") is { } id)
        {
            payload["jti"] = id;
        }
        if (SubjectIds(credential).FirstOrDefault() is { } subject)
        {
            payload["sub"] = subject;
        }
        payload["nbf"] = validFrom.ToUnixTimeSeconds();
        if (validUntil is { } until)
        {
            payload["exp"] = until.ToUnixTimeSeconds();
        }

        var header = new JsonObject { ["alg"] = key.Algorithm };
        if (options.Type is not null)
        {
            header["typ"] = options.Type;
        }
        if (key.KeyId is not null)
        {
            header["kid"] = key.KeyId;
        }
        if (options.IncludeJwk)
        {
            var jwk = key.PublicJwk();
            jwk.Remove("kid");
            header["jwk"] = jwk;
        }
        return CompactJws.Create(header, JsonSerializer.SerializeToUtf8Bytes(payload), key);
    }

    /// <summary>Verifies a VC-JWT; expected failures come back as a result, never as exceptions.</summary>
    public static async ValueTask<VcJwtVerificationResult> VerifyAsync(
        string token, VcJwtVerificationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(options);

        var parsed = CompactJws.TryParse(token.Trim(), options.MaxTokenLength, out var parseFailure);
        if (parsed is null)
        {
            return VcJwtVerificationResult.Fail(parseFailure, parseFailure == JoseFailure.TooLarge ? "token too long" : "not a compact JWS");
        }
        var header = parsed.Header;

        // Header (OB 3.0 §8.2.1; RFC 8725 §3.1, §3.2).
        if (!header.TryGetPropertyValue("alg", out var algNode) || algNode is not JsonValue algValue || !algValue.TryGetValue<string>(out var alg))
        {
            return VcJwtVerificationResult.Fail(JoseFailure.Malformed, "missing alg", header);
        }
        if (!JoseAlgorithms.IsImplemented(alg))
        {
            return VcJwtVerificationResult.Fail(JoseFailure.UnsupportedAlgorithm, $"unsupported alg '{Shorten(alg)}'", header);
        }
        if (!options.AllowedAlgorithms.Contains(alg))
        {
            return VcJwtVerificationResult.Fail(JoseFailure.AlgorithmNotAllowed, $"alg '{alg}' not allowed", header);
        }
        foreach (var member in header)
        {
            if (!AllowedHeaders.Contains(member.Key))
            {
                return VcJwtVerificationResult.Fail(JoseFailure.UnsupportedHeader, $"header '{Shorten(member.Key)}' not allowed", header);
            }
        }
        if (header.ContainsKey("typ"))
        {
            var typ = StringMember(header, "typ");
            if (typ is null || !string.Equals(typ, "JWT", StringComparison.OrdinalIgnoreCase))
            {
                return VcJwtVerificationResult.Fail(JoseFailure.InvalidType, "typ must be JWT", header);
            }
        }
        string? kid = null;
        if (header.ContainsKey("kid"))
        {
            kid = StringMember(header, "kid");
            if (string.IsNullOrEmpty(kid))
            {
                return VcJwtVerificationResult.Fail(JoseFailure.Malformed, "kid must be a non-empty string", header);
            }
        }
        JsonObject? embeddedJwk = null;
        if (header.TryGetPropertyValue("jwk", out var jwkNode))
        {
            embeddedJwk = jwkNode as JsonObject;
            if (embeddedJwk is null)
            {
                return VcJwtVerificationResult.Fail(JoseFailure.Malformed, "jwk must be an object", header);
            }
        }
        if (kid is null && embeddedJwk is null)
        {
            return VcJwtVerificationResult.Fail(JoseFailure.KeyNotFound, "neither kid nor jwk in the header", header);
        }

        // The embedded key is always parsed: a jwk with private members is refused even if it would not be used.
        JoseVerificationKey? inlineKey = null;
        if (embeddedJwk is not null)
        {
            inlineKey = JoseVerificationKey.FromJwk(embeddedJwk, out var jwkFailure);
            if (inlineKey is null)
            {
                return VcJwtVerificationResult.Fail(jwkFailure, jwkFailure == JoseFailure.PrivateKeyInHeader
                    ? "jwk header contains private key members" : "jwk header is not a usable public key", header);
            }
        }

        try
        {
            JoseVerificationKey? key = null;
            if (options.KeyResolver is not null)
            {
                key = await options.KeyResolver(new JwtKeyRequest(alg, kid, embeddedJwk), cancellationToken).ConfigureAwait(false);
            }
            if (key is null && inlineKey is not null)
            {
                if (!options.AllowEmbeddedJwk)
                {
                    return VcJwtVerificationResult.Fail(JoseFailure.EmbeddedKeyNotAllowed, "embedded jwk keys are not trusted", header);
                }
                key = inlineKey;
            }
            if (key is null)
            {
                return VcJwtVerificationResult.Fail(JoseFailure.KeyNotFound, "no key for this token", header);
            }
            if (!key.IsCompatibleWith(alg))
            {
                return VcJwtVerificationResult.Fail(JoseFailure.KeyAlgorithmMismatch, $"a {key.KeyType} key cannot verify {alg}", header);
            }
            if (!key.Verify(alg, parsed.SigningInput, parsed.Signature))
            {
                return VcJwtVerificationResult.Fail(JoseFailure.InvalidSignature, "signature does not verify", header);
            }
        }
        finally
        {
            inlineKey?.Dispose();
        }

        var payload = CompactJws.TryParseObject(parsed.Payload);
        if (payload is null)
        {
            return VcJwtVerificationResult.Fail(JoseFailure.InvalidPayload, "payload is not a JSON object", header);
        }
        return CheckClaims(header, payload, options);
    }

    private static VcJwtVerificationResult CheckClaims(JsonObject header, JsonObject payload, VcJwtVerificationOptions options)
    {
        JsonObject credential;
        var usedVc = false;
        if (payload.TryGetPropertyValue("vc", out var vcNode))
        {
            if (vcNode is not JsonObject vc)
            {
                return VcJwtVerificationResult.Fail(JoseFailure.InvalidPayload, "vc claim is not an object", header, payload);
            }
            credential = (JsonObject)vc.DeepClone();
            usedVc = true;
            FillFromClaims(credential, payload);
        }
        else
        {
            credential = (JsonObject)payload.DeepClone();
            foreach (var claim in RegisteredClaims)
            {
                credential.Remove(claim);
            }
        }

        var issuerId = IssuerId(credential);
        if (issuerId is null)
        {
            return VcJwtVerificationResult.Fail(JoseFailure.InvalidPayload, "credential has no issuer id", header, payload);
        }
        if (!payload.ContainsKey("iss"))
        {
            return VcJwtVerificationResult.Fail(JoseFailure.MissingClaim, "iss claim missing", header, payload);
        }
        if (!string.Equals(StringMember(payload, "iss"), issuerId, StringComparison.Ordinal))
        {
            return VcJwtVerificationResult.Fail(JoseFailure.ClaimMismatch, "iss does not match issuer.id", header, payload);
        }

        var credentialId = StringMember(credential, "id");
        if (payload.ContainsKey("jti") || credentialId is not null)
        {
            if (!payload.ContainsKey("jti"))
            {
                return VcJwtVerificationResult.Fail(JoseFailure.MissingClaim, "jti claim missing", header, payload);
            }
            if (!string.Equals(StringMember(payload, "jti"), credentialId, StringComparison.Ordinal))
            {
                return VcJwtVerificationResult.Fail(JoseFailure.ClaimMismatch, "jti does not match the credential id", header, payload);
            }
        }

        if (payload.ContainsKey("sub"))
        {
            var sub = StringMember(payload, "sub");
            if (sub is null || !SubjectIds(credential).Contains(sub, StringComparer.Ordinal))
            {
                return VcJwtVerificationResult.Fail(JoseFailure.ClaimMismatch, "sub does not match credentialSubject.id", header, payload);
            }
        }

        var validFrom = ReadDate(credential, "validFrom") ?? ReadDate(credential, "issuanceDate");
        var validUntil = ReadDate(credential, "validUntil") ?? ReadDate(credential, "expirationDate");
        if (!TryNumericDate(payload, "nbf", out var nbf, out var nbfPresent))
        {
            return VcJwtVerificationResult.Fail(JoseFailure.Malformed, "nbf is not a NumericDate", header, payload);
        }
        if (!nbfPresent)
        {
            return VcJwtVerificationResult.Fail(JoseFailure.MissingClaim, "nbf claim missing", header, payload);
        }
        if (validFrom is null || validFrom.Value.ToUnixTimeSeconds() != nbf)
        {
            return VcJwtVerificationResult.Fail(JoseFailure.ClaimMismatch, "nbf does not match validFrom", header, payload);
        }
        if (!TryNumericDate(payload, "exp", out var exp, out var expPresent))
        {
            return VcJwtVerificationResult.Fail(JoseFailure.Malformed, "exp is not a NumericDate", header, payload);
        }
        if (expPresent != validUntil.HasValue || (expPresent && validUntil!.Value.ToUnixTimeSeconds() != exp))
        {
            return expPresent || !validUntil.HasValue
                ? VcJwtVerificationResult.Fail(JoseFailure.ClaimMismatch, "exp does not match validUntil", header, payload)
                : VcJwtVerificationResult.Fail(JoseFailure.MissingClaim, "exp claim missing while validUntil is set", header, payload);
        }

        var now = options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        var skew = (long)options.ClockSkew.TotalSeconds;
        if (nbf > now + skew)
        {
            return VcJwtVerificationResult.Fail(JoseFailure.NotYetValid, "token not yet valid (nbf)", header, payload);
        }
        if (expPresent && now - skew >= exp)
        {
            return VcJwtVerificationResult.Fail(JoseFailure.Expired, "token expired (exp)", header, payload);
        }
        return VcJwtVerificationResult.Success(header, payload, credential, usedVc);
    }

    /// <summary>
    /// VC-JWT 1.1 (VC Data Model 1.1 §6.3.1, decoding): a "vc" credential may leave out what the registered claims carry;
    /// iss fills a missing issuer, jti a missing id, sub a missing credentialSubject.id and nbf a missing issuanceDate.
    /// </summary>
    private static void FillFromClaims(JsonObject credential, JsonObject payload)
    {
        if (!credential.ContainsKey("issuer") && StringMember(payload, "iss") is { } iss)
        {
            credential["issuer"] = iss;
        }
        if (!credential.ContainsKey("id") && StringMember(payload, "jti") is { } jti)
        {
            credential["id"] = jti;
        }
        if (StringMember(payload, "sub") is { } sub && credential["credentialSubject"] is JsonObject subject && !subject.ContainsKey("id"))
        {
            subject["id"] = sub;
        }
        if (!credential.ContainsKey("issuanceDate") && !credential.ContainsKey("validFrom") &&
            TryNumericDate(payload, "nbf", out var nbf, out var present) && present)
        {
            credential["issuanceDate"] = DateTimeOffset.FromUnixTimeSeconds(nbf).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }
    }

    internal static string? IssuerId(JsonObject credential) =>
        credential.TryGetPropertyValue("issuer", out var issuer) ? issuer switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonObject o => StringMember(o, "id"),
            _ => null,
        } : null;

    internal static IEnumerable<string> SubjectIds(JsonObject credential)
    {
        if (!credential.TryGetPropertyValue("credentialSubject", out var subject))
        {
            yield break;
        }
        var subjects = subject is JsonArray array ? array.OfType<JsonObject>() : subject is JsonObject single ? [single] : [];
        foreach (var s in subjects)
        {
            if (StringMember(s, "id") is { } id)
            {
                yield return id;
            }
        }
    }

    internal static string? StringMember(JsonObject o, string name) =>
        o.TryGetPropertyValue(name, out var node) && node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>XML Schema dateTimeStamp as used by VCDM: must carry Z or an offset.</summary>
    internal static DateTimeOffset? ReadDate(JsonObject o, string name)
    {
        var s = StringMember(o, name);
        if (s is null || s.Length < 20)
        {
            return null;
        }
        var hasZone = s.EndsWith('Z') || s.EndsWith('z') || s[^6] is '+' or '-';
        if (!hasZone)
        {
            return null;
        }
        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;
    }

    private static bool TryNumericDate(JsonObject payload, string name, out long value, out bool present)
    {
        value = 0;
        present = payload.TryGetPropertyValue(name, out var node);
        if (!present)
        {
            return true;
        }
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }
        if (v.TryGetValue<long>(out value))
        {
            return true;
        }
        if (v.TryGetValue<double>(out var d) && double.IsFinite(d) && Math.Abs(d) < 1e15)
        {
            value = (long)Math.Floor(d);
            return true;
        }
        return false;
    }

    private static string Shorten(string s) => s.Length <= 32 ? s : s[..32] + "…";
}
