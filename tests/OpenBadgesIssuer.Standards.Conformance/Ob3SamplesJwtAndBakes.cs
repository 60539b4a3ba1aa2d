namespace OpenBadgesIssuer.Standards.Conformance;

/// <summary>The "ob3-samples" suite: 1EdTech validator samples checked against verification-results.json.</summary>
public sealed class Ob3SamplesJwtAndBakes(ITestOutputHelper output)
{
    [Fact]
    public async Task Validator_samples_match_the_recorded_results()
    {
        var samples = Ob3Samples.Load();
        var report = new SuiteReport("ob3-samples");
        await samples.CheckVcJwtSamples(report, TestContext.Current.CancellationToken);
        samples.CheckBakedSamples(report);
        // Data Integrity JSON samples join this report when the DI verifier is merged.
        report.Complete(output);
    }
}
