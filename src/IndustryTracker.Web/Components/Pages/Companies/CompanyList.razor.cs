using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Queries;
using IndustryTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IndustryTracker.Web.Components.Pages.Companies;

/// <summary>
/// Every company in a server-paged, server-sorted grid. The URL is the state (q, category, sort, dir, page, pageSize):
/// the prerender shows the page the URL asks for; once live, the grid loads each page itself (ServerData) and writes
/// its sort and page back into the URL, so reload, back and forward show the same rows.
/// </summary>
public sealed partial class CompanyList
{
    private static readonly string[] Sortable = [nameof(CompanyDto.Name), nameof(CompanyDto.Category), nameof(CompanyDto.Country)];

    private static readonly IReadOnlyList<FacetCount> Categories =
        [.. Enum.GetValues<CompanyCategory>().Select(c => new FacetCount(EnumNames.Of(c), Display.Words(EnumNames.Of(c)), 0))];

    private PrerenderedData<PagedResult<CompanyDto>> _data = null!;
    private MudDataGrid<CompanyDto>? _grid;
    private PagedResult<CompanyDto>? _prerendered;
    private GridUrlState _state = GridUrlState.FromQuery(null, null, null, null, Sortable);
    private string? _q;
    private string? _category;
    private CompanyCategory? _categoryValue;
    private int? _total;
    private string? _error;
    private bool _applyingUrl;

    [Inject] private CompanyQueries Queries { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private PersistentComponentState State { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }
    [SupplyParameterFromQuery(Name = "category")] public string? Category { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "dir")] public string? Dir { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? Page { get; set; }
    [SupplyParameterFromQuery(Name = "pageSize")] public int? PageSize { get; set; }

    protected override void OnInitialized() => _data = new(State, nameof(CompanyList));

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
        var state = GridUrlState.FromQuery(Sort, Dir, Page, PageSize, Sortable);
        var filtersChanged = q != _q || category != _category;
        (_q, _category) = (q, category);

        if (!RendererInfo.IsInteractive)
        {
            _state = state;
            _prerendered = await _data.LoadAsync(Navigation.Uri, () => Queries.ListAsync(Query(state)));
            _total = _prerendered.Total;
            return;
        }
        if (_grid is null)
        {
            // First interactive render: the grid will ask for this page; hand it the prerendered rows.
            _state = state;
            if (_data.TryTake(Navigation.Uri, out var handed) && handed is not null)
            {
                _prerendered = handed;
                _total = handed.Total;
            }
            return;
        }
        if (!filtersChanged && state == _state)
        {
            return; // the grid itself put this state in the URL
        }
        // Back/forward or a changed filter: bring the grid to the URL's state without writing the URL again.
        _applyingUrl = true;
        try
        {
            var sortChanged = !string.Equals(state.Sort, _state.Sort, StringComparison.OrdinalIgnoreCase) || state.Descending != _state.Descending;
            _state = state;
            if (sortChanged)
            {
                if (state.Sort is { } column)
                {
                    await _grid.SetSortAsync(column, state.Descending ? SortDirection.Descending : SortDirection.Ascending, SortKey(column));
                }
                else
                {
                    await _grid.RemoveSortAsync(_grid.SortDefinitions.Keys.FirstOrDefault() ?? nameof(CompanyDto.Name));
                }
            }
            await _grid.ReloadServerData();
        }
        finally
        {
            _applyingUrl = false;
        }
    }

    private static Func<CompanyDto, object> SortKey(string column) => column switch
    {
        nameof(CompanyDto.Category) => c => c.Category,
        nameof(CompanyDto.Country) => c => c.Country ?? string.Empty,
        _ => c => c.Name,
    };

    private CompanyListQuery Query(GridUrlState state) => new()
    {
        Q = _q,
        Category = _categoryValue,
        Sort = state.Sort switch
        {
            nameof(CompanyDto.Category) => CompanySort.Category,
            nameof(CompanyDto.Country) => CompanySort.Country,
            _ => CompanySort.Name,
        },
        Descending = state.Descending,
        Page = state.Page,
        PageSize = state.PageSize,
    };

    /// <summary>The grid's ServerData: one page, sorted on the server; a sort or page the reader chose goes into the URL.</summary>
    private async Task<GridData<CompanyDto>> LoadAsync(GridState<CompanyDto> gridState, CancellationToken cancellationToken)
    {
        var asked = GridUrlState.FromGrid(gridState);
        PagedResult<CompanyDto> result;
        if (_prerendered is { } handed && asked == _state)
        {
            result = handed;
        }
        else
        {
            result = await Queries.ListAsync(Query(asked), cancellationToken);
        }
        _prerendered = null;
        _total = result.Total;
        if (asked != _state && !_applyingUrl)
        {
            _state = asked;
            Navigation.NavigateTo("companies" + Url());
        }
        StateHasChanged();
        return new GridData<CompanyDto> { Items = result.Items, TotalItems = result.Total };
    }

    private string Url() => UrlQuery.Build([("q", _q), ("category", _category), .. _state.Pairs()]);

    private void OnSearchChanged(string? value) => Navigate(value, _category);

    private void OnCategoryChanged(string? value) => Navigate(_q, value);

    /// <summary>A new filter starts again at page 1, keeping sort and page size.</summary>
    private void Navigate(string? q, string? category) =>
        Navigation.NavigateTo("companies" + UrlQuery.Build(
            [("q", q), ("category", category), .. (_state with { Page = 1 }).Pairs()]));

    public void Dispose() => _data.Dispose();
}
