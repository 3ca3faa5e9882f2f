using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Queries;

/// <summary>Lists timeline events with their companies, models and sources, in date order, and counts them by facet.</summary>
public sealed class EventQueries(IDbContextFactory<IndustryTrackerDbContext> contextFactory, QueryCache? facetCache)
{
    /// <summary>Queries without a facet cache: every call reads the database.</summary>
    public EventQueries(IDbContextFactory<IndustryTrackerDbContext> contextFactory)
        : this(contextFactory, null)
    {
    }

    /// <summary>
    /// One page of the events matching <paramref name="query"/>, ordered by date start, then end, then id.
    /// Call <see cref="EventQuery.Validate"/> first; an invalid query throws <see cref="ArgumentException"/>.
    /// Three round trips whatever the page holds: the count, the page's ids (from the company's links when one company
    /// and perhaps a date window are the only filters, see <see cref="CompanyEventPages"/>; for a text search, a
    /// category or a model, from the cached order of the matches, see <see cref="CachesOrder"/>), then its rows
    /// (<see cref="EventRows"/>).
    /// </summary>
    public async Task<PagedResult<EventDto>> ListAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(query);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await CachedReads.ObserveAsync(facetCache, db, cancellationToken);
        var window = await EventSpans.WindowAsync(facetCache, db, query.From, query.To, cancellationToken);
        var events = Filter(db, db.Events.AsNoTracking(), query, window);

