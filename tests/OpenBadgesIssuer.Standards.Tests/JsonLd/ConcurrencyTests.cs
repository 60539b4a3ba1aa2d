using OpenBadgesIssuer.Standards.JsonLd;
using OpenBadgesIssuer.Standards.Rdf;

namespace OpenBadgesIssuer.Standards.Tests.JsonLd;

public sealed class ConcurrencyTests
{
    [Fact]
    public void ParallelCallsShareCachesAndAgree()
    {
        var path = SharedSpecFiles.Require("ob3/examples/spec/complete-openbadgecredential.json");
        var json = File.ReadAllText(path);
        // A fresh loader instance gives this test its own (cold) context caches, so the threads race to fill them.
        var options = new JsonLdOptions { DocumentLoader = new ForwardingLoader(), SafeMode = true, RdfDirection = RdfDirectionMode.I18nDatatype };
        var reference = JsonLdProcessor.ToRdf(json, new JsonLdOptions { SafeMode = true, RdfDirection = RdfDirectionMode.I18nDatatype });
        var results = new IReadOnlyList<RdfQuad>[16];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = JsonLdProcessor.ToRdf(json, options));
        foreach (var r in results)
        {
            Assert.Equal(reference, r);
        }
    }

    private sealed class ForwardingLoader : IDocumentLoader
    {
        public RemoteDocument LoadDocument(string url) => EmbeddedContextLoader.Instance.LoadDocument(url);
    }
}
