using System.Diagnostics;
using System.Text.Json;

namespace IndustryTracker.E2E.Support;

/// <summary>
/// axe-core (npm, pinned in tests/IndustryTracker.E2E/axe/package.json) injected into the page under test. The
/// package is installed by test.sh; when it is missing the first check installs it with npm ci.
/// </summary>
internal static class Axe
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public sealed record Violation(string Id, string Impact, string Help, IReadOnlyList<string> Targets);

    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page)
    {
        // Evaluated by the browser's automation channel, not as a <script> element: the app's Content-Security-Policy
        // (script-src 'self' with a nonce) rightly refuses inline scripts the page did not send.
        await page.EvaluateAsync(await File.ReadAllTextAsync(await ScriptPathAsync()));
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const results = await axe.run(document, { resultTypes: ['violations'] });
                return results.violations.map(v => ({
                    id: v.id, impact: v.impact || '', help: v.help,
                    targets: v.nodes.map(n => n.target.join(' '))
                }));
            }
            """);
        return [.. json.EnumerateArray().Select(v => new Violation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!,
            [.. v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!)]))];
    }

    /// <summary>The views every page is checked in: each theme at a desktop and at a phone width.</summary>
    public static readonly IReadOnlyList<(string Theme, int Width)> Views = [("light", 1400), ("light", 375), ("dark", 1400), ("dark", 375)];

    /// <summary>
    /// Opens <paramref name="url"/> in every one of <see cref="Views"/> in the page's own browser context (so a sign-in
    /// is done once): the theme is the reader's choice as the theme switch stores it (a cookie the prerender reads), the
    /// width is the viewport's. After <paramref name="ready"/> it runs axe and, at phone width, checks that the page itself
    /// does not scroll sideways. Returns one line per problem, naming its view.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CheckEveryViewAsync(IPage page, Uri baseUri, string url, Func<IPage, Task> ready)
    {
        var problems = new List<string>();
        foreach (var (theme, width) in Views)
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = "theme", Value = theme, Url = baseUri.ToString() }]);
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync(url);
            await ready(page);
            await Assertions.Expect(page.Locator("#app-status")).ToHaveAttributeAsync("data-theme", theme);

            problems.AddRange(Serious(await RunAsync(page)).Select(line => $"{url} ({theme}, {width} px): {line}"));
            if (width <= 375)
            {
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                if (overflow > 0)
                {
                    problems.Add($"{url} ({theme}) scrolls sideways by {overflow} px at {width} px");
                }
            }
        }
        return problems;
    }

    /// <summary>Serious and critical violations, one line each, for an assertion message.</summary>
    public static IReadOnlyList<string> Serious(IEnumerable<Violation> violations) =>
        [.. violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Targets.Take(5))}")];

    private static async Task<string> ScriptPathAsync()
    {
        var folder = Path.Combine(RepositoryPaths.Root(), "tests", "IndustryTracker.E2E", "axe");
        var script = Path.Combine(folder, "node_modules", "axe-core", "axe.min.js");
        if (File.Exists(script))
        {
            return script;
        }
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(script))
            {
                var npm = new ProcessStartInfo("npm") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
                {
                    npm.ArgumentList.Add(argument);
                }
                using var process = Process.Start(npm) ?? throw new InvalidOperationException("npm could not be started to install axe-core.");
                var errors = process.StandardError.ReadToEndAsync();
                await process.StandardOutput.ReadToEndAsync();
                await process.WaitForExitAsync();
                if (process.ExitCode != 0 || !File.Exists(script))
                {
                    throw new InvalidOperationException($"axe-core is missing and `npm ci` in {folder} failed ({process.ExitCode}): {await errors}");
                }
            }
        }
        finally
        {
            InstallLock.Release();
        }
        return script;
    }
}
