using OpenBadgesIssuer.Standards.DataIntegrity;

namespace OpenBadgesIssuer.Standards.Conformance;

/// <summary>
/// Signed Open Badges 3.0 samples from the 1EdTech validator's test resources (../shared/spec/ob3/examples/signed, see
/// its SOURCES.md): every Data Integrity proof is verified offline with the embedded contexts and the
/// <c>issuer#z6Mk…</c> / did:key resolution; the expected outcome of each file is listed below.
/// </summary>
public sealed class ObSignedSamplesSuite(ITestOutputHelper output)
{
    // file → expected failure of each proof, in order (None = verifies).
    private static readonly Dictionary<string, DataIntegrityFailure[]> Expected = new(StringComparer.Ordinal)
    {
        ["simple.json"] = [DataIntegrityFailure.None],
        ["simple-did-web-method.json"] = [DataIntegrityFailure.None],
        ["simple-did-key-method.json"] = [DataIntegrityFailure.None],
        ["simple-multiple-proofs.json"] = [DataIntegrityFailure.UnsupportedProofType, DataIntegrityFailure.None],
        ["complete.json"] = [DataIntegrityFailure.None],
        ["endorsement-valid.json"] = [DataIntegrityFailure.None],
        ["bitstring-credential-status-revoked.json"] = [DataIntegrityFailure.None],
        ["bitstring-status-list-credential.json"] = [DataIntegrityFailure.None],
        ["simple-err-proof-value.json"] = [DataIntegrityFailure.InvalidSignature],
        ["simple-err-expired.json"] = [DataIntegrityFailure.None], // expiry is a credential check, not a proof check
        ["simple-eddsa-2022.json"] = [DataIntegrityFailure.None],
        ["simple_v1.json"] = [DataIntegrityFailure.None],
        ["simple-noproof.json"] = [],
    };

    [Fact]
    public void SignedSamples()
    {
        _ = SuiteLocation.Require("ob3-examples");
        var folder = Path.GetFullPath(Path.Combine(SuiteLocation.Root!, "..", "spec", "ob3", "examples", "signed"));
        if (!Directory.Exists(folder))
        {
            Assert.Skip("Signed OB 3.0 samples not found at " + folder + ".");
        }
        var report = new SuiteReport("ob3-signed-samples");
        foreach (var (file, expected) in Expected)
        {
            var result = DataIntegrityProof.Verify(File.ReadAllBytes(Path.Combine(folder, file)));
            var actual = result.Proofs.Select(p => p.Failure).ToArray();
            if (expected.Length == 0 ? result.Failure == DataIntegrityFailure.NoProof : actual.SequenceEqual(expected))
            {
                report.Pass();
            }
            else
            {
                report.Fail(file, $"expected [{string.Join(", ", expected)}], got {result.Failure} [{string.Join(", ", result.Proofs.Select(p => p.Failure + " " + p.Message))}]");
            }
        }
        report.Complete(output);
    }
}
