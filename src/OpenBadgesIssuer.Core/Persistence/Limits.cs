namespace OpenBadgesIssuer.Core.Persistence;

/// <summary>Column and validation lengths, shared by the EF model and the validators so the two cannot disagree.</summary>
public static class Limits
{
    public const int IdLength = 40;
    public const int NameLength = 200;
    public const int UrlLength = 2048;
    public const int EmailLength = 254;
    public const int DescriptionLength = 4000;
    public const int PhoneLength = 32;
    public const int AddressPartLength = 200;
}
