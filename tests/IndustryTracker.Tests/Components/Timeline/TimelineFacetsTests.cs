using Bunit;
using IndustryTracker.Core.Queries;
using IndustryTracker.Web.Components.Pages.Timeline;

namespace IndustryTracker.Tests.Components.Timeline;

/// <summary>Facets: a chip per month, year, category and company with its count, linking to the timeline with that filter toggled.</summary>
public sealed class TimelineFacetsTests : ComponentTestContext
{
    private static readonly EventFacets Facets = new(
        5,
        [new FacetCount("product-launch", "Product launch", 3), new FacetCount("funding", "Funding", 2)],
        [new FacetCount("tencent", "Tencent", 4), new FacetCount("baidu", "Baidu", 1)],
        [new MonthFacet("2025-01", "2025-01-01", "2025-01-31", 2), new MonthFacet("2025-02", "2025-02-01", "2025-02-28", 3)],
        [new MonthFacet("2025", "2025-01-01", "2025-12-31", 5)]);

    private IRenderedComponent<TimelineFacets> RenderFacets(TimelineFilter filter) =>
        Render<TimelineFacets>(p => p.Add(c => c.Facets, Facets).Add(c => c.Filter, filter));

    [Fact]
    public void Each_facet_is_a_chip_with_its_count()
    {
        var cut = RenderFacets(TimelineFilter.Empty);

        var months = cut.FindAll("#facet-months a.facet-link");
        Assert.Equal(["2025-01", "2025-02"], months.Select(a => a.GetAttribute("data-value")));
        Assert.Equal(["2", "3"], months.Select(a => a.QuerySelector(".facet-count")!.TextContent));
        Assert.Equal(["2025-01 2", "2025-02 3"], months.Select(a => a.TextContent.Trim()));
        Assert.Equal("Tencent 4", cut.Find("#facet-companies a[data-value='tencent']").TextContent.Trim());
    }

    [Fact]
    public void A_facet_links_to_the_timeline_with_it_added_and_keeps_the_other_filters()
    {
        var cut = RenderFacets(new TimelineFilter { Companies = ["tencent"], Q = "chat" });

        Assert.Equal("timeline?company=tencent&from=2025-02-01&to=2025-02-28&q=chat", cut.Find("#facet-months a[data-value='2025-02']").GetAttribute("href"));
        Assert.Equal("timeline?company=tencent&category=funding&q=chat", cut.Find("#facet-categories a[data-value='funding']").GetAttribute("href"));
        Assert.Equal("timeline?company=tencent&company=baidu&q=chat", cut.Find("#facet-companies a[data-value='baidu']").GetAttribute("href"));
    }

    [Fact]
    public void A_chosen_facet_is_marked_current_and_links_to_the_timeline_without_it()
    {
        var cut = RenderFacets(new TimelineFilter { Companies = ["tencent"], From = "2025-01-01", To = "2025-01-31" });

        var january = cut.Find("#facet-months a[data-value='2025-01']");
        Assert.Equal("true", january.GetAttribute("aria-current"));
        Assert.Equal("timeline?company=tencent", january.GetAttribute("href"));
        Assert.Null(cut.Find("#facet-months a[data-value='2025-02']").GetAttribute("aria-current"));
        Assert.Equal("timeline?from=2025-01-01&to=2025-01-31", cut.Find("#facet-companies a[data-value='tencent']").GetAttribute("href"));
    }

    [Fact]
    public void Only_the_companies_shown_are_kept_and_they_render_the_same_chips()
    {
        var many = Facets with
        {
            Companies = [.. Enumerable.Range(1, 40).Select(i => new FacetCount($"company-{i}", $"Company {i}", 100 - i))],
        };

        var shown = TimelineFacets.Shown(many);

        Assert.Equal(many.Companies.Take(TimelineFacets.MaxCompanies), shown.Companies);
        Assert.Equal((many.Categories, many.Months, many.Years), (shown.Categories, shown.Months, shown.Years));
        Assert.Same(Facets, TimelineFacets.Shown(Facets));
        List<string?> Chips(EventFacets facets) => [.. Render<TimelineFacets>(p => p.Add(c => c.Facets, facets).Add(c => c.Filter, TimelineFilter.Empty))
            .FindAll("#facet-companies a.facet-link").Select(a => a.GetAttribute("data-value") + " " + a.TextContent.Trim())];
        Assert.Equal(TimelineFacets.MaxCompanies, Chips(many).Count);
        Assert.Equal(Chips(many), Chips(shown));
    }
}
