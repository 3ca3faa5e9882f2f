using IndustryTracker.Core.Timeline;

namespace IndustryTracker.Core.Queries;

/// <summary>
/// Which timeline events to list: those involving any of <see cref="Companies"/> (by slug, directly or through a model
/// the company develops) whose date range overlaps [<see cref="From"/>, <see cref="To"/>], of any of
/// <see cref="Categories"/>, involving any of <see cref="Models"/> and matching the words of <see cref="Q"/>, one page
/// at a time.
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

    /// <summary>Event categories; empty means every category.</summary>
    public IReadOnlyList<EventCategory> Categories { get; init; } = [];

    /// <summary>Model slugs; empty means any model (or none). Unknown slugs match nothing.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>
    /// Full-text search over titles, summaries and the quotes behind each event: every word must occur, as a word or
    /// the start of one ("yuan" finds "Yuanbao"). See <see cref="EventSearch"/>.
    /// </summary>
    public string? Q { get; init; }

    /// <summary>Only events an editor confirmed (or wrote): <c>confirmed=true</c>.</summary>
    public bool ConfirmedOnly { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>What is wrong with this query, or an empty list when it can be run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(Paging.Errors(Page, PageSize, MaxPageSize));
        if (From is { } from && To is { } to && from > to)
        {
            errors.Add($"from ({from:yyyy-MM-dd}) must not be after to ({to:yyyy-MM-dd}).");
        }
        return errors;
    }
}
