using System.Text.RegularExpressions;

namespace IndustryTracker.Tests.Web.Editing;

/// <summary>
/// Read-only pages ([StaticForReaders]: home and the company profile) answer readers with static HTML, in which the
/// app bar is the only interactive component; editors get the interactive page with its editing panels.
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
    [InlineData("/", "id=\"landscape\"")]
    [InlineData("/companies/deepseek", "id=\"company-name\"")]
    public async Task Readers_get_the_page_as_static_html_with_only_the_app_bar_interactive(string path, string content)
    {
        using var anonymous = Anonymous();
        using var reader = Reader();
        using var editor = Editor();

        foreach (var client in new[] { anonymous, reader })
        {
            var html = await client.GetStringAsync(path, Ct);

            Assert.Contains(content, html, StringComparison.Ordinal);
            Assert.Equal(1, InteractiveRoots(html));
            Assert.Contains("id=\"nav-toggle\"", html, StringComparison.Ordinal);
            Assert.Contains("id=\"theme-switch\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("company-editor-tabs", html, StringComparison.Ordinal);
            // The page's data is not carried a second time for an interactive render that never comes.
            var editorHtml = await editor.GetStringAsync(path, Ct);
            Assert.True(PersistedStateLength(html) < PersistedStateLength(editorHtml),
                $"{path}: {PersistedStateLength(html)} characters of state for a reader, {PersistedStateLength(editorHtml)} for an editor");
        }
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
    public async Task Other_pages_stay_interactive_for_readers()
    {
        using var anonymous = Anonymous();

        var html = await anonymous.GetStringAsync("/timeline", Ct);

        Assert.Equal(2, InteractiveRoots(html));
    }
}
