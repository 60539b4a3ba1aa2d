using Npgsql;
using OpenBadgesIssuer.Migrations.Postgres;

namespace OpenBadgesIssuer.Api.Tests.Hosting;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void UnsetMaxAutoPrepare_GetsTheServiceDefault_AndTheRestIsKept()
    {
        var result = new NpgsqlConnectionStringBuilder(PostgresProvider.WithDefaults("Host=db;Database=obi;Username=u;Password=secret;Maximum Pool Size=7"));
        Assert.Equal(PostgresProvider.DefaultMaxAutoPrepare, result.MaxAutoPrepare);
        Assert.Equal("db", result.Host);
        Assert.Equal("obi", result.Database);
        Assert.Equal("secret", result.Password);
        Assert.Equal(7, result.MaxPoolSize);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=5", 5)]
    [InlineData("Host=db;max auto prepare=12", 12)]
    public void AGivenMaxAutoPrepare_IsRespected(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PostgresProvider.WithDefaults(connectionString)).MaxAutoPrepare);
}
