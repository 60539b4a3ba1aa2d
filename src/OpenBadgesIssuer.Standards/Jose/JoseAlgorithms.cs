namespace OpenBadgesIssuer.Standards.Jose;

/// <summary>JWS algorithm names (RFC 7518 §3.1, RFC 8037 §3.1) this library signs and verifies.</summary>
public static class JoseAlgorithms
{
    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256; the floor OB 3.0 requires every verifier to support.</summary>
    public const string RS256 = "RS256";

    /// <summary>ECDSA on P-256 with SHA-256 (accepted by the 1EdTech validator).</summary>
    public const string ES256 = "ES256";

    /// <summary>Ed25519 (RFC 8037). Not accepted by the 1EdTech validator; for interop with other verifiers only.</summary>
    public const string EdDSA = "EdDSA";

    /// <summary>The algorithms the 1EdTech validator accepts for OB 3.0 VC-JWTs.</summary>
    public static IReadOnlySet<string> OpenBadgesValidator { get; } = new HashSet<string>(StringComparer.Ordinal) { RS256, ES256 };

    /// <summary>Every algorithm this library implements.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { RS256, ES256, EdDSA };

    internal static bool IsImplemented(string alg) => All.Contains(alg);
}
