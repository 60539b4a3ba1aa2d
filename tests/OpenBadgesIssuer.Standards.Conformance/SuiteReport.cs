using System.Globalization;

namespace OpenBadgesIssuer.Standards.Conformance;

/// <summary>Tallies one suite and prints its line: "name: N passed, M failed, K skipped".</summary>
public sealed class SuiteReport(string name)
{
    private readonly List<string> _failures = [];

    public string Name { get; } = name;
    public int Passed { get; private set; }
    public int Skipped { get; private set; }
    public IReadOnlyList<string> Failures => _failures;

    public void Pass() => Passed++;
    public void Skip() => Skipped++;
    public void Fail(string id, string reason) => _failures.Add($"{id}: {reason}");

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Passed} passed, {_failures.Count} failed, {Skipped} skipped");

    /// <summary>Writes the summary line (and the failures) to the console and the test output, then fails if anything failed.</summary>
    public void Complete(ITestOutputHelper? output = null)
    {
        Console.WriteLine(Summary);
        output?.WriteLine(Summary);
        // The test platform captures console output; CI prints the files of OBI_TEST_REPORT_DIR instead.
        if (Environment.GetEnvironmentVariable("OBI_TEST_REPORT_DIR") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "conformance-" + Name + ".txt"), Summary + Environment.NewLine);
        }
        foreach (var failure in _failures)
        {
            output?.WriteLine("  FAIL " + failure);
        }
        Assert.True(_failures.Count == 0, Summary + Environment.NewLine + string.Join(Environment.NewLine, _failures.Take(50)));
        Assert.True(Passed > 0, $"{Name}: no test ran");
    }
}
