using System.Text.RegularExpressions;

namespace IndustryTracker.E2E.Support;

/// <summary>
/// Real clicks and typing on Radzen dropdowns: the component with id X opens a popup #popup-X; with filtering it has a
/// search box #search-X. Items are matched by their whole text, so "Tencent" does not pick "Tencent Cloud".
/// </summary>
internal static class RadzenPicker
{
    /// <summary>Adds <paramref name="text"/> to a multi-select dropdown with filtering, then closes its popup.</summary>
    public static async Task PickManyAsync(IPage page, string id, string search, string text)
    {
        await page.Locator($"#{id}").ClickAsync();
        await page.Locator($"#search-{id}").FillAsync(search);
        await Item(page, id, "li.rz-multiselect-item", text).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator($"#{id}")).ToContainTextAsync(text);
    }

    /// <summary>Chooses <paramref name="text"/> in a single-select dropdown, typing <paramref name="search"/> first when it filters.</summary>
    public static async Task PickOneAsync(IPage page, string id, string text, string? search = null)
    {
        await page.Locator($"#{id}").ClickAsync();
        if (search is not null)
        {
            await page.Locator($"#search-{id}").FillAsync(search);
        }
        await Item(page, id, "li.rz-dropdown-item", text).ClickAsync();
        await Assertions.Expect(page.Locator($"#{id}")).ToContainTextAsync(text);
    }

    private static ILocator Item(IPage page, string id, string selector, string text) =>
        page.Locator($"#popup-{id} {selector}").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(text)}\\s*$") });
}
