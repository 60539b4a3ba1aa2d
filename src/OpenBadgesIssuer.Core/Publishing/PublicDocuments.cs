using System.Collections.Concurrent;
using System.Threading;
using Microsoft.EntityFrameworkCore;
using OpenBadgesIssuer.Core.Assertions;
using OpenBadgesIssuer.Core.BadgeClasses;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Identifiers;
using OpenBadgesIssuer.Core.Keys;
using OpenBadgesIssuer.Core.Persistence;
using OpenBadgesIssuer.Core.Signing;
using OpenBadgesIssuer.Standards.OpenBadges.V2;
using OpenBadgesIssuer.Standards.OpenBadges.V3;

namespace OpenBadgesIssuer.Core.Publishing;

/// <summary>A public document: exact bytes and their media type.</summary>
public sealed record PublicDocument(string MediaType, byte[] Content)
{
    /// <summary>Strong entity tag: a SHA-256 prefix of the bytes.</summary>
    public string ETag { get; } = "\"" + System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.SHA256.HashData(Content).AsSpan(0, 18)) + "\"";
}

/// <summary>
/// In-memory cache of immutable public bytes (assertion artifacts, images), bounded by total size (default 64 MiB;
/// when full it starts over). Stored artifacts never change, so entries need no expiry.
/// </summary>
public sealed class ImmutableDocumentCache
{
    private const long MaxBytes = 64L * 1024 * 1024;
    private readonly ConcurrentDictionary<string, PublicDocument> _entries = new(StringComparer.Ordinal);
    private long _bytes;

    public bool TryGet(string key, out PublicDocument? document) => _entries.TryGetValue(key, out document);

    public void Add(string key, PublicDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Content.Length > MaxBytes / 16)
        {
            return;
        }

        if (Interlocked.Add(ref _bytes, document.Content.Length) > MaxBytes)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _bytes, document.Content.Length);
        }

        _entries[key] = document;
    }
}

/// <summary>
/// Reads what the unauthenticated public routes serve. Assertion artifacts and images are stored bytes (one indexed
/// query, then cached); identity and badge class documents are written from the stored rows on each request.
/// </summary>
public sealed class PublicDocuments(IssuerDbContext db, ImmutableDocumentCache cache)
{
    /// <summary>
    /// An artifact of an assertion, or null. The signed documents (ob3, ob3-jwt, ob2, ob2-signed) are the bytes stored
    /// at issuance. The renditions (baked PNG/SVG for OB 3.0 and 2.0, the HTML page) are rendered from those stored bytes
    /// and the badge image on first request and then cached: the baking is deterministic, so every request gets the same
    /// bytes, and each bake carries the stored signed document byte for byte. Renditions stored by earlier releases are
    /// served as stored.
    /// </summary>
    public async Task<PublicDocument?> ArtifactAsync(string assertionId, string kind, PublicLinks links, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        if (!IdGenerator.IsWellFormed(assertionId, Assertion.IdPrefix))
        {
            return null;
        }

        // The page carries links, so its cache entry is per public base URL.
        string key = assertionId + "/" + kind + (kind == ArtifactKinds.Html ? "@" + links.BaseUrl : "");
        if (cache.TryGet(key, out PublicDocument? cached))
        {
            return cached;
        }

        PublicDocument? document = await db.AssertionArtifacts.AsNoTracking()
            .Where(a => a.AssertionId == assertionId && a.Kind == kind)
            .Select(a => new PublicDocument(a.MediaType, a.Content))
            .FirstOrDefaultAsync(ct);
        if (document is null && ArtifactKinds.IsRendition(kind))
        {
            document = await RenderAsync(assertionId, kind, links, ct);
        }

        if (document is not null)
        {
            cache.Add(key, document);
        }

        return document;
    }

