using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace IndustryTracker.Web.Startup;

/// <summary>The <c>ResponseCache</c> section: the output cache of anonymous public reads (docs/deployment.md).</summary>
public sealed class ResponseCacheOptions : IValidatableObject
{
    public const string Section = "ResponseCache";

    /// <summary>
    /// Blazor refuses a prerendered page's circuit descriptors after five minutes, so a cached interactive page must be
    /// younger than that when a browser receives it.
    /// </summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(4);

    /// <summary>Off: every request renders (the cache stays out of the pipeline).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a response is kept at most; any write ends it sooner. The same 30 s as the count cache.</summary>
    public TimeSpan Duration { get; set; } = Core.Queries.QueryCache.TimeToLive;

    /// <summary>
    /// How often the database's cache stamp is read to learn of writes by other instances or the CLI. Zero (the
    /// default) reads it before every cached answer, so such a write is seen by the next request; a larger value
    /// saves that primary-key read and lets other instances' writes be missed for up to this long.
    /// </summary>
    public TimeSpan StampCheckInterval { get; set; } = TimeSpan.Zero;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Duration <= TimeSpan.Zero || Duration > MaxDuration)
        {
            yield return new ValidationResult($"ResponseCache:Duration must be more than 0 and at most {MaxDuration} (circuit descriptors in a cached page expire after 5 minutes).", [nameof(Duration)]);
        }
        if (StampCheckInterval < TimeSpan.Zero || StampCheckInterval > Duration)
        {
            yield return new ValidationResult("ResponseCache:StampCheckInterval must be between 0 and ResponseCache:Duration.", [nameof(StampCheckInterval)]);
        }
    }
}

/// <summary>
/// Output caching of anonymous GET/HEAD reads of the public lists, exports and pages (<see cref="PublicResponseCachePolicy"/>):
/// registered here, placed after authentication and authorization so it knows who is asking.
/// </summary>
public static class ResponseCacheSetup
{
    public static IServiceCollection AddPublicResponseCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ResponseCacheOptions>()
            .Bind(configuration.GetSection(ResponseCacheOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PublicCacheGenerations>();
        services.AddSingleton<PublicResponseCachePolicy>();
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<ResponseCacheOptions>, PublicResponseCachePolicy>((output, cache, policy) =>
        {
            // /companies/Acme and /companies/acme are different requests (the slug lookup decides), so are their pages.
            output.UseCaseSensitivePaths = true;
            output.DefaultExpirationTimeSpan = cache.Value.Duration;
            output.AddBasePolicy(policy);
        });
        return services;
    }

    public static WebApplication UsePublicResponseCache(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ResponseCacheOptions>>().Value.Enabled)
        {
            app.UseOutputCache();
        }
        return app;
    }
}
