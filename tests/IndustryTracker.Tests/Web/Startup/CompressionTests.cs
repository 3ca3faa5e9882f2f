using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using IndustryTracker.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IndustryTracker.Tests.Web.Startup;

/// <summary>
/// Pages and API answers are compressed when the client accepts it (not over HTTPS for a signed-in request), and
/// every stylesheet and script a page links is served compressed and does not block the first paint.
/// </summary>
public sealed partial class CompressionTests : WebAppTest
{
    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();

    [GeneratedRegex("<script src=\"([^\"]+)\"([^>]*)>")]
    private static partial Regex Script();

    private static HttpRequestMessage Get(string url, string encodings)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var encoding in encodings.Split(','))
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding.Trim()));
        }
        return request;
    }

    private static async Task<string> DecompressedAsync(HttpResponseMessage response)
    {
        await using var raw = await response.Content.ReadAsStreamAsync(Ct);
        await using Stream decoded = response.Content.Headers.ContentEncoding.Single() switch
        {
            "br" => new BrotliStream(raw, CompressionMode.Decompress),
            "gzip" => new GZipStream(raw, CompressionMode.Decompress),
            var other => throw new InvalidOperationException($"unexpected encoding {other}"),
        };
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync(Ct);
    }

    [Theory]
    [InlineData("/timeline", "br", "br")]
    [InlineData("/timeline", "gzip", "gzip")]
    [InlineData("/", "gzip, br", "br")]
    [InlineData("/api/events", "gzip", "gzip")]
    public async Task Pages_and_api_answers_are_compressed_with_an_encoding_the_client_accepts(string url, string accepted, string expected)
    {
        using var response = await Client.SendAsync(Get(url, accepted), Ct);

        response.EnsureSuccessStatusCode();
        Assert.Equal(expected, Assert.Single(response.Content.Headers.ContentEncoding));
        var body = await DecompressedAsync(response);
        Assert.Contains(url.StartsWith("/api", StringComparison.Ordinal) ? "\"items\"" : "</html>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_accepts_no_encoding_gets_the_page_as_is()
    {
        using var response = await Client.GetAsync("/timeline", Ct);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("</html>", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_https_an_anonymous_page_is_compressed_and_a_signed_in_one_is_not()
    {
        using var https = Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        using var anonymous = await https.SendAsync(Get("/timeline", "br"), Ct);
        var signedIn = Get("/timeline", "br");
        signedIn.Headers.Add("Cookie", ".AspNetCore.Identity.Application=not-a-valid-ticket");
        using var withCookie = await https.SendAsync(signedIn, Ct);
        var bearer = Get("/api/events", "br");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-valid-token");
        using var withToken = await https.SendAsync(bearer, Ct);

        Assert.Equal("br", Assert.Single(anonymous.Content.Headers.ContentEncoding));
        Assert.Empty(withCookie.Content.Headers.ContentEncoding);
        Assert.Empty(withToken.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Every_stylesheet_and_script_a_page_links_is_served_compressed_and_scripts_are_deferred()
    {
        // Static web assets as a deployment has them: the test host only finds the packages' files (MudBlazor's) through
        // the build's manifest.
        await using var app = Factory.WithWebHostBuilder(builder => builder.UseStaticWebAssets());
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/timeline", Ct);
        var stylesheets = Stylesheet().Matches(html).Select(m => m.Groups[1].Value).ToList();
        var scripts = Script().Matches(html).Select(m => (Src: m.Groups[1].Value, Attributes: m.Groups[2].Value)).ToList();

        Assert.Contains(stylesheets, href => href.Contains("MudBlazor", StringComparison.Ordinal));
        Assert.Contains(scripts, s => s.Src.Contains("blazor.web", StringComparison.Ordinal));
        foreach (var url in stylesheets.Concat(scripts.Select(s => s.Src)))
        {
            using var response = await client.SendAsync(Get("/" + url, "gzip, br"), Ct);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
            Assert.True(response.Content.Headers.ContentEncoding.Count == 1, $"{url} is served uncompressed");
        }
        foreach (var (src, attributes) in scripts.Where(s => !s.Attributes.Contains("type=\"module\"", StringComparison.Ordinal)))
        {
            Assert.True(attributes.Contains("defer", StringComparison.Ordinal), $"{src} blocks the page's first paint (no defer)");
        }
    }
}
