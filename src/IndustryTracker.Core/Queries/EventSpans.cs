using IndustryTracker.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Queries;

/// <summary>
/// The earliest day an event overlapping a date window can start on. Events are kept in order of their first day
/// (the events' and the links' indexes start with it), but a window's lower bound is on their last day: "ends on or
/// after 1 February 2025" alone is a range from the first event ever, whose every entry is read and most dropped (75,000
/// for one month at 100k events: 9 ms). No event is longer than the longest one, so an event that overlaps the window
/// starts no earlier than the window's first day less that length: a second, redundant bound that makes the window a
/// short range of the same index. The longest length is read once and kept in the <see cref="QueryCache"/> until the
/// next write.
/// </summary>
internal static class EventSpans
{
    private const string CacheKey = "longest-event-span";

    /// <summary>
    /// The window [<paramref name="from"/>, <paramref name="to"/>] with the earliest first day of an event that ends on
    /// or after <paramref name="from"/>; no such bound when there is no lower end or no cache (without one, reading the
    /// longest length, over every event, would cost more than it saves). The caller has read the cache stamp for this
    /// request (<see cref="CachedReads.ObserveAsync"/>).
    /// </summary>
    public static async Task<DateWindow> WindowAsync(
        QueryCache? cache, IndustryTrackerDbContext db, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (from is not { } first || cache is null)
        {
            return new DateWindow(from, to, null);
        }
        var longest = await cache.GetOrAddAsync(CacheKey, ct => LongestAsync(db, ct), cancellationToken);
        var earliest = first.DayNumber - longest <= DateOnly.MinValue.DayNumber ? DateOnly.MinValue : first.AddDays(-longest);
        return new DateWindow(from, to, earliest);
    }

    /// <summary>The most days between an event's first and last day, over every event (deleted ones too); 0 when there are none.</summary>
    public static async Task<int> LongestAsync(IndustryTrackerDbContext db, CancellationToken cancellationToken) =>
        await db.Events.IgnoreQueryFilters().AsNoTracking()
            .MaxAsync(e => (int?)(e.Date.End.DayNumber - e.Date.Start.DayNumber), cancellationToken) ?? 0;
}

/// <summary>
/// Events overlapping [<see cref="From"/>, <see cref="To"/>] (either end open when null). <see cref="EarliestStart"/>,
/// when known, is the earliest first day such an event can have (see <see cref="EventSpans"/>): it selects nothing
/// more or less, it only narrows the index range read.
/// </summary>
internal readonly record struct DateWindow(DateOnly? From, DateOnly? To, DateOnly? EarliestStart)
{
    /// <summary>No window: every date.</summary>
    public static DateWindow None => default;
}
