using IndustryTracker.Core.Data;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.DataProtection;

namespace IndustryTracker.Web.Startup;

/// <summary>
/// What lets several instances serve one database (docs/deployment.md): the data-protection key ring lives in the
/// database (table "DataProtectionKeys"), so a cookie, antiforgery token or bearer token issued by one instance is
/// read by every other; and the circuit limits and WebSocket compression, from the "Circuits" section, that bound what
/// each instance keeps per interactive page.
/// </summary>
public static class SharedStateSetup
{
    /// <summary>The data-protection application name: the same on every instance, whatever its content root.</summary>
    public const string ApplicationName = "IndustryTracker";

    public const string CircuitsSection = "Circuits";

    public static WebApplicationBuilder AddSharedState(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<IndustryTrackerDbContext>();
        builder.Services.Configure<CircuitOptions>(builder.Configuration.GetSection(CircuitsSection));
        builder.Services.AddOptions<CircuitTransportOptions>()
            .Bind(builder.Configuration.GetSection(CircuitsSection))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }
}
