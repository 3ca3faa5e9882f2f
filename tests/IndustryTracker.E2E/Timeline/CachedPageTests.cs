using System.Text.RegularExpressions;
using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E.Timeline;

/// <summary>
/// A prerendered interactive page answered from the output cache is the same HTML for every anonymous reader (circuit
/// descriptors, persisted state, CSP nonce): each browser that receives it still starts its own circuit and uses the page.
/// </summary>
public sealed class CachedPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Url = "timeline?company=tencent&from=2025-02-01&to=2025-02-28";

    [Fact]
    public async Task Two_browsers_served_the_same_cached_timeline_both_become_interactive_and_filter_it()
    {
        // Stored by a first read, so both browsers below are answered from the cache.
        using (var http = new HttpClient { BaseAddress = fixture.Server.BaseUri })
        {
            using var warm = await http.GetAsync(Url, TestContext.Current.CancellationToken);
            warm.EnsureSuccessStatusCode();
        }
        var first = await fixture.NewPageAsync();
        var second = await fixture.NewPageAsync();
        Assert.NotSame(first.Context, second.Context);

        var firstResponse = await first.GotoAsync(Url);
        var secondResponse = await second.GotoAsync(Url);

        Assert.Contains("age", (await firstResponse!.AllHeadersAsync()).Keys);
        Assert.Contains("age", (await secondResponse!.AllHeadersAsync()).Keys);
        Assert.Equal(await firstResponse.TextAsync(), await secondResponse.TextAsync());
        foreach (var page in new[] { first, second })
        {
            await Expect.InteractiveAsync(page);
            await Assertions.Expect(page.Locator(".filters[data-interactive='true']")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("article.timeline-event")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        }

        // Each removes the company filter through its own circuit: the list and the address change in that page only.
        await RemoveCompanyFilterAsync(first);
        await Assertions.Expect(second.Locator("article.timeline-event")).ToHaveCountAsync(2);
        await RemoveCompanyFilterAsync(second);
    }

    private static async Task RemoveCompanyFilterAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Group, new() { Name = "Active filters" }).Locator("[data-filter='company']").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline\?from=2025-02-01&to=2025-02-28$"));
        await Assertions.Expect(page.Locator("article.timeline-event")).Not.ToHaveCountAsync(2);
    }
}
