using IndustryTracker.Core.Contracts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IndustryTracker.Web.Components.Shared;

/// <summary>
/// Keeps a server-paged MudDataGrid and the URL in step, for every list page. The prerender loads the page the URL
/// asks for (shown through the grid's Items) and hands it to the live page; once live, the grid loads each page itself
/// (<see cref="ServerDataAsync"/>) and a sort or page the reader chooses goes into the URL. When the URL changes
/// otherwise (back, forward, a filter), <see cref="ShowAsync"/> brings the grid to it without writing the URL again.
/// </summary>
public sealed class UrlGrid<T> : IDisposable
{
    private readonly PrerenderedData<PagedResult<T>> _data;
    private readonly NavigationManager _navigation;
    private readonly Func<GridUrlState, CancellationToken, Task<PagedResult<T>>> _load;
    private readonly Func<GridUrlState, string> _href;
    private readonly Action _changed;
    private PagedResult<T>? _handed;
    private bool _applyingUrl;

    /// <param name="load">One page for a sort and page (the page's filters are captured by the function).</param>
    /// <param name="href">The page's address for a sort and page, with its current filters.</param>
    /// <param name="changed">Re-renders the page (the count above the grid).</param>
    public UrlGrid(PersistentComponentState state, string key, NavigationManager navigation,
        Func<GridUrlState, CancellationToken, Task<PagedResult<T>>> load, Func<GridUrlState, string> href, Action changed)
    {
        _data = new PrerenderedData<PagedResult<T>>(state, key);
        _navigation = navigation;
        _load = load;
        _href = href;
        _changed = changed;
    }

    /// <summary>The grid, set by the page's @ref.</summary>
    public MudDataGrid<T>? Grid { get; set; }

    public GridUrlState State { get; private set; } = new(null, false, 1, GridUrlState.DefaultPageSize);

    /// <summary>The rows of the prerender, for the grid's Items while the page is not yet live.</summary>
    public IEnumerable<T>? PrerenderedItems => _handed?.Items;

    /// <summary>How many rows match, once known.</summary>
    public int? Total { get; private set; }

    /// <summary>
    /// A column's initial sort arrow: the URL's sort once live. While prerendering the grid shows the server's rows
    /// through Items, which it would sort again in memory (by another collation, nulls first); so none then.
    /// </summary>
    public SortDirection InitialDirection(string column, bool interactive) => interactive ? State.DirectionOf(column) : SortDirection.None;

    /// <summary>The 0-based page the grid shows: the URL's when live; the first of its Items when prerendering.</summary>
    public int CurrentPage(bool interactive) => interactive ? State.Page - 1 : 0;

    /// <summary>Shows the URL's sort and page (and reloads when the filters changed).</summary>
    public async Task ShowAsync(GridUrlState state, bool filtersChanged, bool interactive)
    {
        if (!interactive)
        {
            State = state;
            _handed = await _data.LoadAsync(_navigation.Uri, () => _load(state, CancellationToken.None));
            Total = _handed.Total;
            return;
        }
        if (Grid is null)
        {
            // First live render: the grid asks for this page after it renders; hand it the prerendered rows.
            State = state;
            if (_data.TryTake(_navigation.Uri, out var handed) && handed is not null)
            {
                (_handed, Total) = (handed, handed.Total);
            }
            return;
        }
        if (!filtersChanged && state == State)
        {
            return; // the grid itself put this state into the URL
        }
        _applyingUrl = true;
        try
        {
            var sortChanged = !string.Equals(state.Sort, State.Sort, StringComparison.OrdinalIgnoreCase) || state.Descending != State.Descending;
            State = state;
            if (sortChanged)
            {
                if (state.Sort is { } column)
                {
                    await Grid.SetSortAsync(column, state.Descending ? SortDirection.Descending : SortDirection.Ascending, static _ => 0);
                }
                else
                {
                    foreach (var sorted in Grid.SortDefinitions.Keys.ToList())
                    {
                        await Grid.RemoveSortAsync(sorted);
                    }
                }
            }
            await Grid.ReloadServerData();
        }
        finally
        {
            _applyingUrl = false;
        }
    }

    /// <summary>The grid's ServerData: one page, sorted and paged by the query service.</summary>
    public async Task<GridData<T>> ServerDataAsync(GridState<T> gridState, CancellationToken cancellationToken)
    {
        var asked = GridUrlState.FromGrid(gridState);
        var result = _handed is { } handed && asked == State ? handed : await _load(asked, cancellationToken);
        _handed = null;
        Total = result.Total;
        if (asked != State && !_applyingUrl)
        {
            State = asked;
            _navigation.NavigateTo(_href(asked));
        }
        _changed();
        return new GridData<T> { Items = result.Items, TotalItems = result.Total };
    }

    public void Dispose() => _data.Dispose();
}
