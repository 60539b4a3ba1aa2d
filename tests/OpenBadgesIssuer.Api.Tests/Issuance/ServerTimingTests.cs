using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenBadgesIssuer.Api.Tests.Infrastructure;

namespace OpenBadgesIssuer.Api.Tests.Issuance;

/// <summary>The Server-Timing header of issuance (sign, store, issue), read by the load scripts.</summary>
public sealed class ServerTimingTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Issuance_ReportsSignStoreAndIssueDurations()
    {
        TestTenant tenant = await fixture.Factory.CreateTenantAsync();
        var client = new IssuanceClient(fixture.Factory.CreateClient(tenant.AdminKey));
        string issuerId = await client.CreateIssuerAsync();
        JsonElement badgeClass = await client.CreateBadgeClassAsync(issuerId);
        using HttpResponseMessage response = await client.Http.PostAsJsonAsync(
            $"/v1/badge-classes/{badgeClass.GetProperty("id").GetString()}/assertions", IssuanceClient.AwardBody(), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        Assert.True(response.Headers.TryGetValues("Server-Timing", out IEnumerable<string>? values), "no Server-Timing header");
        string header = string.Join(',', values!);
        Dictionary<string, double> metrics = header
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split(";dur=", StringSplitOptions.None))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        Assert.Equal(["issue", "sign", "store"], metrics.Keys.Order(StringComparer.Ordinal));
        Assert.True(metrics["sign"] > 0, header);
        Assert.True(metrics["store"] > 0, header);
        Assert.True(metrics["sign"] + metrics["store"] <= metrics["issue"], $"sign + store > issue: {header}");
    }
}
