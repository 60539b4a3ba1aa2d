namespace OpenBadgesIssuer.Standards.Jose;

/// <summary>Why a JWS / VC-JWT was rejected. <see cref="None"/> means it verified.</summary>
public enum JoseFailure
{
    /// <summary>Verified.</summary>
    None = 0,
    /// <summary>Not a compact JWS: wrong number of segments, bad base64url, header not a JSON object, duplicate members.</summary>
    Malformed,
    /// <summary>The token is longer than the configured limit.</summary>
    TooLarge,
    /// <summary>"none", HMAC or any algorithm this library does not implement.</summary>
    UnsupportedAlgorithm,
    /// <summary>An implemented algorithm the caller did not allow.</summary>
    AlgorithmNotAllowed,
    /// <summary>A JOSE header member the profile does not allow (e.g. crit, jku, x5u, x5c).</summary>
    UnsupportedHeader,
    /// <summary>The typ header is present but not "JWT".</summary>
    InvalidType,
    /// <summary>The jwk header carries private key members.</summary>
    PrivateKeyInHeader,
    /// <summary>A key (embedded or resolved) could not be read or is too weak.</summary>
    InvalidKey,
    /// <summary>The only key available is the embedded jwk and the caller did not opt in to embedded keys.</summary>
    EmbeddedKeyNotAllowed,
    /// <summary>No key was found for the token.</summary>
    KeyNotFound,
    /// <summary>The key's type does not match the header algorithm (algorithm confusion).</summary>
    KeyAlgorithmMismatch,
    /// <summary>The signature does not verify.</summary>
    InvalidSignature,
    /// <summary>The payload is not a JSON object, or the credential inside it is unusable.</summary>
    InvalidPayload,
    /// <summary>A claim OB 3.0 requires is missing.</summary>
    MissingClaim,
    /// <summary>A JWT claim contradicts the embedded credential (iss/jti/sub/nbf/exp).</summary>
    ClaimMismatch,
    /// <summary>nbf lies in the future (beyond the allowed clock skew).</summary>
    NotYetValid,
    /// <summary>exp has passed (beyond the allowed clock skew).</summary>
    Expired,
}
