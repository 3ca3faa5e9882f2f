using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Queries;

/// <summary>Lists timeline events with their companies, models and sources, in date order.</summary>
public sealed class EventQueries(IDbContextFactory<IndustryTrackerDbContext> contextFactory)
{
    /// <summary>
    /// One page of the events matching <paramref name="query"/>, ordered by date start, then end, then id.
    /// Call <see cref="EventQuery.Validate"/> first; an invalid query throws <see cref="ArgumentException"/>.
    /// </summary>
    public async Task<PagedResult<EventDto>> ListAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(query));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var events = Filter(db.Events.AsNoTracking(), query);

        var total = await events.CountAsync(cancellationToken);
        var rows = await events
            .OrderBy(e => e.Date.Start).ThenBy(e => e.Date.End).ThenBy(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(Projections.Event(db))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return new PagedResult<EventDto>([.. rows.Select(r => r.ToDto())], total, query.Page, query.PageSize);
    }

    internal static IQueryable<TimelineEvent> Filter(IQueryable<TimelineEvent> events, EventQuery query)
    {
        var slugs = query.Companies
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(s => s.Trim().ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (slugs.Count > 0)
        {
            events = events.Where(e =>
                e.Companies.Any(c => slugs.Contains(c.Slug)) ||
                e.Models.Any(m => m.Developer != null && slugs.Contains(m.Developer.Slug)));
        }
        if (query.From is { } from)
        {
            events = events.Where(e => e.Date.End >= from);
        }
        if (query.To is { } to)
        {
            events = events.Where(e => e.Date.Start <= to);
        }
        if (query.Category is { } category)
        {
            events = events.Where(e => e.Category == category);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim().ToLower();
            events = events.Where(e => e.Title.ToLower().Contains(text) || (e.Summary != null && e.Summary.ToLower().Contains(text)));
        }
        return events;
    }
}
