using System.Buffers.Text;
using System.Text;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Identifiers;

namespace OpenBadgesIssuer.Core.Paging;

/// <summary>One page of a list ordered by id; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>A validated page request: <see cref="After"/> is the id the page starts after.</summary>
public sealed record PageRequest(int Limit, string? After)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>Checks <c>limit</c> (1–100) and decodes the opaque cursor (base64url of the last id seen).</summary>
    public static Result<PageRequest> Create(int? limit, string? cursor, string idPrefix)
    {
        int effective = limit ?? DefaultLimit;
        if (effective is < 1 or > MaxLimit)
        {
            return Error.BadRequest("invalid_limit", $"limit must be between 1 and {MaxLimit}.", "limit");
        }

        if (cursor is null)
        {
            return new PageRequest(effective, null);
        }

        string? after = Decode(cursor);
        return IdGenerator.IsWellFormed(after, idPrefix)
            ? new PageRequest(effective, after)
            : Error.BadRequest("invalid_cursor", "The cursor is not one this service issued.", "cursor");
    }

    public static string EncodeCursor(string lastId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastId));

    private static string? Decode(string cursor)
    {
        if (cursor.Length > 100)
        {
            return null;
        }

        byte[] buffer = new byte[Base64Url.GetMaxDecodedLength(cursor.Length)];
        return Base64Url.DecodeFromChars(cursor, buffer, out _, out int written) == System.Buffers.OperationStatus.Done
            ? Encoding.UTF8.GetString(buffer, 0, written)
            : null;
    }
}
