using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace OpenBadgesIssuer.Core.Images;

/// <summary>
/// Sanitizes an uploaded SVG by re-writing it element by element. The parser prohibits DTDs and resolves nothing
/// (no entity expansion, no external entities). Removed: <c>script</c>, <c>foreignObject</c>, animation elements
/// (they can set <c>href</c> to a script URL), elements outside the SVG namespace, comments and processing
/// instructions, event-handler attributes (<c>on*</c>), attributes outside the no/xlink/xml namespaces,
/// <c>xml:base</c>, <c>href</c>/<c>xlink:href</c> values not starting with <c>#</c> or a raster <c>data:image/</c>
/// URI, any value referring to an external <c>url(…)</c>, <c>@import</c> or <c>javascript:</c>, and style
/// elements containing such references.
/// </summary>
public static partial class SvgSanitizer
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";
    private const string XlinkNamespace = "http://www.w3.org/1999/xlink";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private static readonly HashSet<string> DroppedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "foreignObject", "animate", "animateMotion", "animateTransform", "set", "discard", "iframe", "embed", "object",
        "handler", "listener",
    };

    internal static bool LooksLikeXml(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("\xEF\xBB\xBF"u8))
        {
            data = data[3..];
        }
        foreach (var b in data)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }
            return b == (byte)'<';
        }
        return false;
    }

    /// <summary>Sanitizes the SVG; returns UTF-8 bytes or the reason it cannot be used.</summary>
    public static BadgeImageResult Sanitize(ReadOnlySpan<byte> data, BadgeImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (data.Length > limits.MaxBytes)
        {
            return BadgeImageResult.Fail(BadgeImageError.TooLarge, $"The image is larger than {limits.MaxBytes} bytes.");
        }
        if (data.IndexOf("<!DOCTYPE"u8) >= 0 || data.IndexOf("<!doctype"u8) >= 0 || data.IndexOf("<!ENTITY"u8) >= 0)
        {
            return BadgeImageResult.Fail(BadgeImageError.SvgDtdForbidden, "SVG images must not contain a DOCTYPE or entity declarations.");
        }
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = limits.MaxBytes,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        var removed = new List<string>();
        var output = new MemoryStream();
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(data.ToArray(), writable: false), settings);
            var writerSettings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false, Indent = false };
            using (var writer = XmlWriter.Create(output, writerSettings))
            {
                reader.MoveToContent();
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "svg" || reader.NamespaceURI != SvgNamespace)
                {
                    return BadgeImageResult.Fail(BadgeImageError.SvgNotSvgRoot, "The root element must be <svg> in the SVG namespace.");
                }
                var error = Copy(reader, writer, limits, removed);
                if (error is not null)
                {
                    return error;
                }
            }
        }
        catch (XmlException)
        {
            // The exception text may quote the document; it is not passed on.
            return BadgeImageResult.Fail(BadgeImageError.SvgMalformed, "The SVG is not well-formed XML.");
        }
        return BadgeImageResult.Svg(output.ToArray(), removed);
    }

    private static BadgeImageResult? Copy(XmlReader reader, XmlWriter writer, BadgeImageLimits limits, List<string> removed)
    {
        var depth = 0;
        while (!reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.NamespaceURI != SvgNamespace || DroppedElements.Contains(reader.LocalName))
                    {
                        removed.Add("element " + reader.LocalName);
                        reader.Skip();
                        continue;
                    }
                    if (depth + 1 > limits.MaxSvgDepth)
                    {
                        return BadgeImageResult.Fail(BadgeImageError.SvgTooDeep, $"SVG elements may be nested at most {limits.MaxSvgDepth} deep.");
                    }
                    if (reader.LocalName == "style")
                    {
                        CopyStyle(reader, writer, removed);
                        continue;
                    }
                    var empty = reader.IsEmptyElement;
                    writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    CopyAttributes(reader, writer, removed);
                    if (empty)
                    {
                        writer.WriteEndElement();
                    }
                    else
                    {
                        depth++;
                    }
                    break;
                case XmlNodeType.EndElement:
                    writer.WriteFullEndElement();
                    depth--;
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (depth > 0)
                    {
                        writer.WriteString(reader.Value);
                    }
                    break;
                default:
                    break;
            }
            reader.Read();
        }
        return null;
    }

    private static void CopyStyle(XmlReader reader, XmlWriter writer, List<string> removed)
    {
        var prefix = reader.Prefix;
        var attributes = new List<(string Prefix, string Name, string Ns, string Value)>();
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                attributes.Add((reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.Value));
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        // Throws XmlException when the style element has child elements (handled as malformed input).
        string css;
        if (reader.IsEmptyElement)
        {
            css = string.Empty;
            reader.Read();
        }
        else
        {
            css = reader.ReadElementContentAsString(); // leaves the reader after the end tag
        }
        if (!IsSafeValue(css))
        {
            removed.Add("element style");
            return;
        }
        writer.WriteStartElement(prefix, "style", SvgNamespace);
        foreach (var a in attributes)
        {
            if (KeepAttribute(a.Name, a.Ns, a.Value))
            {
                writer.WriteAttributeString(a.Prefix, a.Name, a.Ns, a.Value);
            }
        }
        writer.WriteString(css);
        writer.WriteFullEndElement();
    }

    private static void CopyAttributes(XmlReader reader, XmlWriter writer, List<string> removed)
    {
        if (!reader.MoveToFirstAttribute())
        {
            return;
        }
        do
        {
            if (reader.NamespaceURI == XmlnsNamespace)
            {
                continue; // declarations are re-created by the writer for the namespaces kept
            }
            if (KeepAttribute(reader.LocalName, reader.NamespaceURI, reader.Value))
            {
                writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.Value);
            }
            else
            {
                removed.Add("attribute " + reader.Name);
            }
        }
        while (reader.MoveToNextAttribute());
        reader.MoveToElement();
    }

    private static bool KeepAttribute(string localName, string ns, string value)
    {
        if (ns.Length != 0 && ns != XlinkNamespace && ns != XmlNamespace)
        {
            return false;
        }
        if (ns == XmlNamespace && localName == "base")
        {
            return false;
        }
        if (localName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (localName == "href" || localName.Equals("src", StringComparison.OrdinalIgnoreCase))
        {
            var v = value.Trim();
            return v.StartsWith('#') || IsRasterDataUri(v);
        }
        return IsSafeValue(value);
    }

    private static bool IsRasterDataUri(string value) =>
        value.StartsWith("data:image/png", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("data:image/jpeg", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("data:image/gif", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("data:image/webp", StringComparison.OrdinalIgnoreCase);

    /// <summary>No script URLs, no imports, and every <c>url(…)</c> points inside the document or to a raster data URI.</summary>
    private static bool IsSafeValue(string value)
    {
        var compact = WhiteSpace().Replace(value, string.Empty);
        if (compact.Contains("javascript:", StringComparison.OrdinalIgnoreCase)
            || compact.Contains("@import", StringComparison.OrdinalIgnoreCase)
            || compact.Contains("expression(", StringComparison.OrdinalIgnoreCase)
            || compact.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }
        var index = 0;
        while ((index = compact.IndexOf("url(", index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var target = compact[(index + 4)..].TrimStart('"', '\'');
            if (!(target.StartsWith('#') || IsRasterDataUri(target)))
            {
                return false;
            }
            index += 4;
        }
        return true;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
