using System.Runtime.CompilerServices;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

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
    /// company <paramref name="slug"/> (directly or through a model it develops) and overlap <paramref name="window"/>.
    /// One command: each list is limited to skip + take rows, enough for the merged page as an event's rank in its own
    /// list is never above its rank in both.
    /// </summary>
    public static async Task<List<int>> IdsAsync(
        IndustryTrackerDbContext db, string slug, DateWindow window, int skip, int take, CancellationToken cancellationToken)
    {
        var rows = new List<LinkRow>();
        var links = CompiledLinks.GetValue(db.Model, _ => CompileLinks());
        await foreach (var row in links(db, slug, window.From, window.EarliestStart, window.To, skip + take).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }
        return [.. rows
            .DistinctBy(r => r.EventId)
            .OrderBy(r => r.EventStart).ThenBy(r => r.EventEnd).ThenBy(r => r.EventId)
            .Skip(skip).Take(take)
            .Select(r => r.EventId)];
    }

    /// <summary>
    /// The first <c>enough</c> links of the company and of its models in the window, in timeline order. Compiled once:
    /// built, parameterised and looked up in EF Core's query cache on every request, this query's expression cost more
    /// than its SQL. A window end that is null drops its condition (EF Core writes the SQL for the nulls given).
    /// The company is compared with <c>=</c> (an <c>IN</c> would not let the index give the order); deleted events
    /// are left out by their own small index, not by looking up each linked event (a busy company's models alone link
    /// about 1,200 events, all of which would be read before their sort). A compiled query serves one model: one is
    /// kept per model (a process normally has one; the tests have one per provider and configuration).
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<IndustryTrackerDbContext, string, DateOnly?, DateOnly?, DateOnly?, int, IAsyncEnumerable<LinkRow>>> CompiledLinks = [];

    private static Func<IndustryTrackerDbContext, string, DateOnly?, DateOnly?, DateOnly?, int, IAsyncEnumerable<LinkRow>> CompileLinks() =>
        EF.CompileAsyncQuery((IndustryTrackerDbContext db, string slug, DateOnly? from, DateOnly? earliest, DateOnly? to, int enough) =>
            db.Set<EventCompany>()
                .Where(l => l.CompanyId == db.Companies.IgnoreAutoIncludes().Where(c => c.Slug == slug).Select(c => c.Id).FirstOrDefault()
                    && (from == null || l.EventEnd >= from) && (earliest == null || l.EventStart >= earliest) && (to == null || l.EventStart <= to)
                    && !db.Events.IgnoreQueryFilters().Where(e => e.DeletedAt != null).Select(e => e.Id).Contains(l.EventId))
                .OrderBy(l => l.EventStart).ThenBy(l => l.EventEnd).ThenBy(l => l.EventId)
                .Select(l => new LinkRow { EventId = l.EventId, EventStart = l.EventStart, EventEnd = l.EventEnd })
                .Take(enough)
                .Concat(db.AiModels
                    .Where(m => m.DeveloperId == db.Companies.IgnoreAutoIncludes().Where(c => c.Slug == slug).Select(c => c.Id).FirstOrDefault())
                    .Join(
                        db.Set<EventModel>().Where(l => (from == null || l.EventEnd >= from) && (earliest == null || l.EventStart >= earliest) && (to == null || l.EventStart <= to)),
                        m => m.Id, l => l.AiModelId, (m, l) => l)
                    .Where(l => !db.Events.IgnoreQueryFilters().Where(e => e.DeletedAt != null).Select(e => e.Id).Contains(l.EventId))
                    .OrderBy(l => l.EventStart).ThenBy(l => l.EventEnd).ThenBy(l => l.EventId)
                    .Select(l => new LinkRow { EventId = l.EventId, EventStart = l.EventStart, EventEnd = l.EventEnd })
                    .Take(enough)));

    private sealed class LinkRow
    {
        public int EventId { get; init; }
        public DateOnly? EventStart { get; init; }
        public DateOnly? EventEnd { get; init; }
    }
}
