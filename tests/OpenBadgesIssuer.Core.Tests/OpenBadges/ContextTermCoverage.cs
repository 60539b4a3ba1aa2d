using System.Text.Json.Nodes;

namespace OpenBadgesIssuer.Core.Tests.OpenBadges;

/// <summary>
/// A deliberately small JSON-LD term check over the stored context files: every property name and every
/// <c>type</c> value of a document must be a term defined for its node (top-level terms of the document's
/// contexts, plus the type-scoped context of the node's own types — type-scoped contexts do not propagate —
/// plus the property-scoped context of the property leading to the node). The VC v2 context has no @vocab, so
/// an undefined term would be dropped by expansion and rejected by safe-mode signing.
/// </summary>
internal static class ContextTermCoverage
{
    internal static IReadOnlyList<string> UndefinedTerms(byte[] json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var urls = JsonNode.Parse(File.ReadAllText(SharedSpec.Require("contexts/urls.json")))!.AsObject();
        var topLevel = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var ctx in root["@context"]!.AsArray())
        {
            var url = (string)ctx!;
            var file = (string?)urls[url] ?? throw new InvalidOperationException("No stored copy of context " + url);
            var context = JsonNode.Parse(File.ReadAllText(SharedSpec.Require("contexts/" + file)))!["@context"]!.AsObject();
            foreach (var (term, def) in context)
            {
                topLevel[term] = def;
            }
        }
        var problems = new List<string>();
        Visit(root, "$", topLevel, null, problems);
        return problems;
    }

    private static void Visit(JsonObject node, string path, Dictionary<string, JsonNode?> topLevel, JsonObject? propertyScoped, List<string> problems)
    {
        var active = new Dictionary<string, JsonNode?>(topLevel, StringComparer.Ordinal);
        AddScoped(active, propertyScoped);
        foreach (var type in Types(node))
        {
            if (topLevel.TryGetValue(type, out var def) && def is JsonObject d && d["@context"] is JsonObject scoped)
            {
                AddScoped(active, scoped);
            }
        }
        foreach (var type in Types(node))
        {
            if (!active.ContainsKey(type) && !type.Contains(':', StringComparison.Ordinal))
            {
                problems.Add($"{path}.type value '{type}' is not defined");
            }
        }
        foreach (var (name, value) in node)
        {
            if (name.StartsWith('@'))
            {
                continue;
            }
            if (!active.TryGetValue(name, out var def))
            {
                problems.Add($"{path}.{name} is not defined");
                continue;
            }
            if (def is JsonObject json && (string?)json["@type"] == "@json")
            {
                continue; // a JSON literal (e.g. publicKeyJwk): its members are not terms
            }
            var childScoped = def is JsonObject o ? o["@context"] as JsonObject : null;
            foreach (var child in value is JsonArray arr ? arr.ToList() : new List<JsonNode?> { value })
            {
                if (child is JsonObject obj)
                {
                    Visit(obj, path + "." + name, topLevel, childScoped, problems);
                }
            }
        }
    }

    private static void AddScoped(Dictionary<string, JsonNode?> active, JsonObject? scoped)
    {
        if (scoped is null)
        {
            return;
        }
        foreach (var (term, def) in scoped)
        {
            active[term] = def;
        }
    }

    private static IEnumerable<string> Types(JsonObject node) => node["type"] switch
    {
        JsonArray a => a.Select(t => (string)t!),
        JsonValue v => [(string)v!],
        _ => [],
    };
}
