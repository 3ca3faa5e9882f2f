using System.Text.RegularExpressions;

namespace IndustryTracker.E2E.Support;

/// <summary>
/// Real typing and clicks on MudBlazor pickers, found by their label: a MudAutocomplete (a combobox that searches
/// the server as you type) and a MudSelect. Options are matched by role and their whole text, so "Tencent" does not
/// pick "Tencent Cloud".
/// </summary>
internal static class MudPicker
{
    /// <summary>Types <paramref name="search"/> into the autocomplete labelled <paramref name="label"/> and chooses <paramref name="option"/>.</summary>
    public static async Task ChooseAsync(IPage page, string label, string search, string option)
    {
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true });
        await box.ClickAsync();
        await box.FillAsync(search);
        // Clicking the box lists the first companies at once; the typed search answers after its debounce. Choose only
        // from the list for the typed text: an option clicked in the first list is undone when the search's list
        // replaces it.
        await Assertions.Expect(page.GetByRole(AriaRole.Option)
            .Filter(new() { HasNotTextRegex = new Regex(Regex.Escape(search), RegexOptions.IgnoreCase) })).ToHaveCountAsync(0);
        await Option(page, option).ClickAsync();
    }

    /// <summary>Opens the select labelled <paramref name="label"/> and chooses <paramref name="option"/>.</summary>
    public static async Task SelectAsync(IPage page, string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await Option(page, option).ClickAsync();
        await Assertions.Expect(page.GetByLabel(label, new() { Exact = true })).ToHaveValueAsync(option);
    }

    private static ILocator Option(IPage page, string text) =>
        page.GetByRole(AriaRole.Option).Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(text)}\\s*$") });
}
