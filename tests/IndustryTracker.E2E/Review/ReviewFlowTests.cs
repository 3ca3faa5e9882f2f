using System.Text.Json;
using System.Text.RegularExpressions;
using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E.Review;

/// <summary>
/// The review flow in Chromium: an editor imports an article, opens /review, confirms one fact and rejects another,
/// then imports an edited version of the same file: the rejected fact stays gone, the confirmed one stays confirmed.
/// </summary>
public sealed class ReviewFlowTests(EditorFixture fixture) : IClassFixture<EditorFixture>
{
    private const float CircuitTimeout = 30_000;
    private const string Confirmed = "Zhipu AI released GLM-4.7 on Wednesday";
    private const string Rejected = "Moonshot AI raised $500 million in a Series C round last month";

    private static string Article(string title, string extra = "") => $"""
        {title}
        Published Jan. 14, 2026

        Moonshot AI raised $500 million in a Series C round last month, led by IDG Capital, people familiar with the matter said.

        The round values Moonshot AI at $4.3 billion.

        Zhipu AI released GLM-4.7 on Wednesday, the company said.
        {extra}
        """;

    [Fact]
    public async Task An_editor_confirms_one_fact_and_rejects_another_and_a_reimport_does_not_bring_the_rejected_one_back()
    {
        var title = $"Moonshot AI closes a funding round {Guid.NewGuid():N}";
        var fileName = $"review-{Guid.NewGuid():N}.txt";
        var page = await fixture.SignInAsEditorAsync();

        await UploadAsync(page, Article(title), fileName, expectMedium: true);

        await page.GotoAsync("/review");
        await Expect.InteractiveAsync(page, CircuitTimeout);
        var confirmItem = page.Locator("li.review-item[data-kind=event]", new() { HasTextString = Confirmed });
        var rejectItem = page.Locator("li.review-item[data-kind=event]", new() { HasTextString = Rejected });
        await Assertions.Expect(confirmItem).ToHaveCountAsync(1);
        await Assertions.Expect(rejectItem).ToHaveCountAsync(1);
        await Assertions.Expect(rejectItem.Locator("mark")).ToContainTextAsync("last month");
        await Assertions.Expect(rejectItem.Locator("[data-confidence=medium]")).ToBeVisibleAsync();
        await Assertions.Expect(rejectItem.Locator("a.review-correct")).ToHaveAttributeAsync("href", new Regex(@"events/\d+/edit$"));

        await confirmItem.Locator("button.review-confirm").ClickAsync();
        await Assertions.Expect(page.Locator("#review-message")).ToContainTextAsync("Confirmed");
        await Assertions.Expect(confirmItem).ToHaveCountAsync(0);
        await rejectItem.Locator("button.review-reject").ClickAsync();
        await Assertions.Expect(page.Locator("#review-message")).ToContainTextAsync("Rejected");
        await Assertions.Expect(rejectItem).ToHaveCountAsync(0);

        // The same file again, edited: a new paragraph, so its text (and hash) differ and every fact is read again.
        await UploadAsync(page, Article(title, "\nThe round was first reported by LatePost.\n"), fileName, expectMedium: true);
        await Assertions.Expect(page.Locator("#upload-result")).ToContainTextAsync("Imported");

        await page.GotoAsync("/review");
        await Expect.InteractiveAsync(page, CircuitTimeout);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Review imported facts");
        await Assertions.Expect(page.Locator("li.review-item", new() { HasTextString = Rejected })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("li.review-item", new() { HasTextString = Confirmed })).ToHaveCountAsync(0);

        using var api = await fixture.ApiAsync();
        var all = await api.GetStringAsync("api/events?pageSize=500", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(Rejected, all, StringComparison.Ordinal);
        using var confirmed = JsonDocument.Parse(await api.GetStringAsync("api/events?confirmed=true&pageSize=500", TestContext.Current.CancellationToken));
        Assert.Contains(confirmed.RootElement.GetProperty("items").EnumerateArray(), e => e.GetProperty("title").GetString()!.StartsWith(Confirmed, StringComparison.Ordinal));
        var queue = await api.GetStringAsync("api/review?pageSize=500", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(Rejected, queue, StringComparison.Ordinal);
    }

    private static async Task UploadAsync(IPage page, string text, string fileName, bool expectMedium)
    {
        await page.GotoAsync("/sources/upload");
        await Expect.InteractiveAsync(page, CircuitTimeout);
        await page.Locator("#upload-text").FillAsync(text);
        await page.Locator("#upload-name").FillAsync(fileName);
        await page.Locator("#upload-preview").ClickAsync();
        await Assertions.Expect(page.Locator("#upload-preview-result")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        if (expectMedium)
        {
            await Assertions.Expect(page.Locator("#preview-confidence [data-confidence=medium]")).ToHaveTextAsync("2 medium");
        }
        await page.Locator("#upload-confirm").ClickAsync();
        await Assertions.Expect(page.Locator("#upload-result")).ToContainTextAsync("Imported", new() { Timeout = 30_000 });
    }
}
