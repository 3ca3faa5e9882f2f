namespace IndustryTracker.Core.Queries;

/// <summary>The one validation of a page number and size, shared by every paged query.</summary>
public static class Paging
{
    /// <summary>
    /// A page number from an address made valid for <paramref name="pageSize"/>: missing or below 1 is page 1, past the
    /// last possible page (see <see cref="Errors"/>) is that page. For pages, which show what they can instead of an error.
    /// </summary>
    public static int Clamp(int? page, int pageSize) => Math.Clamp(page ?? 1, 1, int.MaxValue / Math.Max(1, pageSize));

    /// <summary>What is wrong with this page number and size (none when they can be run).</summary>
    public static IEnumerable<string> Errors(int page, int? pageSize, int maxPageSize)
    {
        if (page < 1)
        {
            yield return $"page must be 1 or more, not {page}.";
        }
        if (pageSize is < 1 || pageSize > maxPageSize)
        {
            yield return $"pageSize must be between 1 and {maxPageSize}, not {pageSize}.";
        }
        else if (page >= 1 && pageSize is { } size && page > int.MaxValue / size)
        {
            // The rows before the page are counted in an int: a page past that could never hold anything.
            yield return $"page {page} is beyond the last possible page for pageSize {size} (page × pageSize must stay below {int.MaxValue}).";
        }
    }
}
