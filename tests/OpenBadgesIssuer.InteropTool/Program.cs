using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSec.Cryptography;
using OpenBadgesIssuer.Standards.Baking;
using OpenBadgesIssuer.Standards.DataIntegrity;
using OpenBadgesIssuer.Standards.Jose;

// Interop driver (see tests/interop/run.sh):
//   emit <dir> <template.json>   write VC-JWTs (ES256, RS256, EdDSA) signed by this library + manifest.json with public JWKs
//   verify <dir>                 verify what the Node side wrote into <dir>/manifest.json
//   bench <template.json> [N]    sign and verify the template N times with eddsa-rdfc-2022 and print credentials/s
//                                (the side-by-side figure for bench-digitalbazaar.mjs; see tests/interop/bench.sh)
// Every artifact prints one line "PASS|FAIL|SKIP <side> <name>: <detail>"; the exit code is 1 when anything failed.

if (args.Length < 2 || args[0] is not ("emit" or "verify" or "bench"))
{
    Console.Error.WriteLine("usage: emit <dir> <template.json> | verify <dir> | bench <template.json> [N]");
    return 2;
}
if (args[0] == "bench")
{
    return Bench(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20000);
}
return args[0] == "emit" ? Emit(args[1], args.Length > 2 ? args[2] : "credential-template.json") : await VerifyAsync(args[1]);

// Same shape as bench-digitalbazaar.mjs: the same template, a fixed id, one key, the first rounds untimed, then N rounds
// of sign followed by verify on one thread, timed separately.
static int Bench(string templatePath, int n)
{
    var credential = (JsonObject)JsonNode.Parse(File.ReadAllText(templatePath))!;
    credential["id"] = "urn:uuid:6a0f4c1e-2b7d-4e55-9a31-0c9e8d7f6b5a";
    var unsigned = JsonSerializer.SerializeToUtf8Bytes(credential);
    using var key = Ed25519KeyPair.Generate();
    var options = new DataIntegritySigningOptions
    {
        VerificationMethod = "https://interop.openbadgesissuer.test/issuers/district-7#" + key.PublicKeyMultibase,
        Created = DateTimeOffset.UtcNow,
    };
    for (var i = 0; i < 2000; i++)
    {
        if (!DataIntegrityProof.Verify(DataIntegrityProof.Sign(unsigned, key, options)).IsValid)
        {
            Console.Error.WriteLine("bench: verification failed");
            return 1;
        }
    }
    long signTicks = 0, verifyTicks = 0;
    for (var i = 0; i < n; i++)
    {
        var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        var signed = DataIntegrityProof.Sign(unsigned, key, options);
        var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
        var ok = DataIntegrityProof.Verify(signed).IsValid;
        var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
        if (!ok)
        {
            Console.Error.WriteLine("bench: verification failed");
            return 1;
        }
        signTicks += t1 - t0;
        verifyTicks += t2 - t1;
    }
    string Rate(long ticks) => (n / ((double)ticks / System.Diagnostics.Stopwatch.Frequency)).ToString("F1", CultureInfo.InvariantCulture);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"openbadgesissuer eddsa-rdfc-2022 (.NET {Environment.Version}, N={n}, {unsigned.Length}-byte credential): sign {Rate(signTicks)} cred/s, verify {Rate(verifyTicks)} cred/s, sign+verify {Rate(signTicks + verifyTicks)} cred/s"));
    return 0;
}

