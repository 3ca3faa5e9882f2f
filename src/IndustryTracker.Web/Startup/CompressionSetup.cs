using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace IndustryTracker.Web.Startup;

/// <summary>
/// Brotli or gzip for the responses the app renders itself: pages (text/html) and the API's JSON. Static files are not
/// compressed here: MapStaticAssets serves the copies compressed at publish time (docs/deployment.md, "Compression").
/// <para>
/// Over HTTPS a compressed page can leak a secret it holds to an attacker who can both inject text into the same page
/// and watch its size (BREACH). The anonymous pages hold no stable secret (antiforgery tokens and circuit descriptors
/// are data-protected ciphertext, different in every response), so they are compressed; a request that carries the
/// sign-in cookie or an Authorization header is not (its pages show the account's name and its forms).
/// </para>
/// </summary>
public static class CompressionSetup
{
    /// <summary>The content types compressed on the fly (prefix match ignores a charset parameter).</summary>
    public static readonly string[] MimeTypes = ["text/html", "application/json", "application/problem+json"];

    public static WebApplicationBuilder AddPageCompression(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = MimeTypes;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // Fastest: a page is compressed on every request (level Optimal costs several times the CPU for a few % less).
        builder.Services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return builder;
    }

    public static WebApplication UsePageCompression(this WebApplication app)
    {
        var signInCookie = ".AspNetCore." + IdentityConstants.ApplicationScheme;
        app.UseResponseCompression();
        // Inside the compression middleware: it is what offers the per-response HTTPS switch.
        app.Use((context, next) =>
        {
            if (context.Request.IsHttps
                && (context.Request.Cookies.ContainsKey(signInCookie) || context.Request.Headers.ContainsKey(HeaderNames.Authorization))
                && context.Features.Get<IHttpsCompressionFeature>() is { } https)
            {
                https.Mode = HttpsCompressionMode.DoNotCompress;
            }
            return next(context);
        });
        return app;
    }
}
