using OpenBadgesIssuer.Tests.Shared;

namespace OpenBadgesIssuer.Standards.Tests.JsonLd;

/// <summary>The shared spec folder (contexts, OB examples); see <see cref="SharedFolder"/>.</summary>
internal static class SharedSpecFiles
{
    internal static string Require(string relative) => SharedFolder.Spec.Require(relative);
}
