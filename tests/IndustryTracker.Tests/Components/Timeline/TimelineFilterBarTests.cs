using Bunit;
using IndustryTracker.Core.Queries;
using IndustryTracker.Web.Components.Pages.Timeline;

namespace IndustryTracker.Tests.Components.Timeline;

/// <summary>The timeline's filter bar: server search for companies, active filters as chips removed with one click, clear, search.</summary>
public sealed class TimelineFilterBarTests : ComponentTestContext
{
    private static readonly CompanyLink Tencent = new("Tencent", "tencent");
    private static readonly CompanyLink TencentCloud = new("Tencent Cloud", "tencent-cloud");

    private readonly List<string> _searches = [];

    // The filter bar marks itself live (data-interactive) from RendererInfo, as the E2E tests wait for it.
    public TimelineFilterBarTests() => Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    private readonly List<TimelineFilter> _changes = [];

    private Task<IReadOnlyList<CompanyLink>> Search(string text, CancellationToken cancellationToken)
    {
        _searches.Add(text);
        IReadOnlyList<CompanyLink> all = [new("Baidu", "baidu"), Tencent, TencentCloud];
        return Task.FromResult<IReadOnlyList<CompanyLink>>([.. all.Where(c => c.Name.Contains(text, StringComparison.OrdinalIgnoreCase))]);
    }

    private IRenderedComponent<TimelineFilterBar> RenderBar(TimelineFilter filter) =>
        Render<TimelineFilterBar>(p => p
            .Add(c => c.Filter, filter)
            .Add(c => c.CompanyNames, new Dictionary<string, string> { ["tencent"] = "Tencent" })
            .Add(c => c.Models, [new CompanyLink("DeepSeek-R1", "deepseek-r1")])
            .Add(c => c.SearchCompanies, Search)
            .Add(c => c.FilterChanged, filter => _changes.Add(filter)));

    [Fact]
    public void Typing_a_company_searches_the_server_and_choosing_one_adds_it_to_the_filters()
    {
        var providers = RenderProviders();
        var cut = RenderBar(new TimelineFilter { Categories = ["funding"] });

        cut.Find("input#company-filter").Input("tenc");

        cut.WaitForAssertion(() => Assert.Contains("tenc", _searches));
        providers.WaitForAssertion(() => Assert.Equal(["Tencent", "Tencent Cloud"], providers.FindAll(".mud-popover-open [role=option]").Select(o => o.TextContent.Trim())));
        providers.FindAll(".mud-popover-open [role=option]").Single(o => o.TextContent.Trim() == "Tencent").Click();

        cut.WaitForAssertion(() => Assert.Equal(["tencent"], Assert.Single(_changes).Companies));
        Assert.Equal(["funding"], _changes[0].Categories);
    }

    [Fact]
    public void Each_active_filter_is_a_chip_and_closing_it_removes_just_that_filter()
    {
        var cut = RenderBar(new TimelineFilter { Companies = ["tencent"], Categories = ["funding"], Model = "deepseek-r1", From = "2025-02-01", To = "2025-02-28", Q = "chat" });

        var chips = cut.FindAll(".active-filters .mud-chip");
        Assert.Equal(["Tencent", "Funding", "Model: DeepSeek-R1", "2025-02-01 – 2025-02-28", "“chat”"], chips.Select(c => c.QuerySelector(".mud-chip-content")!.TextContent.Trim()));

        cut.Find(".active-filters [data-filter='dates'] button").Click();

        var changed = Assert.Single(_changes);
        Assert.Equal(new TimelineFilter { Companies = ["tencent"], Categories = ["funding"], Model = "deepseek-r1", Q = "chat" }.Href(), changed.Href());
    }

    [Fact]
    public void Clear_reports_no_filters_and_is_disabled_when_there_are_none()
    {
        var cut = RenderBar(new TimelineFilter { Companies = ["tencent"] });
        cut.Find("#clear-filters").Click();
        Assert.True(Assert.Single(_changes).IsEmpty);

        var empty = RenderBar(TimelineFilter.Empty);
        Assert.True(empty.Find("#clear-filters").HasAttribute("disabled"));
        Assert.Empty(empty.FindAll(".active-filters"));
    }

    [Fact]
    public void Searching_words_reports_them_trimmed_with_the_other_filters()
    {
        var cut = RenderBar(new TimelineFilter { Companies = ["tencent"] });

        cut.Find("input#q-filter").Change("  Yuanbao ");
        cut.Find("form[role=search]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("timeline?company=tencent&q=Yuanbao", Assert.Single(_changes).Href()));
    }
}
