using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenBadgesIssuer.Standards.Jcs;
using OpenBadgesIssuer.Standards.Keys;
using OpenBadgesIssuer.Standards.Multiformats;

namespace OpenBadgesIssuer.Standards.DataIntegrity;

/// <summary>
/// Data Integrity proofs (W3C VC Data Integrity 1.0, VC DI EdDSA Cryptosuites v1.0): create and verify
/// <c>DataIntegrityProof</c> with <c>eddsa-rdfc-2022</c> or <c>eddsa-jcs-2022</c>, proof sets and proof chains;
/// verify legacy <c>Ed25519Signature2020</c>.
/// </summary>
public static partial class DataIntegrityProof
{
    private const string ProofMember = "proof";
    private const string ContextMember = "@context";
    private const string ProofValueMember = "proofValue";

    /// <summary>Signs a JSON document (UTF-8) and returns the secured document (UTF-8). Existing proofs are kept (proof set).</summary>
    /// <exception cref="DataIntegrityException">Invalid document or options, or the document cannot be canonicalized.</exception>
    public static byte[] Sign(ReadOnlySpan<byte> document, Ed25519KeyPair key, DataIntegritySigningOptions options)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(options);
        JsonElement root;
        try
        {
            root = JsonElement.Parse(document, JsonComposer.Strict);
        }
        catch (JsonException ex)
        {
            throw new DataIntegrityException("The document is not valid JSON.", ex);
        }
        return SignCore(root, key, options, out _);
    }

    /// <summary>Signs a JSON object and returns a new secured object.</summary>
    /// <exception cref="DataIntegrityException">Invalid document or options, or the document cannot be canonicalized.</exception>
    public static JsonObject Sign(JsonObject document, Ed25519KeyPair key, DataIntegritySigningOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        var signed = Sign(JsonSerializer.SerializeToUtf8Bytes(document, Jcs.JsonNodeContext.Default.JsonNode), key, options);
        return JsonNode.Parse(signed)!.AsObject();
    }

    /// <summary>
    /// Verifies every proof of a secured document, resolving did:key (and, if allowed, <c>controller#z6Mk…</c>) ids
    /// itself and other ids through <see cref="DataIntegrityVerificationOptions.Resolver"/>.
    /// </summary>
    public static async ValueTask<DataIntegrityVerificationResult> VerifyAsync(
        ReadOnlyMemory<byte> document,
        DataIntegrityVerificationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= DataIntegrityVerificationOptions.Default;
        if (!TryParseDocument(document.Span, out var root, out var proofs, out var failure))
        {
            return failure!;
        }
        var keys = new Dictionary<string, VerificationKey?>(StringComparer.Ordinal);
        foreach (var proof in proofs)
        {
            if (proof.ValueKind == JsonValueKind.Object &&
                proof.TryGetProperty("verificationMethod", out var vm) && vm.ValueKind == JsonValueKind.String)
            {
                var id = vm.GetString()!;
                if (!keys.ContainsKey(id))
                {
                    var key = ResolveBuiltIn(id, options);
                    if (key is null && options.Resolver is not null)
                    {
                        key = await options.Resolver.ResolveAsync(id, cancellationToken).ConfigureAwait(false);
                    }
                    keys[id] = key;
                }
            }
        }
        return VerifyCore(root, proofs, id => keys.GetValueOrDefault(id), options);
    }

    /// <summary>
    /// Verifies every proof of a secured document using only built-in resolution (did:key and, if allowed, the
    /// <c>controller#z6Mk…</c> form); <see cref="DataIntegrityVerificationOptions.Resolver"/> is not consulted.
    /// </summary>
    public static DataIntegrityVerificationResult Verify(ReadOnlySpan<byte> document, DataIntegrityVerificationOptions? options = null)
    {
        options ??= DataIntegrityVerificationOptions.Default;
        if (!TryParseDocument(document, out var root, out var proofs, out var failure))
        {
            return failure!;
        }
        return VerifyCore(root, proofs, id => ResolveBuiltIn(id, options), options);
    }

    private static VerificationKey? ResolveBuiltIn(string id, DataIntegrityVerificationOptions options) =>
        BuiltInResolution.TryDidKey(id) ?? (options.AllowMultikeyFragment ? BuiltInResolution.TryMultikeyFragment(id) : null);

    private static bool TryParseDocument(ReadOnlySpan<byte> document, out JsonElement root, out List<JsonElement> proofs, out DataIntegrityVerificationResult? failure)
    {
        proofs = [];
        failure = null;
        try
        {
            root = JsonElement.Parse(document, JsonComposer.Strict);
        }
        catch (JsonException ex)
        {
            root = default;
            failure = new DataIntegrityVerificationResult(DataIntegrityFailure.MalformedDocument, "Not valid JSON: " + ex.Message, []);
            return false;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            failure = new DataIntegrityVerificationResult(DataIntegrityFailure.MalformedDocument, "The document is not a JSON object.", []);
            return false;
        }
        if (!root.TryGetProperty(ProofMember, out var proof))
        {
            failure = new DataIntegrityVerificationResult(DataIntegrityFailure.NoProof, "The document has no proof.", []);
            return false;
        }
        if (proof.ValueKind == JsonValueKind.Array)
        {
            proofs.AddRange(proof.EnumerateArray());
        }
        else
        {
            proofs.Add(proof);
        }
        if (proofs.Count == 0)
        {
            failure = new DataIntegrityVerificationResult(DataIntegrityFailure.NoProof, "The proof array is empty.", []);
            return false;
        }
        return true;
    }

    private static DataIntegrityVerificationResult VerifyCore(
        JsonElement root, List<JsonElement> proofs, Func<string, VerificationKey?> resolve, DataIntegrityVerificationOptions options)
    {
        var unsecured = JsonComposer.Compose(root, [ProofMember], null);
        var results = new List<ProofVerificationResult>(proofs.Count);
        for (var i = 0; i < proofs.Count; i++)
        {
            results.Add(VerifyOne(i, proofs[i], proofs, unsecured, resolve, options));
        }
        var firstFailure = results.FirstOrDefault(r => !r.IsValid);
        return firstFailure is null
            ? new DataIntegrityVerificationResult(DataIntegrityFailure.None, null, results)
            : new DataIntegrityVerificationResult(firstFailure.Failure, firstFailure.Message, results);
    }

    private static ProofVerificationResult VerifyOne(
        int index, JsonElement proof, List<JsonElement> allProofs, JsonElement unsecured,
        Func<string, VerificationKey?> resolve, DataIntegrityVerificationOptions options)
    {
        string? type = null, cryptosuite = null, verificationMethod = null, controller = null;
        ProofVerificationResult Fail(DataIntegrityFailure failure, string message) =>
            new(index, type, cryptosuite, verificationMethod, controller, failure, message);

        if (proof.ValueKind != JsonValueKind.Object)
        {
            return Fail(DataIntegrityFailure.MalformedProof, "The proof is not a JSON object.");
        }
        type = GetString(proof, "type");
        cryptosuite = GetString(proof, "cryptosuite");
        verificationMethod = GetString(proof, "verificationMethod");
        var purpose = GetString(proof, "proofPurpose");
        var proofValue = GetString(proof, ProofValueMember);
        if (type is null || verificationMethod is null || purpose is null)
        {
            return Fail(DataIntegrityFailure.MalformedProof, "The proof needs string type, verificationMethod and proofPurpose.");
        }

        Canonicalization method;
        if (string.Equals(type, DataIntegrityNames.DataIntegrityProof, StringComparison.Ordinal))
        {
            switch (cryptosuite)
            {
                case DataIntegrityNames.EddsaRdfc2022 or DataIntegrityNames.Eddsa2022:
                    method = Canonicalization.Rdfc;
                    break;
                case DataIntegrityNames.EddsaJcs2022:
                    method = Canonicalization.Jcs;
                    break;
                default:
                    return Fail(DataIntegrityFailure.UnsupportedCryptosuite, "Unsupported cryptosuite.");
            }
        }
        else if (string.Equals(type, DataIntegrityNames.Ed25519Signature2020, StringComparison.Ordinal) && options.AllowEd25519Signature2020)
        {
            method = Canonicalization.Rdfc;
        }
        else
        {
            return Fail(DataIntegrityFailure.UnsupportedProofType, "Unsupported proof type.");
        }

        if (!string.Equals(purpose, options.ExpectedProofPurpose, StringComparison.Ordinal))
        {
            return Fail(DataIntegrityFailure.ProofPurposeMismatch, "The proof purpose is not " + options.ExpectedProofPurpose + ".");
        }
        if (proof.TryGetProperty("created", out var created) && !IsDateTimeStamp(created))
        {
            return Fail(DataIntegrityFailure.InvalidDateTime, "created is not an XML Schema dateTimeStamp.");
        }
        if (proof.TryGetProperty("expires", out var expires))
        {
            if (!IsDateTimeStamp(expires))
            {
                return Fail(DataIntegrityFailure.InvalidDateTime, "expires is not an XML Schema dateTimeStamp.");
            }
            if (options.Now is { } now && DateTimeOffset.Parse(expires.GetString()!, CultureInfo.InvariantCulture) < now)
            {
                return Fail(DataIntegrityFailure.Expired, "The proof has expired.");
            }
        }
        if (options.ExpectedDomain is not null && !MatchesStringOrArray(proof, "domain", options.ExpectedDomain))
        {
            return Fail(DataIntegrityFailure.DomainMismatch, "The proof domain does not match.");
        }
        if (options.ExpectedChallenge is not null && !string.Equals(GetString(proof, "challenge"), options.ExpectedChallenge, StringComparison.Ordinal))
        {
            return Fail(DataIntegrityFailure.ChallengeMismatch, "The proof challenge does not match.");
        }
        if (proofValue is null || !proofValue.StartsWith('z'))
        {
            return Fail(DataIntegrityFailure.MalformedProofValue, "proofValue must be a base58btc multibase string.");
        }
        byte[] signature;
        try
        {
            signature = Multibase.Decode(proofValue);
        }
        catch (FormatException)
        {
            return Fail(DataIntegrityFailure.MalformedProofValue, "proofValue is not valid base58btc.");
        }
        if (signature.Length != 64)
        {
            return Fail(DataIntegrityFailure.MalformedProofValue, "proofValue does not hold a 64-byte signature.");
        }

        var key = resolve(verificationMethod);
        if (key is null)
        {
            return Fail(DataIntegrityFailure.UnresolvedVerificationMethod, "The verification method could not be resolved.");
        }
        controller = key.Controller;
        if (key.KeyType != MultikeyType.Ed25519Public)
        {
            return Fail(DataIntegrityFailure.UnsupportedKeyType, "The verification method is not an Ed25519 key.");
        }
        if (key.ProofPurposes is not null && !key.ProofPurposes.Contains(purpose, StringComparer.Ordinal))
        {
            return Fail(DataIntegrityFailure.KeyNotAuthorized, "The key is not authorized for " + purpose + ".");
        }

        // Proof chain: the proofs named by previousProof are part of what this proof signed (VC DI 1.0 §4.3).
        var document = unsecured;
        if (proof.TryGetProperty("previousProof", out var previous))
        {
            if (!TryGetStringList(previous, out var previousIds))
            {
                return Fail(DataIntegrityFailure.MalformedProof, "previousProof must be a string or an array of strings.");
            }
            var matching = new List<JsonElement>();
            foreach (var id in previousIds)
            {
                var found = allProofs.FirstOrDefault(p =>
                    p.ValueKind == JsonValueKind.Object && string.Equals(GetString(p, "id"), id, StringComparison.Ordinal));
                if (found.ValueKind != JsonValueKind.Object)
                {
                    return Fail(DataIntegrityFailure.PreviousProofNotFound, "previousProof names a proof the document does not contain.");
                }
                matching.Add(found);
            }
            document = JsonComposer.Compose(unsecured, [], w => WriteProofArray(w, matching));
        }

        var proofOptions = JsonComposer.Compose(proof, [ProofValueMember], null);
        if (proofOptions.TryGetProperty(ContextMember, out var proofContext))
        {
            if (!document.TryGetProperty(ContextMember, out var documentContext) || !IsContextPrefix(proofContext, documentContext))
            {
                return Fail(DataIntegrityFailure.ContextMismatch, "The proof's @context is not a prefix of the document's @context.");
            }
            document = JsonComposer.Compose(document, [ContextMember], w =>
            {
                w.WritePropertyName(ContextMember);
                proofContext.WriteTo(w);
            });
        }
        var proofConfig = ProofConfig(proofOptions, document);

        ProofHashes hashes;
        try
        {
            hashes = ProofHashing.Compute(method, proofConfig, document, options.Canonicalization, options.DocumentLoader);
        }
        catch (ProofCanonicalizationException ex)
        {
            return Fail(ex.LimitExceeded ? DataIntegrityFailure.CanonicalizationLimitExceeded : DataIntegrityFailure.CanonicalizationFailed, ex.Message);
        }
        if (!Ed25519KeyPair.Verify(key.PublicKey.Span, hashes.Combined, signature))
        {
            return Fail(DataIntegrityFailure.InvalidSignature, "The signature does not verify.");
        }
        return new ProofVerificationResult(index, type, cryptosuite, verificationMethod, controller, DataIntegrityFailure.None, null);
    }

    /// <summary>The proof configuration: proof options with <c>@context</c> set to the document's (when it has one).</summary>
    internal static JsonElement ProofConfig(JsonElement proofOptions, JsonElement document)
    {
        if (!document.TryGetProperty(ContextMember, out var context))
        {
            return proofOptions;
        }
        return JsonComposer.Compose(proofOptions, [ContextMember], w =>
        {
            w.WritePropertyName(ContextMember);
            context.WriteTo(w);
        });
    }

    private static byte[] SignCore(JsonElement root, Ed25519KeyPair key, DataIntegritySigningOptions options, out ProofHashes hashes)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DataIntegrityException("The document is not a JSON object.");
        }
        var method = options.Cryptosuite switch
        {
            DataIntegrityNames.EddsaRdfc2022 => Canonicalization.Rdfc,
            DataIntegrityNames.EddsaJcs2022 => Canonicalization.Jcs,
            _ => throw new DataIntegrityException("Unsupported cryptosuite for signing."),
        };
        ValidateSigningOptions(key, options);

        var existing = new List<JsonElement>();
        var hasProof = root.TryGetProperty(ProofMember, out var proofMember);
        if (hasProof)
        {
            if (proofMember.ValueKind == JsonValueKind.Array)
            {
                existing.AddRange(proofMember.EnumerateArray());
            }
            else
            {
                existing.Add(proofMember);
            }
        }
        // Without a proof member the document already is the unsecured document: no need to write and re-parse a copy.
        var unsecured = hasProof ? JsonComposer.Compose(root, [ProofMember], null) : root;
        var document = unsecured;
        if (options.PreviousProof is { Count: > 0 } previousIds)
        {
            var matching = new List<JsonElement>();
            foreach (var id in previousIds)
            {
                var found = existing.FirstOrDefault(p =>
                    p.ValueKind == JsonValueKind.Object && string.Equals(GetString(p, "id"), id, StringComparison.Ordinal));
                if (found.ValueKind != JsonValueKind.Object)
                {
                    throw new DataIntegrityException("previousProof names a proof the document does not contain.");
                }
                matching.Add(found);
            }
            document = JsonComposer.Compose(unsecured, [], w => WriteProofArray(w, matching));
        }

        var proofOptions = JsonElement.Parse(WriteProofOptions(options));
        var proofConfig = ProofConfig(proofOptions, document);
        try
        {
            hashes = ProofHashing.Compute(method, proofConfig, document, options.Canonicalization, options.DocumentLoader);
        }
        catch (ProofCanonicalizationException ex)
        {
            throw new DataIntegrityException("The document cannot be canonicalized: " + ex.Message, ex);
        }
        var proofValue = Multibase.Encode(key.Sign(hashes.Combined));

        // eddsa-jcs-2022 keeps the document's @context in the proof (it is part of what was signed); rdfc proofs do not.
        var proof = method == Canonicalization.Jcs ? proofConfig : proofOptions;
        var finalProof = JsonComposer.Compose(proof, [], w => w.WriteString(ProofValueMember, proofValue));
        return JsonComposer.Write(root, [ProofMember], w =>
        {
            w.WritePropertyName(ProofMember);
            if (existing.Count == 0 && !options.ProofAsArray)
            {
                finalProof.WriteTo(w);
            }
            else
            {
                w.WriteStartArray();
                foreach (var p in existing)
                {
                    p.WriteTo(w);
                }
                finalProof.WriteTo(w);
                w.WriteEndArray();
            }
        }, options.Indented);
    }

    /// <summary>For the conformance runner: the intermediate values of signing.</summary>
    internal static (byte[] Signed, ProofHashes Hashes) SignWithIntermediates(ReadOnlySpan<byte> document, Ed25519KeyPair key, DataIntegritySigningOptions options)
    {
        var signed = SignCore(JsonElement.Parse(document, JsonComposer.Strict), key, options, out var hashes);
        return (signed, hashes);
    }

    private static void ValidateSigningOptions(Ed25519KeyPair key, DataIntegritySigningOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.VerificationMethod) || !options.VerificationMethod.Contains(':', StringComparison.Ordinal))
        {
            throw new DataIntegrityException("verificationMethod must be an absolute URL or DID URL.");
        }
        if (string.IsNullOrWhiteSpace(options.ProofPurpose))
        {
            throw new DataIntegrityException("proofPurpose is required.");
        }
        if (options.VerificationMethod.StartsWith("did:key:", StringComparison.Ordinal))
        {
            if (!DidKey.TryResolve(options.VerificationMethod, out var resolution, out _) || !key.Matches(resolution) ||
                !options.VerificationMethod.Contains('#', StringComparison.Ordinal))
            {
                throw new DataIntegrityException("The did:key verification method does not belong to the signing key.");
            }
        }
        else if (BuiltInResolution.TryMultikeyFragment(options.VerificationMethod) is { } fragmentKey &&
                 !fragmentKey.PublicKey.Span.SequenceEqual(key.PublicKey.Span))
        {
            throw new DataIntegrityException("The verification method's key fragment does not belong to the signing key.");
        }
        if (options.Expires is { } expires && options.Created is { } created && expires < created)
        {
            throw new DataIntegrityException("expires is before created.");
        }
    }

    private static byte[] WriteProofOptions(DataIntegritySigningOptions options)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", DataIntegrityNames.DataIntegrityProof);
            if (options.Id is not null)
            {
                w.WriteString("id", options.Id);
            }
            w.WriteString("cryptosuite", options.Cryptosuite);
            if (options.Created is { } created)
            {
                w.WriteString("created", FormatDateTime(created));
            }
            if (options.Expires is { } expires)
            {
                w.WriteString("expires", FormatDateTime(expires));
            }
            w.WriteString("verificationMethod", options.VerificationMethod);
            w.WriteString("proofPurpose", options.ProofPurpose);
            if (options.Domain is not null)
            {
                w.WriteString("domain", options.Domain);
            }
            if (options.Challenge is not null)
            {
                w.WriteString("challenge", options.Challenge);
            }
            if (options.Nonce is not null)
            {
                w.WriteString("nonce", options.Nonce);
            }
            if (options.PreviousProof is { Count: > 0 } previous)
            {
                if (previous.Count == 1)
                {
                    w.WriteString("previousProof", previous[0]);
                }
                else
                {
                    w.WriteStartArray("previousProof");
                    foreach (var id in previous)
                    {
                        w.WriteStringValue(id);
                    }
                    w.WriteEndArray();
                }
            }
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>XML Schema dateTimeStamp in UTC, second precision (e.g. <c>2024-05-01T12:00:00Z</c>).</summary>
    internal static string FormatDateTime(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteProofArray(Utf8JsonWriter writer, List<JsonElement> proofs)
    {
        writer.WriteStartArray(ProofMember);
        foreach (var p in proofs)
        {
            p.WriteTo(writer);
        }
        writer.WriteEndArray();
    }

    private static string? GetString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryGetStringList(JsonElement value, out List<string> list)
    {
        list = [];
        if (value.ValueKind == JsonValueKind.String)
        {
            list.Add(value.GetString()!);
            return true;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }
            list.Add(item.GetString()!);
        }
        return true;
    }

    private static bool MatchesStringOrArray(JsonElement proof, string name, string expected) =>
        proof.TryGetProperty(name, out var value) && TryGetStringList(value, out var list) && list.Contains(expected, StringComparer.Ordinal);

    /// <summary>True when the document's @context starts with the proof's @context entries, in order (VC DI 1.0 §4.3).</summary>
    private static bool IsContextPrefix(JsonElement proofContext, JsonElement documentContext)
    {
        var proofEntries = proofContext.ValueKind == JsonValueKind.Array ? proofContext.EnumerateArray().ToList() : [proofContext];
        var documentEntries = documentContext.ValueKind == JsonValueKind.Array ? documentContext.EnumerateArray().ToList() : [documentContext];
        if (proofEntries.Count > documentEntries.Count)
        {
            return false;
        }
        for (var i = 0; i < proofEntries.Count; i++)
        {
            if (!JsonElement.DeepEquals(proofEntries[i], documentEntries[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsDateTimeStamp(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && DateTimeStamp().IsMatch(value.GetString()!) &&
        DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex(@"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DateTimeStamp();
}
