using System.Text.Json;
using OpenBadgesIssuer.Standards.OpenBadges.V3;

namespace OpenBadgesIssuer.Standards.OpenBadges.V2;

/// <summary>
/// Writes OB 2.0 JSON-LD documents (context <c>https://w3id.org/openbadges/v2</c>) as compact UTF-8 with a fixed
/// property order, after checking the required properties of OB 2.0 §Assertion, §BadgeClass, §Profile.
/// </summary>
public static class Ob2Writer
{
    /// <summary>The OB 2.0 JSON-LD context.</summary>
    public const string Context = "https://w3id.org/openbadges/v2";

    /// <summary>Writes an Assertion: hosted (<c>HostedBadge</c>, id must be an HTTP(S) URL) or signed (<c>SignedBadge</c> with <c>creator</c>).</summary>
    /// <exception cref="OpenBadgeModelException">A required property is missing or malformed.</exception>
    public static byte[] WriteAssertion(Ob2Assertion a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var p = new List<string>();
        if (a.SignedBy is null)
        {
            HttpUrl("id", a.Id, p);
        }
        else
        {
            Ob3Rules.Uri("id", a.Id, p);
            HttpUrl("verification.creator", a.SignedBy, p);
        }
        HttpUrl("badge", a.Badge, p);
        CheckRecipient(a.Recipient, p);
        if (a.Image is not null)
        {
            Ob3Rules.WebUri("image", a.Image, allowData: true, p);
        }
        if (a.Expires is { } e && e < a.IssuedOn)
        {
            p.Add("expires must not be before issuedOn");
        }
        for (var i = 0; i < a.Evidence.Count; i++)
        {
            if (a.Evidence[i].Id is null && string.IsNullOrWhiteSpace(a.Evidence[i].Narrative))
            {
                p.Add($"evidence[{i}] needs an id (URL) or a narrative");
            }
            else if (a.Evidence[i].Id is { } evidenceId)
            {
                Ob3Rules.WebUri($"evidence[{i}].id", evidenceId, allowData: true, p);
            }
        }
        Throw(p);
        return JsonOut.Write(w =>
        {
            Start(w, "Assertion", a.Id);
            w.WriteStartObject("recipient");
            w.WriteString("type", a.Recipient.Type);
            w.WriteBoolean("hashed", a.Recipient.Hashed);
            w.Optional("salt", a.Recipient.Salt);
            w.WriteString("identity", a.Recipient.Identity);
            w.WriteEndObject();
            w.WriteString("badge", a.Badge);
            w.WriteStartObject("verification");
            if (a.SignedBy is null)
            {
                w.WriteString("type", "HostedBadge");
            }
            else
            {
                w.WriteString("type", "SignedBadge");
                w.WriteString("creator", a.SignedBy);
            }
            w.WriteEndObject();
            w.OptionalDate("issuedOn", a.IssuedOn);
            w.OptionalDate("expires", a.Expires);
            w.Optional("image", a.Image);
            w.Optional("narrative", a.Narrative);
            w.ObjectArray("evidence", a.Evidence, static (w, e) =>
            {
                w.WriteStartObject();
                w.Optional("id", e.Id);
                w.WriteString("type", "Evidence");
                w.Optional("name", e.Name);
                w.Optional("description", e.Description);
                w.Optional("narrative", e.Narrative);
                w.Optional("genre", e.Genre);
                w.Optional("audience", e.Audience);
                w.WriteEndObject();
            });
            w.WriteEndObject();
        });
    }

    /// <summary>The body of a revoked hosted assertion (served with HTTP 410 Gone, OB 2.0 §HostedBadge).</summary>
    public static byte[] WriteRevokedAssertion(string id, string? revocationReason)
    {
        var p = new List<string>();
        HttpUrl("id", id, p);
        Throw(p);
        return JsonOut.Write(w =>
        {
            Start(w, "Assertion", id);
            w.WriteBoolean("revoked", true);
            w.Optional("revocationReason", revocationReason);
            w.WriteEndObject();
        });
    }

    /// <summary>Writes a BadgeClass.</summary>
    /// <exception cref="OpenBadgeModelException">A required property is missing or malformed.</exception>
    public static byte[] WriteBadgeClass(Ob2BadgeClass b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var p = new List<string>();
        HttpUrl("id", b.Id, p);
        Ob3Rules.Required("name", b.Name, p);
        Ob3Rules.Required("description", b.Description, p);
        Ob3Rules.WebUri("image", b.Image, allowData: true, p);
        HttpUrl("issuer", b.Issuer, p);
        if (b.Criteria is null || (b.Criteria.Id is null && string.IsNullOrWhiteSpace(b.Criteria.Narrative)))
        {
            p.Add("criteria needs an id (URL) or a narrative");
        }
        else if (b.Criteria.Id is not null)
        {
            Ob3Rules.WebUri("criteria.id", b.Criteria.Id, allowData: false, p);
        }
        for (var i = 0; i < b.Alignments.Count; i++)
        {
            Ob3Rules.Required($"alignment[{i}].targetName", b.Alignments[i].TargetName, p);
            Ob3Rules.WebUri($"alignment[{i}].targetUrl", b.Alignments[i].TargetUrl, allowData: false, p);
        }
        Throw(p);
        return JsonOut.Write(w =>
        {
            Start(w, "BadgeClass", b.Id);
            w.WriteString("name", b.Name);
            w.WriteString("description", b.Description);
            w.WriteString("image", b.Image);
            w.WriteStartObject("criteria");
            w.Optional("id", b.Criteria!.Id);
            w.Optional("narrative", b.Criteria!.Narrative);
            w.WriteEndObject();
            w.WriteString("issuer", b.Issuer);
            w.ObjectArray("alignment", b.Alignments, static (w, al) =>
            {
                w.WriteStartObject();
                w.WriteString("targetName", al.TargetName);
                w.WriteString("targetUrl", al.TargetUrl);
                w.Optional("targetDescription", al.TargetDescription);
                w.Optional("targetFramework", al.TargetFramework);
                w.Optional("targetCode", al.TargetCode);
                w.WriteEndObject();
            });
            w.StringArray("tags", b.Tags);
            w.WriteEndObject();
        });
    }