    private async Task<PublicDocument?> RenderAsync(string assertionId, string kind, PublicLinks links, CancellationToken ct)
    {
        var row = await db.Assertions.AsNoTracking().Where(a => a.Id == assertionId)
            .Join(db.BadgeClassVersions, a => a.BadgeClassVersionId, v => v.Id, (a, v) => new { a.RecipientName, v.ImageId })
            .FirstOrDefaultAsync(ct);
        bool ob2 = kind is ArtifactKinds.Ob2Png or ArtifactKinds.Ob2Svg;
        PublicDocument? signed = row is null ? null : await ArtifactAsync(assertionId, ob2 ? ArtifactKinds.Ob2 : ArtifactKinds.Ob3, links, ct);
        if (row is null || signed is null)
        {
            return null;
        }

        if (kind == ArtifactKinds.Html)
        {
            var awardLinks = new AwardLinks(links.Ob2Assertion(assertionId), links.Ob2Signed(assertionId), links.Ob3Credential(assertionId),
                links.Ob3Jwt(assertionId), links.BakedPng(assertionId), links.BakedSvg(assertionId));
            return new PublicDocument("text/html; charset=utf-8",
                AwardPage.RenderUtf8(AwardPageModel.FromCredentialJson(signed.Content, awardLinks, row.RecipientName)));
        }

        BadgeImage? image = await db.BadgeImages.AsNoTracking().FirstOrDefaultAsync(i => i.Id == row.ImageId, ct);
        return image is null ? null : AwardRenditions.Bake(kind, signed.Content, image);
    }

    public async Task<PublicDocument?> ImageAsync(string imageId, CancellationToken ct)
    {
        if (!IdGenerator.IsWellFormed(imageId, BadgeImage.IdPrefix))
        {
            return null;
        }

        string key = "image/" + imageId;
        if (cache.TryGet(key, out PublicDocument? cached))
        {
            return cached;
        }

        PublicDocument? document = await db.BadgeImages.AsNoTracking().Where(i => i.Id == imageId)
            .Select(i => new PublicDocument(i.MediaType, i.Content)).FirstOrDefaultAsync(ct);
        if (document is not null)
        {
            cache.Add(key, document);
        }

        return document;
    }

