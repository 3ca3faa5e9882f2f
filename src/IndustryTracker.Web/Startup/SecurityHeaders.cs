using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IndustryTracker.Web.Startup;

/// <summary>The <c>Security</c> section: transport, proxies and the public address. See docs/security.md.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>HSTS, HTTPS redirection and Secure cookies; unset means on everywhere but Development.</summary>
    public bool? RequireHttps { get; set; }

    /// <summary>The site's public address (https://tracker.example.com/): absolute links in the feed come from it, never from the Host header.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Reverse proxies whose X-Forwarded-For/-Proto are believed (loopback always is).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR notation (10.0.0.0/8).</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// Headers on every response (pages, API, feed, static files): a Content-Security-Policy with a per-request nonce for
/// the one inline script (the import map), nosniff, a strict referrer policy; HSTS, HTTPS redirection and Secure
/// cookies outside Development; forwarded headers from configured proxies only.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "IndustryTracker.CspNonce";

    /// <summary>
    /// script-src: the app's own files, plus the nonce for the import map Blazor renders inline; no 'unsafe-eval'
    /// (interactive server rendering needs none). style-src needs 'unsafe-inline': the component libraries write
    /// style attributes and Blazor's reconnect UI adds a style element. connect-src 'self' covers the circuit's
    /// same-origin WebSocket. img-src allows data: for icons embedded in the component libraries' CSS.
    /// </summary>
    public static string Policy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "frame-ancestors 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'";

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.Section));
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((forwarded, security) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in security.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in security.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<IOptions<SecurityOptions>, IHostEnvironment>((cookie, security, environment) =>
            {
                if (RequiresHttps(security.Value, environment))
                {
                    cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                }
            });
        builder.Services.AddOptions<AntiforgeryOptions>()
            .PostConfigure<IOptions<SecurityOptions>, IHostEnvironment>((antiforgery, security, environment) =>
            {
                if (RequiresHttps(security.Value, environment))
                {
                    antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                }
            });
        return builder;
    }

    private static bool RequiresHttps(SecurityOptions options, IHostEnvironment environment) => options.RequireHttps ?? !environment.IsDevelopment();

    /// <summary>First in the pipeline: forwarded headers, then HTTPS, then the headers (set as the response starts, so error pages get them too).</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        app.UseForwardedHeaders();
        if (RequiresHttps(options, app.Environment))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        if (options.PublicBaseUrl is null && !app.Environment.IsDevelopment())
        {
            app.Logger.LogWarning("Security:PublicBaseUrl is not set: absolute links in the feed fall back to the request's host (filtered by AllowedHosts)");
        }
        app.Use((context, next) =>
        {
            // Hex: valid CSP nonce syntax that no HTML encoder changes (a base64 "+" would be written as an entity).
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // Read when the response starts: a cached page's nonce replaces this one (UseCspNonce).
                headers.ContentSecurityPolicy = Policy(context.CspNonce());
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>This response's CSP nonce, for the one inline script element (App.razor's import map).</summary>
    public static string CspNonce(this HttpContext context) => context.Items[NonceKey] as string ?? string.Empty;

    /// <summary>
    /// Gives this response the nonce of the cached copy it is served from or stored as (PublicResponseCachePolicy), so
    /// the header matches the HTML. Called before the page renders.
    /// </summary>
    public static void UseCspNonce(this HttpContext context, string nonce) => context.Items[NonceKey] = nonce;

    /// <summary>The site's base address ending in '/': the configured public one, else (Development, unconfigured) the request's.</summary>
    public static string PublicBaseUri(this HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.PublicBaseUrl;
        return configured is not null
            ? configured.AbsoluteUri.TrimEnd('/') + "/"
            : $"{request.Scheme}://{request.Host}{request.PathBase}/";
    }
}
