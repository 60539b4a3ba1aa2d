namespace OpenBadgesIssuer.Api.Hosting;

/// <summary>Source-generated log messages (event ids 1xxx hosting, 2xxx auth, 3xxx errors). Never log key material.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Database provider {Provider}: applied {Count} pending migration(s).")]
    public static partial void MigrationsApplied(ILogger logger, string provider, int count);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Created the default tenant {TenantId}; its admin key was printed to the console.")]
    public static partial void DefaultTenantCreated(ILogger logger, string tenantId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "The database has pending migrations and Database:MigrateOnStartup is false; skipping the default-tenant bootstrap.")]
    public static partial void PendingMigrationsSkipped(ILogger logger);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "No Signing:KeyEncryptionKey configured: generated a key-encryption key file at {Path}. Back it up; without it the issuer keys cannot be decrypted.")]
    public static partial void KeyEncryptionKeyGenerated(ILogger logger, string path);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Rejected an API key (unknown, revoked or expired).")]
    public static partial void ApiKeyRejected(ILogger logger);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Rate limit hit for partition {Partition}.")]
    public static partial void RateLimited(ILogger logger, string partition);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}.")]
    public static partial void UnhandledException(ILogger logger, Exception exception, string method, string path);
}
