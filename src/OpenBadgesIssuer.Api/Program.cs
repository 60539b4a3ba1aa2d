using Microsoft.Extensions.Options;
using OpenBadgesIssuer.Api.Hosting;

// Verbs (migrate, create-tenant, create-api-key, healthcheck) run and exit; without a verb the web server starts.
if (args is ["healthcheck", ..])
{
    return await CommandLine.HealthCheckAsync(args, Console.Error);
}

bool verb = CommandLine.IsDatabaseVerb(args);
WebApplicationBuilder builder = WebApplication.CreateBuilder(verb ? [] : args);
if (verb)
{
    // stdout belongs to the verb's JSON output: logs go to stderr.
    builder.Logging.ClearProviders();
    builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
}

builder.AddIssuerApi();
WebApplication app = builder.Build();

if (verb)
{
    return await CommandLine.RunAsync(args, app.Services, Console.Out, Console.Error, CancellationToken.None);
}

try
{
    // Validate options first so a bad setting gives one clear line instead of a host start-up stack trace.
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    app.UseIssuerApi();
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync($"Configuration error: {string.Join(" ", ex.Failures)}");
    return 2;
}
