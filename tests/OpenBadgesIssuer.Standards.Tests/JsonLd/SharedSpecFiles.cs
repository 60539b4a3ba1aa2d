namespace OpenBadgesIssuer.Standards.Tests.JsonLd;

/// <summary>
/// Locates the shared specification material (../shared/spec beside the repository, or the folder named by
/// OBI_SHARED_SPEC) and skips the calling test with a clear message when it is absent.
/// </summary>
internal static class SharedSpecFiles
{
    public const string EnvironmentVariable = "OBI_SHARED_SPEC";

    private static readonly string? Root = Find();

    public static string Require(string relative)
    {
        if (Root is null)
        {
            Assert.Skip($"Shared spec material not found: set {EnvironmentVariable} or place it at ../shared/spec.");
        }
        var path = Path.Combine(Root, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Skip($"'{relative}' not found under {Root}.");
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
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "spec"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }
        return null;
    }
}
