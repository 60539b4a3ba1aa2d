using System.Runtime.CompilerServices;

// The Core tests exercise internal helpers (base58btc, JWK thumbprints).
[assembly: InternalsVisibleTo("OpenBadgesIssuer.Core.Tests")]
