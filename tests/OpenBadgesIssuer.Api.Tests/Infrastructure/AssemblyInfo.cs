using OpenBadgesIssuer.Api.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(PostgresCleanup))]
