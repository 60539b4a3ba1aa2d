using System.Text;
using System.Text.Json;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Publishing;
using OpenBadgesIssuer.Standards.Baking;

namespace OpenBadgesIssuer.Core.Assertions;

/// <summary>
/// Bakes a stored signed document into the badge image. Deterministic: the same stored bytes and image always give the
/// same baked bytes, and the baked payload is the stored document byte for byte (OB 3.0 JSON with its proof for the
/// OB 3.0 bakes, the hosted OB 2.0 assertion for the OB 2.0 bakes).
/// </summary>
public static class AwardRenditions
{
    /// <summary>The baked image of <paramref name="kind"/> (one of the four bake kinds of <see cref="ArtifactKinds"/>).</summary>
    public static PublicDocument Bake(string kind, byte[] signed, BadgeImage image)
    {
        ArgumentNullException.ThrowIfNull(signed);
        ArgumentNullException.ThrowIfNull(image);
        string json = Encoding.UTF8.GetString(signed);
        return kind switch
        {
            ArtifactKinds.Ob3Png => new PublicDocument("image/png", PngBadge.Bake(Png(image), BadgeVersion.V3, json)),
            ArtifactKinds.Ob3Svg => new PublicDocument("image/svg+xml", SvgBadge.BakeOb3Json(Svg(image), json)),
            ArtifactKinds.Ob2Png => new PublicDocument("image/png", PngBadge.Bake(Png(image), BadgeVersion.V2, json)),
            ArtifactKinds.Ob2Svg => new PublicDocument("image/svg+xml", SvgBadge.BakeOb2Hosted(Svg(image), HostedId(signed), json)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a bake kind."),
        };
    }

    private static byte[] Png(BadgeImage image) => image.MediaType == "image/png" ? image.Content : BakeSources.PlaceholderPng;

    private static byte[] Svg(BadgeImage image) => image.MediaType == "image/svg+xml"
        ? image.Content
        : BakeSources.WrapPng(image.Content, image.Width ?? 256, image.Height ?? 256);

    /// <summary>The <c>id</c> of a hosted OB 2.0 assertion: its URL, which the SVG bake's <c>verify</c> attribute names.</summary>
    private static string HostedId(byte[] ob2)
    {
        using var document = JsonDocument.Parse(ob2);
        return document.RootElement.GetProperty("id").GetString()
            ?? throw new InvalidOperationException("The stored OB 2.0 assertion has no id.");
    }
}
