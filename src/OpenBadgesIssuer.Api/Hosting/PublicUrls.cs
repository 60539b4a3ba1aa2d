using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace OpenBadgesIssuer.Api.Hosting;

/// <summary>
/// Builds absolute URLs from <c>PublicBaseUrl</c>, or, when it is not set, from the first address the server
/// listens on (wildcard hosts become <c>localhost</c>), or finally from the request's own scheme and host.
/// </summary>
public sealed class PublicUrls(IOptions<PublicUrlOptions> options, IServer server)
{
    private string? _listening;

    public string BaseUrl(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (options.Value.PublicBaseUrl is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        _listening ??= ListeningUrl();
        return _listening ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
    }

    public string Absolute(HttpContext context, string pathAndQuery) => BaseUrl(context) + pathAndQuery;

    /// <summary>The public URL scheme of credentials and identity documents (see <see cref="Core.Signing.PublicLinks"/>).</summary>
    public Core.Signing.PublicLinks Links(HttpContext context) => new(BaseUrl(context));

    private string? ListeningUrl()
    {
        string? address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || a.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        if (address is null)
        {
            return null;
        }

        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal));
        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
