namespace OpenBadgesIssuer.Core.Images;

/// <summary>Formats allowed for badge images (OB 2.0 §BadgeClass image, OB 3.0 §Image: PNG or SVG).</summary>
public enum BadgeImageFormat
{
    /// <summary>image/png.</summary>
    Png,

    /// <summary>image/svg+xml.</summary>
    Svg,
}

/// <summary>Why an uploaded badge image was refused.</summary>
public enum BadgeImageError
{
    /// <summary>No bytes.</summary>
    Empty,

    /// <summary>Larger than <see cref="BadgeImageLimits.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>Neither a PNG signature nor an SVG document.</summary>
    UnsupportedFormat,

    /// <summary>PNG structure broken: chunk lengths, CRCs, missing IHDR/IDAT/IEND, data after IEND.</summary>
    PngMalformed,

    /// <summary>IHDR values outside the PNG specification.</summary>
    PngInvalidHeader,

    /// <summary>Width, height or pixel count above the limits.</summary>
    PngDimensionsTooLarge,

    /// <summary>The PNG already carries an Open Badges iTXt chunk (baking would produce a second one).</summary>
    PngAlreadyBaked,

    /// <summary>The SVG contains a DOCTYPE (DTDs are prohibited: entity expansion, external entities).</summary>
    SvgDtdForbidden,

    /// <summary>Not well-formed XML.</summary>
    SvgMalformed,

    /// <summary>The root element is not <c>svg</c> in the SVG namespace.</summary>
    SvgNotSvgRoot,

    /// <summary>Elements nested deeper than <see cref="BadgeImageLimits.MaxSvgDepth"/>.</summary>
    SvgTooDeep,
}

/// <summary>Limits applied to uploaded badge images.</summary>
public sealed record BadgeImageLimits
{
    /// <summary>Largest accepted upload in bytes (default 512 KiB).</summary>
    public int MaxBytes { get; init; } = 512 * 1024;

    /// <summary>Largest PNG width or height in pixels (default 2048).</summary>
    public int MaxDimension { get; init; } = 2048;

    /// <summary>Largest PNG pixel count (default 2048 × 2048).</summary>
    public long MaxPixels { get; init; } = 2048L * 2048L;

    /// <summary>Deepest SVG element nesting (default 64).</summary>
    public int MaxSvgDepth { get; init; } = 64;
}

/// <summary>Result of validating an uploaded badge image: the bytes to store, or the reason for refusal.</summary>
public sealed record BadgeImageResult
{
    private BadgeImageResult()
    {
    }

    /// <summary>True when <see cref="Bytes"/> can be stored and served.</summary>
    public bool IsValid => Error is null;

    /// <summary>The detected format (when valid).</summary>
    public BadgeImageFormat? Format { get; private init; }

    /// <summary>Bytes to store: the PNG unchanged, or the sanitized SVG.</summary>
    public byte[]? Bytes { get; private init; }

    /// <summary>Why the image was refused.</summary>
    public BadgeImageError? Error { get; private init; }

    /// <summary>A short human-readable explanation (never contains image content).</summary>
    public string? Detail { get; private init; }

    /// <summary>Width in pixels (PNG only).</summary>
    public int? Width { get; private init; }

    /// <summary>Height in pixels (PNG only).</summary>
    public int? Height { get; private init; }

    /// <summary>What the SVG sanitizer removed, e.g. <c>element script</c>, <c>attribute onload</c>.</summary>
    public IReadOnlyList<string> Removed { get; private init; } = [];

    /// <summary>The media type of the stored bytes.</summary>
    public string? MediaType => Format switch
    {
        BadgeImageFormat.Png => "image/png",
        BadgeImageFormat.Svg => "image/svg+xml",
        _ => null,
    };

    internal static BadgeImageResult Png(byte[] bytes, int width, int height) =>
        new() { Format = BadgeImageFormat.Png, Bytes = bytes, Width = width, Height = height };

    internal static BadgeImageResult Svg(byte[] bytes, IReadOnlyList<string> removed) =>
        new() { Format = BadgeImageFormat.Svg, Bytes = bytes, Removed = removed };

    internal static BadgeImageResult Fail(BadgeImageError error, string detail) => new() { Error = error, Detail = detail };
}

/// <summary>Validates uploaded badge images: PNG structure checks, SVG sanitization; the format is sniffed from the content.</summary>
public static class BadgeImageValidator
{
    /// <summary>Validates (PNG) or sanitizes (SVG) an upload.</summary>
    public static BadgeImageResult Validate(ReadOnlySpan<byte> data, BadgeImageLimits? limits = null)
    {
        limits ??= new BadgeImageLimits();
        if (data.IsEmpty)
        {
            return BadgeImageResult.Fail(BadgeImageError.Empty, "The image is empty.");
        }
        if (data.Length > limits.MaxBytes)
        {
            return BadgeImageResult.Fail(BadgeImageError.TooLarge, $"The image is larger than {limits.MaxBytes} bytes.");
        }
        if (PngValidator.HasSignature(data))
        {
            return PngValidator.Validate(data, limits);
        }
        if (SvgSanitizer.LooksLikeXml(data))
        {
            return SvgSanitizer.Sanitize(data, limits);
        }
        return BadgeImageResult.Fail(BadgeImageError.UnsupportedFormat, "Badge images must be PNG or SVG.");
    }
}
