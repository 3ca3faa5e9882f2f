using System.Text.RegularExpressions;
using IndustryTracker.Web.Components.Layout;

namespace IndustryTracker.Tests.Web.Editing;

/// <summary>
/// Read-only pages ([StaticForReaders]: home, the company profile and the timeline) answer readers with static HTML, in
/// which the app bar (and the timeline's filter bar) are the only interactive components; editors get the interactive
/// page with its editing panels and links.
/// </summary>
public sealed partial class StaticForReadersTests : EditingWebTest
{
    // One start marker per interactive root component (the page's Routes and HeadOutlet, or the app bar's island).
    [GeneratedRegex("<!--Blazor:\\{\"type\":\"server\"")]
    private static partial Regex InteractiveRoot();

    [GeneratedRegex("Blazor-Server-Component-State:([^-]*)-->")]
    private static partial Regex PersistedState();

    private static int InteractiveRoots(string html) => InteractiveRoot().Count(html);

    private static int PersistedStateLength(string html) => PersistedState().Match(html) is { Success: true } m ? m.Groups[1].Length : 0;

    [Theory]
    [InlineData("/", "id=\"landscape\"", 1)]
    [InlineData("/companies/deepseek", "id=\"company-name\"", 1)]
    [InlineData("/timeline?company=deepseek", "id=\"result-count\"", 2)]
    public async Task Readers_get_the_page_as_static_html_with_only_its_islands_interactive(string path, string content, int islands)
    {
        using var anonymous = Anonymous();
        using var reader = Reader();
        using var editor = Editor();

        foreach (var client in new[] { anonymous, reader })
        {
            var html = await client.GetStringAsync(path, Ct);

            Assert.Contains(content, html, StringComparison.Ordinal);
            Assert.Equal(islands, InteractiveRoots(html));
            Assert.Contains("id=\"nav-toggle\"", html, StringComparison.Ordinal);
            Assert.Contains("id=\"theme-switch\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("company-editor-tabs", html, StringComparison.Ordinal);
            // The page's data is not carried a second time for an interactive render that never comes.
            var editorHtml = await editor.GetStringAsync(path, Ct);
            Assert.True(PersistedStateLength(html) < PersistedStateLength(editorHtml),
                $"{path}: {PersistedStateLength(html)} characters of state for a reader, {PersistedStateLength(editorHtml)} for an editor");
        }
    }

    [Theory]
    [InlineData(null, "light")]
    [InlineData("dark", "dark")]
    public async Task A_readers_page_carries_its_theme_once_outside_the_app_bars_island(string? cookie, string mode)
    {
        using var reader = Anonymous();
        if (cookie is not null)
        {
            reader.DefaultRequestHeaders.Add("Cookie", $"theme={cookie}");
        }

        var html = await reader.GetStringAsync("/companies/deepseek", Ct);

        // The island's first interactive render replaces what it prerendered: a theme inside it would be replaced too.
        var themes = Regex.Matches(html, "<style class='mud-theme-provider'>");
        Assert.Single(themes);
        Assert.True(themes[0].Index < InteractiveRoot().Match(html).Index, "the theme comes before the first island");
        var palette = mode == "dark" ? AppTheme.Theme.PaletteDark : AppTheme.Theme.PaletteLight;
        Assert.Contains($"--mud-palette-background: {palette.Background}", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"data-theme=\"{mode}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editors_get_the_interactive_profile_with_its_history_and_merge_panels()
    {
        using var editor = Editor();

        var html = await editor.GetStringAsync("/companies/deepseek", Ct);

        Assert.Equal(2, InteractiveRoots(html));
        Assert.Contains("company-editor-tabs", html, StringComparison.Ordinal);
        Assert.Contains("id=\"company-name\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editors_get_the_interactive_timeline_with_edit_links()
    {
        using var editor = Editor();
        using var anonymous = Anonymous();

        var html = await editor.GetStringAsync("/timeline?company=deepseek", Ct);
        var readerHtml = await anonymous.GetStringAsync("/timeline?company=deepseek", Ct);

        Assert.Equal(2, InteractiveRoots(html)); // the page's Routes and HeadOutlet; the filter bar is part of the page
        Assert.Contains("class=\"button edit-link\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"button edit-link\"", readerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_pages_stay_interactive_for_readers()
    {
        using var anonymous = Anonymous();

        var html = await anonymous.GetStringAsync("/investments", Ct);

        Assert.Equal(2, InteractiveRoots(html));
    }
}
