using IndustryTracker.Core.Data;
using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Queries;

/// <summary>
/// The rows of a page of events, read by their ids in four flat queries (the events, then their companies, models and
/// quotes by event id) and put together here. EF Core's split query reads the same four result sets, but its async
/// shaper creates a delegate for every collection of every row (<c>DynamicMethod.CreateDelegate</c>, 150 a page of 50:
/// 8 % of an /api/events request's CPU at 100k events) and keys each collection's rows to the parent's whole
/// order (start, end, id), joining the events again in every collection query.
/// </summary>
internal static class EventRows
{
    /// <summary>The rows of the live events with these ids, in date order (start, end, id); deleted ones are left out.</summary>
    public static async Task<List<EventRow>> ReadAsync(IndustryTrackerDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        // One array parameter (json_each in SQLite, = ANY in PostgreSQL) rather than EF Core 10's default of one
        // parameter per id: the SQL of these queries is then the same for every page, so EF Core builds it once
        // instead of on each request (it was a third of an /api/events request's CPU at 100k events).
        var wanted = ids.ToList();
        return await OneConnection.ReadAsync(db, () => ReadOpenAsync(db, wanted, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The same rows: those <paramref name="cache"/> kept from an earlier read are taken from it, only the others are
    /// read (and then kept), so a page shown again, or an event on several pages, is read once until the next write.
    /// The caller has observed the database's cache stamp for this request (<see cref="CachedReads.ObserveAsync"/>).
    /// </summary>
    public static async Task<List<EventRow>> ReadAsync(IndustryTrackerDbContext db, IReadOnlyCollection<int> ids, QueryCache? cache, CancellationToken cancellationToken)
    {
        if (cache is null)
        {
            return await ReadAsync(db, ids, cancellationToken);
        }
        var version = cache.Version;
        var rows = new List<EventRow>(ids.Count);
        var missing = new List<int>();
        foreach (var id in ids)
        {
            if (cache.TryGetRow<EventRow>(CacheKind, id, out var kept))
            {
                rows.Add(kept);
            }
            else
            {
                missing.Add(id);
            }
        }
        if (missing.Count == 0)
        {
            return [.. rows.OrderBy(r => r.DateStart).ThenBy(r => r.DateEnd).ThenBy(r => r.Id)];
        }
        foreach (var read in await ReadAsync(db, missing, cancellationToken))
        {
            cache.AddRow(CacheKind, read.Id, read, version);
            rows.Add(read);
        }
        return [.. rows.OrderBy(r => r.DateStart).ThenBy(r => r.DateEnd).ThenBy(r => r.Id)];
    }

    private const string CacheKind = "event";

    private static async Task<List<EventRow>> ReadOpenAsync(IndustryTrackerDbContext db, List<int> wanted, CancellationToken cancellationToken)
    {
        var events = await db.Events.AsNoTracking()
            .Where(e => EF.Parameter(wanted).Contains(e.Id))
            .OrderBy(e => e.Date.Start).ThenBy(e => e.Date.End).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.Title, e.Summary, e.Category, e.Origin, e.Date.Label, e.Date.Start, e.Date.End, e.Date.Precision, e.SourceUrl, e.IsPlanned,
            })
            .ToListAsync(cancellationToken);
        var companies = (await db.Set<EventCompany>().AsNoTracking()
            .Where(l => EF.Parameter(wanted).Contains(l.EventId))
            .Join(db.Companies.IgnoreAutoIncludes(), l => l.CompanyId, c => c.Id, (l, c) => new { l.EventId, c.Name })
            .OrderBy(x => x.Name)
            .ToListAsync(cancellationToken)).ToLookup(x => x.EventId, x => x.Name);
        var models = (await db.Set<EventModel>().AsNoTracking()
            .Where(l => EF.Parameter(wanted).Contains(l.EventId))
            .Join(db.AiModels, l => l.AiModelId, m => m.Id, (l, m) => new { l.EventId, m.Name })
            .OrderBy(x => x.Name)
            .ToListAsync(cancellationToken)).ToLookup(x => x.EventId, x => x.Name);
        var sources = (await db.Mentions.AsNoTracking()
            .Where(m => m.TimelineEventId != null && EF.Parameter(wanted).Contains(m.TimelineEventId.Value))
            .OrderBy(m => m.Article.FileName).ThenBy(m => m.Paragraph).ThenBy(m => m.Id)
            .Select(m => new { EventId = m.TimelineEventId!.Value, Row = new SourceRow { Article = m.Article.FileName, ArticleTitle = m.Article.Title, Paragraph = m.Paragraph, Quote = m.Quote } })
            .ToListAsync(cancellationToken)).ToLookup(x => x.EventId, x => x.Row);
        return [.. events.Select(e => new EventRow
        {
            Id = e.Id,
            Title = e.Title,
            Summary = e.Summary,
            Category = e.Category,
            Origin = e.Origin,
            DateLabel = e.Label,
            DateStart = e.Start,
            DateEnd = e.End,
            DatePrecision = e.Precision,
            SourceUrl = e.SourceUrl,
            IsPlanned = e.IsPlanned,
            Companies = [.. companies[e.Id]],
            Models = [.. models[e.Id]],
            Sources = [.. sources[e.Id]],
        })];
    }
}
