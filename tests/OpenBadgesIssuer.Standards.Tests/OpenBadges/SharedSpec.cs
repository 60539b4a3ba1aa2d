using OpenBadgesIssuer.Tests.Shared;

namespace OpenBadgesIssuer.Standards.Tests.OpenBadges;

/// <summary>The shared spec folder (OB 3.0 schemas, OB 2.0 examples); see <see cref="SharedFolder"/>.</summary>
internal static class SharedSpec
{
    internal static string Require(string relative) => SharedFolder.Spec.Require(relative);
}
