using Bunit;
using IndustryTracker.Core.Editing;
using IndustryTracker.Web.Components.Pages.Timeline;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Tests.Components.Timeline;

/// <summary>
/// The timeline's filter island: a change navigates to the new filters' address; the filters of an earlier address
/// that arrive after a newer change are skipped, those of any other address are taken.
/// </summary>
public sealed class TimelineFiltersTests : ComponentTestContext
{
    private static readonly TimelineFilter Start = new() { Companies = ["tencent"], Categories = ["funding"], Q = "chat" };

    public TimelineFiltersTests()
    {
        // The company and model searches are not used here (nothing is typed into the pickers).
        Services.AddSingleton(new PickerSearch(null!));
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private IRenderedComponent<TimelineFilters> RenderIsland() => Render<TimelineFilters>(p => p
        .Add(c => c.Filter, Start)
        .Add(c => c.CompanyNames, new Dictionary<string, string> { ["tencent"] = "Tencent" }));

    private static string[] Chips(IRenderedComponent<TimelineFilters> cut) =>
        [.. cut.FindAll(".active-filters .mud-chip").Select(c => c.GetAttribute("data-filter")!)];

    private static void Close(IRenderedComponent<TimelineFilters> cut, string filter) =>
        cut.Find($".active-filters [data-filter='{filter}'] button").Click();

    // What the page hands the island once the server has rendered an address (a new instance, as from JSON).
    private static void Arrive(IRenderedComponent<TimelineFilters> cut, TimelineFilter filter) =>
        cut.Render(p => p.Add(c => c.Filter, filter with { Companies = [.. filter.Companies], Categories = [.. filter.Categories] }));

    [Fact]
    public void A_change_navigates_to_the_new_filters_address_at_page_one()
    {
        var cut = RenderIsland();

        Close(cut, "q");

        Assert.EndsWith("/timeline?company=tencent&category=funding", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Equal(["company", "category"], Chips(cut));
    }

    [Fact]
    public void An_earlier_address_arriving_after_a_newer_change_is_skipped_and_the_newest_is_taken()
    {
        var cut = RenderIsland();
        Close(cut, "q");        // → tencent + funding
        Close(cut, "category"); // → tencent, before the first address has arrived

        Arrive(cut, Start with { Q = null });
        Assert.Equal(["company"], Chips(cut));

        Arrive(cut, Start with { Q = null, Categories = [] });
        Assert.Equal(["company"], Chips(cut));
    }

    [Fact]
    public void An_address_the_island_did_not_ask_for_is_taken_as_it_comes()
    {
        var cut = RenderIsland();
        Close(cut, "q");

        Arrive(cut, new TimelineFilter { Categories = ["partnership"] }); // a facet link followed meanwhile

        Assert.Equal(["category"], Chips(cut));
        Assert.Equal("partnership", cut.Find(".active-filters [data-filter='category']").GetAttribute("data-value"));
    }
}
