using IndustryTracker.Web.Components.Pages.Timeline;
using IndustryTracker.Web.Components.Shared;
using MudBlazor;

namespace IndustryTracker.Tests.Web.Shell;

/// <summary>The URL as state: a list grid's sort and page, and the timeline's filters, to and from the query string.</summary>
public sealed class UrlStateTests
{
    private static readonly string[] Sortable = ["Name", "Country"];

    [Fact]
    public void A_grid_state_round_trips_through_the_query_string()
    {
        var state = GridUrlState.FromQuery("country", "desc", 3, 25, Sortable);

        Assert.Equal(new GridUrlState("Country", true, 3, 25), state);
        Assert.Equal("?sort=country&dir=desc&page=3&pageSize=25", UrlQuery.Build(state.Pairs()));
        Assert.Equal(SortDirection.Descending, state.DirectionOf("Country"));
        Assert.Equal(SortDirection.None, state.DirectionOf("Name"));
    }

    [Fact]
    public void Unknown_or_out_of_range_values_fall_back_to_the_defaults_and_defaults_stay_out_of_the_URL()
    {
        var state = GridUrlState.FromQuery("password", "desc", -4, 7, Sortable);

        Assert.Equal(new GridUrlState(null, false, 1, GridUrlState.DefaultPageSize), state);
        Assert.Equal(string.Empty, UrlQuery.Build(state.Pairs()));
    }

    [Fact]
    public void A_page_past_the_last_possible_one_is_that_page()
    {
        var state = GridUrlState.FromQuery(null, null, int.MaxValue, 100, Sortable);

        Assert.Equal(int.MaxValue / 100, state.Page);
        Assert.Empty(IndustryTracker.Core.Queries.Paging.Errors(state.Page, state.PageSize, 500));
    }

    [Fact]
    public void The_grid_reports_a_zero_based_page_and_its_sort()
    {
        var grid = new GridState<string>
        {
            Page = 1,
            PageSize = 100,
            SortDefinitions = [new SortDefinition<string>("Name", true, 0, s => s)],
        };

        Assert.Equal(new GridUrlState("Name", true, 2, 100), GridUrlState.FromGrid(grid));
    }

    [Fact]
    public void Timeline_filters_build_addresses_in_a_stable_order()
    {
        var filter = new TimelineFilter { Q = "chat", Companies = ["tencent", "baidu"], Categories = ["funding"], Model = "deepseek-r1", From = "2025-02-01" };

        Assert.Equal("timeline?company=tencent&company=baidu&from=2025-02-01&category=funding&model=deepseek-r1&q=chat", filter.Href());
        Assert.Equal("timeline?company=tencent&company=baidu&from=2025-02-01&category=funding&model=deepseek-r1&q=chat&page=3&pageSize=20", filter.Href(3, 20));
        Assert.Equal("timeline", TimelineFilter.Empty.Href(1));
    }

    [Fact]
    public void Toggling_a_filter_adds_it_or_removes_it()
    {
        var filter = new TimelineFilter { Companies = ["tencent"] };

        Assert.Equal(["tencent", "baidu"], filter.ToggleCompany("baidu").Companies);
        Assert.Empty(filter.ToggleCompany("tencent").Companies);
        Assert.Equal(["funding"], filter.ToggleCategory("funding").Categories);
        var february = new Core.Queries.MonthFacet("2025-02", "2025-02-01", "2025-02-28", 3);
        var chosen = filter.ToggleRange(february);
        Assert.Equal(("2025-02-01", "2025-02-28"), (chosen.From, chosen.To));
        Assert.Equal((null, null), (chosen.ToggleRange(february).From, chosen.ToggleRange(february).To));
    }
}
