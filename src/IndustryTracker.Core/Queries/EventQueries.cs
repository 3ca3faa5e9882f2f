using System.Globalization;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Queries;

/// <summary>Lists timeline events with their companies, models and sources, in date order, and counts them by facet.</summary>
public sealed class EventQueries(IDbContextFactory<IndustryTrackerDbContext> contextFactory)
{
    /// <summary>
    /// One page of the events matching <paramref name="query"/>, ordered by date start, then end, then id.
    /// Call <see cref="EventQuery.Validate"/> first; an invalid query throws <see cref="ArgumentException"/>.
    /// </summary>
    public async Task<PagedResult<EventDto>> ListAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(query);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var events = Filter(db, db.Events.AsNoTracking(), query);

        var total = await events.CountAsync(cancellationToken);
        var rows = await Ordered(events)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(Projections.Event(db))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return new PagedResult<EventDto>([.. rows.Select(r => r.ToDto())], total, query.Page, query.PageSize);
    }

    /// <summary>Every event matching the filters of <paramref name="query"/> (its page and page size are ignored), in date order: for exports and feeds.</summary>
    public async Task<IReadOnlyList<EventDto>> AllAsync(EventQuery query, int? limit = null, bool newestFirst = false, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(query with { Page = 1, PageSize = EventQuery.DefaultPageSize });
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var events = Filter(db, db.Events.AsNoTracking(), query);
        var ordered = newestFirst
            ? events.OrderByDescending(e => e.Date.Start).ThenByDescending(e => e.Date.End).ThenByDescending(e => e.Id)
            : Ordered(events);
        var limited = limit is { } max ? ordered.Take(max) : ordered;
        var rows = await limited.Select(Projections.Event(db)).AsSplitQuery().ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToDto())];
    }

    /// <summary>
    /// Counts of the events matching <paramref name="query"/> by category, by company (directly or through a model it
    /// develops) and by the month and year the event starts in. Each facet is counted with every filter applied.
    /// </summary>
    public async Task<EventFacets> FacetsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(query with { Page = 1, PageSize = EventQuery.DefaultPageSize });
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Filter(db, db.Events.AsNoTracking(), query)
            .Select(e => new
            {
                e.Id,
                e.Category,
                e.Date.Start,
                e.Date.End,
                Companies = e.Companies.Select(c => new { c.Name, c.Slug }).ToList(),
                Developers = e.Models.Where(m => m.Developer != null).Select(m => new { m.Developer!.Name, m.Developer.Slug }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var categories = rows
            .GroupBy(r => r.Category)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => new FacetCount(EnumNames.Of(g.Key), EnumNames.Display(g.Key), g.Count()))
            .ToList();
        var companies = rows
            .SelectMany(r => r.Companies.Concat(r.Developers).DistinctBy(c => c.Slug).Select(c => (c.Slug, c.Name)))
            .GroupBy(c => c)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new FacetCount(g.Key.Slug, g.Key.Name, g.Count()))
            .ToList();
        // Months and years count the events whose date range overlaps them, as the from/to filter selects: a reader
        // who clicks "2025-02" gets exactly the number shown. A long range counts in each month it covers (up to 36).
        var months = rows
            .SelectMany(r => MonthsCovered(r.Start, r.End))
            .GroupBy(m => m)
            .OrderBy(g => g.Key)
            .Select(g => new MonthFacet(
                g.Key.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                Projections.Iso(g.Key),
                Projections.Iso(g.Key.AddMonths(1).AddDays(-1)),
                g.Count()))
            .ToList();
        var years = rows
            .SelectMany(r => Enumerable.Range(r.Start.Year, Math.Min(r.End.Year - r.Start.Year + 1, 10)))
            .GroupBy(y => y)
            .OrderBy(g => g.Key)
            .Select(g => new MonthFacet(
                g.Key.ToString(CultureInfo.InvariantCulture),
                Projections.Iso(new DateOnly(g.Key, 1, 1)),
                Projections.Iso(new DateOnly(g.Key, 12, 31)),
                g.Count()))
            .ToList();
        return new EventFacets(rows.Count, categories, companies, months, years);
    }

    /// <summary>When each of these events was last changed (created, imported or edited).</summary>
    public async Task<IReadOnlyDictionary<int, DateTimeOffset>> UpdatedAtAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var wanted = ids.Distinct().ToList();
        return await db.Events.AsNoTracking()
            .Where(e => wanted.Contains(e.Id))
            .Select(e => new { e.Id, e.UpdatedAt })
            .ToDictionaryAsync(e => e.Id, e => e.UpdatedAt, cancellationToken);
    }

    private static IEnumerable<DateOnly> MonthsCovered(DateOnly start, DateOnly end)
    {
        var month = new DateOnly(start.Year, start.Month, 1);
        for (var i = 0; i < 36 && month <= end; i++, month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    private static void ThrowIfInvalid(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(query));
        }
    }

    private static IOrderedQueryable<TimelineEvent> Ordered(IQueryable<TimelineEvent> events) =>
        events.OrderBy(e => e.Date.Start).ThenBy(e => e.Date.End).ThenBy(e => e.Id);

    internal static IQueryable<TimelineEvent> Filter(IndustryTrackerDbContext db, IQueryable<TimelineEvent> events, EventQuery query)
    {
        var slugs = Normalize(query.Companies);
        if (slugs.Count > 0)
        {
            events = events.Where(e =>
                e.Companies.Any(c => slugs.Contains(c.Slug)) ||
                e.Models.Any(m => m.Developer != null && slugs.Contains(m.Developer.Slug)));
        }
        if (query.ConfirmedOnly)
        {
            events = events.Where(e => e.ConfirmedAt != null);
        }
        if (query.From is { } from)
        {
            events = events.Where(e => e.Date.End >= from);
        }
        if (query.To is { } to)
        {
            events = events.Where(e => e.Date.Start <= to);
        }
        if (query.Categories.Count > 0)
        {
            var categories = query.Categories.Distinct().ToList();
            events = events.Where(e => categories.Contains(e.Category));
        }
        var models = Normalize(query.Models);
        if (models.Count > 0)
        {
            events = events.Where(e => e.Models.Any(m => models.Contains(m.Slug)));
        }
        if (EventSearch.MatchingEventIds(db, query.Q) is { } matching)
        {
            events = events.Where(e => matching.Contains(e.Id));
        }
        return events;
    }

    private static List<string> Normalize(IReadOnlyList<string> slugs) =>
        [.. slugs.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
}

/// <summary>A facet value: its URL value (slug or kebab-case name), its label and how many events have it.</summary>
public sealed record FacetCount(string Value, string Label, int Count);

/// <summary>A month ("2025-02") or year ("2025") with the from/to range that selects it and its event count.</summary>
public sealed record MonthFacet(string Label, string From, string To, int Count);

/// <summary>Counts of the matching events by category, company, month and year.</summary>
public sealed record EventFacets(
    int Total,
    IReadOnlyList<FacetCount> Categories,
    IReadOnlyList<FacetCount> Companies,
    IReadOnlyList<MonthFacet> Months,
    IReadOnlyList<MonthFacet> Years);
