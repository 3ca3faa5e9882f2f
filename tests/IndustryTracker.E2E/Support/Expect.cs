namespace IndustryTracker.E2E.Support;

internal static class Expect
{
    /// <summary>Waits until the Blazor circuit is up and the page handles events.</summary>
    public static Task InteractiveAsync(IPage page, float timeoutMs = 20_000) =>
        Assertions.Expect(page.Locator("#app-status[data-interactive='true']")).ToHaveCountAsync(1, new() { Timeout = timeoutMs });
}
