using Microsoft.AspNetCore.Mvc;

namespace OpenBadgesIssuer.Api.Endpoints;

internal static class EndpointConventions
{
    /// <summary>Documents the problem responses of an endpoint; 401, 403 and 429 apply to every protected endpoint.</summary>
    public static RouteHandlerBuilder WithProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (int status in statuses.Concat([401, 403, 429]).Distinct().Order())
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
