using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OpenBadgesIssuer.Standards.OpenBadges.V3;

namespace OpenBadgesIssuer.Core.Publishing;

/// <summary>The public links of an award (the keys of the assertion's <c>links</c> object).</summary>
/// <param name="Ob2">Hosted OB 2.0 Assertion.</param>
/// <param name="Ob2Signed">OB 2.0 compact JWS.</param>
/// <param name="Ob3">OB 3.0 credential with a Data Integrity proof.</param>
/// <param name="Ob3Jwt">OB 3.0 credential as VC-JWT.</param>
/// <param name="BakedPng">OB 3.0 baked PNG.</param>
/// <param name="BakedSvg">OB 3.0 baked SVG.</param>
public sealed record AwardLinks(string? Ob2, string? Ob2Signed, string? Ob3, string? Ob3Jwt, string? BakedPng, string? BakedSvg);

/// <summary>An evidence item as shown on the page.</summary>
/// <param name="Name">Name (or null).</param>
/// <param name="Url">Link to the evidence (only http/https are rendered as links).</param>
/// <param name="Narrative">Narrative text (shown as plain text).</param>
/// <param name="Description">Description.</param>
public sealed record AwardPageEvidence(string? Name, string? Url, string? Narrative, string? Description);

/// <summary>A rubric result as shown on the page.</summary>
/// <param name="Criterion">Criterion name.</param>
/// <param name="Level">Level reached (or the value).</param>
public sealed record AwardPageResult(string Criterion, string Level);

/// <summary>Everything the human-readable award page shows. All text is HTML-encoded when rendered.</summary>
/// <param name="BadgeName">Badge (achievement) name.</param>
/// <param name="IssuerName">Issuer name.</param>
/// <param name="IssuedOn">Award / validFrom time.</param>
/// <param name="Links">Verification links.</param>
public sealed record AwardPageModel(string BadgeName, string IssuerName, DateTimeOffset IssuedOn, AwardLinks Links)
{
    /// <summary>Badge description.</summary>
    public string? BadgeDescription { get; init; }

    /// <summary>Badge image: an http(s) URL or a <c>data:image/png</c> / <c>data:image/svg+xml</c> URI.</summary>
    public string? ImageSrc { get; init; }

    /// <summary>Issuer home page.</summary>
    public string? IssuerUrl { get; init; }

    /// <summary>Recipient display name (shown only when given).</summary>
    public string? RecipientName { get; init; }

    /// <summary>Criteria narrative.</summary>
    public string? CriteriaNarrative { get; init; }

    /// <summary>Criteria page URL.</summary>
    public string? CriteriaUrl { get; init; }

    /// <summary>What the recipient did (narrative).</summary>
    public string? Narrative { get; init; }

    /// <summary>Evidence items.</summary>
    public IReadOnlyList<AwardPageEvidence> Evidence { get; init; } = [];

    /// <summary>Rubric results.</summary>
    public IReadOnlyList<AwardPageResult> Results { get; init; } = [];

    /// <summary>Credits earned.</summary>
    public decimal? CreditsEarned { get; init; }

    /// <summary>Credits available.</summary>
    public decimal? CreditsAvailable { get; init; }

    /// <summary>End of validity.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Whether the award was revoked.</summary>
    public bool Revoked { get; init; }

    /// <summary>Revocation reason.</summary>
    public string? RevocationReason { get; init; }

    /// <summary>Builds the page model from the OB 3.0 credential input (results resolved to criterion and level names).</summary>
    public static AwardPageModel FromCredential(OpenBadgeCredentialInput credential, AwardLinks links, string? recipientName = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var a = credential.Achievement;
        var results = new List<AwardPageResult>();
        foreach (var r in credential.Results)
        {
            var rd = a.ResultDescriptions.FirstOrDefault(d => string.Equals(d.Id, r.ResultDescription, StringComparison.Ordinal));
            var level = rd?.RubricCriterionLevels.FirstOrDefault(l => string.Equals(l.Id, r.AchievedLevel, StringComparison.Ordinal));
            results.Add(new AwardPageResult(rd?.Name ?? r.ResultDescription, level?.Name ?? r.Value ?? r.Status ?? r.AchievedLevel ?? ""));
        }
        return new AwardPageModel(a.Name, credential.Issuer.Name, credential.ValidFrom, links)
        {
            BadgeDescription = a.Description,
            ImageSrc = a.Image?.Id,
            IssuerUrl = credential.Issuer.Url,
            RecipientName = recipientName,
            CriteriaNarrative = a.Criteria.Narrative,
            CriteriaUrl = a.Criteria.Id,
            Narrative = credential.Narrative,
            Evidence = credential.Evidence.Select(e => new AwardPageEvidence(e.Name, e.Id, e.Narrative, e.Description)).ToList(),
            Results = results,
            CreditsEarned = credential.CreditsEarned,
            CreditsAvailable = a.CreditsAvailable,
            ValidUntil = credential.ValidUntil,
        };
    }

