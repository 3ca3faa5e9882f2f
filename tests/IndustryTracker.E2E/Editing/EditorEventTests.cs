using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E.Editing;

/// <summary>Adding and editing events in Chromium as a signed-in editor, and what readers see afterwards.</summary>
public sealed class EditorEventTests(EditorFixture fixture) : IClassFixture<EditorFixture>
{
    /// <summary>Circuit start on a busy machine.</summary>
    private const float CircuitTimeout = 30_000;

    [Fact]
    public async Task An_editor_adds_a_Tencent_event_with_a_fuzzy_date_and_sees_it_on_the_timeline()
    {
        var title = $"Tencent opens a test lab {Guid.NewGuid():N}";
        var page = await fixture.SignInAsEditorAsync();

        await AddEventAsync(page, title, "Late February 2025", expectedRange: "2025-02-21 – 2025-02-28");

        await page.GotoAsync("/timeline?company=tencent&from=2025-02-21&to=2025-02-28");
        var added = page.Locator("article.timeline-event").Filter(new() { Has = page.Locator("h3.event-title", new() { HasTextString = title }) });
        await Assertions.Expect(added).ToHaveCountAsync(1);
        await Assertions.Expect(added.Locator("time.date-label")).ToHaveTextAsync("Late February 2025");
        await Assertions.Expect(added.Locator(".date-range")).ToHaveTextAsync("2025-02-21 – 2025-02-28");
        await Assertions.Expect(added.Locator("a.company-link")).ToHaveTextAsync("Tencent");
    }

