using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IndustryTracker.E2E.Support;

/// <summary>
/// The app with accounts, and Chromium: the first admin comes from Admin__Email/Admin__Password, and an Editor
/// account (<see cref="EditorEmail"/>) is created through the admin's bearer token (POST /api/auth/users), as a
/// script would. Use it for every test that edits: <c>await fixture.SignInAsEditorAsync()</c> gives a page signed in
/// through /login in its own browser context.
/// </summary>
public sealed class EditorFixture : IAsyncLifetime
{
    public const string AdminEmail = "admin@example.com";
    public const string EditorEmail = "editor@example.com";
    public const string Password = "e2e editor passphrase";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public AppServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {BrowserFixture.ChromiumPath}: run ./test.sh, which installs it (apt-get install chromium).");
        }
        Server = await AppServer.StartAsync(new Dictionary<string, string>
        {
            ["Admin__Email"] = AdminEmail,
            ["Admin__Password"] = Password,
            // Every test signs in (some twice, plus API logins for setup), all from 127.0.0.1: the default 10 sign-ins
            // per minute per address would answer 429 within one test class. The limit itself is tested in the Tests project.
            ["Accounts__LoginRateLimit__PermitLimit"] = "1000",
        }, TestContext.Current.CancellationToken);
        await CreateAccountAsync(EditorEmail, "Editor");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A page in a fresh browser context, not signed in.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.BaseUri.ToString() });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A page in a fresh browser context, signed in as the editor through the /login form.</summary>
    public async Task<IPage> SignInAsEditorAsync(string? returnUrl = null)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, EditorEmail, Password, returnUrl);
        return page;
    }

    /// <summary>Fills and submits the /login form, then waits for the email in the header.</summary>
    public static async Task SignInAsync(IPage page, string email, string password, string? returnUrl = null)
    {
        await page.GotoAsync(returnUrl is null ? "/login" : $"/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#account-email")).ToHaveTextAsync(email);
    }

    /// <summary>Creates an account with a role as the admin, with a bearer token (no antiforgery needed).</summary>
    public async Task CreateAccountAsync(string email, string role, string password = Password)
    {
        using var http = new HttpClient { BaseAddress = Server.BaseUri };
        using var login = await http.PostAsJsonAsync("api/auth/login", new { email = AdminEmail, password = Password });
        login.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("accessToken").GetString());
        using var created = await http.PostAsJsonAsync("api/auth/users", new { email, password, role });
        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Could not create {email}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>An HttpClient on the app with the bearer token of <paramref name="email"/> (the editor unless told).</summary>
    public async Task<HttpClient> ApiAsync(string email = EditorEmail, string password = Password)
    {
        var http = new HttpClient { BaseAddress = Server.BaseUri };
        using var login = await http.PostAsJsonAsync("api/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("accessToken").GetString());
        return http;
    }

    /// <summary>Creates an event through the API as the editor; answers its id.</summary>
    public async Task<int> CreateEventAsync(string title, string date = "March 2025", string company = "tencent", string category = "product-launch")
    {
        using var http = await ApiAsync();
        using var created = await http.PostAsJsonAsync("api/events", new { title, date, category, companies = new[] { company } });
        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Could not create the event {title}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetInt32();
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