    /// <summary>
    /// Builds the page model from a stored OB 3.0 credential (the signed JSON), so the page shows exactly what the
    /// credential says. Members the credential lacks are left empty; results are resolved to criterion and level names
    /// through the embedded achievement's rubric.
    /// </summary>
    public static AwardPageModel FromCredentialJson(byte[] credential, AwardLinks links, string? recipientName = null)
    {
        using var document = JsonDocument.Parse(credential);
        JsonElement root = document.RootElement;
        JsonElement subject = Member(root, "credentialSubject");
        JsonElement achievement = Member(subject, "achievement");
        JsonElement issuer = Member(root, "issuer");
        JsonElement criteria = Member(achievement, "criteria");
        var descriptions = new Dictionary<string, (string Name, Dictionary<string, string> Levels)>(StringComparer.Ordinal);
        foreach (JsonElement rd in Items(achievement, "resultDescription"))
        {
            if (Text(rd, "id") is { } id)
            {
                var levels = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (JsonElement level in Items(rd, "rubricCriterionLevel"))
                {
                    if (Text(level, "id") is { } levelId && Text(level, "name") is { } levelName)
                    {
                        levels[levelId] = levelName;
                    }
                }

                descriptions[id] = (Text(rd, "name") ?? id, levels);
            }
        }

        var results = new List<AwardPageResult>();
        foreach (JsonElement r in Items(subject, "result"))
        {
            string described = Text(r, "resultDescription") ?? "";
            string? achieved = Text(r, "achievedLevel");
            bool known = descriptions.TryGetValue(described, out var rd);
            string? levelName = known && achieved is not null && rd.Levels.TryGetValue(achieved, out string? name) ? name : null;
            results.Add(new AwardPageResult(known ? rd.Name : described, levelName ?? Text(r, "value") ?? Text(r, "status") ?? achieved ?? ""));
        }

        return new AwardPageModel(Text(achievement, "name") ?? "", Text(issuer, "name") ?? Text(root, "issuer") ?? "",
            Date(root, "validFrom") ?? Date(root, "awardedDate") ?? default, links)
        {
            BadgeDescription = Text(achievement, "description"),
            ImageSrc = ImageId(achievement),
            IssuerUrl = Text(issuer, "url"),
            RecipientName = recipientName,
            CriteriaNarrative = Text(criteria, "narrative"),
            CriteriaUrl = Text(criteria, "id"),
            Narrative = Text(subject, "narrative"),
            Evidence = Items(root, "evidence").Select(e => new AwardPageEvidence(Text(e, "name"), Text(e, "id"), Text(e, "narrative"), Text(e, "description"))).ToList(),
            Results = results,
            CreditsEarned = Number(subject, "creditsEarned"),
            CreditsAvailable = Number(achievement, "creditsAvailable"),
            ValidUntil = Date(root, "validUntil"),
        };

        static JsonElement Member(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) ? v : default;

        static string? Text(JsonElement e, string name) => Member(e, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

        static decimal? Number(JsonElement e, string name) =>
            Member(e, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetDecimal(out decimal d) ? d : null;

        static DateTimeOffset? Date(JsonElement e, string name) =>
            Text(e, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset d) ? d : null;

        static IEnumerable<JsonElement> Items(JsonElement e, string name) => Member(e, name) switch
        {
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).ToList(),
            { ValueKind: JsonValueKind.Object } single => [single],
            _ => [],
        };

        static string? ImageId(JsonElement e) => Member(e, "image") switch
        {
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            { ValueKind: JsonValueKind.Object } o => Text(o, "id"),
            _ => null,
        };
    }
}

/// <summary>
/// Renders the public award page: plain server-side HTML, no scripts, no external assets, every value
/// HTML-encoded, one inline stylesheet whose hash is <see cref="StyleHash"/> so the page works under
/// <see cref="ContentSecurityPolicy"/>. Markdown narratives are shown as plain text (paragraphs and line breaks).
/// </summary>
public static class AwardPage
{
    private const string Css =
        "body{font-family:system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d2430}" +
        "main{max-width:44rem;margin:2rem auto;background:#fff;padding:2rem;border-radius:8px}" +
        "header{text-align:center}img.badge{max-width:12rem;max-height:12rem}" +
        "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem;border-bottom:1px solid #ddd}" +
        ".revoked{background:#fde8e8;color:#8a1c1c;padding:.75rem;border-radius:4px}" +
        "dt{font-weight:600}code{word-break:break-all}";

