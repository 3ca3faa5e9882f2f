using IndustryTracker.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Queries;

/// <summary>
/// A page of one company's events in timeline order (date start, end, id), read from its links. The company's own
/// links and those of the models it develops each carry their event's dates (migration EventLinkDates), so each is
/// walked in that order on its covering (owner, start, end, event) index and stops after the page; the two short lists
/// are merged here. Filtering and sorting the events themselves looked up every event of the company first (about
/// 6,000 for the busiest at 100k events: 28 ms a page, whatever the page size).
/// </summary>
internal static class CompanyEventPages
{
    /// <summary>
    /// The ids of the <paramref name="take"/> live events after the first <paramref name="skip"/> that involve the
    /// company (directly or through a model it develops) and overlap <paramref name="window"/>.
    /// One command: each list is limited to skip + take rows, enough for the merged page as an event's rank in its own
    /// list is never above its rank in both. <paramref name="companyId"/> is a query of at most one id, compared with
    /// <c>=</c> (an <c>IN</c> would not let the index give the order).
    /// </summary>
    public static async Task<List<int>> IdsAsync(
        IndustryTrackerDbContext db, IQueryable<int> companyId, DateWindow window, int skip, int take, CancellationToken cancellationToken)
    {
        var enough = skip + take;
        // Deleted events are left out by their own small index, not by looking up each linked event (a busy company's
        // models alone link about 1,200 events, all of which would be read before their sort).
        var deleted = db.Events.IgnoreQueryFilters().Where(e => e.DeletedAt != null).Select(e => e.Id);
        var direct = EventQueries.InWindow(EventQueries.EventCompanyLinks(db), window)
            .Where(l => l.CompanyId == companyId.FirstOrDefault() && !deleted.Contains(l.EventId))
            .OrderBy(l => l.EventStart).ThenBy(l => l.EventEnd).ThenBy(l => l.EventId)
            .Select(l => new { l.EventId, l.EventStart, l.EventEnd })
            .Take(enough);
        var viaModels = db.AiModels
            .Where(m => m.DeveloperId == companyId.FirstOrDefault())
            .Join(EventQueries.InWindow(EventQueries.EventModelLinks(db), window), m => m.Id, l => l.AiModelId, (m, l) => l)
            .Where(l => !deleted.Contains(l.EventId))
            .OrderBy(l => l.EventStart).ThenBy(l => l.EventEnd).ThenBy(l => l.EventId)
            .Select(l => new { l.EventId, l.EventStart, l.EventEnd })
            .Take(enough);
        var rows = await direct.Concat(viaModels).ToListAsync(cancellationToken);
        return [.. rows
            .DistinctBy(r => r.EventId)
            .OrderBy(r => r.EventStart).ThenBy(r => r.EventEnd).ThenBy(r => r.EventId)
            .Skip(skip).Take(take)
            .Select(r => r.EventId)];
    }
}
