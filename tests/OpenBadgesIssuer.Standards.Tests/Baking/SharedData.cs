namespace OpenBadgesIssuer.Standards.Tests.Baking;

/// <summary>
/// Locates the read-only shared material beside the repository: ../shared/spec and the suites folder
/// (OBI_CONFORMANCE_SUITES, default ../shared/test-suites). Tests that need a missing folder skip with a message.
/// </summary>
internal static class SharedData
{
    public static string Spec(params string[] parts) => Require(SharedRoot() is { } root ? Path.Combine(root, "spec") : null, parts);

    public static string Suites(params string[] parts)
    {
        var configured = Environment.GetEnvironmentVariable("OBI_CONFORMANCE_SUITES");
        var root = !string.IsNullOrWhiteSpace(configured) ? configured
            : SharedRoot() is { } shared ? Path.Combine(shared, "test-suites") : null;
        return Require(root, parts);
    }

    private static string Require(string? root, string[] parts)
    {
        if (root is null || !Directory.Exists(root))
        {
            Assert.Skip("Shared spec/test-suite folder not found (../shared next to the repository, or OBI_CONFORMANCE_SUITES).");
        }
        var path = Path.Combine([root, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Skip($"Shared file not found: {path}");
        }
        return path;
    }

    private static string? SharedRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenBadgesIssuer.sln")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }
        return null;
    }
}
