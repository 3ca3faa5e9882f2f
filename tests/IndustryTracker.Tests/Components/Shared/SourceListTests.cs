using Bunit;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Web.Components.Shared;

namespace IndustryTracker.Tests.Components.Shared;

public sealed class SourceListTests : ComponentTestContext
{
    private static readonly SourceDto[] Quotes =
    [
        new("a.txt", 1, "First quote"),
        new("a.txt", 2, "Second quote"),
        new("b.txt", 7, "Third quote"),
    ];

    [Fact]
    public void Shows_every_quote_by_default()
    {
        var cut = RenderList(Quotes, show: null);

        Assert.Equal(3, cut.FindAll("li.source").Count);
        Assert.Empty(cut.FindAll("details"));
    }

    [Fact]
    public void Folds_quotes_beyond_the_limit_into_a_disclosure_that_names_how_many()
    {
        var cut = RenderList(Quotes, show: 1);

        var visible = cut.Find("ul[aria-label='Sources']");
        Assert.Contains("First quote", visible.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Second quote", visible.TextContent, StringComparison.Ordinal);
        Assert.Equal("2 more sources", cut.Find("details > summary").TextContent);
        var folded = cut.Find("details ul[aria-label='More sources']");
        Assert.Contains("Third quote", folded.TextContent, StringComparison.Ordinal);
        Assert.Equal("paragraph 7", folded.QuerySelectorAll("a")[^1].TextContent);
    }

    [Fact]
    public void A_single_folded_quote_is_named_in_the_singular()
    {
        var cut = RenderList(Quotes, show: 2);

        Assert.Equal("1 more source", cut.Find("details > summary").TextContent);
    }

    [Fact]
    public void Says_so_when_there_is_no_source()
    {
        var cut = RenderList([], show: 1);

        Assert.Equal("No source quote recorded.", cut.Find(".source-missing").TextContent);
    }

    private IRenderedComponent<SourceList> RenderList(IReadOnlyList<SourceDto> sources, int? show) =>
        Render<SourceList>(p => p.Add(c => c.Sources, sources).Add(c => c.Show, show));
}
