using IndustryTracker.Core.Timeline;

namespace IndustryTracker.Core.Queries;

/// <summary>
/// Which timeline events to list: those involving any of <see cref="Companies"/> (by slug, directly or through a model
/// the company develops) whose date range overlaps [<see cref="From"/>, <see cref="To"/>], one page at a time.
/// </summary>
public sealed record EventQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Company slugs; empty means every company. Unknown slugs match nothing.</summary>
    public IReadOnlyList<string> Companies { get; init; } = [];

    /// <summary>First day of the window, inclusive; events ending on or after it match.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day of the window, inclusive; events starting on or before it match.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Reserved for a later issue: only events of this category.</summary>
    public EventCategory? Category { get; init; }

    /// <summary>Reserved for a later issue: free-text search.</summary>
    public string? Q { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>What is wrong with this query, or an empty list when it can be run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Page < 1)
        {
            errors.Add($"page must be 1 or more, not {Page}.");
        }
        if (PageSize is < 1 or > MaxPageSize)
        {
            errors.Add($"pageSize must be between 1 and {MaxPageSize}, not {PageSize}.");
        }
        if (From is { } from && To is { } to && from > to)
        {
            errors.Add($"from ({from:yyyy-MM-dd}) must not be after to ({to:yyyy-MM-dd}).");
        }
        return errors;
    }
}
