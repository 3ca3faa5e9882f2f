using System.Globalization;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Editing;
using IndustryTracker.Core.Queries;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace IndustryTracker.Web.Components.Pages.Timeline;

/// <summary>
/// Events filtered by companies, date window, categories, model and full text, with facets. The URL is the state
/// (<see cref="TimelineFilter"/> plus page=N&amp;pageSize=N): every filter change navigates to a new query string and
/// the page loads from it, once per page view (the prerender hands its data to the live page). Readers get it as static
/// HTML with the filter bar as an interactive island (<see cref="StaticForReadersAttribute"/>). At most
/// <see cref="MaxRows"/> events are rendered at once.
/// </summary>
public sealed partial class TimelinePage
{
    public const int MaxRows = 100;

    private const string FiltersKey = "timeline-filters";

    private PrerenderedData<TimelineView> _data = null!;
    private PickerOption? _model;
    private IReadOnlyDictionary<string, string> _companyNames = new Dictionary<string, string>();
    private TimelineFilter _filter = TimelineFilter.Empty;
    private int _pageSize = EventQuery.DefaultPageSize;
    private TimelineView? _view;
    private List<string> _errors = [];
    private List<string> _unknownCompanies = [];

    [Inject] private EventQueries Events { get; set; } = null!;
    [Inject] private CompanyQueries Companies { get; set; } = null!;
    [Inject] private PickerSearch Picker { get; set; } = null!;
    [Inject] private EventMarkup Markup { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private PersistentComponentState State { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "company")] public string[]? Company { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "category")] public string[]? Category { get; set; }
    [SupplyParameterFromQuery(Name = "model")] public string? Model { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? Page { get; set; }
    [SupplyParameterFromQuery(Name = "pageSize")] public int? PageSize { get; set; }

    private int LastPage => _view is null ? 1 : Math.Max(1, (_view.Result.Total + _view.Result.PageSize - 1) / _view.Result.PageSize);

    /// <summary>An island on a page rendered statically (readers); part of the page's own render otherwise (editors).</summary>
    private IComponentRenderMode? FiltersRenderMode => AssignedRenderMode is null ? RenderMode.InteractiveServer : null;

    // A page rendered statically hands no data over: no interactive render of it follows.
    protected override void OnInitialized() => _data = new(State, nameof(TimelinePage), handOver: AssignedRenderMode is not null);

    protected override async Task OnParametersSetAsync()
    {
        _errors = [];
        var companies = Slugs(Company).ToList();
        var model = Slugs(Model is null ? null : [Model]).FirstOrDefault();
        _pageSize = Math.Clamp(PageSize ?? EventQuery.DefaultPageSize, 1, MaxRows);

        var categories = new List<EventCategory>();
        foreach (var text in (Category ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct())
        {
            if (EnumNames.TryParse<EventCategory>(text, out var category))
            {
                categories.Add(category);
            }
            else
            {
                _errors.Add($"Category “{text}” is not a category; it is ignored.");
            }
        }

        var query = new EventQuery
        {
            Companies = companies,
            From = ParseDate("From", From),
            To = ParseDate("To", To),
            Categories = [.. categories.Distinct()],
            Models = model is null ? [] : [model],
            Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            Page = Paging.Clamp(Page, _pageSize),
            PageSize = _pageSize,
        };
        var problems = query.Validate();
        if (problems.Count > 0)
        {
            _errors.AddRange(problems);
            query = query with { From = null, To = null };
        }
        _filter = new TimelineFilter
        {
            Companies = companies,
            Categories = [.. query.Categories.Select(EnumNames.Of)],
            Model = model,
            From = query.From is { } from ? Display.Iso(from) : null,
            To = query.To is { } to ? Display.Iso(to) : null,
            Q = query.Q,
        };

        _view = await _data.LoadAsync(Navigation.Uri, () => LoadAsync(query));
        _companyNames = _view.Companies.ToDictionary(c => c.Slug, c => c.Name);
        _model = _view.Model;
        _unknownCompanies = [.. companies.Where(s => !_companyNames.ContainsKey(s))];
    }

    // Only the chosen companies' and model's names: the pickers search the rest on the server as the reader types.
    // Only the company facets the page shows: the view is persisted into the prerendered page (data-protected, so it
    // does not compress) and kept by the circuit, and unfiltered at 100k events the company facet alone is 2,000 rows.
    // A reader's page (static) shows the events' kept HTML (EventMarkup); an editor's has edit links.
    private async Task<TimelineView> LoadAsync(EventQuery query)
    {
        var result = await Events.ListAsync(query);
        if (AssignedRenderMode is null)
        {
            await Markup.KeepAsync(result.Items);
        }
        return new(
            result,
            TimelineFacets.Shown(await Events.FacetsAsync(query)),
            await Companies.NamesAsync(query.Companies),
            query.Models.Count == 0 ? null : await Picker.ModelsBySlugAsync(query.Models) is [var model, ..] ? model : null);
    }

    private static IEnumerable<string> Slugs(IEnumerable<string>? values) =>
        (values ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim().ToLowerInvariant()).Distinct();

    private DateOnly? ParseDate(string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        _errors.Add($"{label} date “{text}” is not a date (YYYY-MM-DD); it is ignored.");
        return null;
    }

    public void Dispose() => _data.Dispose();

    /// <summary>What one timeline address shows: the page of events, the facets and the names of the chosen companies and model.</summary>
    private sealed record TimelineView(PagedResult<EventDto> Result, EventFacets Facets, IReadOnlyList<CompanyLink> Companies, PickerOption? Model);
}
