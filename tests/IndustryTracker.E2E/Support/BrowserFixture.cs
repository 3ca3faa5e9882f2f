namespace IndustryTracker.E2E.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download: it uses /usr/bin/chromium) and one app server,
/// shared by the tests of a class. Each test opens its own browser context, so tests do not depend on each other.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public AppServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}: run ./test.sh, which installs it (apt-get install chromium).");
        }
        Server = await AppServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <param name="theme">"light" or "dark": the reader's choice, as the theme switch stores it (a cookie); null leaves it to the system.</param>
    public async Task<IPage> NewPageAsync(string? theme = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.BaseUri.ToString() });
        if (theme is not null)
        {
            await context.AddCookiesAsync([new Cookie { Name = "theme", Value = theme, Url = Server.BaseUri.ToString() }]);
        }
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
