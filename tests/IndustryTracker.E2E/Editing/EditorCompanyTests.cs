using System.Text.RegularExpressions;
using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E.Editing;

/// <summary>Merging a duplicate company and undoing it from the history, and two editors editing one company.</summary>
public sealed class EditorCompanyTests(EditorFixture fixture) : IClassFixture<EditorFixture>
{
    private const float CircuitTimeout = 30_000;

    [Fact]
    public async Task A_duplicate_merged_on_the_profile_is_gone_and_comes_back_with_undo_in_the_history()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var page = await fixture.SignInAsEditorAsync();
        var survivor = await CreateCompanyAsync(page, $"Survivor Lab {suffix}");
        var duplicate = await CreateCompanyAsync(page, $"Duplicate Lab {suffix}");
        await fixture.CreateEventAsync($"Duplicate Lab {suffix} opens an office", company: duplicate.Slug);

        await page.GotoAsync($"/companies/{survivor.Slug}");
        await Expect.InteractiveAsync(page, CircuitTimeout);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Merge a duplicate" }).ClickAsync();
        await Assertions.Expect(page.Locator("[id='merge-picker']")).ToHaveCountAsync(1);
        await RadzenPicker.PickOneAsync(page, "merge-picker", duplicate.Name, search: duplicate.Name);
        await page.Locator("#merge-duplicate").ClickAsync();
        await Assertions.Expect(page.Locator("#merge-dialog")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#merge-counts li[data-count='events']")).ToHaveTextAsync("1 event");
        await page.Locator("#merge-confirm").ClickAsync();
        await Assertions.Expect(page.Locator("#merge-message")).ToContainTextAsync($"{duplicate.Name} was merged into {survivor.Name}");
        await Assertions.Expect(page.Locator("#company-aliases")).ToContainTextAsync(duplicate.Name);
        await Assertions.Expect(page.Locator("#company-events")).ToContainTextAsync($"Duplicate Lab {suffix} opens an office");

        var gone = await page.GotoAsync($"/companies/{duplicate.Slug}");
        Assert.Equal(404, gone!.Status);

        await page.GotoAsync($"/companies/{survivor.Slug}");
        await Expect.InteractiveAsync(page, CircuitTimeout);
        await page.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        await page.Locator("#undo-merge").ClickAsync();
        await Assertions.Expect(page.Locator("#history-message")).ToContainTextAsync("The merge was undone");
        await Assertions.Expect(page.Locator("#company-events")).Not.ToContainTextAsync($"Duplicate Lab {suffix} opens an office");

        var back = await page.GotoAsync($"/companies/{duplicate.Slug}");
        Assert.Equal(200, back!.Status);
        await Assertions.Expect(page.Locator("h1#company-name")).ToHaveTextAsync(duplicate.Name);
        await Assertions.Expect(page.Locator("#company-events")).ToContainTextAsync($"Duplicate Lab {suffix} opens an office");
    }

    [Fact]
    public async Task A_second_editor_saving_a_stale_company_sees_the_conflict_panel_and_keeps_their_name()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var first = await fixture.SignInAsEditorAsync();
        var company = await CreateCompanyAsync(first, $"Conflict Lab {suffix}");
        var secondEmail = $"second-{suffix}@example.com";
        await fixture.CreateAccountAsync(secondEmail, "Editor");
        var second = await fixture.NewPageAsync();
        await EditorFixture.SignInAsync(second, secondEmail, EditorFixture.Password);

        foreach (var page in new[] { first, second })
        {
            await page.GotoAsync($"/companies/{company.Slug}/edit");
            await Expect.InteractiveAsync(page, CircuitTimeout);
            await Assertions.Expect(page.Locator("#company-name")).ToHaveValueAsync(company.Name);
        }

        var firstName = $"Conflict Lab {suffix} First";
        await first.Locator("#company-name").FillAsync(firstName);
        await first.Locator("#company-save").ClickAsync();
        await Assertions.Expect(first).ToHaveURLAsync(new Regex($"/companies/{company.Slug}$"));
        await Assertions.Expect(first.Locator("h1#company-name")).ToHaveTextAsync(firstName);

        var secondName = $"Conflict Lab {suffix} Second";
        await second.Locator("#company-name").FillAsync(secondName);
        await second.Locator("#company-save").ClickAsync();

        var panel = second.Locator("#conflict-panel");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(panel).ToContainTextAsync(EditorFixture.EditorEmail);
        var row = panel.Locator("tr[data-field='name']");
        await Assertions.Expect(row.Locator(".conflict-theirs")).ToHaveTextAsync(firstName);
        await Assertions.Expect(row.Locator(".conflict-mine")).ToHaveTextAsync(secondName);
        await Assertions.Expect(second.Locator("#company-save")).ToBeDisabledAsync();

        await row.Locator(".conflict-keep-mine").ClickAsync();
        await Assertions.Expect(panel).ToHaveCountAsync(0);
        await second.Locator("#company-save").ClickAsync();
        await Assertions.Expect(second).ToHaveURLAsync(new Regex($"/companies/{company.Slug}$"));
        await Assertions.Expect(second.Locator("h1#company-name")).ToHaveTextAsync(secondName);
    }

    /// <summary>Creates a company through the event form's "create it" (it is saved at once); answers its name and slug.</summary>
    private static async Task<(string Name, string Slug)> CreateCompanyAsync(IPage page, string name)
    {
        await page.GotoAsync("/events/new");
        await Expect.InteractiveAsync(page, CircuitTimeout);
        await page.Locator("#create-company summary").ClickAsync();
        await page.Locator("#new-company-name").FillAsync(name);
        await page.Locator("#new-company-create").ClickAsync();
        await Assertions.Expect(page.Locator("#event-companies")).ToContainTextAsync(name);
        var slug = Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        return (name, slug);
    }
}