static int Emit(string dir, string templatePath)
{
    Directory.CreateDirectory(dir);
    var template = (JsonObject)JsonNode.Parse(File.ReadAllText(templatePath))!;
    var manifest = new JsonArray();
    var keys = new (string Alg, JoseSigningKey Key)[]
    {
        (JoseAlgorithms.ES256, JoseSigningKey.Es256(ECDsa.Create(ECCurve.NamedCurves.nistP256), KeyId("ES256"))),
        (JoseAlgorithms.RS256, JoseSigningKey.Rs256(RSA.Create(2048), KeyId("RS256"))),
        (JoseAlgorithms.EdDSA, JoseSigningKey.EdDsa(Key.Create(SignatureAlgorithm.Ed25519), KeyId("EdDSA"))),
    };
    foreach (var (alg, key) in keys)
    {
        var credential = (JsonObject)template.DeepClone();
        credential["id"] = "urn:uuid:" + Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);
        var jwt = VcJwt.Sign(credential, key);
        var name = "ours-vcjwt-" + alg;
        File.WriteAllText(Path.Combine(dir, name + ".jwt"), jwt);
        manifest.Add(Entry(name, "vc-jwt", alg, name + ".jwt", key.PublicJwk(), "valid"));

        // The same token with one payload character changed must be rejected by the other side.
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Convert.FromBase64String(ToBase64(parts[1])))!.AsObject();
        payload["name"] = (string?)payload["name"] + " (altered)";
        var tampered = parts[0] + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload)) + "." + parts[2];
        File.WriteAllText(Path.Combine(dir, name + "-tampered.jwt"), tampered);
        manifest.Add(Entry(name + "-tampered", "vc-jwt", alg, name + "-tampered.jwt", key.PublicJwk(), "invalid"));
    }

    // A baked PNG carrying the ES256 token (the Node side extracts the iTXt chunk itself).
    var es = (JsonObject)manifest[0]!;
    var png = PngBadge.Bake(MinimalPng(), BadgeVersion.V3, File.ReadAllText(Path.Combine(dir, (string)es["file"]!)));
    File.WriteAllBytes(Path.Combine(dir, "ours-baked-ES256.png"), png);
    manifest.Add(Entry("ours-baked-ES256", "png-vc-jwt", "ES256", "ours-baked-ES256.png", es["jwk"]!.DeepClone().AsObject(), "valid"));

    // OB 2.0 signed assertion (RS256 compact JWS over the exact assertion bytes) with its CryptographicKey PEM.
    using (var rsa = RSA.Create(2048))
    {
        var pem = rsa.ExportSubjectPublicKeyInfoPem();
        var jws = Ob2SignedAssertion.Sign(Ob2Assertion("urn:uuid:" + Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture)), rsa);
        File.WriteAllText(Path.Combine(dir, "ours-ob2-RS256.jws"), jws);
        manifest.Add(Ob2Entry("ours-ob2-RS256", "ours-ob2-RS256.jws", pem, "valid"));
        var parts = jws.Split('.');
        var other = Base64Url(Ob2Assertion("urn:uuid:" + Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture)));
        File.WriteAllText(Path.Combine(dir, "ours-ob2-RS256-tampered.jws"), parts[0] + "." + other + "." + parts[2]);
        manifest.Add(Ob2Entry("ours-ob2-RS256-tampered", "ours-ob2-RS256-tampered.jws", pem, "invalid"));
    }

    // Data Integrity (eddsa-rdfc-2022, eddsa-jcs-2022), verificationMethod = <issuer id>#<publicKeyMultibase> (OB convention).
    foreach (var suite in new[] { DataIntegrityNames.EddsaRdfc2022, DataIntegrityNames.EddsaJcs2022 })
    {
        var name = "ours-di-" + suite;
        if (!CryptosuiteAvailable(suite, out var reason))
        {
            Console.WriteLine($"SKIP dotnet-emit {name}: {reason}");
            continue;
        }
        using var keyPair = Ed25519KeyPair.Generate();
        var controller = (string)template["issuer"]!["id"]!;
        var vm = controller + "#" + keyPair.PublicKeyMultibase;
        var credential = (JsonObject)template.DeepClone();
        credential["id"] = "urn:uuid:" + Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);
        var signed = DataIntegrityProof.Sign(credential, keyPair, new DataIntegritySigningOptions
        {
            Cryptosuite = suite,
            VerificationMethod = vm,
            Created = DateTimeOffset.UtcNow,
        });
        var key = new JsonObject { ["id"] = vm, ["controller"] = controller, ["publicKeyMultibase"] = keyPair.PublicKeyMultibase };
        File.WriteAllText(Path.Combine(dir, name + ".json"), signed.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        manifest.Add(DiEntry(name, suite, name + ".json", key, "valid"));
        var tampered = (JsonObject)signed.DeepClone();
        tampered["credentialSubject"]!["achievement"]!["name"] = (string?)tampered["credentialSubject"]!["achievement"]!["name"] + " (altered)";
        File.WriteAllText(Path.Combine(dir, name + "-tampered.json"), tampered.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        manifest.Add(DiEntry(name + "-tampered", suite, name + "-tampered.json", (JsonObject)key.DeepClone(), "invalid"));
    }

    File.WriteAllText(Path.Combine(dir, "manifest.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"emitted {manifest.Count} artifacts into {dir}"));
    return 0;
}

static async Task<int> VerifyAsync(string dir)
{
    var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!.AsArray();
    int passed = 0, failed = 0, skipped = 0;
    foreach (var entry in manifest.OfType<JsonObject>())
    {
        var name = (string)entry["name"]!;
        var kind = (string)entry["kind"]!;
        var expectValid = (string?)entry["expect"] != "invalid";
        bool ok;
        string detail;
        switch (kind)
        {
            case "vc-jwt":
            case "png-vc-jwt":
                (ok, detail) = await VerifyVcJwtAsync(dir, entry, kind, expectValid);
                break;
            case "ob2-jws":
                var ob2 = Ob2SignedAssertion.Verify(File.ReadAllText(Path.Combine(dir, (string)entry["file"]!)), (string)entry["publicKeyPem"]!);
                ok = ob2.IsValid == expectValid && (expectValid || ob2.Failure == JoseFailure.InvalidSignature);
                detail = ob2.IsValid ? $"verified Assertion {(string?)ob2.Assertion!["id"]}" : $"rejected ({ob2.Failure}: {ob2.Message})";
                break;
            case "di":
                var suite = (string)entry["cryptosuite"]!;
                if (!CryptosuiteAvailable(suite, out var reason))
                {
                    Console.WriteLine($"SKIP dotnet-verify {name}: {reason}");
                    skipped++;
                    continue;
                }
                (ok, detail) = await VerifyDiAsync(dir, entry, expectValid);
                break;
            default:
                Console.WriteLine($"SKIP dotnet-verify {name}: kind '{kind}' is not implemented in this build");
                skipped++;
                continue;
        }
        Console.WriteLine($"{(ok ? "PASS" : "FAIL")} dotnet-verify {name} [{entry["alg"] ?? entry["cryptosuite"]}]: {detail}, expected {(expectValid ? "valid" : "invalid")}");
        if (ok)
        {
            passed++;
        }
        else
        {
            failed++;
        }
    }
    Console.WriteLine($"dotnet-verify: {passed} passed, {failed} failed, {skipped} skipped");
    return failed == 0 ? 0 : 1;
}

static async Task<(bool Ok, string Detail)> VerifyVcJwtAsync(string dir, JsonObject entry, string kind, bool expectValid)
{
    var path = Path.Combine(dir, (string)entry["file"]!);
    string token;
    var prefix = "";
    if (kind == "png-vc-jwt")
    {
        try
        {
            token = PngBadge.Extract(File.ReadAllBytes(path), BadgeVersion.V3) ?? "";
            prefix = "iTXt openbadgecredential extracted; ";
        }
        catch (BadgeImageException e)
        {
            return (false, $"PNG rejected ({e.Error}: {e.Message})");
        }
    }
    else
    {
        token = File.ReadAllText(path).Trim();
    }
    using var key = JoseVerificationKey.FromJwk(entry["jwk"]!.AsObject(), out var keyFailure);
    if (key is null)
    {
        return (false, $"public JWK unusable ({keyFailure})");
    }
    var kid = (string?)entry["jwk"]!["kid"];
    var options = new VcJwtVerificationOptions
    {
        AllowedAlgorithms = JoseAlgorithms.All,
        KeyResolver = (request, _) => ValueTask.FromResult(string.Equals(request.KeyId, kid, StringComparison.Ordinal) ? key : null),
    };
    var result = await VcJwt.VerifyAsync(token, options);
    var ok = result.IsValid == expectValid && (expectValid || result.Failure == JoseFailure.InvalidSignature);
    return (ok, prefix + (result.IsValid ? "verified" : $"rejected ({result.Failure}: {result.Message})"));
}

static byte[] Ob2Assertion(string id) => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
{
    ["@context"] = "https://w3id.org/openbadges/v2",
    ["type"] = "Assertion",
    ["id"] = id,
    ["recipient"] = new JsonObject { ["type"] = "email", ["hashed"] = true, ["salt"] = "x9Qm", ["identity"] = "sha256$0f5c1b2a3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8" },
    ["badge"] = "https://interop.openbadgesissuer.test/badges/fa-math-secondary",
    ["issuedOn"] = "2025-09-01T08:00:00Z",
    ["verification"] = new JsonObject { ["type"] = "SignedBadge", ["creator"] = "https://interop.openbadgesissuer.test/keys/dotnet-ob2" },
});

static JsonObject Ob2Entry(string name, string file, string pem, string expect) => new()
{
    ["name"] = name,
    ["kind"] = "ob2-jws",
    ["alg"] = "RS256",
    ["file"] = file,
    ["publicKeyPem"] = pem,
    ["expect"] = expect,
};

static async Task<(bool Ok, string Detail)> VerifyDiAsync(string dir, JsonObject entry, bool expectValid)
{
    var bytes = File.ReadAllBytes(Path.Combine(dir, (string)entry["file"]!));
    // The Node side uses the OB form <controller>#<publicKeyMultibase>; the key comes from the id itself, then the
    // controller must be the credential's issuer and the key must be the one the manifest published.
    var result = await DataIntegrityProof.VerifyAsync(bytes, new DataIntegrityVerificationOptions { AllowMultikeyFragment = true });
    var credential = JsonNode.Parse(bytes)!.AsObject();
    var vm = (string?)entry["key"]!["id"];
    var proofVm = (string?)(credential["proof"] is JsonArray a ? a[0] : credential["proof"])?["verificationMethod"];
    var issuer = (string?)credential["issuer"]!["id"];
    var keyMatches = string.Equals(proofVm, vm, StringComparison.Ordinal) &&
                     string.Equals(vm, issuer + "#" + (string?)entry["key"]!["publicKeyMultibase"], StringComparison.Ordinal);
    var valid = result.IsValid && keyMatches;
    var ok = valid == expectValid && (expectValid || result.Failure == DataIntegrityFailure.InvalidSignature);
    var detail = valid ? $"verified {(string?)entry["cryptosuite"]}"
        : result.IsValid ? "signature valid but key/controller do not match the manifest"
        : $"rejected ({result.Failure}: {result.Message})";
    return (ok, detail);
}

static bool CryptosuiteAvailable(string suite, out string reason)
{
    // Probe once per call with a throw-away key: eddsa-rdfc-2022 needs the JSON-LD processor, which a build may lack.
    using var probeKey = Ed25519KeyPair.Generate();
    try
    {
        DataIntegrityProof.Sign(new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = "https://interop.openbadgesissuer.test/probe",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:probe" },
        }, probeKey, new DataIntegritySigningOptions { Cryptosuite = suite, VerificationMethod = probeKey.DidKeyVerificationMethod });
        reason = "";
        return true;
    }
    catch (DataIntegrityException e) when (HasNotSupported(e))
    {
        reason = $"{suite} is not available in this build ({e.Message})";
        return false;
    }
}

