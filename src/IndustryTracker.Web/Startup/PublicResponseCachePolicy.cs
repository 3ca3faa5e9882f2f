using System.Collections.Frozen;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace IndustryTracker.Web.Startup;

/// <summary>
/// Which responses the output cache keeps, and for whom. Only anonymous GET/HEAD requests (no Authorization header, no
/// sign-in cookie, no authenticated user) of the public reads in <see cref="Routes"/> are cached, keyed by method, host,
/// path (case-sensitive), the full query string as sent, the reader's theme cookie and the <see cref="PublicCacheGeneration"/>;
/// only 200 answers that set no cookie of their own are stored. A signed-in reader (editors see edit controls and who
/// changed what) always gets a fresh render, and nothing rendered for one is ever stored.
/// </summary>
/// <remarks>
/// Two details keep a cached interactive page usable by every browser that receives it: the page's CSP nonce is the
/// generation's (<see cref="SecurityHeaders.UseCspNonce"/>), so the header served with a cached copy matches the import
/// map inside it; and the antiforgery cookie Blazor issues with a prerendered page is not sent with a response that is
/// being cached (it would otherwise be replayed to every reader). Anonymous pages post no forms, and a page that does
/// (sign-in) is not cached and issues its own cookie.
/// </remarks>
public sealed class PublicResponseCachePolicy(
    PublicCacheGenerations generations,
    IOptions<AntiforgeryOptions> antiforgery,
    IOptionsMonitor<CookieAuthenticationOptions> cookies,
    ILogger<PublicResponseCachePolicy> logger) : IOutputCachePolicy
{
    /// <summary>The route patterns whose anonymous GET/HEAD answers are the same for every reader.</summary>
    public static readonly FrozenSet<string> Routes = FrozenSet.ToFrozenSet(
    [
        // API reads and exports
        "/api/events/", "/api/events/facets", "/api/events/{id:int}", "/api/events.csv", "/feed.atom",
        "/api/companies/", "/api/companies/{slug}", "/api/models/", "/api/models/{slug}",
        "/api/investments/", "/api/investments.csv", "/api/sources/", "/api/sources/{id:int}", "/api/valuations/",
        // prerendered pages
        "/", "/timeline", "/companies", "/companies/{Slug}", "/investments", "/models", "/models/{Slug}",
        "/sources", "/sources/{Id:int}",
    ], StringComparer.Ordinal);

    private string IdentityCookie => cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name ?? ".AspNetCore.Identity.Application";

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (!IsCacheable(http))
        {
            context.EnableOutputCaching = false;
            return;
        }
        var (generation, replaced) = await generations.CurrentAsync(cancellationToken);
        if (replaced is not null)
        {
            var store = http.RequestServices.GetRequiredService<IOutputCacheStore>();
            _ = EvictAsync(store, replaced);
        }
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        // The query string exactly as sent (not QueryKeys = "*", whose key building sorts a repeated parameter's values
        // in place, so the endpoint would see company=b&company=a as a,b and echo them reordered in the feed's links).
        context.CacheVaryByRules.VaryByValues["query"] = http.Request.QueryString.Value ?? string.Empty;
        context.CacheVaryByRules.VaryByValues["generation"] = generation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The prerender reads the reader's theme choice (MainLayout): one copy per choice.
        context.CacheVaryByRules.VaryByValues["theme"] = Components.Layout.ThemePreference.Parse(http.Request.Cookies[Components.Layout.ThemePreference.CookieName]) switch
        {
            true => "dark",
            false => "light",
            null => "system",
        };
        context.Tags.Add(generation.Tag);
        http.UseCspNonce(generation.Nonce);
        http.Response.OnStarting(static state => DropAntiforgeryCookie((Tuple<HttpResponse, string?>)state),
            Tuple.Create(http.Response, antiforgery.Value.Cookie.Name));
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || context.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    private bool IsCacheable(HttpContext http)
    {
        var request = http.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.GetEndpoint() is RouteEndpoint endpoint
            && endpoint.RoutePattern.RawText is { } pattern
            && Routes.Contains(pattern)
            && StringValues.IsNullOrEmpty(request.Headers.Authorization)
            && !request.Cookies.ContainsKey(IdentityCookie)
            && http.User.Identity?.IsAuthenticated != true
            && !IsEnhancedNavigation(request);
    }

    /// <summary>
    /// A page fetched by blazor.web.js for a page already open (Accept: …; blazor-enhanced-nav=on) is merged into that page,
    /// and its interactive islands (app bar, timeline filters) get their new parameters through the page's live circuit,
    /// which accepts them only from a render newer than the last one it saw: a stored copy of an address the reader
    /// visited before (a facet chosen, then cleared) would be refused. Those are always rendered afresh; a first visit
    /// (a new circuit) may take a stored copy.
    /// </summary>
    public static bool IsEnhancedNavigation(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("blazor-enhanced-nav", StringComparison.OrdinalIgnoreCase);

    private static Task DropAntiforgeryCookie(Tuple<HttpResponse, string?> state)
    {
        var (response, name) = state;
        var cookies = response.Headers.SetCookie;
        if (name is not null && !StringValues.IsNullOrEmpty(cookies))
        {
            var prefix = name + "=";
            response.Headers.SetCookie = new StringValues([.. cookies.Where(c => c is not null && !c.StartsWith(prefix, StringComparison.Ordinal))]);
        }
        return Task.CompletedTask;
    }

    private async Task EvictAsync(IOutputCacheStore store, PublicCacheGeneration replaced)
    {
        try
        {
            await store.EvictByTagAsync(replaced.Tag, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Unreachable anyway (the key has the generation); they expire after ResponseCache:Duration.
            logger.LogWarning(ex, "Could not evict the cached responses of generation {Generation}", replaced.Id);
        }
    }
}
