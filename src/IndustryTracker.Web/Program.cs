using IndustryTracker.Web;
using Serilog;

// Serilog, first stage: a console logger for what happens before the host's own logger exists (a bad setting, a
// database that cannot be opened), so a failed start says why before the process exits non-zero.
Log.Logger = new LoggerConfiguration()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
    .CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddApplicationServices();

    var app = builder.Build();
    await app.UseApplicationAsync();
    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "IndustryTracker failed to start: {Reason}", ex.Message);
    // Rethrown, not swallowed: the process still exits non-zero, and a host under test sees the real exception.
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
