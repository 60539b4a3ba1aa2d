using OpenBadgesIssuer.Standards.JsonLd;
using OpenBadgesIssuer.Standards.Rdf;

namespace OpenBadgesIssuer.Standards.DataIntegrity;

/// <summary>Names of the cryptosuites and proof types this library handles.</summary>
public static class DataIntegrityNames
{
    /// <summary>The Data Integrity proof type.</summary>
    public const string DataIntegrityProof = "DataIntegrityProof";

    /// <summary>EdDSA over RDFC-1.0 canonical N-Quads (vc-di-eddsa).</summary>
    public const string EddsaRdfc2022 = "eddsa-rdfc-2022";

    /// <summary>EdDSA over JCS canonical JSON (vc-di-eddsa).</summary>
    public const string EddsaJcs2022 = "eddsa-jcs-2022";

    /// <summary>Pre-Recommendation name of eddsa-rdfc-2022; verified, never produced.</summary>
    public const string Eddsa2022 = "eddsa-2022";

    /// <summary>Legacy proof type (verify only).</summary>
    public const string Ed25519Signature2020 = "Ed25519Signature2020";

    /// <summary>The proof purpose of credentials.</summary>
    public const string AssertionMethod = "assertionMethod";
}

/// <summary>Options for adding a Data Integrity proof.</summary>
public sealed class DataIntegritySigningOptions
{
    /// <summary><see cref="DataIntegrityNames.EddsaRdfc2022"/> (default) or <see cref="DataIntegrityNames.EddsaJcs2022"/>.</summary>
    public string Cryptosuite { get; init; } = DataIntegrityNames.EddsaRdfc2022;

    /// <summary>The verification method id written into the proof (e.g. <c>did:key:z6Mk…#z6Mk…</c>).</summary>
    public required string VerificationMethod { get; init; }

    /// <summary>The proof purpose; <c>assertionMethod</c> by default.</summary>
    public string ProofPurpose { get; init; } = DataIntegrityNames.AssertionMethod;

    /// <summary>The creation time, written as an XML Schema dateTimeStamp in UTC with second precision; null omits it.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Optional proof id (a URL), needed when later proofs chain to this one.</summary>
    public string? Id { get; init; }

    /// <summary>Optional expiry of the proof.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>Optional domain.</summary>
    public string? Domain { get; init; }

    /// <summary>Optional challenge.</summary>
    public string? Challenge { get; init; }

    /// <summary>Optional nonce.</summary>
    public string? Nonce { get; init; }

    /// <summary>Ids of existing proofs this proof chains to (proof chain); null for a plain proof or a proof set.</summary>
    public IReadOnlyList<string>? PreviousProof { get; init; }

    /// <summary>
    /// Write <c>proof</c> as an array even when it is the only proof. The Open Badges 3.0 JSON Schema requires an array;
    /// the W3C vectors use a single object. Existing proofs always produce an array.
    /// </summary>
    public bool ProofAsArray { get; init; }

    /// <summary>Write the signed document indented.</summary>
    public bool Indented { get; init; }

    /// <summary>RDFC-1.0 limits for eddsa-rdfc-2022; null means work factor 1 (the budget default verifiers allow).</summary>
    public RdfCanonicalizationOptions? Canonicalization { get; init; }

    /// <summary>
    /// Loader of JSON-LD contexts for RDFC-based suites; null means only the contexts embedded in this library (no
    /// network access). Keep one instance per process: processed contexts are cached per loader.
    /// </summary>
    public IDocumentLoader? DocumentLoader { get; init; }
}

/// <summary>Options for verifying Data Integrity proofs.</summary>
public sealed class DataIntegrityVerificationOptions
{
    /// <summary>Default options.</summary>
    public static DataIntegrityVerificationOptions Default { get; } = new();

    /// <summary>The proof purpose every proof must carry (default <c>assertionMethod</c>).</summary>
    public string ExpectedProofPurpose { get; init; } = DataIntegrityNames.AssertionMethod;

    /// <summary>Resolver for verification methods other than did:key; null resolves did:key (and the fragment form) only.</summary>
    public IVerificationMethodResolver? Resolver { get; init; }

    /// <summary>
    /// Accept <c>&lt;controller&gt;#&lt;publicKeyMultibase&gt;</c> ids (the Open Badges convention) without resolution.
    /// The result reports the controller; the caller must check it against the credential's issuer. Default true.
    /// </summary>
    public bool AllowMultikeyFragment { get; init; } = true;

    /// <summary>When set, each proof's <c>domain</c> must equal it.</summary>
    public string? ExpectedDomain { get; init; }

    /// <summary>When set, each proof's <c>challenge</c> must equal it.</summary>
    public string? ExpectedChallenge { get; init; }

