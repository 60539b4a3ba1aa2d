namespace OpenBadgesIssuer.Tests.Shared;

/// <summary>
/// A read-only folder of shared material beside the repository (../shared/&lt;name&gt;), or the folder an environment
/// variable names. The material is never committed here: tests that need it skip with a clear message when it is absent.
/// Compiled into every test project (tests/Directory.Build.props).
/// </summary>
internal sealed class SharedFolder(string environmentVariable, string name)
{
    private readonly Lazy<string?> _root = new(() => Find(environmentVariable, name));

    /// <summary>Shared specification material: contexts, OB schemas, examples (env OBI_SHARED_SPEC, default ../shared/spec).</summary>
    public static SharedFolder Spec { get; } = new("OBI_SHARED_SPEC", "spec");

    /// <summary>The official test suites (env OBI_CONFORMANCE_SUITES, default ../shared/test-suites).</summary>
    public static SharedFolder Suites { get; } = new("OBI_CONFORMANCE_SUITES", "test-suites");

    /// <summary>The folder's absolute path, or null when it does not exist.</summary>
    public string? Root => _root.Value;

    /// <summary>The path of a file or folder inside; skips the calling test with a clear message when absent.</summary>
    public string Require(string relative)
    {
        if (Root is null)
        {
            Assert.Skip($"Shared folder not found: set {environmentVariable} or place it at ../shared/{name}.");
        }
        var path = Path.Combine(Root, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Skip($"'{relative}' not found under {Root}.");
        }
        return path;
    }

    private static string? Find(string environmentVariable, string name)
    {
        var configured = Environment.GetEnvironmentVariable(environmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }
        // Default: ../shared/<name> relative to the repository root (the folder holding OpenBadgesIssuer.sln).
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenBadgesIssuer.sln")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", name));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }
        return null;
    }
}