    /// <summary>Writes an issuer Profile (type <c>Issuer</c>) with <c>publicKey</c> and <c>revocationList</c>.</summary>
    /// <exception cref="OpenBadgeModelException">A required property is missing or malformed.</exception>
    public static byte[] WriteIssuer(Ob2Issuer i)
    {
        ArgumentNullException.ThrowIfNull(i);
        var p = new List<string>();
        HttpUrl("id", i.Id, p);
        Ob3Rules.Required("name", i.Name, p);
        HttpUrl("url", i.Url, p);
        Ob3Rules.Required("email", i.Email, p);
        foreach (var key in i.PublicKeys)
        {
            HttpUrl("publicKey", key, p);
        }
        if (i.RevocationList is not null)
        {
            HttpUrl("revocationList", i.RevocationList, p);
        }
        if (i.Image is not null)
        {
            Ob3Rules.WebUri("image", i.Image, allowData: true, p);
        }
        Throw(p);
        return JsonOut.Write(w =>
        {
            Start(w, "Issuer", i.Id);
            w.WriteString("name", i.Name);
            w.WriteString("url", i.Url);
            w.WriteString("email", i.Email);
            w.Optional("telephone", i.Telephone);
            w.Optional("description", i.Description);
            w.Optional("image", i.Image);
            // A single key is written as a string (as in the spec examples), several as an array.
            if (i.PublicKeys.Count == 1)
            {
                w.WriteString("publicKey", i.PublicKeys[0]);
            }
            else
            {
                w.StringArray("publicKey", i.PublicKeys);
            }
            w.Optional("revocationList", i.RevocationList);
            if (i.AllowedOrigins.Count > 0)
            {
                w.WriteStartObject("verification");
                w.WriteString("type", "HostedBadge");
                w.StringArray("allowedOrigins", i.AllowedOrigins);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        });
    }

    /// <summary>Writes a CryptographicKey document.</summary>
    /// <exception cref="OpenBadgeModelException">A required property is missing or malformed.</exception>
    public static byte[] WriteCryptographicKey(Ob2CryptographicKey k)
    {
        ArgumentNullException.ThrowIfNull(k);
        var p = new List<string>();
        HttpUrl("id", k.Id, p);
        HttpUrl("owner", k.Owner, p);
        if (k.PublicKeyPem is null || !k.PublicKeyPem.StartsWith("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal))
        {
            p.Add("publicKeyPem must be an SPKI PEM (BEGIN PUBLIC KEY)");
        }
        Throw(p);
        return JsonOut.Write(w =>
        {
            Start(w, "CryptographicKey", k.Id);
            w.WriteString("owner", k.Owner);
            w.WriteString("publicKeyPem", k.PublicKeyPem);
            w.WriteEndObject();
        });
    }

    /// <summary>Writes a RevocationList; entries with a reason are objects, others bare ids.</summary>
    /// <exception cref="OpenBadgeModelException">A required property is missing or malformed.</exception>
    public static byte[] WriteRevocationList(Ob2RevocationList l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var p = new List<string>();
        HttpUrl("id", l.Id, p);
        HttpUrl("issuer", l.Issuer, p);
        foreach (var r in l.RevokedAssertions)
        {
            Ob3Rules.Uri("revokedAssertions[].id", r.Id, p);
        }
        Throw(p);
        return JsonOut.Write(w =>
        {
            Start(w, "RevocationList", l.Id);
            w.WriteString("issuer", l.Issuer);
            w.WriteStartArray("revokedAssertions");
            foreach (var r in l.RevokedAssertions)
            {
                if (r.RevocationReason is null)
                {
                    w.WriteStringValue(r.Id);
                }
                else
                {
                    w.WriteStartObject();
                    w.WriteString("id", r.Id);
                    w.WriteString("revocationReason", r.RevocationReason);
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Start(Utf8JsonWriter w, string type, string id)
    {
        w.WriteStartObject();
        w.WriteString("@context", Context);
        w.WriteString("type", type);
        w.WriteString("id", id);
    }

    private static void CheckRecipient(Ob2Recipient? r, List<string> p)
    {
        if (r is null)
        {
            p.Add("recipient is required");
            return;
        }
        if (r.Type is not ("email" or "url" or "telephone"))
        {
            p.Add("recipient.type must be email, url or telephone");
        }
        Ob3Rules.Required("recipient.identity", r.Identity, p);
        if (r.Hashed && r.Identity is not null && !r.Identity.StartsWith(IdentityHash.Sha256Prefix, StringComparison.Ordinal))
        {
            p.Add("recipient.identity must be a sha256$ hash when hashed is true");
        }
    }

    private static void HttpUrl(string path, string? value, List<string> p)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            p.Add($"{path} is required");
        }
        else if (!(Ob3Rules.IsAbsoluteUri(value)
            && (value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal))))
        {
            p.Add($"{path} must be an HTTP(S) URL");
        }
    }

    private static void Throw(List<string> p)
    {
        if (p.Count > 0)
        {
            throw new OpenBadgeModelException(p);
        }
    }
}
