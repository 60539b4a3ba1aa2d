namespace OpenBadgesIssuer.Standards.OpenBadges.V3;

/// <summary>Writes the stand-alone OB 3.0 issuer Profile document (contexts VC v2 + OB 3.0.3) served publicly.</summary>
public static class Ob3ProfileWriter
{
    /// <summary>Writes the Profile JSON-LD document as UTF-8.</summary>
    /// <exception cref="OpenBadgeModelException">The profile lacks an absolute id or a name.</exception>
    public static byte[] Write(Ob3Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var problems = new List<string>();
        Ob3Rules.CheckProfile("profile", profile, problems);
        if (problems.Count > 0)
        {
            throw new OpenBadgeModelException(problems);
        }
        return JsonOut.Write(w =>
        {
            // Same members as the embedded issuer, with the @context first.
            var inner = JsonOut.Write(x => OpenBadgeCredentialWriter.WriteProfile(x, profile));
            using var doc = System.Text.Json.JsonDocument.Parse(inner);
            w.WriteStartObject();
            w.WriteStartArray("@context");
            w.WriteStringValue(Ob3Vocabulary.CredentialsV2Context);
            w.WriteStringValue(Ob3Vocabulary.OpenBadgesContext);
            w.WriteEndArray();
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                property.WriteTo(w);
            }
            w.WriteEndObject();
        });
    }
}
