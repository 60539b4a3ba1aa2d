using System.Text.Json;
using OpenBadgesIssuer.Standards.Rdf;

namespace OpenBadgesIssuer.Standards.DataIntegrity;

/// <summary>
/// The single bridge from Data Integrity to the JSON-LD processor: JSON-LD → RDF dataset with the settings the
/// eddsa-rdfc-2022 cryptosuite requires (safe mode, base IRI null, rdfDirection i18n-datatype, no generalized RDF,
/// only the embedded static contexts).
/// </summary>
internal static class JsonLdToRdf
{
    /// <summary>Converts a JSON-LD document to its RDF dataset.</summary>
    public static IReadOnlyCollection<RdfQuad> Convert(JsonElement document)
    {
        _ = document;
        // The JSON-LD processor lives on the jsonld branch; until it is merged here, RDFC-based suites are unavailable.
        throw new NotSupportedException("The JSON-LD processor is not available in this build.");
    }

    /// <summary>True for the exceptions the JSON-LD processor raises for invalid or unsafe documents.</summary>
    public static bool IsProcessingError(Exception exception) => exception is NotSupportedException;
}
