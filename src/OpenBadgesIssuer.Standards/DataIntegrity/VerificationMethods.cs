using OpenBadgesIssuer.Standards.Keys;
using OpenBadgesIssuer.Standards.Multiformats;

namespace OpenBadgesIssuer.Standards.DataIntegrity;

/// <summary>A resolved verification method: the public key and what it may be used for.</summary>
/// <param name="Id">The verification method id as written in the proof.</param>
/// <param name="Controller">The controller (DID or URL) of the key.</param>
/// <param name="KeyType">The key type; only Ed25519 keys verify eddsa proofs.</param>
/// <param name="PublicKey">The raw public key.</param>
/// <param name="ProofPurposes">
/// The proof purposes (verification relationships) the controller authorizes this key for; null means the resolver does
/// not restrict them.
/// </param>
public sealed record VerificationKey(
    string Id,
    string Controller,
    MultikeyType KeyType,
    ReadOnlyMemory<byte> PublicKey,
    IReadOnlyCollection<string>? ProofPurposes = null);

/// <summary>
/// Resolves verification method ids that are not did:key (e.g. did:web, HTTPS key documents). Implemented by the
/// caller (the library performs no network access). Return null when the id is unknown.
/// </summary>
public interface IVerificationMethodResolver
{
    /// <summary>Resolves a verification method id to its key, or null.</summary>
    ValueTask<VerificationKey?> ResolveAsync(string verificationMethod, CancellationToken cancellationToken);
}

/// <summary>Built-in verification method resolution.</summary>
internal static class BuiltInResolution
{
    /// <summary>
    /// did:key, as <c>did:key:z…#z…</c> or the bare DID (its only key is authorized for every purpose of a did:key
    /// document; 1EdTech samples use the bare form).
    /// </summary>
    public static VerificationKey? TryDidKey(string verificationMethod)
    {
        if (!verificationMethod.StartsWith("did:key:", StringComparison.Ordinal))
        {
            return null;
        }
        if (!DidKey.TryResolve(verificationMethod, out var resolution, out _))
        {
            return null;
        }
        return new VerificationKey(verificationMethod, resolution.Did, resolution.KeyType, resolution.PublicKey);
    }

    /// <summary>
    /// The Open Badges convention <c>&lt;controller&gt;#&lt;publicKeyMultibase&gt;</c>: the fragment is the key itself.
    /// The controller is the part before <c>#</c>; the caller must check that it is the credential's issuer.
    /// </summary>
    public static VerificationKey? TryMultikeyFragment(string verificationMethod)
    {
        var hash = verificationMethod.IndexOf('#', StringComparison.Ordinal);
        if (hash <= 0 || hash == verificationMethod.Length - 1)
        {
            return null;
        }
        MultikeyValue value;
        try
        {
            value = Multikey.Decode(verificationMethod[(hash + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
        if (value.Type == MultikeyType.Ed25519Secret)
        {
            return null;
        }
        return new VerificationKey(verificationMethod, verificationMethod[..hash], value.Type, value.Key);
    }
}