    /// <summary>When set, proofs whose <c>expires</c> is before it fail.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Verify legacy <c>Ed25519Signature2020</c> proofs (default true).</summary>
    public bool AllowEd25519Signature2020 { get; init; } = true;

    /// <summary>RDFC-1.0 limits (default limits when null).</summary>
    public RdfCanonicalizationOptions? Canonicalization { get; init; }

    /// <summary>
    /// Loader of JSON-LD contexts for RDFC-based suites; null means only the contexts embedded in this library (no
    /// network access). Keep one instance per process: processed contexts are cached per loader.
    /// </summary>
    public IDocumentLoader? DocumentLoader { get; init; }
}

/// <summary>Why a proof (or a document) did not verify.</summary>
public enum DataIntegrityFailure
{
    /// <summary>Verified.</summary>
    None,
    /// <summary>The document is not a JSON object, or not valid I-JSON.</summary>
    MalformedDocument,
    /// <summary>The document has no <c>proof</c>.</summary>
    NoProof,
    /// <summary>A proof is not an object or misses a required member, or a member has the wrong JSON type.</summary>
    MalformedProof,
    /// <summary>The proof type is not supported.</summary>
    UnsupportedProofType,
    /// <summary>The cryptosuite is not supported.</summary>
    UnsupportedCryptosuite,
    /// <summary>The proof purpose is not the expected one.</summary>
    ProofPurposeMismatch,
    /// <summary><c>created</c> or <c>expires</c> is not an XML Schema dateTimeStamp.</summary>
    InvalidDateTime,
    /// <summary>The proof has expired.</summary>
    Expired,
    /// <summary>The domain does not match.</summary>
    DomainMismatch,
    /// <summary>The challenge does not match.</summary>
    ChallengeMismatch,
    /// <summary>The proof's <c>@context</c> is not a prefix of the document's.</summary>
    ContextMismatch,
    /// <summary><c>proofValue</c> is missing or not a base58btc multibase 64-byte signature.</summary>
    MalformedProofValue,
    /// <summary>The verification method could not be resolved.</summary>
    UnresolvedVerificationMethod,
    /// <summary>The verification method's key is not an Ed25519 key.</summary>
    UnsupportedKeyType,
    /// <summary>The key is not authorized for the proof purpose.</summary>
    KeyNotAuthorized,
    /// <summary>A <c>previousProof</c> id names no proof of the document.</summary>
    PreviousProofNotFound,
    /// <summary>The document or proof could not be canonicalized (JSON-LD or JCS error).</summary>
    CanonicalizationFailed,
    /// <summary>RDFC-1.0 exceeded its work limit (possible poisoned dataset).</summary>
    CanonicalizationLimitExceeded,
    /// <summary>The signature does not verify.</summary>
    InvalidSignature,
}

/// <summary>The verification result of one proof.</summary>
/// <param name="Index">Position of the proof in the document's proof array (0 for a single proof object).</param>
/// <param name="Type">The proof type.</param>
/// <param name="Cryptosuite">The cryptosuite, if any.</param>
/// <param name="VerificationMethod">The verification method id.</param>
/// <param name="Controller">The controller of the resolved key, when resolved.</param>
/// <param name="Failure">The failure reason, <see cref="DataIntegrityFailure.None"/> when verified.</param>
/// <param name="Message">A human-readable detail (never secret material).</param>
public sealed record ProofVerificationResult(
    int Index,
    string? Type,
    string? Cryptosuite,
    string? VerificationMethod,
    string? Controller,
    DataIntegrityFailure Failure,
    string? Message)
{
    /// <summary>True when this proof verified.</summary>
    public bool IsValid => Failure == DataIntegrityFailure.None;
}

/// <summary>The verification result of a secured document: valid only when every proof verifies.</summary>
public sealed class DataIntegrityVerificationResult
{
    internal DataIntegrityVerificationResult(DataIntegrityFailure failure, string? message, IReadOnlyList<ProofVerificationResult> proofs)
    {
        Failure = failure;
        Message = message;
        Proofs = proofs;
    }

    /// <summary>True when the document has at least one proof and all proofs verified.</summary>
    public bool IsValid => Failure == DataIntegrityFailure.None;

    /// <summary>The document-level failure, or the first failing proof's failure.</summary>
    public DataIntegrityFailure Failure { get; }

    /// <summary>Detail of <see cref="Failure"/>.</summary>
    public string? Message { get; }

    /// <summary>Per-proof results, in document order.</summary>
    public IReadOnlyList<ProofVerificationResult> Proofs { get; }
}

/// <summary>Raised when a proof cannot be created (invalid options, document or canonicalization failure).</summary>
public sealed class DataIntegrityException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DataIntegrityException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DataIntegrityException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public DataIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
