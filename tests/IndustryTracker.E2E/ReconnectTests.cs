using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E;

/// <summary>The server goes away under an open page: the user sees it, and gets a working page back after a restart.</summary>
public sealed class ReconnectTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Killing_the_server_shows_the_reconnect_overlay_and_a_restart_brings_a_working_page_back()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Expect.InteractiveAsync(page);

        await fixture.Server.KillAsync();

        var overlay = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(overlay).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await fixture.Server.StartProcessAsync(TestContext.Current.CancellationToken);

        // The old circuit is gone with the old process: the script's reconnect is rejected and it reloads the page.
        await Assertions.Expect(overlay).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Expect.InteractiveAsync(page, timeoutMs: 60_000);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
    }
}
