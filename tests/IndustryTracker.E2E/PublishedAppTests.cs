using System.Diagnostics;
using System.Text.RegularExpressions;
using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E;

/// <summary>
/// Production is `dotnet publish` + run (README): static web assets, the Blazor script among them, are mapped from the
/// build output only in Development. The published app in Production serves a page whose circuit works.
/// </summary>
public sealed class PublishedAppTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_published_app_in_production_serves_a_page_with_a_working_circuit()
    {
        var ct = TestContext.Current.CancellationToken;
        var publishFolder = Path.Combine(Path.GetTempPath(), "industrytracker-publish", Guid.NewGuid().ToString("N"));
        try
        {
            await PublishAsync(publishFolder, ct);
            await using var server = await AppServer.StartAsync(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, publishFolder, ct);

            var context = await fixture.Browser.NewContextAsync(new() { BaseURL = server.BaseUri.ToString() });
            var page = await context.NewPageAsync();
            var script = await page.APIRequest.GetAsync("/_framework/blazor.web.js");
            Assert.Equal(200, script.Status);

            await page.GotoAsync("/timeline");
            await Assertions.Expect(page.Locator(".filters[data-interactive='true']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            var unfiltered = await page.Locator("#result-count").InnerTextAsync();
            await page.GetByLabel("Start date", new() { Exact = true }).FillAsync("2025-02-17");
            await page.GetByLabel("Start date", new() { Exact = true }).PressAsync("Tab");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("from=2025-02-17"));
            await Assertions.Expect(page.Locator("#result-count")).Not.ToHaveTextAsync(unfiltered);
            await context.CloseAsync();
        }
        finally
        {
            if (Directory.Exists(publishFolder))
            {
                Directory.Delete(publishFolder, recursive: true);
            }
        }
    }

    private static async Task PublishAsync(string output, CancellationToken cancellationToken)
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(RepositoryPaths.WebOutputFolder()))!;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", "src/IndustryTracker.Web", "-c", configuration, "--no-build", "-nologo", "-o", output })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await stdout}\n{await stderr}");
    }
}
