using OpenBadgesIssuer.Tests.Shared;

namespace OpenBadgesIssuer.Standards.Conformance;

/// <summary>
/// The official test suites: not committed here, read from the folder named by OBI_CONFORMANCE_SUITES, by default
/// ../shared/test-suites beside the clone (see <see cref="SharedFolder"/>).
/// </summary>
public static class SuiteLocation
{
    /// <summary>The suites folder, or null when it does not exist.</summary>
    public static string? Root => SharedFolder.Suites.Root;

    /// <summary>The folder of one suite (e.g. "rdf-canon"); skips the calling test with a clear message when absent.</summary>
    public static string Require(string suite) => SharedFolder.Suites.Require(suite);
}
