using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenBadgesIssuer.Api.Tests.Infrastructure;

namespace OpenBadgesIssuer.Api.Tests.Issuance;

/// <summary>The opt-in Server-Timing header of issuance (Api:ServerTiming), used by benchmarks/load.</summary>
public sealed class ServerTimingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Issuance_ReportsSignStoreAndIssueDurations_WhenEnabled()
    {
        await using var fixture = new ServerTimingFixture();
        await fixture.InitializeAsync();
        using HttpResponseMessage response = await AwardAsync(fixture);

        Assert.True(response.Headers.TryGetValues("Server-Timing", out IEnumerable<string>? values), "no Server-Timing header");
        Dictionary<string, double> metrics = string.Join(',', values!)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split(";dur=", StringSplitOptions.None))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        Assert.Equal(["issue", "sign", "store"], metrics.Keys.Order(StringComparer.Ordinal));
        Assert.True(metrics["sign"] > 0, $"sign {metrics["sign"]}");
        Assert.True(metrics["store"] > 0, $"store {metrics["store"]}");
        Assert.True(metrics["sign"] + metrics["store"] <= metrics["issue"], $"sign + store > issue: {string.Join(", ", values!)}");
    }

    [Fact]
    public async Task Issuance_HasNoServerTimingHeader_ByDefault()
    {
        await using var fixture = new SqliteApiFixture();
        await fixture.InitializeAsync();
        using HttpResponseMessage response = await AwardAsync(fixture);

        Assert.False(response.Headers.Contains("Server-Timing"));
    }

    private static async Task<HttpResponseMessage> AwardAsync(ApiFixture fixture)
    {
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        var client = new IssuanceClient(fixture.Factory.CreateClient(tenant.AdminKey));
        string issuerId = await client.CreateIssuerAsync();
        JsonElement badgeClass = await client.CreateBadgeClassAsync(issuerId);
        HttpResponseMessage response = await client.Http.PostAsJsonAsync(
            $"/v1/badge-classes/{badgeClass.GetProperty("id").GetString()}/assertions", IssuanceClient.AwardBody(), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response;
    }

    private sealed class ServerTimingFixture : SqliteApiFixture
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?> { ["Api:ServerTiming"] = "true" };
    }
}
