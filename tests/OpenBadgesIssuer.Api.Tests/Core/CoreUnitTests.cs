using Microsoft.Extensions.Time.Testing;
using OpenBadgesIssuer.Core.ApiKeys;
using OpenBadgesIssuer.Core.Identifiers;
using OpenBadgesIssuer.Core.Issuers;
using OpenBadgesIssuer.Core.Paging;

namespace OpenBadgesIssuer.Api.Tests.Core;

public sealed class CoreUnitTests
{
    [Fact]
    public void ApiKeyFormat_GeneratedKeys_HaveShapeEntropyAndMatchOnlyTheirHash()
    {
        GeneratedKey a = ApiKeyFormat.Generate();
        GeneratedKey b = ApiKeyFormat.Generate();

        Assert.Equal(ApiKeyFormat.KeyLength, a.Key.Length);
        Assert.True(ApiKeyFormat.TryGetPrefix(a.Key, out string prefix));
        Assert.Equal(a.Prefix, prefix);
        Assert.NotEqual(a.Key, b.Key);
        Assert.True(ApiKeyFormat.Matches(a.Key, a.Hash));
        Assert.False(ApiKeyFormat.Matches(b.Key, a.Hash));
        Assert.Equal(32, a.Hash.Length);
        // 52 base32 characters carry 260 bits, of which 256 come from the RNG.
        Assert.True(ApiKeyFormat.SecretLength * 5 >= 256);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("obi_live_")]
    [InlineData("obi_test_0000000000000000_0000000000000000000000000000000000000000000000000000")]
    [InlineData("obi_live_000000000000000A_0000000000000000000000000000000000000000000000000000")]
    [InlineData("obi_live_0000000000000000-0000000000000000000000000000000000000000000000000000")]
    [InlineData("obi_live_0000000000000000_00000000000000000000000000000000000000000000000000000")]
    public void ApiKeyFormat_RejectsMalformedKeys(string? key) => Assert.False(ApiKeyFormat.TryGetPrefix(key, out _));

    [Fact]
    public void IdGenerator_IdsAreWellFormedUniqueAndSortByTime()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        string first = IdGenerator.New("iss", time);
        time.Advance(TimeSpan.FromMilliseconds(1));
        string second = IdGenerator.New("iss", time);

        Assert.True(IdGenerator.IsWellFormed(first, "iss"));
        Assert.False(IdGenerator.IsWellFormed(first, "key"));
        Assert.True(string.CompareOrdinal(first, second) < 0);
        Assert.NotEqual(IdGenerator.New("iss", time), IdGenerator.New("iss", time));
    }

    [Theory]
    [InlineData("\"v3\"", 3, true)]
    [InlineData("*", 3, true)]
    [InlineData("\"v1\", \"v3\"", 3, true)]
    [InlineData("W/\"v3\"", 3, false)]
    [InlineData("\"v2\"", 3, false)]
    [InlineData("v3", 3, false)]
    public void EntityTags_UseStrongComparison(string ifMatch, int version, bool expected) =>
        Assert.Equal(expected, EntityTags.Matches(ifMatch, version));

    [Fact]
    public void PageRequest_CursorRoundTripsAndLimitIsBounded()
    {
        string id = IdGenerator.New("iss", TimeProvider.System);
        PageRequest request = PageRequest.Create(5, PageRequest.EncodeCursor(id), "iss").Value;
        Assert.Equal(id, request.After);
        Assert.Equal(PageRequest.DefaultLimit, PageRequest.Create(null, null, "iss").Value.Limit);
        Assert.False(PageRequest.Create(101, null, "iss").IsSuccess);
        Assert.False(PageRequest.Create(5, PageRequest.EncodeCursor(id), "key").IsSuccess);
    }
}
