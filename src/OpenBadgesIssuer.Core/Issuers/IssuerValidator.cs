using System.Net.Mail;
using System.Text.RegularExpressions;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Persistence;

namespace OpenBadgesIssuer.Core.Issuers;

/// <summary>
/// Field rules for issuer profiles. OB 2.0 requires name, url and email for an issuer (notes §1.4); OB 3.0 only
/// id and type (§2.9), so the stricter 2.0 set is required to publish under both versions.
/// </summary>
public static partial class IssuerValidator
{
    public static Error? Validate(IssuerDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Text("name", draft.Name, Limits.NameLength, required: true)
            ?? HttpUrl("url", draft.Url, required: true)
            ?? Email("email", draft.Email)
            ?? Text("description", draft.Description, Limits.DescriptionLength, required: false, multiline: true)
            ?? HttpUrl("image", draft.Image, required: false)
            ?? Phone("phone", draft.Phone)
            ?? Text("official", draft.Official, Limits.NameLength, required: false)
            ?? Address(draft.Address);
    }

    internal static Error? Text(string field, string? value, int maxLength, bool required, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required || value is not null
                ? Error.Validation(field, "required", $"{field} is required and must not be blank.")
                : null;
        }

        if (value.Length > maxLength)
        {
            return Error.Validation(field, "too_long", $"{field} must be at most {maxLength} characters.");
        }

        foreach (char c in value)
        {
            bool allowedWhitespace = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (char.IsControl(c) && !allowedWhitespace)
            {
                return Error.Validation(field, "invalid_characters", $"{field} must not contain control characters.");
            }
        }

        return null;
    }

    internal static Error? HttpUrl(string field, string? value, bool required)
    {
        Error? text = Text(field, value, Limits.UrlLength, required);
        if (text is not null || value is null)
        {
            return text;
        }

        bool ok = Uri.TryCreate(value, UriKind.Absolute, out Uri? uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host)
            && string.IsNullOrEmpty(uri.UserInfo)
            && !value.Any(char.IsWhiteSpace);
        return ok ? null : Error.Validation(field, "invalid_url", $"{field} must be an absolute http or https URL.");
    }

    private static Error? Email(string field, string? value)
    {
        Error? text = Text(field, value, Limits.EmailLength, required: true);
        if (text is not null)
        {
            return text;
        }

        bool ok = EmailPattern().IsMatch(value!)
            && MailAddress.TryCreate(value, out MailAddress? parsed)
            && string.Equals(parsed.Address, value, StringComparison.Ordinal);
        return ok ? null : Error.Validation(field, "invalid_email", $"{field} must be a plain e-mail address.");
    }

    private static Error? Phone(string field, string? value)
    {
        Error? text = Text(field, value, Limits.PhoneLength, required: false);
        if (text is not null || value is null)
        {
            return text;
        }

        return PhonePattern().IsMatch(value)
            ? null
            : Error.Validation(field, "invalid_phone", $"{field} must be a phone number such as +15555550100.");
    }

    private static Error? Address(PostalAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        Error? error = Text("address.streetAddress", address.StreetAddress, Limits.AddressPartLength, false)
            ?? Text("address.postOfficeBoxNumber", address.PostOfficeBoxNumber, Limits.AddressPartLength, false)
            ?? Text("address.addressLocality", address.AddressLocality, Limits.AddressPartLength, false)
            ?? Text("address.addressRegion", address.AddressRegion, Limits.AddressPartLength, false)
            ?? Text("address.postalCode", address.PostalCode, Limits.AddressPartLength, false)
            ?? Text("address.addressCountry", address.AddressCountry, Limits.AddressPartLength, false);
        if (error is not null)
        {
            return error;
        }

        return address.AddressCountryCode is null || CountryCodePattern().IsMatch(address.AddressCountryCode)
            ? null
            : Error.Validation("address.addressCountryCode", "invalid_country_code",
                "address.addressCountryCode must be an ISO 3166-1 alpha-2 code such as US.");
    }

    [GeneratedRegex(@"^[^@\s""(),:;<>\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 ().-]{2,30}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CountryCodePattern();
}
