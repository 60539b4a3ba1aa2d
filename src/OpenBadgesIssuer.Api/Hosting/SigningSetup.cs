using Microsoft.Extensions.Options;
using OpenBadgesIssuer.Core.Keys;

namespace OpenBadgesIssuer.Api.Hosting;

/// <summary>Section <c>Signing</c>: the key-encryption key (KEK) that wraps every issuer private key.</summary>
public sealed class SigningOptions
{
    public const string Section = "Signing";

    /// <summary>Base64 of 32 random bytes (e.g. from a secret store or an environment variable).</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>Path of a file holding the base64 KEK (or 32 raw bytes).</summary>
    public string? KeyEncryptionKeyFile { get; set; }

    /// <summary>Where the embedded-SQLite default generates a KEK file when none is configured.</summary>
    public string GeneratedKeyFile { get; set; } = "data/kek.b64";

    public override string ToString() =>
        $"SigningOptions {{ KeyEncryptionKey = {(KeyEncryptionKey is null ? "null" : "***")}, KeyEncryptionKeyFile = {KeyEncryptionKeyFile ?? "null"} }}";
}

/// <summary>
/// Builds the KEK provider: <c>Signing:KeyEncryptionKey</c>, else <c>Signing:KeyEncryptionKeyFile</c>; with neither, the
/// embedded-SQLite default generates <c>data/kek.b64</c> on first start (and says so, without printing the key),
/// while PostgreSQL deployments must configure one (start-up fails with a clear message).
/// </summary>
internal static class SigningSetup
{
    public static void AddSigning(IServiceCollection services)
    {
        services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section);
        services.AddSingleton<IKeyEncryptionKeyProvider>(sp =>
        {
            SigningOptions signing = sp.GetRequiredService<IOptions<SigningOptions>>().Value;
            DatabaseOptions database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            ILogger logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("OpenBadgesIssuer.Signing");
            if (!string.IsNullOrWhiteSpace(signing.KeyEncryptionKey))
            {
                return LocalKeyEncryptionKeyProvider.FromBase64(signing.KeyEncryptionKey);
            }

            if (!string.IsNullOrWhiteSpace(signing.KeyEncryptionKeyFile))
            {
                return LocalKeyEncryptionKeyProvider.FromFile(signing.KeyEncryptionKeyFile);
            }

            if (!database.IsSqlite)
            {
                throw new InvalidOperationException(
                    "Configure Signing:KeyEncryptionKey (base64 of 32 bytes) or Signing:KeyEncryptionKeyFile: issuer private keys are encrypted with it.");
            }

            string path = Path.GetFullPath(signing.GeneratedKeyFile);
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, LocalKeyEncryptionKeyProvider.GenerateBase64());
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                Log.KeyEncryptionKeyGenerated(logger, path);
            }

            return LocalKeyEncryptionKeyProvider.FromFile(path);
        });
        services.AddSingleton<IKeyEncryptor>(sp => new EnvelopeKeyEncryptor(sp.GetRequiredService<IKeyEncryptionKeyProvider>()));
    }
}
