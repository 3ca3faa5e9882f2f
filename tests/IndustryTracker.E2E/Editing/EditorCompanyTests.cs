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
        await MudPicker.ChooseAsync(page, "Duplicate company", duplicate.Name, duplicate.Name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge a duplicate into this company" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync($"Merge {duplicate.Name} into {survivor.Name}?");
        await Assertions.Expect(dialog.GetByRole(AriaRole.List, new() { Name = "What moves" }).GetByRole(AriaRole.Listitem).Filter(new() { HasTextString = "event" }).First)
            .ToHaveTextAsync("1 event");
        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Merge {duplicate.Name}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = $"{duplicate.Name} was merged into {survivor.Name}" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#company-aliases")).ToContainTextAsync(duplicate.Name);
        await Assertions.Expect(page.Locator("#company-events")).ToContainTextAsync($"Duplicate Lab {suffix} opens an office");

        var gone = await page.GotoAsync($"/companies/{duplicate.Slug}");
        Assert.Equal(404, gone!.Status);

        await page.GotoAsync($"/companies/{survivor.Slug}");
        await Expect.InteractiveAsync(page, CircuitTimeout);
        await page.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo merge" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Undo merge" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "The merge was undone" }).First).ToBeVisibleAsync();
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
            await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(company.Name);
        }

        var firstName = $"Conflict Lab {suffix} First";
        await first.GetByLabel("Name", new() { Exact = true }).FillAsync(firstName);
        await first.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(first).ToHaveURLAsync(new Regex($"/companies/{company.Slug}$"));
        await Assertions.Expect(first.Locator("h1#company-name")).ToHaveTextAsync(firstName);

        var secondName = $"Conflict Lab {suffix} Second";
        await second.GetByLabel("Name", new() { Exact = true }).FillAsync(secondName);
        var save = second.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true });
        await save.ClickAsync();

        var panel = second.GetByRole(AriaRole.Alert).Filter(new() { Has = second.GetByRole(AriaRole.Heading, new() { Name = "Someone else saved this company" }) });
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(panel).ToContainTextAsync(EditorFixture.EditorEmail);
        var row = panel.GetByRole(AriaRole.Row).Filter(new() { Has = second.GetByRole(AriaRole.Rowheader, new() { Name = "Name", Exact = true }) });
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync(secondName);
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync(firstName);
        await Assertions.Expect(save).ToBeDisabledAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Keep my name" }).ClickAsync();
        await Assertions.Expect(panel).ToHaveCountAsync(0);
        await save.ClickAsync();
        await Assertions.Expect(second).ToHaveURLAsync(new Regex($"/companies/{company.Slug}$"));
        await Assertions.Expect(second.Locator("h1#company-name")).ToHaveTextAsync(secondName);
    }

    /// <summary>Creates a company through the event form's "create it" (it is saved at once); answers its name and slug.</summary>
    private static async Task<(string Name, string Slug)> CreateCompanyAsync(IPage page, string name)
    {
        await page.GotoAsync("/events/new");
        await Expect.InteractiveAsync(page, CircuitTimeout);
        await page.GetByRole(AriaRole.Button, new() { Name = "The company is not in the list? Create it" }).ClickAsync();
        await page.GetByLabel("New company's name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create company" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Chosen: Companies" })).ToContainTextAsync(name);
        var slug = Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        return (name, slug);
    }
}
