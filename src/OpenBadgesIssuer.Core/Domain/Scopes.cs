namespace OpenBadgesIssuer.Core.Domain;

/// <summary>The scopes an API key can carry. Each endpoint requires exactly one of them.</summary>
public static class Scopes
{
    public const string IssuersRead = "issuers:read";
    public const string IssuersWrite = "issuers:write";
    public const string BadgesWrite = "badges:write";
    public const string AssertionsIssue = "assertions:issue";
    public const string AssertionsRevoke = "assertions:revoke";
    public const string TenantAdmin = "tenant:admin";

    public static IReadOnlyList<string> All { get; } =
        [IssuersRead, IssuersWrite, BadgesWrite, AssertionsIssue, AssertionsRevoke, TenantAdmin];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