static bool HasNotSupported(Exception? e)
{
    for (; e is not null; e = e.InnerException)
    {
        if (e is NotSupportedException)
        {
            return true;
        }
    }
    return false;
}

static JsonObject DiEntry(string name, string suite, string file, JsonObject key, string expect) => new()
{
    ["name"] = name,
    ["kind"] = "di",
    ["cryptosuite"] = suite,
    ["file"] = file,
    ["key"] = key,
    ["expect"] = expect,
};

static string KeyId(string alg) => "https://interop.openbadgesissuer.test/keys/dotnet-" + alg;

static JsonObject Entry(string name, string kind, string alg, string file, JsonObject jwk, string expect) => new()
{
    ["name"] = name,
    ["kind"] = kind,
    ["alg"] = alg,
    ["file"] = file,
    ["jwk"] = jwk,
    ["expect"] = expect,
};

static string ToBase64(string base64Url)
{
    var s = base64Url.Replace('-', '+').Replace('_', '/');
    return s + new string('=', (4 - s.Length % 4) % 4);
}

static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

static byte[] MinimalPng()
{
    // 1×1 grey PNG: IHDR, IDAT (zlib of filter byte + one sample), IEND.
    var ms = new MemoryStream();
    ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
    WriteChunk(ms, "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
    var z = new MemoryStream();
    using (var zs = new System.IO.Compression.ZLibStream(z, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
    {
        zs.Write([0, 0x80]);
    }
    WriteChunk(ms, "IDAT", z.ToArray());
    WriteChunk(ms, "IEND", []);
    return ms.ToArray();
}

static void WriteChunk(Stream s, string type, byte[] data)
{
    var typeBytes = Encoding.ASCII.GetBytes(type);
    s.Write([(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length]);
    s.Write(typeBytes);
    s.Write(data);
    var crc = Crc([.. typeBytes, .. data]);
    s.Write([(byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
}

static uint Crc(byte[] bytes)
{
    // PNG CRC-32 (reflected polynomial 0xEDB88320), bit by bit: this tool bakes one tiny image.
    var c = 0xFFFFFFFFu;
    foreach (var b in bytes)
    {
        c ^= b;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
    }
    return ~c;
}
