using System.Linq.Expressions;

namespace IndustryTracker.Core.Queries;

/// <summary>The columns the models list sorts by (server-side; the name breaks ties).</summary>
public enum ModelSort
{
    Name,
    Developer,
    Kind,
    Status,
    Accessibility,
    Released,
}

/// <summary>The columns the investments list sorts by (server-side; the id breaks ties).</summary>
public enum InvestmentSort
{
    Date,
    Kind,
    Recipient,
    AmountUsd,
}

/// <summary>The columns the sources list sorts by (server-side; the file name breaks ties).</summary>
public enum SourceSort
{
    File,
    Title,
    Publisher,
    Published,
}

/// <summary>The columns the deleted events list sorts by.</summary>
public enum DeletedEventSort
{
    Deleted,
    Date,
    Title,
}

/// <summary>A page of deleted events: by default the most recently deleted first.</summary>
public sealed record DeletedEventQuery : PagedQuery
{
    public DeletedEventSort Sort { get; init; } = DeletedEventSort.Deleted;
    public bool Descending { get; init; } = true;
}

/// <summary>
/// One way for every list query to order by a column the reader chose: ascending or descending, and for a column that
/// may be empty, the empty ones last either way (SQLite and PostgreSQL put NULLs at opposite ends by default).
/// </summary>
internal static class ListSorting
{
    public static IOrderedQueryable<T> SortBy<T, TKey>(this IQueryable<T> source, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? source.OrderByDescending(key) : source.OrderBy(key);

    public static IOrderedQueryable<T> SortByNullsLast<T, TKey>(this IQueryable<T> source, Expression<Func<T, TKey>> key, bool descending)
    {
        // "key == null" as its own ordering term (false before true), then the value itself.
        var isNull = Expression.Lambda<Func<T, bool>>(Expression.Equal(key.Body, Expression.Constant(null, key.Body.Type)), key.Parameters);
        var ordered = source.OrderBy(isNull);
        return descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
    }
}
