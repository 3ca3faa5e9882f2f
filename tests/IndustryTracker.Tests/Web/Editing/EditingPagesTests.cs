using System.Net;
using IndustryTracker.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IndustryTracker.Tests.Web.Editing;

public sealed class EditingPagesTests : EditingWebTest
{
    [Theory]
    [InlineData("/sources/upload")]
    [InlineData("/companies/deepseek/edit")]
    public async Task Anonymous_visitors_of_the_editing_pages_are_sent_to_login(string path)
    {
        // The app's own (cookie) authentication, not the test scheme: its challenge is the redirect to /login.
        await using var factory = new TrackerWebApplicationFactory(Database);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        Assert.Contains("/login?", location, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(path), location, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/sources/upload")]
    [InlineData("/companies/deepseek/edit")]
    public async Task Signed_in_users_without_a_role_are_refused_the_editing_pages(string path)
    {
        using var client = Reader();

        using var response = await client.GetAsync(path, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("id=\"upload-file\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"company-save\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editors_get_the_upload_form_and_the_sources_page_links_to_it()
    {
        using var editor = Editor();
        using var anonymous = Anonymous();

        var upload = await editor.GetStringAsync("/sources/upload", Ct);
        var sourcesAsEditor = await editor.GetStringAsync("/sources", Ct);
        var sourcesAsReader = await anonymous.GetStringAsync("/sources", Ct);

        foreach (var id in new[] { "upload-file", "upload-text", "upload-preview" })
        {
            Assert.Contains($"id=\"{id}\"", upload, StringComparison.Ordinal);
        }
        // A paste is one circuit message: the text box caps it below the circuit's receive limit and says so.
        Assert.Contains("maxlength=\"500000\"", upload, StringComparison.Ordinal);
        Assert.Contains("At most 500,000 characters", upload, StringComparison.Ordinal);
        Assert.Contains("id=\"upload-link\"", sourcesAsEditor, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"upload-link\"", sourcesAsReader, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editors_get_the_company_form_filled_in_and_the_profile_links_to_it()
    {
        using var editor = Editor();
        using var anonymous = Anonymous();

        var edit = await editor.GetStringAsync("/companies/deepseek/edit", Ct);
        var profileAsEditor = await editor.GetStringAsync("/companies/deepseek", Ct);
        var profileAsReader = await anonymous.GetStringAsync("/companies/deepseek", Ct);

        Assert.Matches("id=\"company-name\"[^>]*value=\"DeepSeek\"|value=\"DeepSeek\"[^>]*id=\"company-name\"", edit);
        Assert.Contains("id=\"company-save\"", edit, StringComparison.Ordinal);
        Assert.Contains("value=\"2023\"", edit, StringComparison.Ordinal);
        Assert.Contains("Hangzhou DeepSeek Artificial Intelligence", edit, StringComparison.Ordinal);
        Assert.Contains("href=\"companies/deepseek/edit\"", profileAsEditor, StringComparison.Ordinal);
        Assert.DoesNotContain("companies/deepseek/edit", profileAsReader, StringComparison.Ordinal);
    }
}
