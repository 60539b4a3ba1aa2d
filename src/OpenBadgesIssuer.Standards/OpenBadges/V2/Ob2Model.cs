namespace OpenBadgesIssuer.Standards.OpenBadges.V2;

/// <summary>OB 2.0 recipient IdentityObject (§IdentityObject): <c>type</c> is the Profile property identified.</summary>
/// <param name="Type"><c>email</c>, <c>url</c> or <c>telephone</c>.</param>
/// <param name="Identity">The <c>sha256$…</c> hash (when <paramref name="Hashed"/>) or the plaintext identifier.</param>
/// <param name="Hashed">Whether <paramref name="Identity"/> is a hash.</param>
/// <param name="Salt">Salt appended before hashing.</param>
public sealed record Ob2Recipient(string Type, string Identity, bool Hashed, string? Salt)
{
    /// <summary>A salted SHA-256 hash of the e-mail address, normalised with <see cref="IdentityHash.NormalizeEmail"/>.</summary>
    public static Ob2Recipient HashedEmail(string email, string salt) =>
        new("email", IdentityHash.Sha256(IdentityHash.NormalizeEmail(email), salt), true, salt);

    /// <summary>A salted SHA-256 hash of a URL identifying the recipient.</summary>
    public static Ob2Recipient HashedUrl(string url, string salt) => new("url", IdentityHash.Sha256(url, salt), true, salt);

    /// <summary>A salted SHA-256 hash of a telephone number (E.164, surrounding white space removed).</summary>
    public static Ob2Recipient HashedTelephone(string telephone, string salt) =>
        new("telephone", IdentityHash.Sha256(telephone.Trim(), salt), true, salt);
}

/// <summary>OB 2.0 criteria: a criteria page URL and/or a Markdown narrative.</summary>
/// <param name="Id">URL of the criteria page.</param>
/// <param name="Narrative">Markdown narrative.</param>
public sealed record Ob2Criteria(string? Id, string? Narrative);

/// <summary>OB 2.0 AlignmentObject.</summary>
/// <param name="TargetName">Name of the target.</param>
/// <param name="TargetUrl">URL of the target.</param>
public sealed record Ob2Alignment(string TargetName, string TargetUrl)
{
    /// <summary>Description of the target.</summary>
    public string? TargetDescription { get; init; }

    /// <summary>Framework name.</summary>
    public string? TargetFramework { get; init; }

    /// <summary>Code within the framework.</summary>
    public string? TargetCode { get; init; }
}

/// <summary>OB 2.0 Evidence.</summary>
public sealed record Ob2Evidence
{
    /// <summary>URL of the evidence.</summary>
    public string? Id { get; init; }

    /// <summary>Markdown narrative.</summary>
    public string? Narrative { get; init; }

    /// <summary>Name.</summary>
    public string? Name { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Genre.</summary>
    public string? Genre { get; init; }

    /// <summary>Audience.</summary>
    public string? Audience { get; init; }
}

/// <summary>An OB 2.0 BadgeClass (§BadgeClass); the id is the permanent URL of the badge class version.</summary>
/// <param name="Id">HTTP(S) URL of this BadgeClass document.</param>
/// <param name="Name">Name.</param>
/// <param name="Description">Description.</param>
/// <param name="Image">URL or data URI of the PNG/SVG image.</param>
/// <param name="Criteria">Criteria URL and/or narrative.</param>
/// <param name="Issuer">URL of the issuer Profile.</param>
public sealed record Ob2BadgeClass(string Id, string Name, string Description, string Image, Ob2Criteria Criteria, string Issuer)
{
    /// <summary>Alignments.</summary>
    public IReadOnlyList<Ob2Alignment> Alignments { get; init; } = [];

    /// <summary>Tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>An OB 2.0 Assertion (§Assertion).</summary>
/// <param name="Id">Hosted: the URL where the assertion is served; signed: that URL or a <c>urn:uuid</c>.</param>
/// <param name="Recipient">The recipient identity.</param>
/// <param name="Badge">URL of the BadgeClass.</param>
/// <param name="IssuedOn">Award time.</param>
public sealed record Ob2Assertion(string Id, Ob2Recipient Recipient, string Badge, DateTimeOffset IssuedOn)
{
    /// <summary>For signed badges, the URL of the CryptographicKey; null for hosted verification.</summary>
    public string? SignedBy { get; init; }

    /// <summary>Baked image of this award.</summary>
    public string? Image { get; init; }

    /// <summary>Evidence items.</summary>
    public IReadOnlyList<Ob2Evidence> Evidence { get; init; } = [];

    /// <summary>Markdown narrative.</summary>
    public string? Narrative { get; init; }

    /// <summary>Expiry time.</summary>
    public DateTimeOffset? Expires { get; init; }
}

/// <summary>An OB 2.0 issuer Profile (§Profile) with its keys and revocation list.</summary>
/// <param name="Id">HTTP(S) URL of the Profile document.</param>
/// <param name="Name">Name.</param>
/// <param name="Url">Home page.</param>
/// <param name="Email">Contact e-mail.</param>
public sealed record Ob2Issuer(string Id, string Name, string Url, string Email)
{
    /// <summary>Telephone.</summary>
    public string? Telephone { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Logo URL or data URI.</summary>
    public string? Image { get; init; }

    /// <summary>URLs of the CryptographicKey documents (current and retired).</summary>
    public IReadOnlyList<string> PublicKeys { get; init; } = [];

    /// <summary>URL of the RevocationList.</summary>
    public string? RevocationList { get; init; }

    /// <summary>Hosted-verification scope: allowed host names (emitted as <c>verification.allowedOrigins</c>).</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];
}

/// <summary>An OB 2.0 CryptographicKey document.</summary>
/// <param name="Id">HTTP(S) URL of the key document.</param>
/// <param name="Owner">URL of the issuer Profile.</param>
/// <param name="PublicKeyPem">SPKI PEM of the public key.</param>
public sealed record Ob2CryptographicKey(string Id, string Owner, string PublicKeyPem);

/// <summary>One revoked assertion in a RevocationList.</summary>
/// <param name="Id">Assertion id.</param>
/// <param name="RevocationReason">Optional reason.</param>
public sealed record Ob2RevokedAssertion(string Id, string? RevocationReason = null);

/// <summary>An OB 2.0 RevocationList.</summary>
/// <param name="Id">URL of the list.</param>
/// <param name="Issuer">URL of the issuer Profile.</param>
/// <param name="RevokedAssertions">Revoked assertions.</param>
public sealed record Ob2RevocationList(string Id, string Issuer, IReadOnlyList<Ob2RevokedAssertion> RevokedAssertions);
