using System.Text.RegularExpressions;
using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E.Timeline;

public sealed class TimelineFilterTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] TencentFebruary =
    [
        "Tencent quietly rolled out an AI search function within its social media app WeChat, powered by DeepSeek-R1.",
        "Tencent shifted AI search functions to its chatbot Yuanbao due to high computing power demand and server load issues.",
    ];

    [Fact]
    public async Task Filters_chosen_in_the_page_go_into_the_URL_and_survive_reload_and_a_new_page()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/timeline");
        await Assertions.Expect(page.Locator(".filters[data-interactive='true']")).ToHaveCountAsync(1);
        var all = await page.Locator("article.timeline-event").CountAsync();
        Assert.True(all > 2, "the unfiltered timeline shows every event");

        // The company box searches on the server as you type; the chosen company becomes a chip.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Add a company" }).FillAsync("Tenc");
        await page.GetByRole(AriaRole.Option, new() { Name = "Tencent", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("company=tencent"));

        await page.GetByLabel("Start date", new() { Exact = true }).FillAsync("2025-02-01");
        await page.GetByLabel("Start date", new() { Exact = true }).PressAsync("Tab");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("from=2025-02-01"));
        await page.Keyboard.PressAsync("Escape");
        await page.GetByLabel("End date", new() { Exact = true }).FillAsync("2025-02-28");
        await page.GetByLabel("End date", new() { Exact = true }).PressAsync("Tab");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("to=2025-02-28"));
        await page.Keyboard.PressAsync("Escape");

        await ExpectTencentFebruaryAsync(page);
        var url = page.Url;

        await page.ReloadAsync();
        await ExpectTencentFebruaryAsync(page);
        await Assertions.Expect(page.Locator("#date-filter-start")).ToHaveValueAsync("2025-02-01");
        await Assertions.Expect(page.Locator("#date-filter-end")).ToHaveValueAsync("2025-02-28");
        await Assertions.Expect(ActiveFilters(page)).ToContainTextAsync("Tencent");

        var shared = await fixture.NewPageAsync();
        await shared.GotoAsync(url);
        await ExpectTencentFebruaryAsync(shared);
    }

    [Fact]
    public async Task Clear_removes_every_filter()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/timeline?company=tencent&from=2025-02-01&to=2025-02-28");
        await Assertions.Expect(page.Locator(".filters[data-interactive='true']")).ToHaveCountAsync(1);
        await ExpectTencentFebruaryAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Clear all" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/timeline$"));
        await Assertions.Expect(page.Locator("article.timeline-event")).Not.ToHaveCountAsync(2);
    }

    [Fact]
    public async Task An_active_filter_chip_is_removed_with_one_click()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/timeline?company=tencent&from=2025-02-01&to=2025-02-28");
        await Assertions.Expect(page.Locator(".filters[data-interactive='true']")).ToHaveCountAsync(1);
        await ExpectTencentFebruaryAsync(page);

        await ActiveFilters(page).Locator("[data-filter='company']").GetByRole(AriaRole.Button).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline\?from=2025-02-01&to=2025-02-28$"));
        await Assertions.Expect(ActiveFilters(page)).Not.ToContainTextAsync("Tencent");
        await Assertions.Expect(page.Locator("article.timeline-event")).Not.ToHaveCountAsync(2);
    }

    [Fact]
    public async Task On_a_phone_the_date_range_is_typed_with_the_keyboard_alone()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(375, 812);
        await page.GotoAsync("/timeline?company=tencent");
        await Assertions.Expect(page.Locator(".filters[data-interactive='true']")).ToHaveCountAsync(1);

        // One range picker with two ends; the page itself does not scroll sideways at 375 px.
        await Assertions.Expect(page.Locator(".filter-date .mud-picker")).ToHaveCountAsync(1);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        var start = page.GetByLabel("Start date", new() { Exact = true });
        var end = page.GetByLabel("End date", new() { Exact = true });
        Assert.True(await start.IsVisibleAsync() && await end.IsVisibleAsync());

        // Keyboard only: focus the start, type, Tab to the end, type, Tab away.
        await start.FocusAsync();
        await page.Keyboard.TypeAsync("2025-02-01");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("company=tencent&from=2025-02-01$"));
        await Assertions.Expect(end).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("2025-02-28");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("company=tencent&from=2025-02-01&to=2025-02-28$"));
        await page.Keyboard.PressAsync("Escape");

        await ExpectTencentFebruaryAsync(page);
        await Assertions.Expect(ActiveFilters(page).Locator("[data-filter='dates']")).ToContainTextAsync("2025-02-01 – 2025-02-28");
    }

    [Fact]
    public async Task Facets_chosen_cleared_and_chosen_again_keep_the_page_and_its_filter_bar_live()
    {
        // A reader's timeline is static HTML: a facet is a link that blazor.web.js fetches and merges into the page, and
        // the filter bar (an interactive island) takes the new address's filters from the page's circuit.
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/timeline");
        await Assertions.Expect(page.Locator(".filters[data-interactive='true']")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => { window.__samePage = true; }");
        var all = await page.Locator("#result-count").InnerTextAsync();
        var category = await page.Locator("#facet-categories a.facet-link").First.GetAttributeAsync("data-value");
        var facet = page.Locator($"#facet-categories a.facet-link[data-value='{category}']");
        var chip = ActiveFilters(page).Locator($"[data-filter='category'][data-value='{category}']");

        for (var round = 0; round < 2; round++)
        {
            await facet.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/timeline\\?category={category}$"));
            await Assertions.Expect(chip).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#result-count")).Not.ToHaveTextAsync(all);

            await facet.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/timeline$"));
            await Assertions.Expect(chip).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync(all);
        }

        // The filter bar is still live after addresses it had seen before came back: a company chosen in it is applied.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Add a company" }).FillAsync("Tenc");
        await page.GetByRole(AriaRole.Option, new() { Name = "Tencent", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/timeline\\?company=tencent$"));
        await Assertions.Expect(ActiveFilters(page).Locator("[data-filter='company']")).ToContainTextAsync("Tencent");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"), "every change was merged into the open page, none reloaded it");
    }

    private static ILocator ActiveFilters(IPage page) => page.GetByRole(AriaRole.Group, new() { Name = "Active filters" });

    private static async Task ExpectTencentFebruaryAsync(IPage page)
    {
        var events = page.Locator("article.timeline-event");
        await Assertions.Expect(events).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync("2 events");
        await Assertions.Expect(events.Locator("h3.event-title")).ToHaveTextAsync(TencentFebruary);
        await Assertions.Expect(events.First.Locator(".precision-badge")).ToHaveAttributeAsync("data-precision", "day");
    }
}
