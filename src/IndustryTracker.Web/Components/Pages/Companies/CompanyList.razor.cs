using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Queries;
using IndustryTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace IndustryTracker.Web.Components.Pages.Companies;

/// <summary>
/// Every company in a server-paged, server-sorted grid. The URL is the state (q, category, sort, dir, page,
/// pageSize); <see cref="UrlGrid{T}"/> keeps grid and URL in step, so reload, back and forward show the same rows.
/// </summary>
public sealed partial class CompanyList : IDisposable
{
    private static readonly string[] Sortable = [nameof(CompanyDto.Name), nameof(CompanyDto.Category), nameof(CompanyDto.Country), nameof(CompanyDto.Parent)];

    private static readonly IReadOnlyList<FacetCount> Categories =
        [.. Enum.GetValues<CompanyCategory>().Select(c => new FacetCount(EnumNames.Of(c), Display.Words(EnumNames.Of(c)), 0))];

    private UrlGrid<CompanyDto> _list = null!;
    private string? _q;
    private string? _category;
    private CompanyCategory? _categoryValue;
    private string? _error;

    [Inject] private CompanyQueries Queries { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private PersistentComponentState State { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }
    [SupplyParameterFromQuery(Name = "category")] public string? Category { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "dir")] public string? Dir { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? Page { get; set; }
    [SupplyParameterFromQuery(Name = "pageSize")] public int? PageSize { get; set; }

    protected override void OnInitialized() =>
        _list = new(State, nameof(CompanyList), Navigation, (state, ct) => Queries.ListAsync(Query(state), ct), Href, StateHasChanged);

    protected override async Task OnParametersSetAsync()
    {
        _error = null;
        var q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        _categoryValue = null;
        string? category = null;
        if (!string.IsNullOrWhiteSpace(Category))
        {
            if (EnumNames.TryParse<CompanyCategory>(Category, out var parsed))
            {
                _categoryValue = parsed;
                category = EnumNames.Of(parsed);
            }
            else
            {
                _error = $"“{Category}” is not a category; showing every category.";
            }
        }
        var filtersChanged = q != _q || category != _category;
        (_q, _category) = (q, category);
        await _list.ShowAsync(GridUrlState.FromQuery(Sort, Dir, Page, PageSize, Sortable), filtersChanged, RendererInfo.IsInteractive);
    }

    private CompanyListQuery Query(GridUrlState state) => new()
    {
        Q = _q,
        Category = _categoryValue,
        Sort = state.Sort switch
        {
            nameof(CompanyDto.Category) => CompanySort.Category,
            nameof(CompanyDto.Country) => CompanySort.Country,
            nameof(CompanyDto.Parent) => CompanySort.Parent,
            _ => CompanySort.Name,
        },
        Descending = state.Descending,
        Page = state.Page,
        PageSize = state.PageSize,
    };

    private string Href(GridUrlState state) => "companies" + UrlQuery.Build([("q", _q), ("category", _category), .. state.Pairs()]);

    private void OnSearchChanged(string? value) => Navigation.NavigateTo(FilterHref(value, _category));

    private void OnCategoryChanged(string? value) => Navigation.NavigateTo(FilterHref(_q, value));

    /// <summary>A new filter starts again at page 1, keeping sort and page size.</summary>
    private string FilterHref(string? q, string? category) =>
        "companies" + UrlQuery.Build([("q", string.IsNullOrWhiteSpace(q) ? null : q.Trim()), ("category", category), .. (_list.State with { Page = 1 }).Pairs()]);

    public void Dispose() => _list.Dispose();
}
