namespace IndustryTracker.Core.Queries;

/// <summary>The one validation of a page number and size, shared by every paged query.</summary>
public static class Paging
{
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
        else if (page >= 1 && pageSize is { } size && (long)(page - 1) * size > int.MaxValue - size)
        {
            // The rows before the page are counted in an int: a page past that could never hold anything.
            yield return $"page {page} is beyond the last possible page for pageSize {size} (page × pageSize must stay below {int.MaxValue}).";
        }
    }
}
