using Bunit;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Web.Components.Pages.Timeline;
using IndustryTracker.Web.Components.Shared;
using MudBlazor;

namespace IndustryTracker.Tests.Components.Timeline;

/// <summary>
/// The timeline's filter bar: server search for companies and models, one date range (either end may be empty), active
/// filters as chips removed with one click, clear, search.
/// </summary>
public sealed class TimelineFilterBarTests : ComponentTestContext
{
    private static readonly PickerOption Tencent = new("tencent", "Tencent");
    private static readonly PickerOption TencentCloud = new("tencent-cloud", "Tencent Cloud");
    private static readonly PickerOption DeepSeekR1 = new("deepseek-r1", "DeepSeek-R1");

    private readonly List<string?> _searches = [];
    private readonly List<string?> _modelSearches = [];

    // The filter bar marks itself live (data-interactive) from RendererInfo, as the E2E tests wait for it.
    public TimelineFilterBarTests() => Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    private readonly List<TimelineFilter> _changes = [];

    private Task<IReadOnlyList<PickerOption>> Search(string? text, CancellationToken cancellationToken)
    {
        _searches.Add(text);
        IReadOnlyList<PickerOption> all = [new("baidu", "Baidu"), Tencent, TencentCloud];
        return Task.FromResult<IReadOnlyList<PickerOption>>([.. all.Where(c => text is null || c.Name.Contains(text, StringComparison.OrdinalIgnoreCase))]);
    }

    private Task<IReadOnlyList<PickerOption>> SearchModels(string? text, CancellationToken cancellationToken)
    {
        _modelSearches.Add(text);
        IReadOnlyList<PickerOption> all = [new("qwen-2-5-max", "Qwen2.5-Max"), DeepSeekR1];
        return Task.FromResult<IReadOnlyList<PickerOption>>([.. all.Where(c => text is null || c.Name.Contains(text, StringComparison.OrdinalIgnoreCase))]);
    }

    private IRenderedComponent<TimelineFilterBar> RenderBar(TimelineFilter filter) =>
        Render<TimelineFilterBar>(p => p
            .Add(c => c.Filter, filter)
            .Add(c => c.CompanyNames, new Dictionary<string, string> { ["tencent"] = "Tencent" })
            .Add(c => c.Model, filter.Model == DeepSeekR1.Slug ? DeepSeekR1 : null)
            .Add(c => c.SearchCompanies, Search)
            .Add(c => c.SearchModels, SearchModels)
            .Add(c => c.FilterChanged, filter => _changes.Add(filter)));

