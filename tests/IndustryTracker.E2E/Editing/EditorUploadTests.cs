using System.Text.RegularExpressions;
using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E.Editing;

/// <summary>Pasting an article on /sources/upload: the preview, then confirm (the article is stored) or discard (nothing is).</summary>
public sealed class EditorUploadTests(EditorFixture fixture) : IClassFixture<EditorFixture>
{
    private const float CircuitTimeout = 30_000;

    [Fact]
    public async Task A_pasted_article_is_previewed_confirmed_and_shown_on_its_source_page()
    {
        var title = $"Tencent and Baidu ship new assistants {Guid.NewGuid():N}";
        var page = await fixture.SignInAsEditorAsync();

        await PreviewAsync(page, title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import" }).ClickAsync();

        await Assertions.Expect(page.Locator("#upload-result")).ToContainTextAsync("Imported");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the article" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sources/\\d+$"));
        await Assertions.Expect(page.Locator("#source-title")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("ol.paragraphs")).ToContainTextAsync("On March 3, 2025, Tencent launched");
        await Assertions.Expect(page.Locator("ol.paragraphs")).ToContainTextAsync("On March 5, 2025, Baidu released");

        await page.GotoAsync("/sources");
        await Assertions.Expect(page.Locator("#source-list .source-card", new() { HasTextString = title })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Discarding_a_preview_stores_nothing()
    {
        var title = $"Tencent and Baidu ship new assistants {Guid.NewGuid():N}";
        var page = await fixture.SignInAsEditorAsync();
        var before = await SourceCountAsync();

        await PreviewAsync(page, title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Discard", Exact = true }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("Discard this preview?");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Discard", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#upload-preview-result")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/sources");
        await Assertions.Expect(page.Locator("#source-list .source-card").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#source-list")).Not.ToContainTextAsync(title);
        Assert.Equal(before, await SourceCountAsync());
    }

    [Fact]
    public async Task A_chosen_text_file_is_previewed_under_its_name_and_imported()
    {
        var title = $"Tencent and Baidu ship new assistants {Guid.NewGuid():N}";
        var page = await fixture.SignInAsEditorAsync("/sources/upload");
        await Expect.InteractiveAsync(page, CircuitTimeout);
        // InputFile hooks its change listener from a render after the circuit is up (blazor.web.js marks the element
        // with _blazorInputFileNextFileId as it does); a file set before that would go unnoticed.
        await page.WaitForFunctionAsync(
            "() => document.getElementById('upload-file')?._blazorInputFileNextFileId !== undefined",
            null,
            new() { Timeout = CircuitTimeout });

        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload
        {
            Name = "assistants.txt",
            MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes(Article(title)),
        });
        await Assertions.Expect(page.Locator("#upload-chosen")).ToContainTextAsync("assistants.txt");
        await Assertions.Expect(page.GetByLabel("…or paste the article text")).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#preview-title")).ToHaveTextAsync(title, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#preview-file")).ToContainTextAsync("assistants");
        await Assertions.Expect(page.Locator("#preview-companies")).ToContainTextAsync("Tencent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the article" }).ClickAsync();
        await Assertions.Expect(page.Locator("#source-title")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("ol.paragraphs")).ToContainTextAsync("On March 3, 2025, Tencent launched");
    }

    private static string Article(string title) => $"""
        {title}

        On March 3, 2025, Tencent launched a new AI assistant for its office software, according to the company.

        On March 5, 2025, Baidu released an update to its Ernie Bot chatbot for business customers.

        Analysts expect more launches in the coming weeks.
        """;

    private static async Task PreviewAsync(IPage page, string title)
    {
        await page.GotoAsync("/sources/upload");
        await Expect.InteractiveAsync(page, CircuitTimeout);
        await page.GetByLabel("…or paste the article text").FillAsync(Article(title));
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();

        var preview = page.Locator("#upload-preview-result");
        await Assertions.Expect(preview).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#preview-title")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("#preview-companies")).ToContainTextAsync("Tencent");
        await Assertions.Expect(page.Locator("#preview-companies")).ToContainTextAsync("Baidu");
        await Assertions.Expect(page.Locator("#preview-events li.preview-event").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#preview-events")).ToContainTextAsync("Tencent");
    }

    private async Task<int> SourceCountAsync()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUri };
        using var body = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("api/sources?pageSize=500", TestContext.Current.CancellationToken));
        return body.RootElement.GetProperty("total").GetInt32();
    }
}
