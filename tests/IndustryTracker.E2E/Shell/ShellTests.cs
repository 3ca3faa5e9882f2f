using System.Text.RegularExpressions;
using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E.Shell;

/// <summary>The MudBlazor shell in Chromium: the theme switch, the drawer on a phone, the server-paged companies grid, the README screenshots.</summary>
public sealed class ShellTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static ILocator ThemeSwitch(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Dark mode" });

    [Fact]
    public async Task Dark_mode_chosen_in_the_app_bar_stays_after_a_reload()
    {
        // A light system, so the starting theme is known.
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Server.BaseUri.ToString(), ColorScheme = ColorScheme.Light });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/companies");
        await Expect.InteractiveAsync(page);
        await Assertions.Expect(page.Locator("#app-status[data-theme='light']")).ToHaveCountAsync(1);
        var lightBackground = await BackgroundAsync(page);

        await ThemeSwitch(page).ClickAsync();

        await Assertions.Expect(page.Locator("#app-status[data-theme='dark']")).ToHaveCountAsync(1);
        await Assertions.Expect(ThemeSwitch(page)).ToHaveAttributeAsync("aria-pressed", "true");
        var darkBackground = await BackgroundAsync(page);
        Assert.NotEqual(lightBackground, darkBackground);

        await page.ReloadAsync();
        // The prerendered page is already dark (the cookie is read on the server), before the circuit starts.
        await Assertions.Expect(page.Locator("#app-status[data-theme='dark']")).ToHaveCountAsync(1);
        Assert.Equal(darkBackground, await BackgroundAsync(page));
        await Expect.InteractiveAsync(page);
        await Assertions.Expect(ThemeSwitch(page)).ToHaveAttributeAsync("aria-pressed", "true");

        await ThemeSwitch(page).ClickAsync();
        // The circuit stores the choice (cookie) as it switches: reload only once it has switched.
        await Assertions.Expect(ThemeSwitch(page)).ToHaveAttributeAsync("aria-pressed", "false");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#app-status[data-theme='light']")).ToHaveCountAsync(1);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Without_a_choice_the_theme_follows_the_system()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Server.BaseUri.ToString(), ColorScheme = ColorScheme.Dark });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect.InteractiveAsync(page);

        await Assertions.Expect(page.Locator("#app-status[data-theme='dark']")).ToHaveCountAsync(1);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_readers_static_page_keeps_its_theme_when_the_shell_starts_and_the_switch_and_the_system_still_restyle_it()
    {
        // Counts the theme style sheets taken out of the page: the shell's start must not replace the page's theme
        // (replacing 24 KB of CSS variables on :root restyles every element).
        const string watchRemovals = """
            window.themeRemovals = 0;
            new MutationObserver(changes => { for (const change of changes) for (const node of change.removedNodes)
                if (node.nodeType === 1 && node.matches('style.mud-theme-provider')) window.themeRemovals++; })
                .observe(document, { childList: true, subtree: true });
            """;
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Server.BaseUri.ToString(), ColorScheme = ColorScheme.Light });
        await context.AddInitScriptAsync(watchRemovals);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/companies/tencent");
        await Expect.InteractiveAsync(page);
        var lightBackground = await BackgroundAsync(page);

        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.themeRemovals"));
        Assert.Equal(1, await page.Locator("style.mud-theme-provider").CountAsync());

        await ThemeSwitch(page).ClickAsync();
        await Assertions.Expect(page.Locator("#app-status[data-theme='dark']")).ToHaveCountAsync(1);
        var darkBackground = await BackgroundAsync(page);
        Assert.NotEqual(lightBackground, darkBackground);

        await ThemeSwitch(page).ClickAsync();
        await Assertions.Expect(page.Locator("#app-status[data-theme='light']")).ToHaveCountAsync(1);
        Assert.Equal(lightBackground, await BackgroundAsync(page));
        await context.CloseAsync();

        // No choice and a dark system: the page is rendered light, and the shell turns it dark once it starts.
        var darkSystem = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Server.BaseUri.ToString(), ColorScheme = ColorScheme.Dark });
        var followed = await darkSystem.NewPageAsync();
        await followed.GotoAsync("/companies/tencent");
        await Assertions.Expect(followed.Locator("#app-status[data-theme='dark']")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        Assert.Equal(darkBackground, await BackgroundAsync(followed));
        await darkSystem.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_navigation_is_in_a_drawer_that_reaches_the_timeline()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(375, 740);
        await page.GotoAsync("/");
        await Expect.InteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true })).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Open navigation" }).ClickAsync();
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = "Timeline" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/timeline$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Timeline", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_app_bar_search_opens_the_timeline_with_the_words()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/companies");
        await Expect.InteractiveAsync(page);

        var search = page.GetByRole(AriaRole.Banner).GetByLabel("Search events");
        await search.FillAsync("Yuanbao");
        await search.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline\?q=Yuanbao$"));
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync("event");
    }

    [Fact]
    public async Task The_companies_grid_sorts_and_pages_on_the_server_and_a_reload_shows_the_same_page()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/companies?pageSize=25");
        await Expect.InteractiveAsync(page);
        var grid = page.Locator("#company-grid");
        var total = int.Parse(Regex.Match(await page.Locator("#company-count").InnerTextAsync(), @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 25, "the seeds have more than one page of companies");

        // Sort by name, then descending: the URL carries the sort.
        var nameHeader = grid.GetByRole(AriaRole.Columnheader, new() { Name = "Name" });
        await nameHeader.GetByRole(AriaRole.Button, new() { Name = "Sort" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/companies\?sort=name&pageSize=25$"));
        await nameHeader.GetByRole(AriaRole.Button, new() { Name = "Sort" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/companies\?sort=name&dir=desc&pageSize=25$"));
        await Assertions.Expect(nameHeader).ToHaveAttributeAsync("aria-sort", "descending");
        var firstOfPageOne = await FirstNameAsync(grid);

        await grid.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/companies\?sort=name&dir=desc&page=2&pageSize=25$"));
        await Assertions.Expect(grid).ToContainTextAsync($"26-{total} of {total}");
        var firstOfPageTwo = await FirstNameAsync(grid);
        Assert.True(string.Compare(firstOfPageTwo, firstOfPageOne, StringComparison.OrdinalIgnoreCase) < 0, $"{firstOfPageTwo} comes before {firstOfPageOne} in Z-A order");

        await page.ReloadAsync();
        await Expect.InteractiveAsync(page);
        await Assertions.Expect(grid).ToContainTextAsync($"26-{total} of {total}");
        Assert.Equal(firstOfPageTwo, await FirstNameAsync(grid));
        await Assertions.Expect(grid.GetByRole(AriaRole.Columnheader, new() { Name = "Name" })).ToHaveAttributeAsync("aria-sort", "descending");

        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/companies\?sort=name&dir=desc&pageSize=25$"));
        await Assertions.Expect(grid).ToContainTextAsync($"1-25 of {total}");
        Assert.Equal(firstOfPageOne, await FirstNameAsync(grid));
    }

    [Fact]
    public async Task The_README_screenshots_are_taken_from_the_running_app()
    {
        var images = Path.Combine(RepositoryPaths.Root(), "docs", "images");
        Directory.CreateDirectory(images);

        var light = await fixture.NewPageAsync(theme: "light");
        await light.SetViewportSizeAsync(1400, 900);
        await light.GotoAsync("/timeline?company=tencent");
        await Expect.InteractiveAsync(light);
        await light.ScreenshotAsync(new() { Path = Path.Combine(images, "timeline-light.png") });

        var dark = await fixture.NewPageAsync(theme: "dark");
        await dark.SetViewportSizeAsync(1400, 900);
        await dark.GotoAsync("/companies/deepseek");
        await Expect.InteractiveAsync(dark);
        await dark.ScreenshotAsync(new() { Path = Path.Combine(images, "company-profile-dark.png") });

        var phone = await fixture.NewPageAsync(theme: "light");
        await phone.SetViewportSizeAsync(375, 812);
        await phone.GotoAsync("/investments");
        await Expect.InteractiveAsync(phone);
        await phone.GetByRole(AriaRole.Heading, new() { Name = "Totals by company (USD)" }).ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(images, "investments-phone.png") });

        foreach (var name in new[] { "timeline-light.png", "company-profile-dark.png", "investments-phone.png" })
        {
            Assert.True(new FileInfo(Path.Combine(images, name)).Length > 10_000, $"{name} was written");
        }
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private static async Task<string> FirstNameAsync(ILocator grid) =>
        (await grid.Locator("tbody tr").First.Locator("a.company-link").First.InnerTextAsync()).Trim();
}
