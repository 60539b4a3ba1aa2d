namespace OpenBadgesIssuer.Standards.Conformance;

/// <summary>
/// Finds the official test suites. They are not committed to this repository: they are read from
/// the folder named by OBI_CONFORMANCE_SUITES, by default ../shared/test-suites beside the clone.
/// </summary>
public static class SuiteLocation
{
    public const string EnvironmentVariable = "OBI_CONFORMANCE_SUITES";

    /// <summary>The suites folder, or null when it does not exist.</summary>
    public static string? Root { get; } = Find();

    /// <summary>The folder of one suite (e.g. "rdf-canon"); skips the calling test with a clear message when absent.</summary>
    public static string Require(string suite)
    {
        if (Root is null)
        {
            Assert.Skip($"Conformance suites not found: set {EnvironmentVariable} or place them at ../shared/test-suites.");
        }
        var path = Path.Combine(Root, suite);
        if (!Directory.Exists(path))
        {
            Assert.Skip($"Suite '{suite}' not found under {Root}.");
        }
        return path;
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }
        // Default: ../shared/test-suites relative to the repository root (the folder holding OpenBadgesIssuer.sln).
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenBadgesIssuer.sln")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "test-suites"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }
        return null;
    }
}
