using System.Globalization;
using OpenBadgesIssuer.Api.Contracts;
using OpenBadgesIssuer.Api.Hosting;
using OpenBadgesIssuer.Core.Paging;

namespace OpenBadgesIssuer.Api.Endpoints;

internal static class Paging
{
    /// <summary>Maps a page and sets <c>Link: &lt;next&gt;; rel="next"</c> (RFC 8288) when there is one.</summary>
    public static PageResponse<TOut> ToResponse<TIn, TOut>(
        Page<TIn> page, Func<TIn, TOut> map, string path, int? limit, PublicUrls urls, HttpContext context)
    {
        string? next = null;
        if (page.NextCursor is not null)
        {
            string query = string.Create(CultureInfo.InvariantCulture,
                $"?limit={limit ?? PageRequest.DefaultLimit}&cursor={Uri.EscapeDataString(page.NextCursor)}");
            next = urls.Absolute(context, path + query);
            context.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }

        return new PageResponse<TOut>(page.Items.Select(map).ToList(), page.NextCursor, next);
    }
}
