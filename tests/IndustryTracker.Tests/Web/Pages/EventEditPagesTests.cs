using System.Net;
using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Web.Pages;

/// <summary>/events/new, /events/{id}/edit and /events/deleted: editors only, with stable ids for browser tests.</summary>
public sealed class EventEditPagesTests : WebAppTest
{
    protected override bool UsesTestAuthentication => true;

    private HttpClient NewClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private int IdOf(string title)
    {
        using var db = Database.CreateContext();
        return db.Events.IgnoreQueryFilters().Single(e => e.Title == title).Id;
    }

    [Fact]
    public async Task Edit_pages_refuse_anonymous_and_readers_and_serve_editors()
    {
        using var anonymous = NewClient();
        using var reader = NewClient().ActingAs("reader@example.com");
        using var editor = NewClient().ActingAs("ed@example.com", Roles.Editor);
        var id = IdOf("Baidu plans Ernie 5");

        foreach (var path in new[] { "/events/new", $"/events/{id}/edit", "/events/deleted" })
        {
            using var refused = await anonymous.GetAsync(path, Ct);
            Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{path} anonymous: {(int)refused.StatusCode}");
            using var forbidden = await reader.GetAsync(path, Ct);
            Assert.True(forbidden.StatusCode == HttpStatusCode.Forbidden, $"{path} as a reader: {(int)forbidden.StatusCode}");
            Assert.DoesNotContain("id=\"event-title\"", await forbidden.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.Contains(path == "/events/deleted" ? "id=\"deleted-events\"" : "id=\"event-title\"", await editor.GetStringAsync(path, Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login_by_the_cookie_scheme()
    {
        await using var factory = new TrackerWebApplicationFactory(Database);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/events/new", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_edit_page_loads_the_event_with_its_parsed_date_and_stable_ids()
    {
        using var editor = NewClient().ActingAs("ed@example.com", Roles.Editor);

        var html = await editor.GetStringAsync($"/events/{IdOf("Tencent integrates DeepSeek into Weixin")}/edit", Ct);

        foreach (var id in new[] { "event-title", "event-summary", "event-category", "event-date", "event-date-parsed", "event-companies", "event-models", "event-source-url", "event-save", "event-delete" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("value=\"Tencent integrates DeepSeek into Weixin\"", html, StringComparison.Ordinal);
        var preview = html[html.IndexOf("id=\"event-date-parsed\"", StringComparison.Ordinal)..];
        preview = preview[..preview.IndexOf("</output>", StringComparison.Ordinal)];
        Assert.Contains("Mid-February, 2025", preview, StringComparison.Ordinal);
        Assert.Contains("2025-02-11", preview, StringComparison.Ordinal);
        Assert.Contains("2025-02-20", preview, StringComparison.Ordinal);
        Assert.Contains("Part of month", preview, StringComparison.Ordinal);
        Assert.Contains("data-entity=\"event\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_new_event_page_has_no_history_yet()
    {
        using var editor = NewClient().ActingAs("ed@example.com", Roles.Editor);

        var html = await editor.GetStringAsync("/events/new", Ct);

        Assert.Contains("id=\"event-title\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"history-panel\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_links_and_add_event_show_only_to_editors()
    {
        using var reader = NewClient().ActingAs("reader@example.com");
        using var editor = NewClient().ActingAs("ed@example.com", Roles.Editor);
        var id = IdOf("Tencent integrates DeepSeek into Weixin");

        var readerTimeline = await reader.GetStringAsync("/timeline", Ct);
        var editorTimeline = await editor.GetStringAsync("/timeline", Ct);
        var editorProfile = await editor.GetStringAsync("/companies/tencent", Ct);

        Assert.DoesNotContain("id=\"add-event\"", readerTimeline, StringComparison.Ordinal);
        Assert.DoesNotContain("edit-event-", readerTimeline, StringComparison.Ordinal);
        Assert.Contains("id=\"add-event\"", editorTimeline, StringComparison.Ordinal);
        Assert.Contains($"href=\"events/{id}/edit\"", editorTimeline, StringComparison.Ordinal);
        Assert.Contains($"id=\"edit-event-{id}\"", editorProfile, StringComparison.Ordinal);
    }
}
