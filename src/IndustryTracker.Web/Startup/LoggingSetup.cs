using Microsoft.AspNetCore.StaticAssets;
using Serilog;
using Serilog.Events;

namespace IndustryTracker.Web.Startup;

/// <summary>
/// Serilog, second stage: the host's logger comes from the "Serilog" section (levels, overrides, console for people,
/// compact JSON file rolling daily and capped by size and count). Program.cs holds the first stage, the bootstrap
/// logger that reports a failed start-up. Requests are logged by <see cref="UseApplicationRequestLogging"/>.
/// </summary>
internal static class LoggingSetup
{
    /// <summary>The file sink's path (the second sink in "Serilog:WriteTo"); a relative path is resolved against the content root.</summary>
    public const string FilePathKey = "Serilog:WriteTo:1:Args:path";

    public const string RequestMessageTemplate =
        "HTTP {RequestMethod} {RequestPath} ({RouteTemplate}) responded {StatusCode} in {Elapsed:0.0000} ms";

    public static WebApplicationBuilder AddApplicationLogging(this WebApplicationBuilder builder)
    {
        ResolveFilePath(builder.Configuration, builder.Environment.ContentRootPath);
        // preserveStaticLogger: every host (tests start many in one process) gets its own logger; the static one stays
        // the bootstrap logger that Program.cs uses for failures before and after the host runs.
        builder.Services.AddSerilog(
            (services, logger) => logger.ReadFrom.Configuration(services.GetRequiredService<IConfiguration>()).ReadFrom.Services(services),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One event per request: method, path, route template, status, elapsed time, user (or "anonymous") and client
    /// address. Health checks and static files are logged at Debug, server errors at Error.
    /// </summary>
    public static IApplicationBuilder UseApplicationRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // The host's logger (Program.cs keeps the static one as the bootstrap logger).
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = RequestMessageTemplate;
            options.GetLevel = RequestLevel;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("RouteTemplate", (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(none)");
                diagnostics.Set("UserName", context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : "anonymous");
                diagnostics.Set("ClientAddress", context.Connection.RemoteIpAddress?.ToString() ?? "(unknown)");
            };
        });

    internal static LogEventLevel RequestLevel(HttpContext context, double elapsedMilliseconds, Exception? exception)
    {
        if (exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            return LogEventLevel.Error;
        }
        var endpoint = context.GetEndpoint();
        var isHealthCheck = context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
        var isStaticFile = endpoint?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;
        return isHealthCheck || isStaticFile ? LogEventLevel.Debug : LogEventLevel.Information;
    }

    private static void ResolveFilePath(ConfigurationManager configuration, string contentRoot)
    {
        var path = configuration[FilePathKey];
        if (!string.IsNullOrWhiteSpace(path) && !Path.IsPathRooted(path))
        {
            // A source of its own on top (setting the key would write into every provider).
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { [FilePathKey] = Path.GetFullPath(Path.Combine(contentRoot, path)) });
        }
    }
}
