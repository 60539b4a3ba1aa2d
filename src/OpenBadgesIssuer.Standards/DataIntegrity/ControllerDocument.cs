using System.Text.Json;
using OpenBadgesIssuer.Standards.Multiformats;

namespace OpenBadgesIssuer.Standards.DataIntegrity;

/// <summary>
/// Reads verification keys out of fetched documents, for <see cref="IVerificationMethodResolver"/> implementations:
/// a controller document (DID document of did:web, or an issuer profile) listing <c>verificationMethod</c> entries and
/// verification relationships, or a standalone Multikey document (Controlled Identifiers 1.0 §2.2; DID Core §5.3).
/// </summary>
public static class ControllerDocument
{
    private static readonly string[] Relationships =
        ["assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation", "keyAgreement"];

    /// <summary>
    /// Finds the key a verification method id names in a fetched document. The document must be the one the id points
    /// at: its <c>id</c> equals the id without fragment (controller document) or the id itself (Multikey document).
    /// Keys come from <c>publicKeyMultibase</c> (Multikey or Ed25519VerificationKey2020). For controller documents the
    /// result lists the verification relationships that reference the key; a standalone key document lists none
    /// (<see cref="VerificationKey.ProofPurposes"/> null), so the caller must check its controller.
    /// </summary>
    public static bool TryGetVerificationKey(JsonElement document, string verificationMethodId, out VerificationKey key, out string error)
    {
        ArgumentNullException.ThrowIfNull(verificationMethodId);
        key = null!;
        if (document.ValueKind != JsonValueKind.Object)
        {
            error = "The document is not a JSON object.";
            return false;
        }
        var documentId = GetString(document, "id");
        var hash = verificationMethodId.IndexOf('#', StringComparison.Ordinal);
        var baseId = hash < 0 ? verificationMethodId : verificationMethodId[..hash];

        // Standalone verification method document.
        if (document.TryGetProperty("publicKeyMultibase", out _))
        {
            if (!string.Equals(documentId, verificationMethodId, StringComparison.Ordinal))
            {
                error = "The key document's id is not the verification method id.";
                return false;
            }
            return TryReadMethod(document, verificationMethodId, null, out key, out error);
        }

        if (!string.Equals(documentId, baseId, StringComparison.Ordinal))
        {
            error = "The controller document's id does not match the verification method id.";
            return false;
        }
        if (!document.TryGetProperty("verificationMethod", out var methods))
        {
            error = "The controller document has no verificationMethod.";
            return false;
        }
        JsonElement? found = null;
        foreach (var method in AsArray(methods))
        {
            if (method.ValueKind == JsonValueKind.Object &&
                string.Equals(Resolve(GetString(method, "id"), baseId), verificationMethodId, StringComparison.Ordinal))
            {
                found = method;
                break;
            }
        }
        var purposes = new List<string>();
        foreach (var relationship in Relationships)
        {
            if (!document.TryGetProperty(relationship, out var references))
            {
                continue;
            }
            foreach (var reference in AsArray(references))
            {
                var referenced = reference.ValueKind switch
                {
                    JsonValueKind.String => Resolve(reference.GetString(), baseId),
                    JsonValueKind.Object => Resolve(GetString(reference, "id"), baseId),
                    _ => null,
                };
                if (!string.Equals(referenced, verificationMethodId, StringComparison.Ordinal))
                {
                    continue;
                }
                purposes.Add(relationship);
                if (found is null && reference.ValueKind == JsonValueKind.Object)
                {
                    found = reference; // embedded verification method
                }
            }
        }
        if (found is not { } entry)
        {
            error = "The controller document does not list the verification method.";
            return false;
        }
        return TryReadMethod(entry, verificationMethodId, purposes, out key, out error);
    }

    private static bool TryReadMethod(JsonElement method, string id, IReadOnlyCollection<string>? purposes, out VerificationKey key, out string error)
    {
        key = null!;
        var type = GetString(method, "type");
        if (type is not ("Multikey" or "Ed25519VerificationKey2020"))
        {
            error = "Unsupported verification method type.";
            return false;
        }
        var controller = GetString(method, "controller");
        if (controller is null)
        {
            error = "The verification method has no controller.";
            return false;
        }
        var multibase = GetString(method, "publicKeyMultibase");
        if (multibase is null)
        {
            error = "The verification method has no publicKeyMultibase.";
            return false;
        }
        MultikeyValue value;
        try
        {
            value = Multikey.Decode(multibase);
        }
        catch (FormatException ex)
        {
            error = "publicKeyMultibase is not a supported public Multikey: " + ex.Message;
            return false;
        }
        if (value.Type == MultikeyType.Ed25519Secret)
        {
            error = "publicKeyMultibase holds a secret key.";
            return false;
        }
        key = new VerificationKey(id, controller, value.Type, value.Key, purposes);
        error = string.Empty;
        return true;
    }

    private static string? Resolve(string? reference, string baseId) =>
        reference is not null && reference.StartsWith('#') ? baseId + reference : reference;

    private static IEnumerable<JsonElement> AsArray(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value];

    private static string? GetString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
