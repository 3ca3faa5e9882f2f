using System.Globalization;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Queries;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace IndustryTracker.Web.Components.Pages.Timeline;

/// <summary>
/// Events filtered by companies, date window, categories, model and full text, with facets. The URL is the state:
/// every control change navigates to a new query string (company=a&amp;company=b&amp;from=YYYY-MM-DD&amp;to=YYYY-MM-DD
/// &amp;category=c&amp;model=m&amp;q=words&amp;page=N&amp;pageSize=N) and the page loads from it. At most
/// <see cref="MaxRows"/> events are rendered at once.
/// </summary>
public sealed partial class TimelinePage
{
    public const int MaxRows = 100;
    private const int MaxCompanyFacets = 15;

    private static readonly IReadOnlyList<FacetCount> Categories =
        [.. Enum.GetValues<EventCategory>().Select(c => new FacetCount(EnumNames.Of(c), Display.Words(EnumNames.Of(c)), 0))];

    private IReadOnlyList<CompanyLink> _companies = [];
    private IReadOnlyList<CompanyLink> _models = [];
    private IEnumerable<string> _selected = [];
    private IEnumerable<string> _categories = [];
    private string? _model;
    private string? _fromText;
    private string? _toText;
    private string? _qText;
    private int _pageSize = EventQuery.DefaultPageSize;
    private PagedResult<EventDto>? _result;
    private EventFacets? _facets;
    private List<string> _errors = [];
    private List<string> _unknownCompanies = [];

    [Inject] private EventQueries Events { get; set; } = null!;
    [Inject] private CompanyQueries Companies { get; set; } = null!;
    [Inject] private ModelQueries Models { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "company")] public string[]? Company { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "category")] public string[]? Category { get; set; }
    [SupplyParameterFromQuery(Name = "model")] public string? Model { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? Page { get; set; }
    [SupplyParameterFromQuery(Name = "pageSize")] public int? PageSize { get; set; }

    private int LastPage => _result is null ? 1 : Math.Max(1, (_result.Total + _result.PageSize - 1) / _result.PageSize);

    protected override async Task OnInitializedAsync()
    {
        _companies = await Companies.NamesAsync();
        _models = await Models.NamesAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        _errors = [];
        _selected = [.. Slugs(Company)];
        _model = Slugs(Model is null ? null : [Model]).FirstOrDefault();
        _fromText = From;
        _toText = To;
        _qText = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
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
        _categories = [.. categories.Distinct().Select(EnumNames.Of)];

        var query = new EventQuery
        {
            Companies = [.. _selected],
            From = ParseDate("From", From),
            To = ParseDate("To", To),
            Categories = categories,
            Models = _model is null ? [] : [_model],
            Q = _qText,
            Page = Math.Max(1, Page ?? 1),
            PageSize = _pageSize,
        };
        var problems = query.Validate();
        if (problems.Count > 0)
        {
            _errors.AddRange(problems);
            query = query with { From = null, To = null };
        }
        _unknownCompanies = [.. _selected.Where(s => !_companies.Any(c => c.Slug == s))];
        _result = await Events.ListAsync(query);
        _facets = await Events.FacetsAsync(query);
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

    private void OnCompaniesChanged(object? value)
    {
        _selected = value is IEnumerable<string> slugs ? [.. slugs] : [];
        NavigateToFilters();
    }

    private void OnCategoriesChanged(object? value)
    {
        _categories = value is IEnumerable<string> values ? [.. values] : [];
        NavigateToFilters();
    }

    private void OnModelChanged(object? value)
    {
        _model = value as string;
        NavigateToFilters();
    }

    private void OnFromChanged(ChangeEventArgs e)
    {
        _fromText = e.Value as string;
        NavigateToFilters();
    }

    private void OnToChanged(ChangeEventArgs e)
    {
        _toText = e.Value as string;
        NavigateToFilters();
    }

    private void Search() => NavigateToFilters();

    private void Clear()
    {
        _selected = [];
        _categories = [];
        _model = null;
        _fromText = null;
        _toText = null;
        _qText = null;
        NavigateToFilters();
    }

    private void NavigateToFilters() => Navigation.NavigateTo("timeline" + FilterQuery(includePaging: false), replace: false);

    /// <summary>The filters as (name, value) pairs, in a stable order, optionally with one changed.</summary>
    private List<(string Name, string? Value)> FilterPairs(
        IEnumerable<string>? companies = null,
        IEnumerable<string>? categories = null,
        string? from = null,
        string? to = null,
        bool replaceRange = false)
    {
        var pairs = new List<(string, string?)>();
        pairs.AddRange((companies ?? _selected).Select(c => ("company", (string?)c)));
        pairs.Add(("from", replaceRange ? from : _fromText));
        pairs.Add(("to", replaceRange ? to : _toText));
        pairs.AddRange((categories ?? _categories).Select(c => ("category", (string?)c)));
        pairs.Add(("model", _model));
        pairs.Add(("q", _qText));
        return pairs;
    }

    /// <summary>Hidden inputs carrying the other filters when the search form is submitted before the page is live.</summary>
    private IEnumerable<(string Name, string Value)> HiddenFilters() =>
        FilterPairs().Where(p => p.Name != "q" && !string.IsNullOrWhiteSpace(p.Value)).Select(p => (p.Name, p.Value!));

    private string FilterQuery(bool includePaging, int? page = null)
    {
        var pairs = FilterPairs();
        if (includePaging)
        {
            pairs.Add(("page", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null));
            pairs.Add(("pageSize", _pageSize != EventQuery.DefaultPageSize ? _pageSize.ToString(CultureInfo.InvariantCulture) : null));
        }
        return UrlQuery.Build(pairs);
    }

    private string PageHref(int page) => "timeline" + FilterQuery(includePaging: true, page);

    private string RangeHref(MonthFacet range) =>
        IsRange(range)
            ? "timeline" + UrlQuery.Build(FilterPairs(replaceRange: true))
            : "timeline" + UrlQuery.Build(FilterPairs(from: range.From, to: range.To, replaceRange: true));

    private bool IsRange(MonthFacet range) => _fromText == range.From && _toText == range.To;

    private string ToggleHref(string facet, string value)
    {
        var current = facet == "company" ? _selected : _categories;
        var toggled = current.Contains(value) ? current.Where(v => v != value).ToList() : [.. current, value];
        return "timeline" + UrlQuery.Build(facet == "company" ? FilterPairs(companies: toggled) : FilterPairs(categories: toggled));
    }
}
