namespace OpenBadgesIssuer.Core.Assertions;

/// <summary>
/// Where one issuance spent its time (scoped: one per request). The API reports it in the <c>Server-Timing</c> header
/// of the issuance response (read by the load scripts).
/// </summary>
public sealed class IssuanceTimings
{
    /// <summary>The three signatures: Data Integrity (RDFC-1.0 canonicalization + Ed25519), VC-JWT ES256, OB 2.0 RS256.</summary>
    public TimeSpan Signing { get; internal set; }

    /// <summary>The one insert (one transaction) that stores the assertion and its signed documents.</summary>
    public TimeSpan Storing { get; internal set; }
}
