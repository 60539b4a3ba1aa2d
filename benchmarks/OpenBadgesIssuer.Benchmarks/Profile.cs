using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OpenBadgesIssuer.Standards.DataIntegrity;
using OpenBadgesIssuer.Standards.Rdf;

namespace OpenBadgesIssuer.Benchmarks;

/// <summary>
/// <c>--profile [N]</c>: a Stopwatch breakdown of eddsa-rdfc-2022 signing, phase by phase, over N signatures
/// (default 2,000 after 200 warm-up rounds), in CPU time of this thread. Coarser than BenchmarkDotNet but shows where a
/// whole Sign spends its time.
/// </summary>
internal static class Profile
{
    public static void Run(int rounds)
    {
        using var key = Fixture.CreateKey();
        var options = Fixture.SigningOptions(key, DataIntegrityNames.EddsaRdfc2022);
        var phases = new (string Name, Func<object> Action)[]
        {
            ("whole Sign", () => DataIntegrityProof.Sign(Fixture.CredentialUtf8, key, options)),
        };
        var document = JsonElement.Parse(Fixture.CredentialUtf8);
        var signed = DataIntegrityProof.Sign(Fixture.CredentialUtf8, key, options);
        var proof = JsonElement.Parse(signed).GetProperty("proof");
        var proofOptions = JsonComposer.Compose(proof, ["proofValue"], null);
        var proofConfig = DataIntegrityProof.ProofConfig(proofOptions, document);
        IReadOnlyCollection<OpenBadgesIssuer.Standards.Rdf.RdfQuad> quads = JsonLdToRdf.Convert(document, null);
        var combined = ProofHashing.Compute(Canonicalization.Rdfc, proofConfig, document, null, null).Combined;
        var all = new (string Name, Func<object> Action)[]
        {
            ("whole Sign", () => DataIntegrityProof.Sign(Fixture.CredentialUtf8, key, options)),
            ("whole Verify", () => DataIntegrityProof.Verify(signed)),
            ("parse", () => JsonElement.Parse(Fixture.CredentialUtf8, JsonComposer.Strict)),
            ("compose unsecured", () => JsonComposer.Compose(document, ["proof"], null)),
            ("proof config", () => DataIntegrityProof.ProofConfig(proofOptions, document)),
            ("toRdf proof config", () => JsonLdToRdf.Convert(proofConfig, null)),
            ("toRdf document", () => JsonLdToRdf.Convert(document, null)),
            ("rdfc document", () => RdfCanonicalizer.Canonicalize(quads)),
            ("hashing (both canonicalized)", () => ProofHashing.Compute(Canonicalization.Rdfc, proofConfig, document, null, null)),
            ("ed25519 sign", () => key.Sign(combined)),
            ("multibase", () => OpenBadgesIssuer.Standards.Multiformats.Multibase.Encode(key.Sign(combined))),
            ("write signed", () => JsonComposer.Write(document, ["proof"], w => { w.WritePropertyName("proof"); proof.WriteTo(w); })),
        };
        _ = phases;
        foreach (var (name, action) in all)
        {
            for (var i = 0; i < Math.Max(200, rounds / 10); i++)
            {
                action();
            }
            var gcBefore = GC.CollectionCount(0);
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            var cpu0 = ThreadCpuClock.Instance.GetTimestamp();
            for (var i = 0; i < rounds; i++)
            {
                action();
            }
            var us = (ThreadCpuClock.Instance.GetTimestamp() - cpu0) / 1e3 / rounds;
            sw.Stop();
            var wallUs = sw.Elapsed.TotalMicroseconds / rounds;
            var bytes = (GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / rounds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-30} {us,9:N1} us CPU/op  {1e6 / us,9:N0} op/s  (wall {wallUs,9:N1} us)  {bytes,9:N0} B/op  gen0 {GC.CollectionCount(0) - gcBefore}"));
        }
        Stepwise(Math.Max(200, rounds / 10), key, options);
        Stepwise(rounds, key, options);
    }

