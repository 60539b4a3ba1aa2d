using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OpenBadgesIssuer.Core.Persistence.Converters;

/// <summary>
/// Every timestamp is UTC on the way in and comes back with <see cref="DateTimeKind.Utc"/> (SQLite keeps no kind;
/// Npgsql refuses non-UTC values for timestamptz). Values are cut to whole microseconds, PostgreSQL's precision,
/// so both providers round-trip the same value.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => ToStore(v),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
{
    private static DateTime ToStore(DateTime value)
    {
        DateTime utc = value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }
}
