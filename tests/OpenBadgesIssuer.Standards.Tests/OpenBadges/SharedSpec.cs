namespace OpenBadgesIssuer.Standards.Tests.OpenBadges;

/// <summary>
/// Finds the read-only shared spec folder (OB 3.0 schemas, OB 2.0 examples): env OBI_SHARED_SPEC, else
/// ../shared/spec beside the repository root. Tests that need it skip with a clear message when it is absent.
/// </summary>
internal static class SharedSpec
{
    internal const string EnvironmentVariable = "OBI_SHARED_SPEC";

    internal static string Require(string relative)
    {
        var root = Find();
        if (root is null)
        {
            Assert.Skip($"Shared spec folder not found: set {EnvironmentVariable} or place it at ../shared/spec.");
        }
        var path = Path.Combine(root, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Skip($"'{relative}' not found under {root}.");
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
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenBadgesIssuer.sln")))
            {
                var candidate = Path.Combine(dir.FullName, "..", "shared", "spec");
                return Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
            }
        }
        return null;
    }
}
