namespace OpenBadgesIssuer.Standards.Baking;

/// <summary>Which Open Badges baking rules apply.</summary>
public enum BadgeVersion
{
    /// <summary>OB 2.0 Baking Specification: PNG keyword "openbadges", SVG namespace http://openbadges.org, element assertion.</summary>
    V2,
    /// <summary>OB 3.0: PNG keyword "openbadgecredential", SVG namespace https://purl.imsglobal.org/ob/v3p0, element credential.</summary>
    V3,
}

/// <summary>Why a badge image was rejected.</summary>
public enum BadgeImageError
{
    /// <summary>The input exceeds the configured size limit.</summary>
    TooLarge,
    /// <summary>Not a PNG (bad signature) or not an SVG document.</summary>
    NotAnImage,
    /// <summary>Structural damage: truncated chunk, bad length, bad chunk type, missing IHDR/IEND, malformed XML.</summary>
    Malformed,
    /// <summary>A PNG chunk CRC does not match its contents.</summary>
    BadChecksum,
    /// <summary>More than one baked badge in the image.</summary>
    DuplicateBadge,
    /// <summary>The baked text is compressed (forbidden) or not valid UTF-8 / Latin-1.</summary>
    InvalidText,
    /// <summary>The XML tried to use a DTD entity (refused: entities are never expanded or resolved).</summary>
    ForbiddenXml,
}

/// <summary>A badge image that cannot be read or baked; <see cref="Error"/> says why.</summary>
public sealed class BadgeImageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BadgeImageException(BadgeImageError error, string message, Exception? inner = null) : base(message, inner) => Error = error;

    /// <summary>Creates the exception with a generic message.</summary>
    public BadgeImageException() : this(BadgeImageError.Malformed, "Malformed badge image.") { }

    /// <summary>Creates the exception.</summary>
    public BadgeImageException(string message) : this(BadgeImageError.Malformed, message) { }

    /// <summary>Creates the exception.</summary>
    public BadgeImageException(string message, Exception innerException) : this(BadgeImageError.Malformed, message, innerException) { }

    /// <summary>The specific reason.</summary>
    public BadgeImageError Error { get; }
}

/// <summary>Limits applied when reading or baking images.</summary>
public sealed class BadgeImageLimits
{
    /// <summary>The default: 5 MiB images.</summary>
    public static BadgeImageLimits Default { get; } = new();

    /// <summary>Largest image accepted, in bytes. Default 5 MiB.</summary>
    public int MaxImageBytes { get; init; } = 5 * 1024 * 1024;
}