    [Fact]
    public async Task A_second_editor_saving_a_stale_event_sees_the_conflict_and_keeps_their_title()
    {
        var original = $"Conflict test event {Guid.NewGuid():N}";
        var id = await fixture.CreateEventAsync(original);
        var secondEmail = $"second-{Guid.NewGuid():N}@example.com";
        await fixture.CreateAccountAsync(secondEmail, "Editor");

        var first = await fixture.SignInAsEditorAsync();
        var second = await fixture.NewPageAsync();
        await EditorFixture.SignInAsync(second, secondEmail, EditorFixture.Password);
        foreach (var page in new[] { first, second })
        {
            await page.GotoAsync($"/events/{id}/edit");
            await Expect.InteractiveAsync(page, CircuitTimeout);
            await Assertions.Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync(original);
        }

        var firstTitle = original + " (first editor)";
        await first.GetByLabel("Title", new() { Exact = true }).FillAsync(firstTitle);
        await first.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(first).ToHaveURLAsync(new Regex($"/timeline\\?.*#event-{id}$"));

        var secondTitle = original + " (second editor)";
        await second.GetByLabel("Title", new() { Exact = true }).FillAsync(secondTitle);
        await second.GetByLabel("Summary (optional)").FillAsync("The second editor's summary.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        var panel = second.GetByRole(AriaRole.Alert).Filter(new() { Has = second.GetByRole(AriaRole.Heading, new() { Name = "Someone else saved this event first" }) });
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(panel).ToContainTextAsync(EditorFixture.EditorEmail);
        var titleRow = panel.GetByRole(AriaRole.Row).Filter(new() { Has = second.GetByRole(AriaRole.Rowheader, new() { Name = "Title", Exact = true }) });
        await Assertions.Expect(titleRow).ToHaveAttributeAsync("data-differs", "true");
        await Assertions.Expect(titleRow.GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync(secondTitle);
        await Assertions.Expect(titleRow.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync(firstTitle);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Keep mine (overwrite)" }).ClickAsync();
        await Assertions.Expect(second).ToHaveURLAsync(new Regex($"/timeline\\?.*#event-{id}$"));
        await Assertions.Expect(second.Locator($"#event-{id} h3.event-title")).ToHaveTextAsync(secondTitle);

        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUri };
        using var saved = JsonDocument.Parse(await http.GetStringAsync($"api/events/{id}", TestContext.Current.CancellationToken));
        Assert.Equal(secondTitle, saved.RootElement.GetProperty("title").GetString());
        Assert.Equal("The second editor's summary.", saved.RootElement.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Markup_in_a_title_is_shown_as_text_and_never_runs()
    {
        var marker = Guid.NewGuid().ToString("N");
        var title = $"XSS {marker} <img src=x onerror=\"window.__xss=1\"> <script>window.__xss=2</script>";
        var page = await fixture.SignInAsEditorAsync();

        await AddEventAsync(page, title, "Feb. 22, 2025", expectedRange: "2025-02-22");

        await page.GotoAsync("/timeline?company=tencent&from=2025-02-22&to=2025-02-22");
        await Expect.InteractiveAsync(page, CircuitTimeout);
        var added = page.Locator("article.timeline-event").Filter(new() { HasTextString = marker });
        await Assertions.Expect(added).ToHaveCountAsync(1);
        await Assertions.Expect(added.Locator("h3.event-title")).ToHaveTextAsync(title);
        await Assertions.Expect(added.Locator("img")).ToHaveCountAsync(0);
        await Assertions.Expect(added.Locator("script")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("img[src='x']")).ToHaveCountAsync(0);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));

        // The edit page shows it as the input's value, not as markup either.
        await added.Locator("a.edit-link").ClickAsync();
        await Expect.InteractiveAsync(page, CircuitTimeout);
        await Assertions.Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync(title);
        await Assertions.Expect(page.Locator("img[src='x']")).ToHaveCountAsync(0);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
    }

    [Fact]
    public async Task After_signing_out_the_edit_controls_are_gone_and_editing_addresses_and_writes_refuse()
    {
        var id = await fixture.CreateEventAsync($"Sign-out test event {Guid.NewGuid():N}");
        var page = await fixture.SignInAsEditorAsync("/timeline");
        await Expect.InteractiveAsync(page, CircuitTimeout);
        await Assertions.Expect(page.Locator("#add-event")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("a.edit-link").First).ToBeVisibleAsync();

        await page.Locator("#sign-out").ClickAsync();
        await Assertions.Expect(page.Locator("#sign-in")).ToHaveTextAsync("Sign in");

        await page.GotoAsync("/timeline");
        await Expect.InteractiveAsync(page, CircuitTimeout);
        await Assertions.Expect(page.Locator("article.timeline-event").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#add-event")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("a.edit-link")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[id^='edit-event-']")).ToHaveCountAsync(0);

        await page.GotoAsync("/events/new");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2Fevents%2Fnew$", RegexOptions.IgnoreCase));
        await Assertions.Expect(page.Locator("#event-form")).ToHaveCountAsync(0);

        await page.GotoAsync($"/events/{id}/edit");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/login\\?returnUrl=%2Fevents%2F{id}%2Fedit$", RegexOptions.IgnoreCase));
        await Assertions.Expect(page.Locator("#event-form")).ToHaveCountAsync(0);

        // The browser's own request context (its cookies, none of them a sign-in any more) and a bare client.
        var fromBrowser = await page.APIRequest.PostAsync("/api/events", new()
        {
            DataObject = new { title = "Anonymous", date = "March 2025", category = "other", companies = new[] { "tencent" } },
        });
        Assert.Equal(401, fromBrowser.Status);
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUri };
        using var anonymous = await http.PostAsJsonAsync("api/events",
            new { title = "Anonymous", date = "March 2025", category = "other", companies = new[] { "tencent" } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"api/events/{id}") { Content = JsonContent.Create(new { title = "Anonymous" }) };
        put.Headers.TryAddWithoutValidation("If-Match", "W/\"1\"");
        using var anonymousPut = await http.SendAsync(put, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousPut.StatusCode);

        // Signing in again on the login page the refusal led to returns to the edit page.
        await page.GotoAsync($"/events/{id}/edit");
        await page.GetByLabel("Email").FillAsync(EditorFixture.EditorEmail);
        await page.GetByLabel("Password").FillAsync(EditorFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/events/{id}/edit$"));
        await Expect.InteractiveAsync(page, CircuitTimeout);
        await Assertions.Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync(new Regex("^Sign-out test event"));
    }

    [Fact]
    public async Task A_deleted_event_leaves_the_timeline_and_comes_back_when_restored()
    {
        var title = $"Delete test event {Guid.NewGuid():N}";
        var id = await fixture.CreateEventAsync(title);
        var page = await fixture.SignInAsEditorAsync();

        await page.GotoAsync($"/events/{id}/edit");
        await Expect.InteractiveAsync(page, CircuitTimeout);
        await Assertions.Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete…" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("Delete this event?");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/events/deleted$"));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = title });
        await Assertions.Expect(row).ToHaveCountAsync(1);

        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUri };
        using var deleted = await http.GetAsync($"api/events/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);

        await Expect.InteractiveAsync(page, CircuitTimeout);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Restore {title}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = $"Restored “{title}”." }).First).ToBeVisibleAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await page.GotoAsync("/timeline?company=tencent&from=2025-03-01&to=2025-03-31");
        await Assertions.Expect(page.Locator($"#event-{id} h3.event-title")).ToHaveTextAsync(title);
    }

    /// <summary>Fills /events/new through the form (Tencent in the company picker, Product launch), checks the live date preview, saves.</summary>
    private static async Task AddEventAsync(IPage page, string title, string date, string expectedRange)
    {
        await page.GotoAsync("/timeline");
        await Expect.InteractiveAsync(page, CircuitTimeout);
        await page.Locator("#add-event").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/events/new$"));
        await Expect.InteractiveAsync(page, CircuitTimeout);

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await MudPicker.SelectAsync(page, "Category", "Product launch");
        await page.GetByLabel("Date, as you would write it").FillAsync(date);
        await Assertions.Expect(page.Locator("#event-date-parsed .date-label")).ToHaveTextAsync(date);
        await Assertions.Expect(page.Locator("#event-date-parsed .date-range")).ToHaveTextAsync(expectedRange);
        await MudPicker.ChooseAsync(page, "Companies", "Tenc", "Tencent");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Chosen: Companies" })).ToContainTextAsync("Tencent");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add event", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/timeline\\?company=tencent&.*#event-\\d+$"));
        await Assertions.Expect(page.Locator("article.timeline-event h3.event-title", new() { HasTextString = title })).ToBeVisibleAsync();
    }
}
