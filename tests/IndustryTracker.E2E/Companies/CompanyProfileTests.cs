using System.Text.RegularExpressions;
using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E.Companies;

public sealed class CompanyProfileTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task DeepSeek_profile_shows_its_model_its_events_and_their_sources()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/companies/deepseek");

        await Assertions.Expect(page.Locator("h1#company-name")).ToHaveTextAsync("DeepSeek");
        await Assertions.Expect(page.Locator("#company-models li.company-model[data-model-slug='deepseek-r1']")).ToContainTextAsync("DeepSeek-R1");

        var events = page.Locator("#company-events .timeline-event");
        await Assertions.Expect(events.First).ToBeVisibleAsync();
        Assert.True(await events.CountAsync() >= 4, "DeepSeek-R1 is named in at least four timeline events of the cover story");
        await Assertions.Expect(events.Filter(new() { HasText = "WeChat" })).ToHaveCountAsync(1);
        await Assertions.Expect(events.Filter(new() { HasText = "WeChat" }).Locator("blockquote.source-quote")).ToContainTextAsync("powered by DeepSeek-R1");

        // Events are in date order: the "On or After Lunar New Year" event (from 29 January) comes before 16 February.
        // Text content, not innerText: rows far below the fold are not rendered yet (content-visibility: auto).
        var labels = (await events.Locator("time.date-label").AllTextContentsAsync()).Select(l => l.Trim()).ToList();
        var starts = await events.Locator("time.date-label").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('datetime'))");
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
        Assert.Contains("Feb. 16, 2025", labels);

        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("DeepSeek"));
    }

    [Fact]
    public async Task An_unknown_company_says_so()
    {
        var page = await fixture.NewPageAsync();

        var response = await page.GotoAsync("/companies/no-such-company");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Company not found");
    }
}
