using System.Text.RegularExpressions;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Components.Shared;

namespace IndustryTracker.Tests.Web.Pages;

public sealed class SourceListTests
{
    private static readonly SourceDto[] Quotes =
    [
        new("a.txt", 1, "First quote"),
        new("a.txt", 2, "Second quote"),
        new("b.txt", 7, "Third quote"),
    ];

    [Fact]
    public async Task Shows_every_quote_by_default()
    {
        var html = await RenderAsync(Quotes, show: null);

        Assert.Equal(3, Regex.Count(html, "<li class=\"source\">"));
        Assert.DoesNotContain("<details", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folds_quotes_beyond_the_limit_into_a_disclosure_that_names_how_many()
    {
        var html = await RenderAsync(Quotes, show: 1);

        var visible = html[..html.IndexOf("<details", StringComparison.Ordinal)];
        Assert.Contains("First quote", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("Second quote", visible, StringComparison.Ordinal);
        Assert.Contains("<summary>2 more sources</summary>", html, StringComparison.Ordinal);
        Assert.Contains("Third quote", html, StringComparison.Ordinal);
        Assert.Contains(">paragraph 7</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Says_so_when_there_is_no_source()
    {
        var html = await RenderAsync([], show: 1);

        Assert.Contains("class=\"source-missing\"", html, StringComparison.Ordinal);
    }

    private static Task<string> RenderAsync(IReadOnlyList<SourceDto> sources, int? show) =>
        ComponentRenderer.RenderAsync<SourceList>(new Dictionary<string, object?> { ["Sources"] = sources, ["Show"] = show });
}
