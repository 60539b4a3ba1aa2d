namespace OpenBadgesIssuer.Standards.OpenBadges;

/// <summary>Thrown when an Open Badges input model breaks a rule of the specification; lists every problem found.</summary>
public sealed class OpenBadgeModelException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public OpenBadgeModelException(IReadOnlyList<string> problems)
        : base("Invalid Open Badges document: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with a single problem.</summary>
    public OpenBadgeModelException(string problem)
        : this(new[] { problem })
    {
    }

    /// <summary>Creates an exception without problems (serialization support only).</summary>
    public OpenBadgeModelException()
        : this(Array.Empty<string>())
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public OpenBadgeModelException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = new[] { message };
    }

    /// <summary>Each rule that was broken, as a short sentence naming the property.</summary>
    public IReadOnlyList<string> Problems { get; }
}
