using Bunit;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Web.Components.Shared;

namespace IndustryTracker.Tests.Components.Shared;

/// <summary>The company/model picker: searches through the given server search as the editor types, offers matches, reports choices.</summary>
public sealed class EntityPickerTests : ComponentTestContext
{
    private static readonly PickerOption Tencent = new("tencent", "Tencent");
    private static readonly PickerOption TencentCloud = new("tencent-cloud", "Tencent Cloud");
    private static readonly PickerOption Baidu = new("baidu", "Baidu");

    private readonly List<string?> _searches = [];

    private Task<IReadOnlyList<PickerOption>> Search(string? text, CancellationToken cancellationToken)
    {
        _searches.Add(text);
        IReadOnlyList<PickerOption> all = [Baidu, Tencent, TencentCloud];
        return Task.FromResult<IReadOnlyList<PickerOption>>([.. all.Where(o => text is null || o.Name.Contains(text, StringComparison.OrdinalIgnoreCase))]);
    }

    private IRenderedComponent<EntityPicker> RenderPicker(bool multiple, IReadOnlyList<PickerOption> selected, Action<IReadOnlyList<PickerOption>> changed,
        IReadOnlyList<string>? errors = null, IReadOnlyCollection<string>? exclude = null) =>
        Render<EntityPicker>(p => p
            .Add(c => c.Id, "event-companies")
            .Add(c => c.Label, "Companies")
            .Add(c => c.Search, Search)
            .Add(c => c.Multiple, multiple)
            .Add(c => c.Selected, selected)
            .Add(c => c.SelectedChanged, changed)
            .Add(c => c.Errors, errors ?? [])
            .Add(c => c.Exclude, exclude ?? [])
            .Add(c => c.DebounceInterval, 0));

    [Fact]
    public void Typing_searches_on_the_server_and_choosing_a_match_adds_it_to_the_chosen_items()
    {
        var providers = RenderProviders();
        IReadOnlyList<PickerOption>? chosen = null;
        var cut = RenderPicker(multiple: true, selected: [Baidu], changed: value => chosen = value);

        cut.Find("input#event-companies-input").Input("tenc");

        cut.WaitForAssertion(() => Assert.Contains("tenc", _searches));
        providers.WaitForAssertion(() => Assert.Equal(["Tencent", "Tencent Cloud"], Options(providers)));
        providers.FindAll(".mud-popover-open [role=option]").Single(item => item.TextContent.Trim() == "Tencent").Click();

        cut.WaitForAssertion(() => Assert.Equal([Baidu, Tencent], chosen));
    }

    [Fact]
    public void Items_already_chosen_and_excluded_slugs_are_not_offered()
    {
        var providers = RenderProviders();
        var cut = RenderPicker(multiple: true, selected: [Tencent], changed: _ => { }, exclude: ["baidu"]);

        cut.Find("input#event-companies-input").Input("c");

        providers.WaitForAssertion(() => Assert.Equal(["Tencent Cloud"], Options(providers)));
    }

    [Fact]
    public void Each_chosen_item_is_listed_with_a_remove_button_named_after_it()
    {
        IReadOnlyList<PickerOption>? chosen = null;
        var cut = RenderPicker(multiple: true, selected: [Baidu, Tencent], changed: value => chosen = value);

        var list = cut.Find("ul[aria-label='Chosen: Companies']");
        Assert.Equal(["baidu", "tencent"], list.QuerySelectorAll("li").Select(li => li.GetAttribute("data-slug")));
        cut.Find("button[aria-label='Remove Baidu']").Click();

        Assert.Equal([Tencent], chosen);
    }

    [Fact]
    public void A_single_choice_is_the_field_value_and_clearing_reports_no_choice()
    {
        var providers = RenderProviders();
        IReadOnlyList<PickerOption>? chosen = null;
        var cut = RenderPicker(multiple: false, selected: [], changed: value => chosen = value);

        cut.Find("input#event-companies-input").Input("bai");
        providers.WaitForAssertion(() => Assert.Equal(["Baidu"], Options(providers)));
        providers.Find(".mud-popover-open [role=option]").Click();

        cut.WaitForAssertion(() => Assert.Equal([Baidu], chosen));
        Assert.Empty(cut.FindAll("ul.picker-chosen"));
    }

    [Fact]
    public void The_servers_messages_are_shown_under_the_field_and_described_by_it()
    {
        var cut = RenderPicker(multiple: true, selected: [], changed: _ => { }, errors: ["Choose at least one company."]);

        var input = cut.Find("input#event-companies-input");
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains("event-companies-error", input.GetAttribute("aria-describedby") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("Choose at least one company.", cut.Find("#event-companies-error").TextContent.Trim());
        Assert.Equal("Companies", cut.Find("label[for='event-companies-input']").TextContent.Trim());
    }

    private static List<string> Options(IRenderedComponent<MudProviders> providers) =>
        [.. providers.FindAll(".mud-popover-open [role=option]").Select(item => item.TextContent.Trim())];
}
