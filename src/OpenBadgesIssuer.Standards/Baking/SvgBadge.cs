using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace OpenBadgesIssuer.Standards.Baking;

/// <summary>What an SVG badge carries: the verify attribute and/or the element body (CDATA JSON).</summary>
/// <param name="Version">Which baking rules matched.</param>
/// <param name="Verify">OB 2.0: hosted assertion URL or signed JWS; OB 3.0: the compact JWT. Null when absent.</param>
/// <param name="Body">The element text (the credential or assertion JSON), trimmed; null when empty.</param>
public sealed record SvgBadgeContent(BadgeVersion Version, string? Verify, string? Body);

/// <summary>
/// Bakes and reads Open Badges in SVG. OB 2.0: xmlns:openbadges="http://openbadges.org" and &lt;openbadges:assertion verify="…"&gt;;
/// OB 3.0: xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" and &lt;openbadges:credential&gt; with the JWT in verify or the
/// JSON in a CDATA body. The element is the first child of &lt;svg&gt;; there is exactly one.
/// </summary>
/// <remarks>
/// XML is read with DTD processing set to Ignore and no resolver: a DOCTYPE (common in SVG files, e.g. the 1EdTech samples)
/// is skipped, no entity is ever declared, expanded or fetched, so any entity reference fails the parse.
/// </remarks>
public static class SvgBadge
{
    /// <summary>OB 2.0 namespace.</summary>
    public const string Ob2Namespace = "http://openbadges.org";

    /// <summary>OB 3.0 namespace (note: no /spec/ segment).</summary>
    public const string Ob3Namespace = "https://purl.imsglobal.org/ob/v3p0";

    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    /// <summary>Bakes an OB 3.0 VC-JWT: an empty &lt;openbadges:credential verify="JWT"/&gt;.</summary>
    public static byte[] BakeOb3Jwt(ReadOnlySpan<byte> svg, string compactJwt, BadgeImageLimits? limits = null) =>
        Bake(svg, BadgeVersion.V3, RequireText(compactJwt), null, limits);

    /// <summary>Bakes an OB 3.0 credential with an embedded proof: its JSON inside CDATA.</summary>
    public static byte[] BakeOb3Json(ReadOnlySpan<byte> svg, string credentialJson, BadgeImageLimits? limits = null) =>
        Bake(svg, BadgeVersion.V3, null, RequireText(credentialJson), limits);

    /// <summary>Bakes an OB 2.0 signed assertion: &lt;openbadges:assertion verify="JWS"/&gt; without a body.</summary>
    public static byte[] BakeOb2Signed(ReadOnlySpan<byte> svg, string jws, BadgeImageLimits? limits = null) =>
        Bake(svg, BadgeVersion.V2, RequireText(jws), null, limits);

    /// <summary>Bakes an OB 2.0 hosted assertion: verify = its URL, and the assertion JSON in CDATA when given.</summary>
    public static byte[] BakeOb2Hosted(ReadOnlySpan<byte> svg, string assertionUrl, string? assertionJson, BadgeImageLimits? limits = null) =>
        Bake(svg, BadgeVersion.V2, RequireText(assertionUrl), assertionJson, limits);

    /// <summary>
    /// Reads the baked badge of a version, or null when the image has none. Throws <see cref="BadgeImageException"/> for
    /// oversized or malformed XML, DTD entity use, a root that is not svg, or more than one badge element.
    /// </summary>
    public static SvgBadgeContent? Extract(ReadOnlySpan<byte> svg, BadgeVersion version, BadgeImageLimits? limits = null)
    {
        var document = Load(svg, limits ?? BadgeImageLimits.Default);
        var name = ElementName(version);
        var found = document.Root!.Descendants(name).ToList();
        if (found.Count > 1)
        {
            throw new BadgeImageException(BadgeImageError.DuplicateBadge, "The image contains more than one badge element.");
        }
        if (found.Count == 0)
        {
            return null;
        }
        var element = found[0];
        var verify = element.Attribute("verify")?.Value.Trim();
        var body = element.Value.Trim();
        return new SvgBadgeContent(version, string.IsNullOrEmpty(verify) ? null : verify, body.Length == 0 ? null : body);
    }

    private static XName ElementName(BadgeVersion version) =>
        version == BadgeVersion.V2 ? XName.Get("assertion", Ob2Namespace) : XName.Get("credential", Ob3Namespace);

    private static byte[] Bake(ReadOnlySpan<byte> svg, BadgeVersion version, string? verify, string? body, BadgeImageLimits? limits)
    {
        limits ??= BadgeImageLimits.Default;
        var document = Load(svg, limits);
        var root = document.Root!;
        // One image, one badge: drop earlier badges of either version and their prefix binding.
        foreach (var old in root.Descendants().Where(e => e.Name.NamespaceName is Ob2Namespace or Ob3Namespace).ToList())
        {
            old.Remove();
        }
        foreach (var attribute in root.Attributes().Where(a => a.IsNamespaceDeclaration &&
                     a.Value is Ob2Namespace or Ob3Namespace).ToList())
        {
            attribute.Remove();
        }
        var existing = root.Attribute(XNamespace.Xmlns + "openbadges");
        if (existing is not null)
        {
            throw new BadgeImageException(BadgeImageError.Malformed, "The svg binds the 'openbadges' prefix to another namespace.");
        }
        var ns = version == BadgeVersion.V2 ? Ob2Namespace : Ob3Namespace;
        root.SetAttributeValue(XNamespace.Xmlns + "openbadges", ns);
        var element = new XElement(ElementName(version));
        if (verify is not null)
        {
            element.SetAttributeValue("verify", verify);
        }
        if (body is not null)
        {
            // "]]>" can only occur inside a JSON string; \u003e spells the same character without closing the CDATA section.
            element.Add(new XCData(body.Replace("]]>", "]]\\u003e", StringComparison.Ordinal)));
        }
        root.AddFirst(element);

        var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            document.Save(writer);
        }
        if (output.Length > limits.MaxImageBytes)
        {
            throw new BadgeImageException(BadgeImageError.TooLarge, "The baked image exceeds the size limit.");
        }
        return output.ToArray();
    }

    private static XDocument Load(ReadOnlySpan<byte> svg, BadgeImageLimits limits)
    {
        if (svg.Length > limits.MaxImageBytes)
        {
            throw new BadgeImageException(BadgeImageError.TooLarge, "The image exceeds the size limit.");
        }
        // Entity declarations are refused outright (XXE, billion laughs), even though Ignore would also leave them unexpanded.
        if (svg.IndexOf("<!ENTITY"u8) >= 0)
        {
            throw new BadgeImageException(BadgeImageError.ForbiddenXml, "The SVG declares XML entities; entities are not allowed.");
        }
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = limits.MaxImageBytes,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        XDocument document;
        try
        {
            using var stream = new MemoryStream(svg.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e) when (e.Message.Contains("entity", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadgeImageException(BadgeImageError.ForbiddenXml, "The SVG uses an XML entity; entities are not allowed.", e);
        }
        catch (XmlException e)
        {
            throw new BadgeImageException(BadgeImageError.Malformed, "The SVG is not well-formed XML.", e);
        }
        if (document.Root is null || document.Root.Name.LocalName != "svg" ||
            (document.Root.Name.NamespaceName.Length != 0 && document.Root.Name.NamespaceName != SvgNamespace))
        {
            throw new BadgeImageException(BadgeImageError.NotAnImage, "The root element is not svg.");
        }
        return document;
    }

    private static string RequireText(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value;
    }
}
