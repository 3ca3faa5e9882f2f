using IndustryTracker.Core;
using IndustryTracker.Core.Data;
using IndustryTracker.Web.Api;
using IndustryTracker.Web.Security;
using IndustryTracker.Web.Startup;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace IndustryTracker.Web;

/// <summary>Composition root: everything the web app needs, in one place.</summary>
public static class ApplicationSetup
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddApplicationLogging();
        builder.AddApplicationSecurity();
        builder.AddSecurityHeaders();
        builder.AddPageCompression();

        builder.Services.AddIndustryTrackerCore(builder.Configuration);
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.PostConfigure<DatabaseOptions>(options => DatabaseStartup.ResolveSqlitePath(options, contentRoot));
        builder.Services.AddOptions<SeedOptions>()
            .Bind(builder.Configuration.GetSection(SeedOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<DatabaseSeeder>();
        builder.Services.AddAccountsStartup(builder.Configuration);
        builder.AddSharedState();

        builder.Services.AddProblemDetails();
        builder.Services.AddRequestBoundaries();
        builder.Services.AddPublicResponseCache(builder.Configuration);
        builder.Services.AddPageRenderGate(builder.Configuration);
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            // Pasted article text travels in one SignalR message (files stream in small chunks): room for the paste
            // limit in UTF-8 plus JSON overhead, without letting every circuit send the importer's whole file limit.
            .AddHubOptions(options => options.MaximumReceiveMessageSize = 4L * Components.Pages.Sources.UploadPage.MaxPastedCharacters);
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<Components.Pages.Timeline.EventMarkup>();
        return builder;
    }

    public static async Task UseApplicationAsync(this WebApplication app)
    {
        await app.InitializeDatabaseAsync(app.Lifetime.ApplicationStopping);
        await app.InitializeAccountsAsync(app.Lifetime.ApplicationStopping);

        app.UseSecurityHeaders();
        app.UsePageCompression();
        app.UseApplicationRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseNoStatusCodePagesForApi();
        app.UseRequestBoundaries();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePublicResponseCache();
        app.UsePageRenderGate();
        app.UseAntiforgery();
        app.MapStaticAssets();

        app.MapOpenApi();
        app.MapHealthChecks("/health");
        app.MapEventsApi();
        app.MapEventWriteApi();
        app.MapCompaniesApi();
        app.MapCatalogApi();
        app.MapValuationsApi();
        app.MapReviewApi();
        app.MapFeed();
        app.MapAuthApi();
        app.MapAccountsApi();
        app.MapHistoryApi();
        app.MapEditingApi();

        var compression = app.Services.GetRequiredService<IOptions<CircuitTransportOptions>>().Value.WebSocketCompression;
        app.MapRazorComponents<Components.App>()
            .AddInteractiveServerRenderMode(endpoint => CircuitCompression.Apply(endpoint, compression));
    }
}