    /// <summary>The issuer's identity document of the given kind, or null when the issuer does not exist.</summary>
    public async Task<PublicDocument?> IssuerDocumentAsync(string issuerId, IssuerDocumentKind kind, string? keyId, PublicLinks links, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        if (!IdGenerator.IsWellFormed(issuerId, IssuerProfile.IdPrefix))
        {
            return null;
        }

        // Deleted issuers stay published: credentials issued earlier must keep verifying.
        IssuerProfile? issuer = await db.Issuers.AsNoTracking().FirstOrDefaultAsync(i => i.Id == issuerId, ct);
        if (issuer is null)
        {
            return null;
        }

        List<IssuerSigningKey> keys = await db.SigningKeys.AsNoTracking().Where(k => k.IssuerId == issuerId)
            .OrderBy(k => k.Id).ToListAsync(ct);
        string did = links.IssuerDid(issuerId);
        List<PublishedKey> published = keys.Select(k => new PublishedKey(k.ToStored(),
            k.Status == SigningKeyStatus.Active ? PublishedKeyStatus.Active : PublishedKeyStatus.Retired)).ToList();
        switch (kind)
        {
            case IssuerDocumentKind.DidDocument:
                return new PublicDocument("application/did+json", IdentityDocuments.WriteDidDocument(did, published));
            case IssuerDocumentKind.Jwks:
                return new PublicDocument("application/jwk-set+json", IdentityDocuments.WriteJwks(did, published));
            case IssuerDocumentKind.Jwk:
                IssuerSigningKey? jwk = keys.FirstOrDefault(k => k.KeyId == keyId && k.Algorithm != SigningKeyAlgorithm.Ed25519);
                return jwk is null ? null : new PublicDocument("application/jwk+json", IdentityDocuments.WriteJwk(did, jwk.ToStored()));
            case IssuerDocumentKind.Ob3Profile:
                return new PublicDocument("application/ld+json", Ob3ProfileWriter.Write(CredentialBuilder.Profile(issuer, links)));
            case IssuerDocumentKind.Ob2Issuer:
                return new PublicDocument("application/ld+json", Ob2Writer.WriteIssuer(new Ob2Issuer(links.Ob2Issuer(issuerId), issuer.Name, issuer.Url, issuer.Email)
                {
                    Telephone = issuer.Phone,
                    Description = issuer.Description,
                    Image = issuer.Image,
                    PublicKeys = keys.Where(IsRsa).Select(k => links.Ob2Key(issuerId, k.KeyId)).ToList(),
                    RevocationList = links.Ob2RevocationList(issuerId),
                    AllowedOrigins = [new Uri(links.BaseUrl).Authority],
                }));
            case IssuerDocumentKind.Ob2Key:
                IssuerSigningKey? rsa = keys.FirstOrDefault(k => k.KeyId == keyId && IsRsa(k));
                return rsa is null ? null : new PublicDocument("application/ld+json",
                    Ob2Writer.WriteCryptographicKey(new Ob2CryptographicKey(links.Ob2Key(issuerId, rsa.KeyId), links.Ob2Issuer(issuerId), rsa.PublicKeyPem)));
            case IssuerDocumentKind.Ob2RevocationList:
                return new PublicDocument("application/ld+json",
                    Ob2Writer.WriteRevocationList(new Ob2RevocationList(links.Ob2RevocationList(issuerId), links.Ob2Issuer(issuerId), [])));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>The OB 2.0 BadgeClass of a badge class version (awarded versions never change).</summary>
    public async Task<PublicDocument?> Ob2BadgeClassAsync(string versionId, PublicLinks links, CancellationToken ct)
    {
        if (!IdGenerator.IsWellFormed(versionId, BadgeClassVersion.IdPrefix))
        {
            return null;
        }

        BadgeClassVersion? version = await db.BadgeClassVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct);
        return version is null ? null : new PublicDocument("application/ld+json",
            Ob2Writer.WriteBadgeClass(CredentialBuilder.Ob2BadgeClass(version, BadgeClassDefinition.Deserialize(version.Definition), links)));
    }

    /// <summary>
    /// The OB 3.0 Achievement of a badge class version (its <c>id</c> URL): the same members the credentials embed,
    /// taken from the credential writer's output, with the VC v2 and OB 3.0.3 contexts.
    /// </summary>
    public async Task<PublicDocument?> AchievementAsync(string versionId, PublicLinks links, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        if (!IdGenerator.IsWellFormed(versionId, BadgeClassVersion.IdPrefix))
        {
            return null;
        }

        var row = await db.BadgeClassVersions.AsNoTracking().Where(v => v.Id == versionId)
            .Join(db.Issuers, v => v.IssuerId, i => i.Id, (v, i) => new { v, i })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        Ob3Achievement achievement = CredentialBuilder.Achievement(row.v, BadgeClassDefinition.Deserialize(row.v.Definition), links);
        byte[] carrier = OpenBadgeCredentialWriter.Write(new OpenBadgeCredentialInput(
            "urn:uuid:00000000-0000-0000-0000-000000000000", CredentialBuilder.Profile(row.i, links), achievement,
            Ob3Recipient.Subject("urn:uuid:00000000-0000-0000-0000-000000000000"), row.v.CreatedAt) { IncludeCredentialSchema = false });
        using var document = System.Text.Json.JsonDocument.Parse(carrier);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("@context");
            foreach (System.Text.Json.JsonElement context in document.RootElement.GetProperty("@context").EnumerateArray())
            {
                context.WriteTo(w);
            }

            w.WriteEndArray();
            foreach (System.Text.Json.JsonProperty property in document.RootElement.GetProperty("credentialSubject").GetProperty("achievement").EnumerateObject())
            {
                property.WriteTo(w);
            }

            w.WriteEndObject();
        }

        return new PublicDocument("application/ld+json", buffer.WrittenSpan.ToArray());
    }

    private static bool IsRsa(IssuerSigningKey key) => key.Algorithm is SigningKeyAlgorithm.Rsa2048 or SigningKeyAlgorithm.Rsa3072;
}

/// <summary>The issuer documents served publicly.</summary>
public enum IssuerDocumentKind
{
    DidDocument,
    Jwks,
    Jwk,
    Ob3Profile,
    Ob2Issuer,
    Ob2Key,
    Ob2RevocationList,
}
