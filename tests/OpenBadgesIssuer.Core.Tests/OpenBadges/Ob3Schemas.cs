using System.Text.Json.Nodes;
using NJsonSchema;

namespace OpenBadgesIssuer.Core.Tests.OpenBadges;

/// <summary>
/// Loads the official OB 3.0 JSON Schemas (draft 2019-09) from the shared spec folder for NJsonSchema, which
/// resolves only draft-7 style <c>definitions</c>: <c>$defs</c> is renamed and its references rewritten; the
/// schema content is otherwise unchanged.
/// </summary>
internal static class Ob3Schemas
{
    internal static async Task<JsonSchema> LoadAsync(string fileName)
    {
        var path = SharedSpec.Require("ob3/schema/" + fileName);
        var root = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!.AsObject();
        if (root.Remove("$defs", out var defs))
        {
            root["definitions"] = defs;
        }
        var text = root.ToJsonString().Replace("\"#/$defs/", "\"#/definitions/", StringComparison.Ordinal);
        return await JsonSchema.FromJsonAsync(text, TestContext.Current.CancellationToken);
    }

    internal static IReadOnlyList<string> Errors(JsonSchema schema, byte[] json) =>
        schema.Validate(System.Text.Encoding.UTF8.GetString(json)).Select(e => e.ToString()).ToList();
}
