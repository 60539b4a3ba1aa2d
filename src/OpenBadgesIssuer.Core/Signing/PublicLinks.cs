using System.Globalization;

namespace OpenBadgesIssuer.Core.Signing;

/// <summary>
/// The public URL scheme (all absolute, below <c>PublicBaseUrl</c>). These paths are stable: credentials embed them.
/// <list type="bullet">
/// <item><c>/issuers/{id}/did.json</c> DID document of <c>did:web:&lt;host&gt;[%3Aport][:base path]:issuers:{id}</c></item>
/// <item><c>/issuers/{id}/jwks.json</c>, <c>/issuers/{id}/keys/{kid}</c> (bare JWK, the VC-JWT <c>kid</c>)</item>
/// <item><c>/ob3/issuers/{id}</c> OB 3.0 Profile; <c>/ob2/issuers/{id}</c> OB 2.0 Issuer, <c>/ob2/issuers/{id}/keys/{kid}</c>
/// CryptographicKey, <c>/ob2/issuers/{id}/revocations</c> RevocationList</item>
/// <item><c>/ob2/badge-classes/{versionId}</c> BadgeClass; <c>/ob3/achievements/{versionId}</c> Achievement id; <c>/images/{imageId}</c></item>
/// <item><c>/ob2/assertions/{id}</c>, <c>/ob2/assertions/{id}/signed</c>, <c>/ob3/credentials/{id}</c>,
/// <c>/ob3/credentials/{id}/jwt</c>, <c>/assertions/{id}/baked.png|svg[?version=2]</c>, <c>/assertions/{id}</c> (HTML)</item>
/// </list>
/// </summary>
public sealed class PublicLinks
{
    public PublicLinks(string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        BaseUrl = baseUrl.TrimEnd('/');
    }

    public string BaseUrl { get; }

    /// <summary>
    /// did:web of an issuer. did:web resolves over HTTPS; a plain-http base (local development, tests) keeps the same
    /// DID shape and the document is served at the same path.
    /// </summary>
    public string IssuerDid(string issuerId)
    {
        var uri = new Uri(BaseUrl, UriKind.Absolute);
        string host = uri.IdnHost.ToLowerInvariant();
        if (!uri.IsDefaultPort)
        {
            host += "%3A" + uri.Port.ToString(CultureInfo.InvariantCulture);
        }

        IEnumerable<string> segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["issuers", issuerId]);
        return "did:web:" + string.Join(':', segments.Prepend(host));
    }

    public string DidDocument(string issuerId) => $"{BaseUrl}/issuers/{issuerId}/did.json";

    public string Jwks(string issuerId) => $"{BaseUrl}/issuers/{issuerId}/jwks.json";

    public string Jwk(string issuerId, string keyId) => $"{BaseUrl}/issuers/{issuerId}/keys/{keyId}";

    public string Ob3Profile(string issuerId) => $"{BaseUrl}/ob3/issuers/{issuerId}";

    public string Ob2Issuer(string issuerId) => $"{BaseUrl}/ob2/issuers/{issuerId}";

    public string Ob2Key(string issuerId, string keyId) => $"{BaseUrl}/ob2/issuers/{issuerId}/keys/{keyId}";

    public string Ob2RevocationList(string issuerId) => $"{BaseUrl}/ob2/issuers/{issuerId}/revocations";

    public string Ob2BadgeClass(string versionId) => $"{BaseUrl}/ob2/badge-classes/{versionId}";

    public string Achievement(string versionId) => $"{BaseUrl}/ob3/achievements/{versionId}";

    public string Image(string imageId) => $"{BaseUrl}/images/{imageId}";

    public string Ob2Assertion(string id) => $"{BaseUrl}/ob2/assertions/{id}";

    public string Ob2Signed(string id) => $"{BaseUrl}/ob2/assertions/{id}/signed";

    public string Ob3Credential(string id) => $"{BaseUrl}/ob3/credentials/{id}";

    public string Ob3Jwt(string id) => $"{BaseUrl}/ob3/credentials/{id}/jwt";

    public string BakedPng(string id, int version = 3) => $"{BaseUrl}/assertions/{id}/baked.png" + (version == 2 ? "?version=2" : "");

    public string BakedSvg(string id, int version = 3) => $"{BaseUrl}/assertions/{id}/baked.svg" + (version == 2 ? "?version=2" : "");

    public string Html(string id) => $"{BaseUrl}/assertions/{id}";
}
