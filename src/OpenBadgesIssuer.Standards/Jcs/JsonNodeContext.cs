using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OpenBadgesIssuer.Standards.Jcs;

/// <summary>Source-generated serialization metadata for writing <see cref="JsonNode"/> trees.</summary>
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class JsonNodeContext : JsonSerializerContext;
