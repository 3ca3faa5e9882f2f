using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Api;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IndustryTracker.Tests.Web.Startup;

/// <summary>The security headers on every kind of response, HTTPS outside Development, and absolute links from the configured public address.</summary>
public sealed partial class SecurityHeadersTests : WebAppTest
{
    [GeneratedRegex("'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex Nonce();

    [Theory]
    [InlineData("/")]
    [InlineData("/timeline")]
    [InlineData("/api/events")]
    [InlineData("/api/events/999999")]
    [InlineData("/feed.atom")]
    [InlineData("/app.css")]
    [InlineData("/no-such-page")]
    [InlineData("/health")]
    public async Task Every_response_carries_the_policy_nosniff_and_the_referrer_policy(string url)
    {
        using var response = await Client.GetAsync(url, Ct);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        foreach (var directive in new[] { "default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }
        Assert.Matches("script-src 'self' 'nonce-[0-9a-f]{32}';", csp);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_inline_import_map_carries_this_responses_nonce_and_every_rendered_response_gets_a_new_one()
    {
        // The sign-in page is rendered for every request (a copy from the output cache keeps the nonce of its HTML
        // until the next write: ResponseCacheTests).
        using var first = await Client.GetAsync("/login", Ct);
        using var second = await Client.GetAsync("/login", Ct);

        var nonce = Nonce().Match(first.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value;
        var html = await first.Content.ReadAsStringAsync(Ct);
        Assert.Matches($"<script (type=\"importmap\" nonce=\"{Regex.Escape(nonce)}\"|nonce=\"{Regex.Escape(nonce)}\" type=\"importmap\")>", html);
        Assert.NotEqual(nonce, Nonce().Match(second.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value);
        // Every other script is a file of the app's own.
        Assert.DoesNotMatch("<script(?![^>]*(src=\"|type=\"importmap\"))", html);
    }

    [Fact]
    public async Task Outside_development_https_is_required_hsts_is_sent_and_cookies_are_secure()
    {
        await using var production = Factory.WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("https_port", "443")
            // Unset again (the test factory turns it off): the default outside Development applies.
            .ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?> { ["Security:RequireHttps"] = null })));
        using var http = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var https = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://tracker.example.com") }); // HSTS is never sent to localhost

        using var redirected = await http.GetAsync("/timeline", Ct);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://localhost/timeline", redirected.Headers.Location!.AbsoluteUri);

        using var secure = await https.GetAsync("/api/auth/antiforgery", Ct);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.StartsWith("max-age=31536000", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.Contains(secure.Headers.GetValues("Set-Cookie"), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        var cookie = production.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(CookieSecurePolicy.Always, cookie.Cookie.SecurePolicy);
    }

    [Fact]
    public async Task Feed_links_come_from_the_public_base_url_never_the_host_header_and_unknown_hosts_are_refused()
    {
        await using var configured = Factory.WithWebHostBuilder(builder => builder
            .UseSetting("Security:PublicBaseUrl", "https://tracker.example.com/")
            .UseSetting("AllowedHosts", "localhost;tracker.example.com"));
        using var client = configured.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        request.Headers.Host = "tracker.example.com";
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        XNamespace atom = FeedApi.AtomNamespace;
        Assert.Equal("https://tracker.example.com/feed.atom", feed.Root!.Element(atom + "id")!.Value);
        Assert.All(feed.Root.Elements(atom + "entry"), e => Assert.StartsWith("https://tracker.example.com/events/", e.Element(atom + "id")!.Value, StringComparison.Ordinal));

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        forged.Headers.Host = "evil.example";
        using var refused = await client.SendAsync(forged, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
