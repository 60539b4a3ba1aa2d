using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace OpenBadgesIssuer.Standards.JsonLd;

/// <summary>A document returned by an <see cref="IDocumentLoader"/>.</summary>
public sealed class RemoteDocument
{
    /// <summary>Creates a remote document.</summary>
    /// <param name="documentUrl">The final URL of the document (after redirects); relative context references resolve against it.</param>
    /// <param name="document">The parsed JSON document.</param>
    public RemoteDocument(string documentUrl, JsonElement document)
    {
        ArgumentNullException.ThrowIfNull(documentUrl);
        DocumentUrl = documentUrl;
        Document = document;
    }

    /// <summary>The final URL of the document.</summary>
    public string DocumentUrl { get; }

    /// <summary>The JSON document.</summary>
    public JsonElement Document { get; }
}

/// <summary>
/// Loads remote JSON-LD contexts. The processor caches what a loader returns (parsed and processed once per loader
/// instance and URL), so a loader must return the same document for the same URL for its whole lifetime.
/// </summary>
public interface IDocumentLoader
{
    /// <summary>Loads the document at <paramref name="url"/> or throws (preferably a <see cref="JsonLdException"/>
    /// with code <see cref="JsonLdErrorCode.LoadingRemoteContextFailed"/>).</summary>
    RemoteDocument LoadDocument(string url);
}

/// <summary>
/// The default loader: serves only the context documents embedded in this library (VC v1/v2, Open Badges 2.0 and 3.0,
/// Data Integrity, Multikey, JWK, DID v1, Bitstring Status List, Ed25519-2020, 1EdTech extensions) and refuses every
/// other URL. It never touches the network.
/// </summary>
public sealed class EmbeddedContextLoader : IDocumentLoader
{
    private static readonly FrozenDictionary<string, string> UrlToResource = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["https://www.w3.org/ns/credentials/v2"] = "w3c-credentials-v2.jsonld",
        ["https://www.w3.org/2018/credentials/v1"] = "w3c-credentials-v1.jsonld",
        ["https://www.w3.org/ns/credentials/examples/v2"] = "w3c-credentials-examples-v2.jsonld",
        ["https://www.w3.org/ns/credentials/status/v1"] = "w3c-credentials-status-v1.jsonld",
        ["https://www.w3.org/ns/did/v1"] = "w3c-did-v1.jsonld",
        ["https://w3id.org/security/data-integrity/v2"] = "w3id-security-data-integrity-v2.jsonld",
        ["https://w3id.org/security/data-integrity/v1"] = "w3id-security-data-integrity-v1.jsonld",
        ["https://w3id.org/security/multikey/v1"] = "w3id-security-multikey-v1.jsonld",
        ["https://w3id.org/security/jwk/v1"] = "w3id-security-jwk-v1.jsonld",
        ["https://w3id.org/security/suites/ed25519-2020/v1"] = "w3id-security-suites-ed25519-2020-v1.jsonld",
        ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"] = "ob-v3p0-context-3.0.3.validator-copy.json",
        ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json"] = "ob-v3p0-context-3.0.2.json",
        ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json"] = "ob-v3p0-context-3.0.1.json",
        ["https://purl.imsglobal.org/spec/ob/v3p0/context.json"] = "ob-v3p0-context.json",
        ["https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"] = "ob-v3p0-extensions.json",
        ["https://w3id.org/openbadges/v2"] = "ob-v2-context.json",
        ["https://openbadgespec.org/v2/context.json"] = "ob-v2-context.json",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, RemoteDocument> Loaded = new(StringComparer.Ordinal);

    private EmbeddedContextLoader()
    {
    }

    /// <summary>The single instance.</summary>
    public static EmbeddedContextLoader Instance { get; } = new();

    /// <summary>The context URLs this loader serves.</summary>
    public static IEnumerable<string> Urls => UrlToResource.Keys;

    /// <summary>True when <paramref name="url"/> is served by this loader.</summary>
    public static bool IsEmbedded(string url) => url is not null && UrlToResource.ContainsKey(url);

    /// <inheritdoc />
    public RemoteDocument LoadDocument(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!UrlToResource.TryGetValue(url, out var file))
        {
            throw new JsonLdException(
                JsonLdErrorCode.LoadingRemoteContextFailed,
                "The context '" + url + "' is not one of the contexts embedded in this library; remote contexts are never fetched.");
        }
        return Loaded.GetOrAdd(url, static (u, f) => new RemoteDocument(u, ReadResource(f)), file);
    }

    private static JsonElement ReadResource(string file)
    {
        var name = "OpenBadgesIssuer.Standards.Contexts." + file;
        using var stream = typeof(EmbeddedContextLoader).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("Embedded context resource missing: " + name);
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.Clone();
    }
}

/// <summary>Per-loader cache of dereferenced contexts (the <c>@context</c> value of each loaded document, parsed once).</summary>
internal static class LoaderCache
{
    private static readonly ConditionalWeakTable<IDocumentLoader, ConcurrentDictionary<string, LoadedContext>> Caches = new();

    internal sealed record LoadedContext(string DocumentUrl, object? Context);

    public static LoadedContext Load(IDocumentLoader loader, string url)
    {
        var cache = Caches.GetValue(loader, static _ => new ConcurrentDictionary<string, LoadedContext>(StringComparer.Ordinal));
        if (cache.TryGetValue(url, out var hit))
        {
            return hit;
        }
        RemoteDocument remote;
        try
        {
            remote = loader.LoadDocument(url);
        }
        catch (JsonLdException e) when (string.Equals(e.Code, JsonLdErrorCode.LoadingRemoteContextFailed, StringComparison.Ordinal))
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingRemoteContextFailed, "The context '" + url + "' could not be loaded.", e);
        }
        if (remote.Document.ValueKind != JsonValueKind.Object || !remote.Document.TryGetProperty("@context", out var ctx))
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidRemoteContext, "The document at '" + url + "' is not a map with an @context entry.");
        }
        var loaded = new LoadedContext(remote.DocumentUrl, JsonTree.FromElement(ctx, isStatic: true));
        cache.TryAdd(url, loaded);
        return loaded;
    }
}
