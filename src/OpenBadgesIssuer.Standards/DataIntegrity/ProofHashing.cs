using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using OpenBadgesIssuer.Standards.Jcs;
using OpenBadgesIssuer.Standards.JsonLd;
using OpenBadgesIssuer.Standards.Rdf;

namespace OpenBadgesIssuer.Standards.DataIntegrity;

/// <summary>How a proof's inputs are canonicalized.</summary>
internal enum Canonicalization
{
    /// <summary>JSON-LD to RDF, then RDFC-1.0 (eddsa-rdfc-2022, Ed25519Signature2020).</summary>
    Rdfc,

    /// <summary>RFC 8785 JCS (eddsa-jcs-2022).</summary>
    Jcs,
}

/// <summary>The intermediate values of a proof computation (vc-di-eddsa "Transformation" and "Hashing").</summary>
internal sealed record ProofHashes(byte[] CanonicalProofConfig, byte[] CanonicalDocument, byte[] ProofHash, byte[] DocumentHash)
{
    /// <summary>proofHash ‖ documentHash — the data that is signed.</summary>
    public byte[] Combined => [.. ProofHash, .. DocumentHash];
}

/// <summary>Raised inside the proof pipeline when a document cannot be canonicalized.</summary>
internal sealed class ProofCanonicalizationException(string message, Exception inner, bool limit) : Exception(message, inner)
{
    public bool LimitExceeded { get; } = limit;
}

/// <summary>Canonicalization and hashing of the proof configuration and the unsecured document.</summary>
internal static class ProofHashing
{
    /// <summary>
    /// Canonicalizes and hashes the proof configuration FIRST, then the unsecured document (the order of vc-di-eddsa
    /// §3.3 / §3.4); both are SHA-256.
    /// </summary>
    public static ProofHashes Compute(
        Canonicalization method, JsonElement proofConfig, JsonElement unsecuredDocument, RdfCanonicalizationOptions? options, IDocumentLoader? loader)
    {
        var canonicalProof = Canonicalize(method, proofConfig, options, loader);
        var canonicalDocument = Canonicalize(method, unsecuredDocument, options, loader);
        return new ProofHashes(canonicalProof, canonicalDocument, SHA256.HashData(canonicalProof), SHA256.HashData(canonicalDocument));
    }

    public static byte[] Canonicalize(Canonicalization method, JsonElement value, RdfCanonicalizationOptions? options, IDocumentLoader? loader)
    {
        try
        {
            if (method == Canonicalization.Jcs)
            {
                return JcsCanonicalizer.Canonicalize(value);
            }
            var dataset = JsonLdToRdf.Convert(value, loader);
            var canonical = RdfCanonicalizer.Canonicalize(dataset, options).Utf8;
            // The result owns a fresh array holding exactly the N-Quads: take it instead of copying it.
            return MemoryMarshal.TryGetArray(canonical, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
                ? segment.Array
                : canonical.ToArray();
        }
        catch (RdfCanonicalizationLimitException ex)
        {
            throw new ProofCanonicalizationException(ex.Message, ex, limit: true);
        }
        catch (Exception ex) when (ex is FormatException || JsonLdToRdf.IsProcessingError(ex))
        {
            throw new ProofCanonicalizationException(ex.Message, ex, limit: false);
        }
    }
}
