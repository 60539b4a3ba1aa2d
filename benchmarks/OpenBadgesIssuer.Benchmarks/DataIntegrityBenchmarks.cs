using BenchmarkDotNet.Attributes;
using OpenBadgesIssuer.Standards.DataIntegrity;

namespace OpenBadgesIssuer.Benchmarks;

/// <summary>
/// Whole Data Integrity operations on the teacher micro-credential: sign is UTF-8 JSON in → signed UTF-8 JSON out,
/// verify is signed UTF-8 JSON in → verification result (did:key resolution included).
/// </summary>
[MemoryDiagnoser]
public class DataIntegrityBenchmarks
{
    private Ed25519KeyPair _key = null!;
    private DataIntegritySigningOptions _rdfc = null!;
    private DataIntegritySigningOptions _jcs = null!;
    private byte[] _signedRdfc = [];
    private byte[] _signedJcs = [];

    [GlobalSetup]
    public void Setup()
    {
        _key = Fixture.CreateKey();
        _rdfc = Fixture.SigningOptions(_key, DataIntegrityNames.EddsaRdfc2022);
        _jcs = Fixture.SigningOptions(_key, DataIntegrityNames.EddsaJcs2022);
        _signedRdfc = DataIntegrityProof.Sign(Fixture.CredentialUtf8, _key, _rdfc);
        _signedJcs = DataIntegrityProof.Sign(Fixture.CredentialUtf8, _key, _jcs);
        Require(DataIntegrityProof.Verify(_signedRdfc), "eddsa-rdfc-2022");
        Require(DataIntegrityProof.Verify(_signedJcs), "eddsa-jcs-2022");
        Fixture.WarmUp(() => SignEddsaRdfc(), () => VerifyEddsaRdfc(), () => SignEddsaJcs(), () => VerifyEddsaJcs());
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark(Description = "eddsa-rdfc-2022 sign")]
    public byte[] SignEddsaRdfc() => DataIntegrityProof.Sign(Fixture.CredentialUtf8, _key, _rdfc);

    [Benchmark(Description = "eddsa-rdfc-2022 verify")]
    public DataIntegrityVerificationResult VerifyEddsaRdfc() => DataIntegrityProof.Verify(_signedRdfc);

    [Benchmark(Description = "eddsa-jcs-2022 sign")]
    public byte[] SignEddsaJcs() => DataIntegrityProof.Sign(Fixture.CredentialUtf8, _key, _jcs);

    [Benchmark(Description = "eddsa-jcs-2022 verify")]
    public DataIntegrityVerificationResult VerifyEddsaJcs() => DataIntegrityProof.Verify(_signedJcs);

    private static void Require(DataIntegrityVerificationResult result, string suite)
    {
        if (!result.IsValid)
        {
            throw new InvalidOperationException($"The {suite} benchmark credential does not verify: {result.Failure} {result.Message}");
        }
    }
}
