using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IndustryTracker.Core.Accounts;
using IndustryTracker.Core.Data;
using IndustryTracker.Tests.Support;
using IndustryTracker.Tests.Web.Accounts;
using IndustryTracker.Web.Startup;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Tests.Scale;

/// <summary>
/// The output cache of anonymous public reads (PublicResponseCachePolicy): a repeated read is answered from the cache
/// with the same body; a write, through this instance or another one on the same database, is seen by the next read;
/// a signed-in reader never gets the anonymous copy; nothing else is cached.
/// </summary>
public sealed partial class ResponseCacheTests : IAsyncLifetime
{
    private const string Ernie = "Baidu plans Ernie 5";
    private const string Editor = "editor@example.com";

    private TestDatabase _database = null!;
    private TrackerWebApplicationFactory _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestData.CreateDatabaseAsync();
        _app = new TrackerWebApplicationFactory(_database);
        _ = _app.Server;
        await _app.CreateUserAsync(Editor, AccountRoles.Editor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/events?company=baidu")]
    [InlineData("/api/events/facets")]
    [InlineData("/api/events.csv")]
    [InlineData("/feed.atom")]
    [InlineData("/")]
    [InlineData("/timeline?company=baidu")]
    [InlineData("/companies/baidu")]
    public async Task A_repeated_anonymous_read_is_answered_from_the_cache_with_the_same_body(string url)
    {
        using var client = _app.CreateClient();

        using var first = await client.GetAsync(url, Ct);
        using var second = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        Assert.False(second.Headers.Contains("Set-Cookie"), "a cached answer sets no cookie");
    }

    [Fact]
    public async Task A_cached_page_carries_the_nonce_its_content_security_policy_allows()
    {
        using var client = _app.CreateClient();
        using var first = await client.GetAsync("/timeline", Ct);
        using var cached = await client.GetAsync("/timeline", Ct);
        Assert.NotNull(cached.Headers.Age);

        foreach (var response in new[] { first, cached })
        {
            var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            var nonce = PolicyNonce().Match(policy).Groups[1].Value;
            Assert.NotEmpty(nonce);
            Assert.Contains($"nonce=\"{nonce}\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        // The page would replay the first reader's antiforgery cookie to everyone: it is never sent with a cached page.
        Assert.False(first.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_write_through_the_api_is_seen_by_the_next_anonymous_read()
    {
        using var anonymous = _app.CreateClient();
        Assert.Contains(Ernie, await CachedAsync(anonymous, "/api/events?company=baidu"), StringComparison.Ordinal);
        Assert.Contains(Ernie, await CachedAsync(anonymous, "/companies/baidu"), StringComparison.Ordinal);

        using var editor = await _app.CreateClient().WithBearerAsync(Editor);
        await RenameErnieAsync(editor, "Baidu ships Ernie 5");

        using var list = await anonymous.GetAsync("/api/events?company=baidu", Ct);
        using var page = await anonymous.GetAsync("/companies/baidu", Ct);
        Assert.Null(list.Headers.Age);
        Assert.Contains("Baidu ships Ernie 5", await list.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("Baidu ships Ernie 5", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_by_any_context_of_the_app_ends_the_cached_copies()
    {
        using var anonymous = _app.CreateClient();
        Assert.DoesNotContain("Saved by the CLI.", await CachedAsync(anonymous, "/api/events?company=baidu"), StringComparison.Ordinal);

        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<IndustryTrackerDbContext>>().CreateDbContextAsync(Ct))
        {
            (await db.Events.SingleAsync(e => e.Title == Ernie, Ct)).Summary = "Saved by the CLI.";
            await db.SaveChangesAsync(Ct);
        }

        Assert.Contains("Saved by the CLI.", await anonymous.GetStringAsync("/api/events?company=baidu", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_editor_never_gets_the_anonymous_copy_and_nothing_rendered_for_one_is_stored()
    {
        // Signed in first: a sign-in writes to the database, which would end the anonymous copies.
        using var withCookie = await _app.CreateClient().WithCookieAsync(Editor);
        using var withBearer = await _app.CreateClient().WithBearerAsync(Editor);
        using var anonymous = _app.CreateClient();
        var anonymousPage = await CachedAsync(anonymous, "/companies/baidu");
        Assert.DoesNotContain("id=\"company-edit\"", anonymousPage, StringComparison.Ordinal);
        var id = await ErnieIdAsync();
        await CachedAsync(anonymous, $"/api/events/{id}");

        for (var i = 0; i < 2; i++)
        {
            using var page = await withCookie.GetAsync("/companies/baidu", Ct);
            Assert.Null(page.Headers.Age);
            Assert.Contains("id=\"company-edit\"", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            using var detail = await withBearer.GetAsync($"/api/events/{id}", Ct);
            Assert.Null(detail.Headers.Age);
            using var json = JsonDocument.Parse(await detail.Content.ReadAsStringAsync(Ct));
            Assert.Equal(JsonValueKind.String, json.RootElement.GetProperty("updatedBy").ValueKind);
        }

        // The anonymous copy is still the anonymous one: the editors' answers were not stored over it.
        using var again = await anonymous.GetAsync("/companies/baidu", Ct);
        Assert.NotNull(again.Headers.Age);
        Assert.DoesNotContain("id=\"company-edit\"", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_with_a_theme_cookie_get_their_own_copy()
    {
        using var system = _app.CreateClient();
        await CachedAsync(system, "/");
        using var dark = _app.CreateClient();
        dark.DefaultRequestHeaders.Add("Cookie", "theme=dark");

        using var first = await dark.GetAsync("/", Ct);
        using var second = await dark.GetAsync("/", Ct);

        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Contains("data-theme=\"dark\"", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/api/auth/antiforgery")]
    [InlineData("/health")]
    [InlineData("/companies/no-such-company")]
    public async Task Other_reads_and_errors_are_never_cached(string url)
    {
        using var client = _app.CreateClient();
        using var first = await client.GetAsync(url, Ct);
        using var second = await client.GetAsync(url, Ct);

        Assert.Null(second.Headers.Age);
    }

    [Theory]
    [InlineData("/timeline?company=baidu")]
    [InlineData("/companies/baidu")]
    public async Task A_page_fetched_for_an_enhanced_navigation_is_rendered_afresh_every_time(string url)
    {
        using var client = _app.CreateClient();
        await CachedAsync(client, url);

        using var first = await EnhancedNavigationAsync(client, url);
        using var second = await EnhancedNavigationAsync(client, url);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.Null(second.Headers.Age);
        // Each render gives its islands new circuit descriptors, which a live circuit accepts only once and in order.
        Assert.NotEqual(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
    }

    private static Task<HttpResponseMessage> EnhancedNavigationAsync(HttpClient client, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
        return client.SendAsync(request, Ct);
    }

    [Fact]
    public void Every_cached_route_is_a_get_endpoint_of_the_app()
    {
        var patterns = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => e.RoutePattern.RawText)
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(PublicResponseCachePolicy.Routes, route => Assert.Contains(route, patterns));
    }

    [Fact]
    public async Task A_write_through_another_instance_is_seen_by_the_next_read_of_this_one()
    {
        await using var other = new TrackerWebApplicationFactory(_database);
        using var editorOnOther = await other.CreateClient().WithBearerAsync(Editor);
        using var anonymous = _app.CreateClient();
        Assert.Contains(Ernie, await CachedAsync(anonymous, "/timeline?company=baidu"), StringComparison.Ordinal);
        Assert.Contains(Ernie, await CachedAsync(anonymous, "/api/events?company=baidu"), StringComparison.Ordinal);

        await RenameErnieAsync(editorOnOther, "Ernie 5, renamed on the other instance");

        // ResponseCache:StampCheckInterval is 0 by default: the stamp is read before every cached answer.
        Assert.Contains("Ernie 5, renamed on the other instance", await anonymous.GetStringAsync("/timeline?company=baidu", Ct), StringComparison.Ordinal);
        Assert.Contains("Ernie 5, renamed on the other instance", await anonymous.GetStringAsync("/api/events?company=baidu", Ct), StringComparison.Ordinal);
    }

    /// <summary>Reads <paramref name="url"/> until it comes from the cache (the second read) and answers its body.</summary>
    private static async Task<string> CachedAsync(HttpClient client, string url)
    {
        using (var first = await client.GetAsync(url, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        using var second = await client.GetAsync(url, Ct);
        Assert.NotNull(second.Headers.Age);
        return await second.Content.ReadAsStringAsync(Ct);
    }

    private async Task<int> ErnieIdAsync()
    {
        await using var db = _database.CreateContext();
        return (await db.Events.SingleAsync(e => e.Title == Ernie, Ct)).Id;
    }

    private async Task RenameErnieAsync(HttpClient editor, string title)
    {
        var id = await ErnieIdAsync();
        using var current = await editor.GetAsync($"/api/events/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        var body = $$"""
            { "title": "{{title}}", "summary": "Second half of 2025.", "category": "product-launch",
              "date": "second half of 2025", "companies": ["baidu"], "models": [] }
            """;
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/events/{id}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.ToString());
        using var saved = await editor.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }

    [GeneratedRegex("'nonce-([0-9a-f]+)'")]
    private static partial Regex PolicyNonce();
}
