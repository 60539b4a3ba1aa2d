using System.Text.Json;
using OpenBadgesIssuer.Standards.JsonLd;

namespace OpenBadgesIssuer.Standards.Tests.JsonLd;

public sealed class DocumentLoaderTests
{
    [Theory]
    [InlineData("https://example.com/context.jsonld")]
    [InlineData("https://www.w3.org/ns/credentials/v3")]
    [InlineData("http://www.w3.org/ns/credentials/v2")] // http, not https: not the embedded URL
    [InlineData("file:///etc/passwd")]
    public void EmbeddedLoaderRefusesUnknownUrls(string url)
    {
        var e = Assert.Throws<JsonLdException>(() => EmbeddedContextLoader.Instance.LoadDocument(url));
        Assert.Equal(JsonLdErrorCode.LoadingRemoteContextFailed, e.Code);
        Assert.Contains(url, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProcessingADocumentWithAnUnknownContextFailsWithTheSpecErrorCode()
    {
        const string doc = """{"@context": "https://example.com/unknown", "name": "x"}""";
        var e = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(doc));
        Assert.Equal("loading remote context failed", e.Code);
    }

    [Fact]
    public void EveryEmbeddedUrlServesAContextDocument()
    {
        var urls = EmbeddedContextLoader.Urls.ToList();
        Assert.Contains("https://www.w3.org/ns/credentials/v2", urls);
        Assert.Contains("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", urls);
        Assert.Contains("https://w3id.org/openbadges/v2", urls);
        Assert.Contains("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", urls);
        Assert.Contains("https://w3id.org/security/data-integrity/v2", urls);
        Assert.Contains("https://w3id.org/security/multikey/v1", urls);
        Assert.Contains("https://www.w3.org/ns/did/v1", urls);
        foreach (var url in urls)
        {
            var doc = EmbeddedContextLoader.Instance.LoadDocument(url);
            Assert.Equal(url, doc.DocumentUrl);
            Assert.Equal(JsonValueKind.Object, doc.Document.ValueKind);
            Assert.True(doc.Document.TryGetProperty("@context", out _), url);
            // Each context must also be processable on its own.
            var input = "{\"@context\": \"" + url + "\", \"@id\": \"urn:x:1\"}";
            _ = JsonLdProcessor.Expand(input);
        }
    }

    [Fact]
    public void EmbeddedContextsMatchTheSharedCopies()
    {
        var dir = SharedSpecFiles.Require("contexts");
        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(dir, "urls.json")))!;
        foreach (var (url, file) in map)
        {
            if (url == "comment")
            {
                continue;
            }
            if (url is "https://w3id.org/openbadges/v1" or "https://openbadgespec.org/v1/context.json")
            {
                // Not embedded on purpose (it needs a legacy-v1 context nobody has a copy of): see Contexts/LICENSES.md.
                Assert.False(EmbeddedContextLoader.IsEmbedded(url));
                continue;
            }
            var served = EmbeddedContextLoader.Instance.LoadDocument(url).Document;
            var name = file == "ob-v3p0-context-3.0.3.json" ? "ob-v3p0-context-3.0.3.validator-copy.json" : file;
            using var shared = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, name)));
            Assert.True(JsonElement.DeepEquals(served, shared.RootElement), url);
        }
    }

    [Fact]
    public void CustomLoaderFailuresAreReportedAsLoadingRemoteContextFailed()
    {
        var options = new JsonLdOptions { DocumentLoader = new ThrowingLoader() };
        var e = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf("""{"@context": "https://example.org/c", "@id": "urn:a"}""", options));
        Assert.Equal(JsonLdErrorCode.LoadingRemoteContextFailed, e.Code);
        Assert.IsType<IOException>(e.InnerException);
    }

    [Fact]
    public void ContextsAreProcessedOnceAndReused()
    {
        var loader = new CountingLoader();
        var options = new JsonLdOptions { DocumentLoader = loader };
        const string doc = """{"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:a", "type": "VerifiableCredential", "name": "n"}""";
        var first = JsonLdProcessor.ToRdf(doc, options);
        var second = JsonLdProcessor.ToRdf(doc, options);
        Assert.Equal(first, second);
        Assert.Equal(1, loader.Loads);

        var processor = new ContextProcessor(EmbeddedContextLoader.Instance);
        var initial = new ActiveContext(null, null, jsonLd10: false) { Shareable = true };
        var a = processor.Process(initial, "https://www.w3.org/ns/credentials/v2", null);
        var b = processor.Process(initial, "https://www.w3.org/ns/credentials/v2", null);
        Assert.Same(a, b);
        Assert.NotNull(a.Get("VerifiableCredential"));
    }

    [Fact]
    public void PreloadProcessesContextsAheadOfTime()
    {
        var loader = new CountingLoader();
        var options = new JsonLdOptions { DocumentLoader = loader, SafeMode = true };
        string[] context = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"];
        JsonLdProcessor.Preload(context, options);
        Assert.Equal(2, loader.Loads);
        const string doc = """
            {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "id": "urn:uuid:2", "type": ["VerifiableCredential", "OpenBadgeCredential"], "name": "n"}
            """;
        Assert.NotEmpty(JsonLdProcessor.ToRdf(doc, options));
        Assert.Equal(2, loader.Loads);
        Assert.Throws<JsonLdException>(() => JsonLdProcessor.Preload(["https://example.com/nope"], options));
    }

    private sealed class ThrowingLoader : IDocumentLoader
    {
        public RemoteDocument LoadDocument(string url) => throw new IOException("disk gone");
    }

    private sealed class CountingLoader : IDocumentLoader
    {
        public int Loads { get; private set; }

        public RemoteDocument LoadDocument(string url)
        {
            Loads++;
            return EmbeddedContextLoader.Instance.LoadDocument(url);
        }
    }
}
