using Microsoft.EntityFrameworkCore;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Identifiers;
using OpenBadgesIssuer.Core.Images;
using OpenBadgesIssuer.Core.Issuers;
using OpenBadgesIssuer.Core.Paging;
using OpenBadgesIssuer.Core.Persistence;

namespace OpenBadgesIssuer.Core.BadgeClasses;

/// <summary>An uploaded image: raw bytes and the declared media type (must agree with the sniffed format).</summary>
public sealed record ImageUpload(byte[] Data, string? MediaType);

/// <summary>A badge class with its current version and decoded definition.</summary>
public sealed record BadgeClassView(BadgeClass BadgeClass, BadgeClassVersion Current, BadgeClassDefinition Definition);

/// <summary>Use cases for badge classes; tenant-scoped, foreign ids are "not found".</summary>
public sealed class BadgeClassService(IssuerDbContext db, TimeProvider time)
{
    private const string Resource = "badge class";

    public async Task<Result<BadgeClassView>> CreateAsync(
        string tenantId, string issuerId, BadgeClassDefinition definition, ImageUpload? image, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        bool issuerExists = IdGenerator.IsWellFormed(issuerId, IssuerProfile.IdPrefix)
            && await db.Issuers.AnyAsync(i => i.Id == issuerId && i.TenantId == tenantId && i.DeletedAt == null, ct);
        if (!issuerExists)
        {
            return Error.NotFound("issuer");
        }

        Result<BadgeClassDefinition> valid = BadgeClassValidator.Validate(definition);
        if (!valid.IsSuccess)
        {
            return valid.Error;
        }

        if (image is null)
        {
            return Error.Validation("image", "required", "image is required: {\"data\": <base64 PNG or SVG>, \"mediaType\": \"image/png\" | \"image/svg+xml\"}.");
        }

        Result<BadgeImage> stored = StoreImage(tenantId, image);
        if (!stored.IsSuccess)
        {
            return stored.Error;
        }

        DateTime now = time.GetUtcNow().UtcDateTime;
        string badgeClassId = IdGenerator.New(BadgeClass.IdPrefix, time);
        var version = new BadgeClassVersion
        {
            Id = IdGenerator.New(BadgeClassVersion.IdPrefix, time),
            TenantId = tenantId,
            BadgeClassId = badgeClassId,
            IssuerId = issuerId,
            Number = 1,
            Definition = valid.Value.Serialize(),
            ImageId = stored.Value.Id,
            CreatedAt = now,
        };
        var badgeClass = new BadgeClass
        {
            Id = badgeClassId,
            TenantId = tenantId,
            IssuerId = issuerId,
            CurrentVersionId = version.Id,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.BadgeClasses.Add(badgeClass);
        db.BadgeClassVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return new BadgeClassView(badgeClass, version, valid.Value);
    }

    public async Task<Result<BadgeClassView>> GetAsync(string tenantId, string id, CancellationToken ct)
    {
        BadgeClass? badgeClass = await FindAsync(tenantId, id, ct);
        if (badgeClass is null)
        {
            return Error.NotFound(Resource);
        }

        BadgeClassVersion version = await db.BadgeClassVersions.FirstAsync(v => v.Id == badgeClass.CurrentVersionId, ct);
        return new BadgeClassView(badgeClass, version, BadgeClassDefinition.Deserialize(version.Definition));
    }

    public async Task<Result<Page<BadgeClassView>>> ListAsync(
        string tenantId, string issuerId, int? limit, string? cursor, CancellationToken ct)
    {
        Result<PageRequest> request = PageRequest.Create(limit, cursor, BadgeClass.IdPrefix);
        if (!request.IsSuccess)
        {
            return request.Error;
        }

        bool issuerExists = IdGenerator.IsWellFormed(issuerId, IssuerProfile.IdPrefix)
            && await db.Issuers.AnyAsync(i => i.Id == issuerId && i.TenantId == tenantId && i.DeletedAt == null, ct);
        if (!issuerExists)
        {
            return Error.NotFound("issuer");
        }

        IQueryable<BadgeClass> query = db.BadgeClasses.Where(b => b.TenantId == tenantId && b.IssuerId == issuerId);
        if (request.Value.After is { } after)
        {
            query = query.Where(b => string.Compare(b.Id, after) > 0);
        }

        var rows = await query.OrderBy(b => b.Id).Take(request.Value.Limit + 1)
            .Join(db.BadgeClassVersions, b => b.CurrentVersionId, v => v.Id, (b, v) => new { b, v })
            .ToListAsync(ct);
        rows = rows.OrderBy(r => r.b.Id, StringComparer.Ordinal).ToList();
        bool more = rows.Count > request.Value.Limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var items = rows.Select(r => new BadgeClassView(r.b, r.v, BadgeClassDefinition.Deserialize(r.v.Definition))).ToList();
        return new Page<BadgeClassView>(items, more ? PageRequest.EncodeCursor(items[^1].BadgeClass.Id) : null);
    }

    /// <summary>
    /// Replaces the definition (the caller applied its merge patch to the current one) and optionally the image.
    /// A version that has awards is never changed: a new version becomes current instead.
    /// </summary>
    public async Task<Result<BadgeClassView>> UpdateAsync(
        string tenantId, string id, BadgeClassDefinition definition, ImageUpload? image, string? ifMatch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        BadgeClass? badgeClass = await FindAsync(tenantId, id, ct);
        if (badgeClass is null)
        {
            return Error.NotFound(Resource);
        }

        if (ifMatch is null)
        {
            return Error.PreconditionRequired();
        }

        if (!EntityTags.Matches(ifMatch, badgeClass.Version))
        {
            return Error.PreconditionFailed();
        }

        Result<BadgeClassDefinition> valid = BadgeClassValidator.Validate(definition);
        if (!valid.IsSuccess)
        {
            return valid.Error;
        }

        BadgeClassVersion current = await db.BadgeClassVersions.AsNoTracking().FirstAsync(v => v.Id == badgeClass.CurrentVersionId, ct);
        string imageId = current.ImageId;
        if (image is not null)
        {
            Result<BadgeImage> stored = StoreImage(tenantId, image);
            if (!stored.IsSuccess)
            {
                return stored.Error;
            }

            imageId = stored.Value.Id;
        }

        DateTime now = time.GetUtcNow().UtcDateTime;
        BadgeClassVersion result = current;
        if (current.Awarded)
        {
            int number = await db.BadgeClassVersions.Where(v => v.BadgeClassId == badgeClass.Id).MaxAsync(v => v.Number, ct);
            result = new BadgeClassVersion
            {
                Id = IdGenerator.New(BadgeClassVersion.IdPrefix, time),
                TenantId = tenantId,
                BadgeClassId = badgeClass.Id,
                IssuerId = badgeClass.IssuerId,
                Number = number + 1,
                Definition = valid.Value.Serialize(),
                ImageId = imageId,
                CreatedAt = now,
            };
            db.BadgeClassVersions.Add(result);
            badgeClass.CurrentVersionId = result.Id;
        }

        badgeClass.Version++;
        badgeClass.UpdatedAt = now;
        await using Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.PreconditionFailed();
        }

        if (!current.Awarded)
        {
            // Edit in place only while the version is still unawarded: a first award committed since our read wins,
            // and the caller retries (its next edit then creates a new version).
            string definitionJson = valid.Value.Serialize();
            int updated = await db.BadgeClassVersions.Where(v => v.Id == current.Id && !v.Awarded)
                .ExecuteUpdateAsync(u => u.SetProperty(v => v.Definition, definitionJson).SetProperty(v => v.ImageId, imageId), ct);
            if (updated == 0)
            {
                return Error.PreconditionFailed();
            }

            current.Definition = definitionJson;
            current.ImageId = imageId;
        }

        await transaction.CommitAsync(ct);
        return new BadgeClassView(badgeClass, result, valid.Value);
    }

