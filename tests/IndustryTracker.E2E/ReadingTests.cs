using System.Globalization;
using System.Text.RegularExpressions;
using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E;

/// <summary>The reading side in Chromium against the seeded app: landscape, profiles, timeline facets and search, export, history, accessibility.</summary>
public sealed partial class ReadingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static Task FiltersLiveAsync(IPage page) =>
        Assertions.Expect(page.Locator(".filters[data-interactive='true']")).ToHaveCountAsync(1, new() { Timeout = 20_000 });

    private static async Task<int> ResultCountAsync(IPage page)
    {
        var text = await page.Locator("#result-count").InnerTextAsync();
        return int.Parse(NumberPattern().Match(text).Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"[\d,]+")]
    private static partial Regex NumberPattern();

    [Fact]
    public async Task The_landscape_map_links_a_company_chip_to_its_profile()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Expect.InteractiveAsync(page);

        var chip = page.Locator("#landscape .landscape-panel a.company-chip", new() { HasTextRegex = new Regex("^DeepSeek$") });
        await Assertions.Expect(chip).ToHaveCountAsync(1);
        await chip.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/companies/deepseek$"));
        await Assertions.Expect(page.Locator("#company-name")).ToHaveTextAsync("DeepSeek");
    }

    [Fact]
    public async Task A_profile_shows_the_quote_behind_an_event()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/companies/tencent");

        var tencentEvent = page.Locator("#company-events article.timeline-event", new() { HasText = "Yuanbao" }).First;
        await Assertions.Expect(tencentEvent).ToBeVisibleAsync();
        var quote = tencentEvent.Locator(".source-quote").First;
        await Assertions.Expect(quote).ToBeVisibleAsync();
        Assert.True((await quote.InnerTextAsync()).Trim('“', '”', ' ').Length > 10);
        await Assertions.Expect(tencentEvent.Locator(".source-citation").First).ToContainTextAsync(new Regex("paragraph \\d+"));
    }

    [Fact]
    public async Task Clicking_a_month_facet_sets_the_date_range()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/timeline");
        await FiltersLiveAsync(page);

        var february = page.Locator("#facet-months a[data-value='2025-02']");
        var expected = int.Parse(await february.Locator(".facet-count").InnerTextAsync(), CultureInfo.InvariantCulture);
        await february.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline\?from=2025-02-01&to=2025-02-28$"));
        await Assertions.Expect(page.Locator("#date-filter-start")).ToHaveValueAsync("2025-02-01");
        await Assertions.Expect(page.Locator("#date-filter-end")).ToHaveValueAsync("2025-02-28");
        await Assertions.Expect(page.Locator("#facet-months a[data-value='2025-02']")).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(page.Locator("article.timeline-event")).ToHaveCountAsync(expected);
        Assert.Equal(expected, await ResultCountAsync(page));
    }

    [Fact]
    public async Task Full_text_search_finds_Yuanbao()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/timeline");
        await FiltersLiveAsync(page);
        var everything = await ResultCountAsync(page);

        await page.Locator("#q-filter").FillAsync("Yuanbao");
        await page.Locator("#q-filter").PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline\?q=Yuanbao$"));
        var rows = page.Locator("article.timeline-event");
        await Assertions.Expect(rows.First).ToContainTextAsync("Yuanbao", new() { IgnoreCase = true });
        var found = await ResultCountAsync(page);
        Assert.InRange(found, 1, everything - 1);
        foreach (var row in await rows.AllAsync())
        {
            Assert.Contains("yuanbao", (await row.InnerTextAsync()).ToLowerInvariant(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_export_button_downloads_the_filtered_CSV()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/timeline?company=tencent&from=2025-02-01&to=2025-02-28");
        await FiltersLiveAsync(page);
        var shown = await ResultCountAsync(page);
        Assert.True(shown > 0);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());

        Assert.Equal("events.csv", download.SuggestedFilename);
        var path = await download.PathAsync();
        var lines = (await File.ReadAllTextAsync(path!, TestContext.Current.CancellationToken)).TrimStart('\uFEFF');
        var api = await page.APIRequest.GetAsync("api/events.csv?company=tencent&from=2025-02-01&to=2025-02-28");
        Assert.Equal((await api.TextAsync()).TrimStart('\uFEFF'), lines);
        var rows = lines.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,date_label,date_start,date_end", rows[0], StringComparison.Ordinal);
        Assert.Equal(shown, rows.Length - 1);
        Assert.All(rows.Skip(1), row => Assert.Contains("Tencent", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Back_and_forward_restore_the_filters()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/timeline");
        await FiltersLiveAsync(page);
        var all = await ResultCountAsync(page);

        await page.Locator("#facet-months a[data-value='2025-02']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"from=2025-02-01&to=2025-02-28$"));
        await Assertions.Expect(page.Locator("#date-filter-start")).ToHaveValueAsync("2025-02-01");
        var february = await ResultCountAsync(page);

        await page.Locator("#q-filter").FillAsync("Tencent");
        await page.Locator("#q-filter").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"from=2025-02-01&to=2025-02-28&q=Tencent$"));
        await Assertions.Expect(page.Locator("#q-filter")).ToHaveValueAsync("Tencent");

        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline\?from=2025-02-01&to=2025-02-28$"));
        await Assertions.Expect(page.Locator("#q-filter")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#date-filter-start")).ToHaveValueAsync("2025-02-01");
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync($"{february} event");

        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline$"));
        await Assertions.Expect(page.Locator("#date-filter-start")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync($"{all} event");

        await page.GoForwardAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline\?from=2025-02-01&to=2025-02-28$"));
        await Assertions.Expect(page.Locator("#date-filter-end")).ToHaveValueAsync("2025-02-28");
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync($"{february} event");
    }

    public static TheoryData<string> AxePages() =>
    [
        "/", "/companies", "/companies/tencent", "/models", "/models/deepseek-r1", "/investments", "/sources", "/timeline",
        "/timeline?company=tencent&q=deepseek", "/sources?sort=title&dir=desc", "/sources/1", "/investments?sort=amountusd&dir=desc",
    ];

    /// <summary>Each page in light and dark mode, at 1400 px and 375 px (<see cref="Axe.Views"/>), in one browser context.</summary>
    [Theory]
    [MemberData(nameof(AxePages))]
    public async Task Axe_finds_no_serious_or_critical_violations(string url)
    {
        var page = await fixture.NewPageAsync();

        var problems = await Axe.CheckEveryViewAsync(page, fixture.Server.BaseUri, url, p => Expect.InteractiveAsync(p));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Axe_is_able_to_report_a_violation()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Expect.InteractiveAsync(page);
        await page.EvaluateAsync("() => { const i = document.createElement('img'); i.src = 'x.png'; document.querySelector('main').appendChild(i); }");

        Assert.Contains(await Axe.RunAsync(page), v => v.Id == "image-alt" && v.Impact == "critical");
    }

    [Fact]
    public async Task Pages_fit_a_360_pixel_wide_screen()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(360, 740);
        foreach (var url in new[] { "/", "/timeline", "/companies", "/companies/tencent", "/models", "/models/deepseek-r1", "/investments", "/sources" })
        {
            await page.GotoAsync(url);
            await Expect.InteractiveAsync(page);
            var overflow = await page.EvaluateAsync<string>("""
                () => {
                    const width = document.documentElement.clientWidth;
                    const wide = [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-scroll, .visually-hidden'))
                        .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
                    return (document.documentElement.scrollWidth - width) + ' ' + wide.join(' | ');
                }
                """);
            Assert.True(overflow.StartsWith("0 ", StringComparison.Ordinal) || overflow.StartsWith('-'), $"{url} is wider than a 360px screen: {overflow}");
        }
    }
}
