using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenBadgesIssuer.Standards.DataIntegrity;

/// <summary>Small helpers that build modified copies of JSON objects through <see cref="Utf8JsonWriter"/>.</summary>
internal static class JsonComposer
{
    internal static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 128 };

    private static readonly JsonWriterOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
        MaxDepth = 256,
    };

    private static readonly JsonWriterOptions Pretty = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
        MaxDepth = 256,
    };

    /// <summary>Writes a copy of <paramref name="source"/> without the members in <paramref name="exclude"/>, then appends extra members.</summary>
    public static byte[] Write(JsonElement source, ReadOnlySpan<string> exclude, Action<Utf8JsonWriter>? extra, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, indented ? Pretty : Compact))
        {
            writer.WriteStartObject();
            foreach (var property in source.EnumerateObject())
            {
                if (Contains(exclude, property.Name))
                {
                    continue;
                }
                property.WriteTo(writer);
            }
            extra?.Invoke(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A parsed copy of <paramref name="source"/> without some members and with extra ones.</summary>
    public static JsonElement Compose(JsonElement source, ReadOnlySpan<string> exclude, Action<Utf8JsonWriter>? extra) =>
        JsonElement.Parse(Write(source, exclude, extra));

    private static bool Contains(ReadOnlySpan<string> names, string name)
    {
        foreach (var n in names)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