    private Result<BadgeImage> StoreImage(string tenantId, ImageUpload upload)
    {
        BadgeImageResult checkedImage = BadgeImageValidator.Validate(upload.Data);
        if (!checkedImage.IsValid)
        {
            return Error.Validation("image", "invalid_image", checkedImage.Detail ?? "The image is not a valid PNG or SVG.");
        }

        if (upload.MediaType is not null && !string.Equals(upload.MediaType, checkedImage.MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return Error.Validation("image.mediaType", "media_type_mismatch",
                $"The image content is {checkedImage.MediaType}, not {upload.MediaType}.");
        }

        var image = new BadgeImage
        {
            Id = IdGenerator.New(BadgeImage.IdPrefix, time),
            TenantId = tenantId,
            MediaType = checkedImage.MediaType!,
            Content = checkedImage.Bytes!,
            Width = checkedImage.Width,
            Height = checkedImage.Height,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.BadgeImages.Add(image);
        return image;
    }

    private async Task<BadgeClass?> FindAsync(string tenantId, string id, CancellationToken ct) =>
        IdGenerator.IsWellFormed(id, BadgeClass.IdPrefix)
            ? await db.BadgeClasses.FirstOrDefaultAsync(b => b.Id == id && b.TenantId == tenantId, ct)
            : null;
}
