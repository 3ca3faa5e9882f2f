using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.Extensions.Options;

namespace IndustryTracker.Web.Startup;

/// <summary>The <c>PageRenders</c> section: how many pages are rendered on the server at once (docs/deployment.md).</summary>
public sealed class PageRenderOptions
{
    public const string Section = "PageRenders";

    /// <summary>Pages rendered at the same time; 0 (the default) means four per processor.</summary>
    [Range(0, 10_000)]
    public int MaxConcurrent { get; set; }

    /// <summary>Page requests that wait for a render beyond those; more are answered 503 with Retry-After.</summary>
    [Range(0, 100_000)]
    public int MaxQueued { get; set; } = 1_000;

    public int EffectiveMaxConcurrent => MaxConcurrent > 0 ? MaxConcurrent : 4 * Environment.ProcessorCount;
}

/// <summary>
/// Renders at most <see cref="PageRenderOptions.MaxConcurrent"/> server-rendered pages (Razor component endpoints:
/// prerendered, static and enhanced-navigation pages) at once; the others wait in line, oldest first. Rendering is
/// CPU-bound, so more at once only interleaves them: 200 readers changing a timeline filter at the same moment finished
/// later and left the GC heap 340 MB larger (docs/benchmarks.md, "Circuits"). Answers from the output cache, the API,
/// static files and circuits' own traffic do not wait.
/// </summary>
public sealed class PageRenderGate : IDisposable
{
    public const string Busy = "The server is busy rendering other pages. Try again in a moment.";

    private readonly ConcurrencyLimiter _limiter;

    public PageRenderGate(IOptions<PageRenderOptions> options)
    {
        var value = options.Value;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = value.EffectiveMaxConcurrent,
            QueueLimit = value.MaxQueued,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public static bool IsPage(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (!IsPage(http))
        {
            await next(http);
            return;
        }
        using var lease = await _limiter.AcquireAsync(1, http.RequestAborted);
        if (!lease.IsAcquired)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "1";
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(
                $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Busy · IndustryTracker</title></head><body><h1>Busy</h1><p role=\"alert\">{Busy}</p></body></html>",
                http.RequestAborted);
            return;
        }
        await next(http);
    }

    public void Dispose() => _limiter.Dispose();
}

public static class PageRenderGateSetup
{
    public static IServiceCollection AddPageRenderGate(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PageRenderOptions>()
            .Bind(configuration.GetSection(PageRenderOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PageRenderGate>();
        return services;
    }

    /// <summary>After the output cache, so stored answers never wait for a render.</summary>
    public static WebApplication UsePageRenderGate(this WebApplication app)
    {
        var gate = app.Services.GetRequiredService<PageRenderGate>();
        app.Use(next => http => gate.InvokeAsync(http, next));
        return app;
    }
}