    /// <summary>CSP source expression of the inline stylesheet.</summary>
    public static string StyleHash { get; } = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css))) + "'";

    /// <summary>A Content-Security-Policy under which the page renders fully (images from this origin or data URIs).</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; img-src 'self' data:; style-src {StyleHash}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Renders the page as UTF-8 bytes.</summary>
    public static byte[] RenderUtf8(AwardPageModel model) => Encoding.UTF8.GetBytes(Render(model));

    /// <summary>Renders the page.</summary>
    public static string Render(AwardPageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var e = HtmlEncoder.Default;
        var h = new StringBuilder(4096);
        h.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
         .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
         .Append("<title>").Append(e.Encode(model.BadgeName)).Append(" \u2013 ").Append(e.Encode(model.IssuerName)).Append("</title>")
         .Append("<meta property=\"og:title\" content=\"").Append(e.Encode(model.BadgeName)).Append("\">")
         .Append("<style>").Append(Css).Append("</style></head><body><main>");

        h.Append("<header>");
        if (SafeImage(model.ImageSrc) is { } img)
        {
            h.Append("<img class=\"badge\" src=\"").Append(e.Encode(img)).Append("\" alt=\"").Append(e.Encode(model.BadgeName)).Append("\">");
        }
        h.Append("<h1>").Append(e.Encode(model.BadgeName)).Append("</h1>");
        h.Append("<p class=\"issuer\">Issued by ");
        Link(h, e, model.IssuerUrl, model.IssuerName);
        h.Append("</p>");
        if (!string.IsNullOrWhiteSpace(model.RecipientName))
        {
            h.Append("<p class=\"recipient\">Awarded to <strong>").Append(e.Encode(model.RecipientName)).Append("</strong></p>");
        }
        h.Append("</header>");

        if (model.Revoked)
        {
            h.Append("<p class=\"revoked\"><strong>This award has been revoked.</strong>");
            if (!string.IsNullOrWhiteSpace(model.RevocationReason))
            {
                h.Append(' ').Append(e.Encode(model.RevocationReason));
            }
            h.Append("</p>");
        }
        if (!string.IsNullOrWhiteSpace(model.BadgeDescription))
        {
            h.Append("<section><h2>About this badge</h2>");
            Paragraphs(h, e, model.BadgeDescription);
            h.Append("</section>");
        }
        if (!string.IsNullOrWhiteSpace(model.CriteriaNarrative) || SafeLink(model.CriteriaUrl) is not null)
        {
            h.Append("<section><h2>Criteria</h2>");
            Paragraphs(h, e, model.CriteriaNarrative);
            if (SafeLink(model.CriteriaUrl) is not null)
            {
                h.Append("<p>");
                Link(h, e, model.CriteriaUrl, "Full criteria");
                h.Append("</p>");
            }
            h.Append("</section>");
        }
        if (!string.IsNullOrWhiteSpace(model.Narrative))
        {
            h.Append("<section><h2>What was achieved</h2>");
            Paragraphs(h, e, model.Narrative);
            h.Append("</section>");
        }
        if (model.Evidence.Count > 0)
        {
            h.Append("<section><h2>Evidence</h2><ul>");
            foreach (var ev in model.Evidence)
            {
                h.Append("<li>");
                Link(h, e, ev.Url, ev.Name ?? ev.Url ?? "Evidence");
                if (!string.IsNullOrWhiteSpace(ev.Description))
                {
                    h.Append(" \u2014 ").Append(e.Encode(ev.Description));
                }
                Paragraphs(h, e, ev.Narrative);
                h.Append("</li>");
            }
            h.Append("</ul></section>");
        }
        if (model.Results.Count > 0)
        {
            h.Append("<section><h2>Results</h2><table><thead><tr><th>Criterion</th><th>Level reached</th></tr></thead><tbody>");
            foreach (var r in model.Results)
            {
                h.Append("<tr><td>").Append(e.Encode(r.Criterion)).Append("</td><td>").Append(e.Encode(r.Level)).Append("</td></tr>");
            }
            h.Append("</tbody></table></section>");
        }
        if (model.CreditsEarned is not null || model.CreditsAvailable is not null)
        {
            h.Append("<section><h2>Credits</h2><p>");
            if (model.CreditsEarned is { } earned)
            {
                h.Append(Number(earned)).Append(" credit hours earned");
                if (model.CreditsAvailable is { } of)
                {
                    h.Append(" (of ").Append(Number(of)).Append(" available)");
                }
            }
            else
            {
                h.Append(Number(model.CreditsAvailable!.Value)).Append(" credit hours available");
            }
            h.Append("</p></section>");
        }
        h.Append("<section><h2>Validity</h2><dl><dt>Issued</dt><dd>").Append(Date(model.IssuedOn)).Append("</dd>");
        h.Append("<dt>Valid until</dt><dd>").Append(model.ValidUntil is { } until ? Date(until) : "No expiry").Append("</dd></dl></section>");

        h.Append("<section><h2>How to verify</h2><p>This award is published in open, verifiable formats. ")
         .Append("Any Open Badges verifier can check the signed versions below.</p><ul>");
        VerifyLink(h, e, model.Links.Ob3, "Open Badges 3.0 credential (JSON-LD with eddsa-rdfc-2022 Data Integrity proof)");
        VerifyLink(h, e, model.Links.Ob3Jwt, "Open Badges 3.0 credential as VC-JWT");
        VerifyLink(h, e, model.Links.BakedPng, "Baked badge image (PNG)");
        VerifyLink(h, e, model.Links.BakedSvg, "Baked badge image (SVG)");
        VerifyLink(h, e, model.Links.Ob2, "Open Badges 2.0 hosted assertion");
        VerifyLink(h, e, model.Links.Ob2Signed, "Open Badges 2.0 signed assertion (JWS)");
        h.Append("</ul></section></main></body></html>");
        return h.ToString();
    }

    private static void VerifyLink(StringBuilder h, HtmlEncoder e, string? url, string label)
    {
        if (SafeLink(url) is null)
        {
            return;
        }
        h.Append("<li>");
        Link(h, e, url, label);
        h.Append("<br><code>").Append(e.Encode(url!)).Append("</code></li>");
    }

    private static void Link(StringBuilder h, HtmlEncoder e, string? url, string text)
    {
        if (SafeLink(url) is { } safe)
        {
            h.Append("<a href=\"").Append(e.Encode(safe)).Append("\" rel=\"noopener noreferrer nofollow\">").Append(e.Encode(text)).Append("</a>");
        }
        else
        {
            h.Append(e.Encode(text));
        }
    }

    private static void Paragraphs(StringBuilder h, HtmlEncoder e, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        foreach (var para in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            h.Append("<p>").Append(string.Join("<br>", para.Split('\n').Select(line => e.Encode(line)))).Append("</p>");
        }
    }

    /// <summary>Only absolute http(s) URLs become links (evidence URLs are user input: no javascript:, data:, …).</summary>
    private static string? SafeLink(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
            ? url
            : null;

    private static string? SafeImage(string? src)
    {
        if (src is null)
        {
            return null;
        }
        if (src.StartsWith("data:image/png;base64,", StringComparison.Ordinal) || src.StartsWith("data:image/svg+xml;base64,", StringComparison.Ordinal))
        {
            return src;
        }
        return SafeLink(src);
    }

    private static string Date(DateTimeOffset d) => d.ToUniversalTime().ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Number(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
