using System.Security.Cryptography;
using System.Text.Json;
using OpenBadgesIssuer.Standards.DataIntegrity;

namespace OpenBadgesIssuer.Benchmarks;

/// <summary>The credential and keys every benchmark shares (built once per benchmark class in GlobalSetup).</summary>
internal static class Fixture
{
    /// <summary>Fixed seed so that every run signs with the same key (the benchmark never stores or prints it).</summary>
    private static readonly byte[] Seed = SHA256.HashData("OpenBadgesIssuer.Benchmarks fixed Ed25519 seed"u8);

    /// <summary>The unsigned ~3.5 KB OB 3.0 teacher micro-credential, minified UTF-8 JSON.</summary>
    public static byte[] CredentialUtf8 { get; } = LoadCredential();

    /// <summary>Proof creation time fixed, so that every signature of the run is identical.</summary>
    public static DateTimeOffset Created { get; } = new(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);

    public static Ed25519KeyPair CreateKey() => Ed25519KeyPair.FromSeed(Seed);

    /// <summary>
    /// Runs the operations a few hundred times and pauses twice so that tiered compilation reaches its optimized
    /// code before BenchmarkDotNet measures. On the loaded shared box the background JIT thread gets little CPU, and
    /// without this the first benchmark of a run was partly timed on unoptimized code (means 2-3x too high).
    /// </summary>
    public static void WarmUp(params Action[] operations)
    {
        for (var round = 0; round < 2; round++)
        {
            foreach (var operation in operations)
            {
                for (var i = 0; i < 300; i++)
                {
                    operation();
                }
            }
            Thread.Sleep(1500);
        }
    }

    public static DataIntegritySigningOptions SigningOptions(Ed25519KeyPair key, string cryptosuite) => new()
    {
        Cryptosuite = cryptosuite,
        VerificationMethod = key.DidKeyVerificationMethod,
        Created = Created,
    };

    private static byte[] LoadCredential()
    {
        using var stream = typeof(Fixture).Assembly.GetManifestResourceStream("OpenBadgesIssuer.Benchmarks.TeacherMicroCredential.json")
            ?? throw new InvalidOperationException("The embedded credential is missing.");
        using var document = JsonDocument.Parse(stream);
        return JsonSerializer.SerializeToUtf8Bytes(document.RootElement);
    }
}