    /// <summary>The steps of DataIntegrityProof.Sign (eddsa-rdfc-2022) replayed in one loop, each timed, on fresh inputs every round.</summary>
    private static void Stepwise(int rounds, Ed25519KeyPair key, DataIntegritySigningOptions options)
    {
        var names = new[] { "parse (strict)", "validate options (did:key)", "compose unsecured", "proof options + config", "canonicalize proof config", "canonicalize document", "sha-256 x2", "ed25519 sign", "multibase", "write signed document" };
        var ticks = new long[names.Length];
        for (var r = -Math.Max(200, rounds / 10); r < rounds; r++)
        {
            var t = ThreadCpuClock.Instance.GetTimestamp();
            void Lap(int i)
            {
                var now = ThreadCpuClock.Instance.GetTimestamp();
                if (r >= 0)
                {
                    ticks[i] += now - t;
                }
                t = now;
            }
            var root = JsonElement.Parse(Fixture.CredentialUtf8, JsonComposer.Strict);
            Lap(0);
            _ = OpenBadgesIssuer.Standards.Keys.DidKey.TryResolve(options.VerificationMethod, out var resolution, out _) && key.Matches(resolution);
            Lap(1);
            var unsecured = JsonComposer.Compose(root, ["proof"], null);
            Lap(2);
            var proofOptions = JsonElement.Parse("{\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"eddsa-rdfc-2022\",\"created\":\"2026-06-15T09:00:00Z\",\"verificationMethod\":\"" + options.VerificationMethod + "\",\"proofPurpose\":\"assertionMethod\"}");
            var proofConfig = DataIntegrityProof.ProofConfig(proofOptions, unsecured);
            Lap(3);
            var canonicalProof = ProofHashing.Canonicalize(Canonicalization.Rdfc, proofConfig, null, null);
            Lap(4);
            var canonicalDocument = ProofHashing.Canonicalize(Canonicalization.Rdfc, unsecured, null, null);
            Lap(5);
            byte[] combined = [.. System.Security.Cryptography.SHA256.HashData(canonicalProof), .. System.Security.Cryptography.SHA256.HashData(canonicalDocument)];
            Lap(6);
            var signature = key.Sign(combined);
            Lap(7);
            var proofValue = OpenBadgesIssuer.Standards.Multiformats.Multibase.Encode(signature);
            Lap(8);
            _ = JsonComposer.Write(root, ["proof"], w => { w.WritePropertyName("proof"); proofOptions.WriteTo(w); w.WriteString("proofValue", proofValue); });
            Lap(9);
        }
        var total = ticks.Sum();
        Console.WriteLine("-- eddsa-rdfc-2022 sign, step by step (fresh inputs every round, thread CPU time):");
        for (var i = 0; i < names.Length; i++)
        {
            var us = ticks[i] * 1e6 / 1e9 / rounds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {names[i],-28} {us,9:N1} us  {100.0 * ticks[i] / total,5:N1}%"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {"total",-28} {total * 1e6 / 1e9 / rounds,9:N1} us"));
    }

    /// <summary>Signs (or verifies) the credential with eddsa-rdfc-2022 in a loop for a while, for an external profiler.</summary>
    public static void Loop(string what, double seconds)
    {
        using var key = Fixture.CreateKey();
        var options = Fixture.SigningOptions(key, DataIntegrityNames.EddsaRdfc2022);
        var signed = DataIntegrityProof.Sign(Fixture.CredentialUtf8, key, options);
        Func<object> action = string.Equals(what, "verify", StringComparison.Ordinal)
            ? () => DataIntegrityProof.Verify(signed)
            : () => DataIntegrityProof.Sign(Fixture.CredentialUtf8, key, options);
        // The first third of the time warms up (tiered JIT); the rest is measured in batches of 4 operations. Other
        // processes and the hypervisor only ever add time, so on this shared box the low percentiles of the batch
        // times are the stable figure; the mean is printed too.
        const int Batch = 4;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < seconds / 3)
        {
            action();
        }
        var wall = new List<double>();
        var cpu = new List<double>();
        sw.Restart();
        while (sw.Elapsed.TotalSeconds < seconds * 2 / 3)
        {
            var w0 = Stopwatch.GetTimestamp();
            var c0 = ThreadCpuClock.Instance.GetTimestamp();
            for (var i = 0; i < Batch; i++)
            {
                action();
            }
            cpu.Add((ThreadCpuClock.Instance.GetTimestamp() - c0) / 1e3 / Batch);
            wall.Add(Stopwatch.GetElapsedTime(w0).TotalMicroseconds / Batch);
        }
        wall.Sort();
        cpu.Sort();
        static double At(List<double> sorted, double q) => sorted[(int)Math.Min(sorted.Count - 1, q * sorted.Count)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {cpu.Count * Batch} ops; CPU us/op min {cpu[0]:N1} p10 {At(cpu, 0.1):N1} median {At(cpu, 0.5):N1} mean {cpu.Average():N1}; wall us/op min {wall[0]:N1} p10 {At(wall, 0.1):N1} median {At(wall, 0.5):N1}"));
    }
}
