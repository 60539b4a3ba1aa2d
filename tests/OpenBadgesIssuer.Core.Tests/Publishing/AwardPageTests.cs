using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using OpenBadgesIssuer.Core.Publishing;
using OpenBadgesIssuer.Standards.OpenBadges.V3;
using OpenBadgesIssuer.TestSamples;

namespace OpenBadgesIssuer.Core.Tests.Publishing;

public class AwardPageTests
{
    private static readonly AwardLinks Links = new(
        "https://badges.example.org/v1/public/assertions/a1",
        "https://badges.example.org/v1/public/assertions/a1.jws",
        "https://badges.example.org/v1/public/assertions/a1/ob3",
        "https://badges.example.org/v1/public/assertions/a1/ob3.jwt",
        "https://badges.example.org/v1/public/assertions/a1/baked.png",
        "https://badges.example.org/v1/public/assertions/a1/baked.svg");

    [Fact]
    public void Page_ShowsTheMainFacts()
    {
        var html = AwardPage.Render(AwardPageModel.FromCredential(Ob3Samples.Full(), Links, "Ada Teacher"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Formative Assessment</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Issued by <a href=\"https://district.example.org\"", html, StringComparison.Ordinal);
        Assert.Contains("Example School District", html, StringComparison.Ordinal);
        Assert.Contains("Awarded to <strong>Ada Teacher</strong>", html, StringComparison.Ordinal);
        Assert.Contains("src=\"https://badges.example.org/v1/badge-classes/6f1c/image.png\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Questioning techniques</td><td>Exemplary</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Feedback</td><td>Met</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("3.5 credit hours earned (of 3.5 available)", html, StringComparison.Ordinal);
        Assert.Contains("<dd>15 January 2025</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>15 January 2030</dd>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://evidence.example.org/lesson-plan.pdf\"", html, StringComparison.Ordinal);
        Assert.Contains("Observed on 2025-01-10.", html, StringComparison.Ordinal);
        Assert.Contains("Submit **evidence** of questioning and feedback.", html, StringComparison.Ordinal);
        foreach (var link in new[] { Links.Ob2, Links.Ob2Signed, Links.Ob3, Links.Ob3Jwt, Links.BakedPng, Links.BakedSvg })
        {
            Assert.Contains("href=\"" + link + "\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Page_HasNoScriptsNoExternalAssets_AndItsStyleMatchesTheCspHash()
    {
        var html = AwardPage.Render(AwardPageModel.FromCredential(Ob3Samples.Full(), Links, "Ada"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        var css = Regex.Match(html, "<style>(.*?)</style>").Groups[1].Value;
        Assert.Equal("'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css))) + "'", AwardPage.StyleHash);
        Assert.Contains(AwardPage.StyleHash, AwardPage.ContentSecurityPolicy, StringComparison.Ordinal);
        // Only this page's own image origin and the verification links are referenced.
        foreach (Match m in Regex.Matches(html, "(?:src|href)=\"([^\"]+)\""))
        {
            Assert.Matches("^https://(badges|district|evidence)\\.example\\.org(/|$)", m.Groups[1].Value);
        }
    }

    [Fact]
    public void Page_EncodesEverything_ScriptNamesAndJavascriptUrls()
    {
        const string evil = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
        var model = new AwardPageModel(evil, evil, Ob3Samples.Issued, Links with { Ob2 = "javascript:alert(1)" })
        {
            RecipientName = evil,
            BadgeDescription = evil,
            CriteriaNarrative = evil,
            IssuerUrl = "javascript:alert(2)",
            ImageSrc = "data:text/html;base64,PHNjcmlwdD4=",
            Evidence = [new AwardPageEvidence(evil, "javascript:alert(3)", evil, evil)],
            Results = [new AwardPageResult(evil, evil)],
            Revoked = true,
            RevocationReason = evil,
        };
        var html = AwardPage.Render(model);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:text/html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("This award has been revoked.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_OmitsRecipientWhenNotGiven_AndAcceptsDataUriImages()
    {
        var input = Ob3Samples.Minimal() with
        {
            Achievement = Ob3Samples.Minimal().Achievement with { Image = new Ob3Image("data:image/png;base64,iVBORw0KGgo=") },
        };
        var html = AwardPage.Render(AwardPageModel.FromCredential(input, new AwardLinks(null, null, Links.Ob3, null, null, null)));
        Assert.DoesNotContain("Awarded to", html, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,iVBORw0KGgo=\"", html, StringComparison.Ordinal);
        Assert.Contains("No expiry", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Results", html, StringComparison.Ordinal);
        Assert.Contains(Links.Ob3!, html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"" + Links.Ob2 + "\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("full")]
    [InlineData("minimal")]
    public void PageFromTheStoredCredential_IsThePageOfTheCredentialItWasWrittenFrom(string sample)
    {
        // The served page is rendered from the stored signed JSON; it must say exactly what the issuance model said.
        OpenBadgeCredentialInput input = sample == "full" ? Ob3Samples.Full() : Ob3Samples.Minimal();
        byte[] stored = OpenBadgeCredentialWriter.Write(input);
        string expected = AwardPage.Render(AwardPageModel.FromCredential(input, Links, "Ada Teacher"));
        string actual = AwardPage.Render(AwardPageModel.FromCredentialJson(stored, Links, "Ada Teacher"));
        Assert.Equal(expected, actual);
        Assert.Contains("<h1>", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void PageFromAForeignShapedCredential_ShowsWhatIsThere_AndNeverThrows()
    {
        // Issuer as a bare IRI, image as a string, a result naming an unknown criterion, no dates.
        byte[] json = Encoding.UTF8.GetBytes("""
            {"issuer":"did:web:other.example","credentialSubject":{"achievement":{"name":"N","image":"https://img.example/a.png",
             "resultDescription":{"id":"urn:rd:1","name":"Only one"}},"result":[{"resultDescription":"urn:rd:2","value":"Pass"}]}}
            """);
        string html = AwardPage.Render(AwardPageModel.FromCredentialJson(json, Links));
        Assert.Contains("<h1>N</h1>", html, StringComparison.Ordinal);
        Assert.Contains("did:web:other.example", html, StringComparison.Ordinal);
        Assert.Contains("src=\"https://img.example/a.png\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>urn:rd:2</td><td>Pass</td></tr>", html, StringComparison.Ordinal);
    }
}
