using OpenBadgesIssuer.Standards.Multiformats;

namespace OpenBadgesIssuer.Standards.Keys;

/// <summary>The public key a did:key DID (or one of its verification method ids) stands for.</summary>
/// <param name="Did">The DID, <c>did:key:z…</c>.</param>
/// <param name="VerificationMethodId">The verification method id, <c>did:key:z…#z…</c>.</param>
/// <param name="PublicKeyMultibase">The Multikey value.</param>
/// <param name="KeyType">The key type.</param>
/// <param name="PublicKey">The raw public key.</param>
public sealed record DidKeyResolution(
    string Did,
    string VerificationMethodId,
    string PublicKeyMultibase,
    MultikeyType KeyType,
    ReadOnlyMemory<byte> PublicKey);

/// <summary>The did:key method (W3C CCG did:key v0.7) for Ed25519 and P-256 Multikeys.</summary>
public static class DidKey
{
    private const string Prefix = "did:key:";

    /// <summary>Creates <c>did:key:z6Mk…</c> from a 32-byte Ed25519 public key.</summary>
    public static string FromEd25519PublicKey(ReadOnlySpan<byte> publicKey) => Prefix + Multikey.EncodeEd25519PublicKey(publicKey);

    /// <summary>The verification method id of a did:key DID: <c>did:key:z…#z…</c>.</summary>
    /// <exception cref="FormatException">Not a did:key DID.</exception>
    public static string VerificationMethodId(string did) => Resolve(did).VerificationMethodId;

    /// <summary>
    /// Resolves a did:key DID or DID URL. A fragment, when present, must equal the multibase value (the only
    /// verification method a did:key document has).
    /// </summary>
    /// <exception cref="FormatException">Not a did:key for a supported public key.</exception>
    public static DidKeyResolution Resolve(string didOrDidUrl)
    {
        if (!TryResolve(didOrDidUrl, out var resolution, out var error))
        {
            throw new FormatException(error);
        }
        return resolution;
    }

    /// <summary>Resolves a did:key DID or DID URL without throwing.</summary>
    public static bool TryResolve(string? didOrDidUrl, out DidKeyResolution resolution, out string error)
    {
        resolution = null!;
        if (didOrDidUrl is null || !didOrDidUrl.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = "Not a did:key identifier.";
            return false;
        }
        var rest = didOrDidUrl.AsSpan(Prefix.Length);
        string? fragment = null;
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            fragment = rest[(hash + 1)..].ToString();
            rest = rest[..hash];
        }
        if (rest.IndexOfAny('?', '/', ':') >= 0)
        {
            error = "did:key identifiers with paths, queries or versions are not supported.";
            return false;
        }
        var multibase = rest.ToString();
        MultikeyValue key;
        try
        {
            key = Multikey.Decode(multibase);
        }
        catch (FormatException ex)
        {
            error = "did:key value is not a supported Multikey: " + ex.Message;
            return false;
        }
        if (key.Type == MultikeyType.Ed25519Secret)
        {
            error = "did:key value must be a public key.";
            return false;
        }
        if (fragment is not null && !string.Equals(fragment, multibase, StringComparison.Ordinal))
        {
            error = "did:key fragment does not name the key's verification method.";
            return false;
        }
        var did = Prefix + multibase;
        resolution = new DidKeyResolution(did, did + "#" + multibase, multibase, key.Type, key.Key);
        error = string.Empty;
        return true;
    }
}
