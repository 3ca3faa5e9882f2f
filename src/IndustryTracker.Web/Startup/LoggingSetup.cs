using Microsoft.AspNetCore.HttpLogging;
using Serilog;

namespace IndustryTracker.Web.Startup;

/// <summary>
/// Serilog to the console and to a daily rolling file under <c>Logs:Path</c> (default data/logs, relative to the
/// content root); levels come from the "Serilog" section. HTTP requests are logged as one event each.
/// </summary>
internal static class LoggingSetup
{
    public const string LogsPathKey = "Logs:Path";
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";
    private const string FileTemplate = "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} [{Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}";

    public static WebApplicationBuilder AddApplicationLogging(this WebApplicationBuilder builder)
    {
        var folder = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, builder.Configuration[LogsPathKey] ?? "data/logs"));
        Directory.CreateDirectory(folder);
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(
                Path.Combine(folder, "industrytracker-.log"),
                outputTemplate: FileTemplate,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31)
            .CreateLogger();

        // Serilog decides what is written; the built-in filters let everything through to it.
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddSerilog(logger, dispose: true);

        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.RequestQuery |
                HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        return builder;
    }
}
