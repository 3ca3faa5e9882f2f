using System.Text.RegularExpressions;
using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E;

/// <summary>The server goes away under an open page: the user sees it, and gets a working page back after a restart.</summary>
public sealed class ReconnectTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Killing_the_server_shows_the_reconnect_dialog_and_a_restart_brings_a_working_page_back()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/timeline");
        await Assertions.Expect(page.Locator(".filters[data-interactive='true']")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => { window.__beforeRestart = true; }");

        await fixture.Server.KillAsync();

        // The .NET 10 template's ReconnectModal: a modal <dialog> that says it is rejoining (or will try again).
        var overlay = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(overlay).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(overlay.Locator("p:visible").First).ToContainTextAsync(new Regex("Rejoin"));

        await fixture.Server.StartProcessAsync(TestContext.Current.CancellationToken);

        // The old circuit died with the old process: the rejoin is rejected and ReconnectModal.razor.js reloads the page.
        await Assertions.Expect(overlay).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => window.__beforeRestart === undefined", null, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".filters[data-interactive='true']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });

        // And it works: a filter change goes through the new circuit into the URL and the results.
        var unfiltered = await page.Locator("#result-count").InnerTextAsync();
        await page.GetByLabel("Start date", new() { Exact = true }).FillAsync("2025-02-17");
        await page.GetByLabel("Start date", new() { Exact = true }).PressAsync("Tab");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("from=2025-02-17"));
        await Assertions.Expect(page.Locator("#result-count")).Not.ToHaveTextAsync(unfiltered);
    }
}
