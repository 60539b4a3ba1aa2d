using System.Runtime.CompilerServices;

// The Core tests exercise internal helpers (base58btc, JWK thumbprints).
[assembly: InternalsVisibleTo("OpenBadgesIssuer.Core.Tests")]

// The API tests drive the award writer against both providers (atomicity of the one-round-trip insert).
[assembly: InternalsVisibleTo("OpenBadgesIssuer.Api.Tests")]
