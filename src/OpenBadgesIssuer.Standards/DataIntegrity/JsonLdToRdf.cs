using System.Text.Json;
using OpenBadgesIssuer.Standards.JsonLd;
using OpenBadgesIssuer.Standards.Rdf;

namespace OpenBadgesIssuer.Standards.DataIntegrity;

/// <summary>
/// The single bridge from Data Integrity to the JSON-LD processor: JSON-LD → RDF dataset with the settings the
/// eddsa-rdfc-2022 cryptosuite requires (safe mode, base IRI null, rdfDirection i18n-datatype, no generalized RDF,
/// contexts served only from the embedded static documents).
/// </summary>
internal static class JsonLdToRdf
{
    private static readonly JsonLdOptions Options = new()
    {
        Base = null,
        SafeMode = true,
        RdfDirection = RdfDirectionMode.I18nDatatype,
        ProduceGeneralizedRdf = false,
    };

    /// <summary>Converts a JSON-LD document to its RDF dataset; <paramref name="loader"/> null means the embedded contexts.</summary>
    public static IReadOnlyCollection<RdfQuad> Convert(JsonElement document, IDocumentLoader? loader) =>
        JsonLdProcessor.ToRdf(document, loader is null ? Options : new JsonLdOptions
        {
            Base = null,
            SafeMode = true,
            RdfDirection = RdfDirectionMode.I18nDatatype,
            ProduceGeneralizedRdf = false,
            DocumentLoader = loader,
        });

    /// <summary>True for the exceptions the JSON-LD processor raises for invalid or unsafe documents.</summary>
    public static bool IsProcessingError(Exception exception) => exception is JsonLdException;
}