        // The count walks every matching event (all of them, unfiltered): cached until the next write, by any instance.
        var total = await CachedReads.GetAsync(facetCache, "count|" + CacheKey(query), events.CountAsync, cancellationToken);
        var skip = (query.Page - 1) * query.PageSize;
        var ids = total <= skip
            ? []
            : OnlyCompany(query) is { } slug
                ? await CompanyEventPages.IdsAsync(db, slug, window, skip, query.PageSize, cancellationToken)
                : CachesOrder(query, total)
                    ? [.. (await facetCache!.GetOrAddAsync("order|" + CacheKey(query), ct => OrderedIdsAsync(events, ct), cancellationToken))
                        .Skip(skip).Take(query.PageSize)]
                    : await Ordered(events).Skip(skip).Take(query.PageSize).Select(e => e.Id).ToListAsync(cancellationToken);
        var rows = await EventRows.ReadAsync(db, ids, facetCache, cancellationToken);
        return new PagedResult<EventDto>([.. rows.Select(r => r.ToDto())], total, query.Page, query.PageSize);
    }

    /// <summary>The most matches of a list whose order is kept in the cache (4 bytes each).</summary>
    internal const int MaxCachedOrder = 5_000;

    /// <summary>
    /// Whether the page's ids come from the cached order of every match: for a text search, a category or a model
    /// filter (no index gives those matches in timeline order, so each page looked up and sorted all of them: 3 ms of
    /// SQLite work for 1,000 search matches, 7 ms for a busy company's events of one category in a year, whatever the
    /// page) with at most <see cref="MaxCachedOrder"/> matches. A facet followed by many readers, or paged through, is
    /// ordered once. The order is kept beside the count, which <see cref="ListAsync"/> has just read through the cache
    /// (and the cache stamp), until the next write.
    /// </summary>
    private bool CachesOrder(EventQuery query, int total) =>
        facetCache is not null && total <= MaxCachedOrder
        && (EventSearch.Words(query.Q).Count > 0 || query.Categories.Count > 0 || query.Models.Count > 0);

    private static async Task<int[]> OrderedIdsAsync(IQueryable<TimelineEvent> events, CancellationToken cancellationToken) =>
        [.. await Ordered(events).Select(e => e.Id).ToListAsync(cancellationToken)];

    /// <summary>Every event matching the filters of <paramref name="query"/> (its page and page size are ignored), in date order: for exports and feeds.</summary>
    public async Task<IReadOnlyList<EventDto>> AllAsync(EventQuery query, int? limit = null, bool newestFirst = false, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(query with { Page = 1, PageSize = EventQuery.DefaultPageSize });
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (query.From is not null || limit is not null)
        {
            await CachedReads.ObserveAsync(facetCache, db, cancellationToken); // for the window's bound and a short list's kept rows
        }
        var window = await EventSpans.WindowAsync(facetCache, db, query.From, query.To, cancellationToken);
        var events = Filter(db, db.Events.AsNoTracking(), query, window);
        var ordered = newestFirst
            ? events.OrderByDescending(e => e.Date.Start).ThenByDescending(e => e.Date.End).ThenByDescending(e => e.Id)
            : Ordered(events);
        if (limit is { } max)
        {
            // A short list (home page, feed): its ids first, so the split query's collection reads touch only them; rows
            // read since the last write come from the cache, as a page's do.
            var ids = await ordered.Take(max).Select(e => e.Id).ToListAsync(cancellationToken);
            var picked = await EventRows.ReadAsync(db, ids, facetCache, cancellationToken);
            var byId = picked.ToDictionary(r => r.Id);
            return [.. ids.Where(byId.ContainsKey).Select(id => byId[id].ToDto())]; // one deleted meanwhile is left out
        }
        var rows = await ordered.Select(Projections.Event(db)).AsSplitQuery().ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToDto())];
    }

    /// <summary>
    /// Counts of the events matching <paramref name="query"/> by category, by company (directly or through a model it
    /// develops) and by the month and year the event starts in. Each facet is counted with every filter applied, by
    /// aggregate queries (no event is read into memory); see <see cref="EventFacetCounter"/>.
    /// </summary>
    public async Task<EventFacets> FacetsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(query with { Page = 1, PageSize = EventQuery.DefaultPageSize });
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await CachedReads.ReadAsync(facetCache, db, CacheKey(query), ct => CountFacetsAsync(query, ct), cancellationToken);
    }

    private async Task<EventFacets> CountFacetsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var window = await EventSpans.WindowAsync(facetCache, db, query.From, query.To, cancellationToken);
        return await EventFacetCounter.CountAsync(db, Filter(db, db.Events.AsNoTracking(), query, window), cancellationToken);
    }

    /// <summary>The filters of <paramref name="query"/> in a canonical form (page ignored): equal filters, equal keys.</summary>
    internal static string CacheKey(EventQuery query) =>
        string.Join(
            "|",
            "facets",
            string.Join(",", Normalize(query.Companies).Order(StringComparer.Ordinal)),
            query.From?.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            query.To?.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            string.Join(",", query.Categories.Distinct().Order()),
            string.Join(",", Normalize(query.Models).Order(StringComparer.Ordinal)),
            string.Join(" ", EventSearch.Words(query.Q)));

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

    /// <summary>
    /// The events matching the filters of <paramref name="query"/>. Every filter is an indexed lookup: companies and
    /// models as <c>Id IN (SELECT "EventId" FROM "EventCompanies"/"EventModels" …)</c> over the join tables' indexes
    /// (never a correlated EXISTS per event), dates and categories on the live-event indexes, words on the full-text
    /// index. See docs/benchmarks.md. <paramref name="window"/> is the query's dates, with the earliest start an
    /// event in them can have when it is known (<see cref="EventSpans"/>).
    /// </summary>
    internal static IQueryable<TimelineEvent> Filter(IndustryTrackerDbContext db, IQueryable<TimelineEvent> events, EventQuery query, DateWindow window)
    {
        var slugs = Normalize(query.Companies);
        if (slugs.Count > 0)
        {
            var companyIds = CompanyIds(db, slugs);
            var direct = InWindow(EventCompanyLinks(db), window).Where(l => companyIds.Contains(l.CompanyId)).Select(l => l.EventId);
            // A join from the (few) models the companies develop, so the links are read by model through their index.
            var viaModels = db.AiModels
                .Where(m => m.DeveloperId != null && companyIds.Contains(m.DeveloperId.Value))
                .Join(InWindow(EventModelLinks(db), window), m => m.Id, l => l.AiModelId, (m, l) => l.EventId);
            var matching = direct.Concat(viaModels);
            events = events.Where(e => matching.Contains(e.Id));
        }
        if (query.ConfirmedOnly)
        {
            events = events.Where(e => e.ConfirmedAt != null);
        }
        if (window.From is { } from)
        {
            events = events.Where(e => e.Date.End >= from);
        }
        if (window.EarliestStart is { } earliest)
        {
            events = events.Where(e => e.Date.Start >= earliest);
        }
        if (window.To is { } to)
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
            var matching = db.AiModels
                .Where(m => models.Contains(m.Slug))
                .Join(InWindow(EventModelLinks(db), window), m => m.Id, l => l.AiModelId, (m, l) => l.EventId);
            events = events.Where(e => matching.Contains(e.Id));
        }
        if (EventSearch.MatchingEventIds(db, query.Q) is { } matchingText)
        {
            events = events.Where(e => matchingText.Contains(e.Id));
        }
        return events;
    }

    /// <summary>
    /// The links whose event overlaps the date window, by the copy of the event's dates each link carries (migration
    /// EventLinkDates): a range of the link table's (owner, start, end, event) index, from the window's earliest start
    /// when it is known, so a busy company's events outside the window are never looked up. The events themselves are
    /// filtered by date too.
    /// </summary>
    internal static IQueryable<TLink> InWindow<TLink>(IQueryable<TLink> links, DateWindow window)
        where TLink : class, IEventLink
    {
        if (window.From is { } from)
        {
            links = links.Where(l => l.EventEnd >= from);
        }
        if (window.EarliestStart is { } earliest)
        {
            links = links.Where(l => l.EventStart >= earliest);
        }
        if (window.To is { } to)
        {
            links = links.Where(l => l.EventStart <= to);
        }
        return links;
    }

    private static IQueryable<int> CompanyIds(IndustryTrackerDbContext db, List<string> slugs) =>
        db.Companies.IgnoreAutoIncludes().Where(c => slugs.Contains(c.Slug)).Select(c => c.Id);

    /// <summary>The one company a query filters by when nothing else but a date window narrows it; otherwise null.</summary>
    private static string? OnlyCompany(EventQuery query) =>
        Normalize(query.Companies) is [var slug] && query.Categories.Count == 0 && Normalize(query.Models).Count == 0
            && EventSearch.Words(query.Q).Count == 0 && !query.ConfirmedOnly
            ? slug
            : null;

    /// <summary>The rows of the "EventCompanies" join table.</summary>
    internal static IQueryable<EventCompany> EventCompanyLinks(IndustryTrackerDbContext db) => db.Set<EventCompany>();

    /// <summary>The rows of the "EventModels" join table.</summary>
    internal static IQueryable<EventModel> EventModelLinks(IndustryTrackerDbContext db) => db.Set<EventModel>();

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
