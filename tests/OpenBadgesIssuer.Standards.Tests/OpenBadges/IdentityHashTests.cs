using System.Text.Json;
using OpenBadgesIssuer.Standards.OpenBadges;

namespace OpenBadgesIssuer.Standards.Tests.OpenBadges;

public class IdentityHashTests
{
    [Theory]
    // OB 2.0 spec §IdentityHash example and the 1EdTech validator fixture (notes §1.5).
    [InlineData("a@example.com", "Kosher", "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399")]
    [InlineData("nobody@example.org", "deadsea", "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942")]
    public void Sha256_MatchesSpecVectors(string identity, string salt, string expected)
    {
        Assert.Equal(expected, IdentityHash.Sha256(identity, salt));
        Assert.True(IdentityHash.Matches(expected.ToUpperInvariant().Replace("SHA256$", "sha256$", StringComparison.Ordinal), identity, salt));
        Assert.False(IdentityHash.Matches(expected, identity + "x", salt));
        Assert.False(IdentityHash.Matches(expected, identity, null));
    }

    [Fact]
    public void Sha256_ReproducesTheSignedSetHostedAssertionHash()
    {
        var path = SharedSpec.Require("ob2/examples/signed-set/hosted-assertion.json");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var recipient = doc.RootElement.GetProperty("recipient");
        var salt = recipient.GetProperty("salt").GetString();
        Assert.Equal(recipient.GetProperty("identity").GetString(), IdentityHash.Sha256("nobody@example.org", salt));
    }

    [Fact]
    public void NormalizeEmail_TrimsAndLowerCases_AndSaltIsFresh()
    {
        Assert.Equal("teacher@example.org", IdentityHash.NormalizeEmail("  Teacher@EXAMPLE.org "));
        Assert.Equal(IdentityHash.Sha256("mayze", null), IdentityHash.Sha256("mayze", ""));
        Assert.StartsWith("sha256$7a1a1b3f", IdentityHash.Sha256("mayze", null), StringComparison.Ordinal);
        var a = IdentityHash.NewSalt();
        Assert.Equal(32, a.Length);
        Assert.NotEqual(a, IdentityHash.NewSalt());
    }
}
