using System.Globalization;
using MudBlazor;

namespace IndustryTracker.Web.Components.Shared;

/// <summary>
/// A list grid's sort and page as the URL carries them (sort=column&amp;dir=desc&amp;page=N&amp;pageSize=N), and as
/// MudDataGrid reports them in a <see cref="GridState{T}"/>: the one translation between the two.
/// </summary>
public sealed record GridUrlState(string? Sort, bool Descending, int Page, int PageSize)
{
    public static readonly int[] PageSizes = [25, 50, 100];

    public const int DefaultPageSize = 50;

    /// <summary>From the query string; an unknown sort column, a page below 1 or a page size not offered falls back to the default, a page past the last possible one to that page.</summary>
    public static GridUrlState FromQuery(string? sort, string? dir, int? page, int? pageSize, IReadOnlyCollection<string> sortable)
    {
        var column = sortable.FirstOrDefault(c => string.Equals(c, sort, StringComparison.OrdinalIgnoreCase));
        var rows = pageSize is { } size && PageSizes.Contains(size) ? size : DefaultPageSize;
        return new GridUrlState(
            column,
            column is not null && string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase),
            Core.Queries.Paging.Clamp(page, rows),
            rows);
    }

    /// <summary>What the grid asks for: its first sort column (it sorts by one), its 0-based page and its page size.</summary>
    public static GridUrlState FromGrid<T>(GridState<T> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sort = state.SortDefinitions.FirstOrDefault();
        return new GridUrlState(sort?.SortBy, sort?.Descending ?? false, state.Page + 1, state.PageSize);
    }

    /// <summary>The (name, value) pairs for <see cref="UrlQuery.Build"/>; defaults are left out so plain addresses stay plain.</summary>
    public IEnumerable<(string Name, string? Value)> Pairs() =>
    [
        ("sort", Sort?.ToLowerInvariant()),
        ("dir", Sort is not null && Descending ? "desc" : null),
        ("page", Page > 1 ? Page.ToString(CultureInfo.InvariantCulture) : null),
        ("pageSize", PageSize != DefaultPageSize ? PageSize.ToString(CultureInfo.InvariantCulture) : null),
    ];

    /// <summary>The initial direction of a column: the URL's sort for the sorted column, none for the others.</summary>
    public SortDirection DirectionOf(string column) =>
        string.Equals(Sort, column, StringComparison.OrdinalIgnoreCase)
            ? (Descending ? SortDirection.Descending : SortDirection.Ascending)
            : SortDirection.None;

    /// <summary>The same rows: sort and page size equal (the page may differ).</summary>
    public bool SameOrder(GridUrlState other) =>
        string.Equals(Sort, other?.Sort, StringComparison.OrdinalIgnoreCase) && Descending == other!.Descending && PageSize == other.PageSize;
}
