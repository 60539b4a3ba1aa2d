using System.Globalization;
using System.Text.Json;

namespace OpenBadgesIssuer.Standards.OpenBadges;

/// <summary>Small helpers for the Open Badges writers: omit nulls and empty arrays (OB 3.0 "Serialization").</summary>
internal static class JsonOut
{
    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        // The default encoder escapes HTML-sensitive characters, which is valid JSON and safe to embed in pages.
    };

    internal static void Optional(this Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    internal static void Optional(this Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    internal static void OptionalDate(this Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, FormatDate(v));
        }
    }

    internal static void StringArray(this Utf8JsonWriter w, string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            return;
        }
        var list = values as IReadOnlyCollection<string> ?? values.ToList();
        if (list.Count == 0)
        {
            return;
        }
        w.WriteStartArray(name);
        foreach (var v in list)
        {
            w.WriteStringValue(v);
        }
        w.WriteEndArray();
    }

    internal static void ObjectArray<T>(this Utf8JsonWriter w, string name, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> writeItem)
    {
        if (items is null || items.Count == 0)
        {
            return;
        }
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            writeItem(w, item);
        }
        w.WriteEndArray();
    }

    /// <summary>
    /// UTC, whole seconds, trailing <c>Z</c> (XML Schema dateTimeStamp / OB DateTimeZ; ISO 8601 with zone for OB 2.0).
    /// Fractional seconds are dropped so that every consumer round-trips the value.
    /// </summary>
    internal static string FormatDate(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            body(w);
        }
        return buffer.WrittenSpan.ToArray();
    }
}
