using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Identifiers;
using OpenBadgesIssuer.Core.Paging;
using OpenBadgesIssuer.Core.Persistence;
using OpenBadgesIssuer.Core.Signing;
using OpenBadgesIssuer.Standards.DataIntegrity;
using OpenBadgesIssuer.Standards.Jose;
using OpenBadgesIssuer.Standards.OpenBadges;
using OpenBadgesIssuer.Standards.OpenBadges.V2;
using OpenBadgesIssuer.Standards.OpenBadges.V3;

namespace OpenBadgesIssuer.Core.Assertions;

/// <summary>
/// Issues awards: builds and signs every published document once (OB 3.0 + eddsa-rdfc-2022, the same credential as
/// VC-JWT ES256, OB 2.0 hosted and RS256-signed assertions) and stores the exact bytes with the assertion in one
/// transaction (<see cref="AwardWriter"/>: one round trip on PostgreSQL). The baked images and the HTML page are
/// renditions of those stored bytes (<see cref="Publishing.PublicDocuments.ArtifactAsync"/>). Per award the database
/// sees one small stamp query and the insert; what the stamp names (definition, issuer profile, keys) comes from
/// <see cref="IssuanceContextCache"/>.
/// </summary>
public sealed class AssertionService(
    IssuerDbContext db, SignerCache signers, IssuanceContextCache contexts, TimeProvider time, IssuanceTimings? timings = null)
{
    private const string Resource = "assertion";

    public async Task<Result<Assertion>> IssueAsync(
        string tenantId, string badgeClassId, AwardDraft award, PublicLinks links, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(award);
        ArgumentNullException.ThrowIfNull(links);
        if (!IdGenerator.IsWellFormed(badgeClassId, BadgeClass.IdPrefix))
        {
            return Error.NotFound("badge class");
        }

        IssuanceStamp? stamp = await IssuanceContextCache.StampQuery.For(db)(db, tenantId, badgeClassId, ct);
        if (stamp is null || stamp.IssuerDeleted)
        {
            return Error.NotFound("badge class");
        }

        if (!contexts.TryGet(badgeClassId, stamp, links.BaseUrl, out IssuanceContext? context))
        {
            context = await IssuanceContextCache.LoadAsync(db, stamp, links, ct);
            if (context is null)
            {
                return Error.Conflict("issuer_keys_missing", "The issuer has no complete active key set; rotate its keys.");
            }

            contexts.Add(badgeClassId, context);
        }

        BadgeClassVersion version = context!.Version;
        if (AwardValidator.Validate(award, context.Definition) is { } invalid)
        {
            return invalid;
        }

        DateTime now = Truncate(time.GetUtcNow().UtcDateTime);
        DateTimeOffset issuedOn = new(now, TimeSpan.Zero);
        DateTimeOffset validFrom = award.ValidFrom is { } f ? Truncate(f) : issuedOn;
        DateTimeOffset? validUntil = award.ValidUntil is { } u ? Truncate(u)
            : context.Definition.ValidityMonths is { } months ? validFrom.AddMonths(months) : null;
        if (validUntil is { } vu && vu <= validFrom)
        {
            return Error.Validation("validUntil", "out_of_range", "validUntil must be after validFrom.");
        }

        IssuerProfile issuer = context.Issuer;
        var assertion = new Assertion
        {
            Id = IdGenerator.New(Assertion.IdPrefix, time),
            TenantId = tenantId,
            IssuerId = issuer.Id,
            BadgeClassId = badgeClassId,
            BadgeClassVersionId = version.Id,
            CredentialId = Guid.NewGuid(),
            RecipientType = award.Recipient!.Type ?? "email",
            RecipientIdentity = award.Recipient.Identity!.Trim(),
            RecipientName = award.Recipient.Name,
            Salt = IdentityHash.NewSalt(),
            IssuedOn = now,
            ValidFrom = validFrom.UtcDateTime,
            ValidUntil = validUntil?.UtcDateTime,
            Details = new AwardDetails(award.Evidence, award.Results, award.CreditsEarned, award.ActivityStartDate,
                award.ActivityEndDate, award.Narrative).Serialize(),
        };

        OpenBadgeCredentialInput input = CredentialBuilder.Build(assertion, award, context.Profile, context.Achievement);
        if (OpenBadgeCredentialWriter.Validate(input) is { Count: > 0 } problems)
        {
            return Error.Validation("credential", "invalid_credential", string.Join("; ", problems));
        }

        // OB 3.0: Data Integrity first, then the JWT of the credential including its proof (OB 3.0 §Proofs).
        string did = context.Did;
        byte[] unsigned = OpenBadgeCredentialWriter.Write(input);
        long signing = Stopwatch.GetTimestamp();
        byte[] ob3 = DataIntegrityProof.Sign(unsigned, signers.Ed25519(context.Ed25519), new DataIntegritySigningOptions
        {
            VerificationMethod = did + "#" + context.Ed25519.KeyId,
            Created = issuedOn,
            ProofAsArray = true,
        });
        JoseSigningKey jwtKey = JoseSigningKey.Es256(signers.Unlocked(context.P256).Ecdsa, links.Jwk(issuer.Id, context.P256.KeyId));
        string jwt = VcJwt.Sign(JsonNode.Parse(ob3)!.AsObject(), jwtKey);
        TimeSpan signed = Stopwatch.GetElapsedTime(signing);

        // OB 2.0: hosted assertion (id = its URL) and signed assertion (urn:uuid id, SignedBadge with creator).
        Ob2Assertion hosted = CredentialBuilder.Ob2(assertion, award, links, version);
        byte[] ob2 = Ob2Writer.WriteAssertion(hosted);
        byte[] ob2SignedJson = Ob2Writer.WriteAssertion(hosted with
        {
            Id = "urn:uuid:" + assertion.CredentialId.ToString("D"),
            SignedBy = links.Ob2Key(issuer.Id, context.Rsa.KeyId),
        });
        signing = Stopwatch.GetTimestamp();
        string ob2Signed = Ob2SignedAssertion.Sign(ob2SignedJson, signers.Unlocked(context.Rsa).Rsa);
        signed += Stopwatch.GetElapsedTime(signing);

        AssertionArtifact[] artifacts =
        [
            Artifact(assertion.Id, ArtifactKinds.Ob3, "application/vc+ld+json", ob3),
            Artifact(assertion.Id, ArtifactKinds.Ob3Jwt, "text/plain; charset=utf-8", Encoding.ASCII.GetBytes(jwt)),
            Artifact(assertion.Id, ArtifactKinds.Ob2, "application/ld+json", ob2),
            Artifact(assertion.Id, ArtifactKinds.Ob2Signed, "text/plain; charset=utf-8", Encoding.ASCII.GetBytes(ob2Signed)),
        ];
        long storing = Stopwatch.GetTimestamp();
        if (stamp.Awarded)
        {
            await AwardWriter.InsertAsync(db, assertion, artifacts, ct);
            RecordTimings();
            return assertion;
        }

        // First award of this version: mark it awarded only if it still holds the definition and image read above (an
        // in-place edit of an unawarded version may have happened meanwhile), in the same transaction as the award.
        await using Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction = await db.Database.BeginTransactionAsync(ct);
        int claimed = await db.BadgeClassVersions
            .Where(v => v.Id == version.Id && v.Definition == version.Definition && v.ImageId == version.ImageId)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.Awarded, true), ct);
        if (claimed == 0)
        {
            return Error.Conflict("badge_class_changed", "The badge class was edited while the award was being issued; retry.");
        }

        await AwardWriter.InsertAsync(db, assertion, artifacts, ct);
        await transaction.CommitAsync(ct);
        RecordTimings();
        return assertion;

        void RecordTimings()
        {
            if (timings is not null)
            {
                timings.Signing = signed;
                timings.Storing = Stopwatch.GetElapsedTime(storing);
            }
        }
    }

    public async Task<Result<Assertion>> GetAsync(string tenantId, string id, CancellationToken ct) =>
        IdGenerator.IsWellFormed(id, Assertion.IdPrefix)
        && await db.Assertions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.TenantId == tenantId, ct) is { } a
            ? a
            : Error.NotFound(Resource);

    public async Task<Result<Page<Assertion>>> ListAsync(
        string tenantId, string badgeClassId, int? limit, string? cursor, CancellationToken ct)
    {
        Result<PageRequest> request = PageRequest.Create(limit, cursor, Assertion.IdPrefix);
        if (!request.IsSuccess)
        {
            return request.Error;
        }

        if (!IdGenerator.IsWellFormed(badgeClassId, BadgeClass.IdPrefix)
            || !await db.BadgeClasses.AnyAsync(b => b.Id == badgeClassId && b.TenantId == tenantId, ct))
        {
            return Error.NotFound("badge class");
        }

        IQueryable<Assertion> query = db.Assertions.AsNoTracking().Where(a => a.TenantId == tenantId && a.BadgeClassId == badgeClassId);
        if (request.Value.After is { } after)
        {
            query = query.Where(a => string.Compare(a.Id, after) > 0);
        }

        List<Assertion> rows = await query.OrderBy(a => a.Id).Take(request.Value.Limit + 1).ToListAsync(ct);
        bool more = rows.Count > request.Value.Limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new Page<Assertion>(rows, more ? PageRequest.EncodeCursor(rows[^1].Id) : null);
    }

    private static AssertionArtifact Artifact(string assertionId, string kind, string mediaType, byte[] content) =>
        new() { AssertionId = assertionId, Kind = kind, MediaType = mediaType, Content = content };

    private static DateTime Truncate(DateTime value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