    [Fact]
    public void Typing_a_company_searches_the_server_and_choosing_one_adds_it_to_the_filters()
    {
        var providers = RenderProviders();
        var cut = RenderBar(new TimelineFilter { Categories = ["funding"] });

        cut.Find("input#company-filter-input").Input("tenc");

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

    [Fact]
    public void A_company_already_chosen_is_not_offered_again()
    {
        var providers = RenderProviders();
        var cut = RenderBar(new TimelineFilter { Companies = ["tencent"] });

        cut.Find("input#company-filter-input").Input("tenc");

        providers.WaitForAssertion(() => Assert.Equal(["Tencent Cloud"], providers.FindAll(".mud-popover-open [role=option]").Select(o => o.TextContent.Trim())));
    }

    [Fact]
    public void The_model_is_searched_on_the_server_and_the_chosen_one_is_the_filter()
    {
        var providers = RenderProviders();
        var cut = RenderBar(TimelineFilter.Empty);

        cut.Find("input#model-filter-input").Input("deep");

        cut.WaitForAssertion(() => Assert.Contains("deep", _modelSearches));
        providers.WaitForAssertion(() => Assert.Equal(["DeepSeek-R1"], providers.FindAll(".mud-popover-open [role=option]").Select(o => o.TextContent.Trim())));
        providers.FindAll(".mud-popover-open [role=option]").Single().Click();

        cut.WaitForAssertion(() => Assert.Equal("deepseek-r1", Assert.Single(_changes).Model));
    }

    [Fact]
    public void The_chosen_model_shows_its_name_in_the_field_and_its_chip()
    {
        var cut = RenderBar(new TimelineFilter { Model = "deepseek-r1" });

        Assert.Equal("DeepSeek-R1", cut.Find("input#model-filter-input").GetAttribute("value"));
        Assert.Equal("Model: DeepSeek-R1", cut.Find(".active-filters [data-filter='model'] .mud-chip-content").TextContent.Trim());
    }

    [Fact]
    public void The_dates_are_one_range_picker_showing_the_urls_from_and_to()
    {
        var cut = RenderBar(new TimelineFilter { From = "2025-02-01", To = "2025-02-28" });

        Assert.Single(cut.FindAll(".filter-date .mud-picker"));
        Assert.Equal("2025-02-01", cut.Find("input#date-filter-start").GetAttribute("value"));
        Assert.Equal("2025-02-28", cut.Find("input#date-filter-end").GetAttribute("value"));
        // Each end has its own accessible name, so a keyboard or screen reader user can tell them apart.
        Assert.Equal("Start date", cut.Find("input#date-filter-start").GetAttribute("aria-label"));
        Assert.Equal("End date", cut.Find("input#date-filter-end").GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData("start", "2025-02-01", "2025-02-01", null)]
    [InlineData("end", "2025-02-28", null, "2025-02-28")]
    public void Typing_one_end_of_the_range_reports_a_partial_range(string end, string typed, string? from, string? to)
    {
        var cut = RenderBar(new TimelineFilter { Companies = ["tencent"] });

        cut.Find($"input#date-filter-{end}").Change(typed);

        cut.WaitForAssertion(() => Assert.Equal((from, to), (Assert.Single(_changes).From, _changes[0].To)));
        Assert.Equal(["tencent"], _changes[0].Companies);
    }

    [Fact]
    public void A_typed_date_that_is_not_YYYY_MM_DD_changes_no_filter()
    {
        var cut = RenderBar(new TimelineFilter { Companies = ["tencent"] });

        cut.Find("input#date-filter-end").Change("28/02/2025");
        cut.Find("input#date-filter-end").Change("2025-02-30");
        cut.Find("input#date-filter-end").Change("2025-03-01");

        // Only the valid end is taken: the invalid texts never became dates.
        cut.WaitForAssertion(() => Assert.Equal((null, "2025-03-01"), (Assert.Single(_changes).From, _changes[0].To)));
    }

    [Fact]
    public void The_fields_share_the_apps_converters_rather_than_each_building_its_own()
    {
        var cut = RenderBar(new TimelineFilter { From = "2025-02-01" });

        Assert.Same(FormConverters.IsoDay, cut.FindComponent<MudDateRangePicker>().Instance.Converter);
        Assert.Same(FormConverters.Text, cut.FindComponent<MudTextField<string>>().Instance.Converter);
        Assert.Same(FormConverters.Text, cut.FindComponent<MudSelect<string>>().Instance.Converter);
        Assert.All(cut.FindComponents<MudAutocomplete<PickerOption>>(), a => Assert.Same(FormConverters.ChosenOnly<PickerOption>(), a.Instance.Converter));
    }

    [Fact]
    public void Typing_the_second_end_keeps_the_first()
    {
        var cut = RenderBar(new TimelineFilter { From = "2025-02-01" });

        cut.Find("input#date-filter-end").Change("2025-02-28");

        cut.WaitForAssertion(() => Assert.Equal("timeline?from=2025-02-01&to=2025-02-28", Assert.Single(_changes).Href()));
    }

    [Fact]
    public void Clearing_the_range_removes_both_dates()
    {
        var cut = RenderBar(new TimelineFilter { Q = "chat", From = "2025-02-01", To = "2025-02-28" });

        cut.Find(".filter-date button[aria-label='Clear']").Click();

        cut.WaitForAssertion(() => Assert.Equal("timeline?q=chat", Assert.Single(_changes).Href()));
    }
}
