using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E.Security;

/// <summary>
/// Every page works under the app's Content-Security-Policy in Chromium and the browser reports no violation: the
/// reading pages anonymously, the editing pages signed in, each until its circuit is interactive.
/// </summary>
public sealed class ContentSecurityPolicyTests(EditorFixture fixture) : IClassFixture<EditorFixture>
{
    /// <summary>Registered before any page script runs (Playwright injects it outside the page's CSP).</summary>
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
        """;

    private static async Task<List<string>> WatchAsync(IPage page)
    {
        await page.AddInitScriptAsync(RecordViolations);
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (console)
                {
                    console.Add(message.Text);
                }
            }
        };
        return console;
    }

    private static async Task AssertNoViolationsAsync(IPage page, string url, List<string> console)
    {
        var response = await page.GotoAsync(url);
        Assert.NotNull(response);
        Assert.Contains("script-src 'self' 'nonce-", await response.HeaderValueAsync("content-security-policy") ?? string.Empty, StringComparison.Ordinal);
        if (url != "/login") // the sign-in page is static server rendering: no circuit
        {
            await Expect.InteractiveAsync(page);
        }
        await page.WaitForTimeoutAsync(300); // late violations (styles added after the circuit starts)
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        lock (console)
        {
            Assert.True(violations.Length == 0 && console.Count == 0, $"{url}: {string.Join(" | ", violations.Concat(console))}");
        }
    }

    [Fact]
    public async Task The_reading_pages_run_under_the_policy_without_a_violation()
    {
        var page = await fixture.NewPageAsync();
        var console = await WatchAsync(page);

        foreach (var url in new[] { "/", "/timeline", "/timeline?company=deepseek", "/companies", "/companies/deepseek", "/models", "/investments", "/sources", "/login" })
        {
            await AssertNoViolationsAsync(page, url, console);
        }
    }

    [Fact]
    public async Task The_editing_pages_run_under_the_policy_without_a_violation()
    {
        var page = await fixture.NewPageAsync();
        var console = await WatchAsync(page);
        await EditorFixture.SignInAsync(page, EditorFixture.EditorEmail, EditorFixture.Password);

        foreach (var url in new[] { "/events/new", "/companies/deepseek/edit", "/sources/upload", "/events/deleted" })
        {
            await AssertNoViolationsAsync(page, url, console);
        }
    }
}
