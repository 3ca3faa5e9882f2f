using System.Globalization;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Queries;

/// <summary>
/// Counts filtered events by category, company, month and year with three aggregate queries; no event row is read.
/// Months and years count the events whose date range overlaps them, as the from/to filter selects: a reader who
/// clicks "2025-02" gets exactly the number shown. A long range counts in each month it covers (up to 36) and each
/// year (up to 10); the database groups events by (start month, end month) and only those groups are expanded here.
/// </summary>
internal static class EventFacetCounter
{
    private const int MaxMonthsPerEvent = 36;
    private const int MaxYearsPerEvent = 10;

    public static async Task<EventFacets> CountAsync(IndustryTrackerDbContext db, IQueryable<TimelineEvent> events, CancellationToken cancellationToken)
    {
        var byCategory = await events
            .GroupBy(e => e.Category)
            .Select(g => new { Category = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var ranges = await events
            .GroupBy(e => new { StartYear = e.Date.Start.Year, StartMonth = e.Date.Start.Month, EndYear = e.Date.End.Year, EndMonth = e.Date.End.Month })
            .Select(g => new { g.Key.StartYear, g.Key.StartMonth, g.Key.EndYear, g.Key.EndMonth, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // (event, company) pairs, direct or through a model the company develops; UNION makes each pair count once.
        var ids = events.Select(e => e.Id);
        var direct = EventQueries.EventCompanyLinks(db)
            .Where(l => ids.Contains(l.EventId))
            .Select(l => new { l.EventId, l.CompanyId });
        var viaModels = EventQueries.EventModelLinks(db)
            .Where(l => ids.Contains(l.EventId))
            .Join(db.AiModels.Where(m => m.DeveloperId != null), l => l.AiModelId, m => m.Id, (l, m) => new { l.EventId, CompanyId = m.DeveloperId!.Value });
        var byCompany = await direct.Union(viaModels)
            .GroupBy(p => p.CompanyId)
            .Select(g => new { CompanyId = g.Key, Count = g.Count() })
            .Join(db.Companies.IgnoreAutoIncludes(), g => g.CompanyId, c => c.Id, (g, c) => new { c.Slug, c.Name, g.Count })
            .ToListAsync(cancellationToken);

        var categories = byCategory
            .OrderByDescending(c => c.Count).ThenBy(c => c.Category)
            .Select(c => new FacetCount(EnumNames.Of(c.Category), EnumNames.Display(c.Category), c.Count))
            .ToList();
        var companies = byCompany
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c => new FacetCount(c.Slug, c.Name, c.Count))
            .ToList();

        var months = new SortedDictionary<DateOnly, int>();
        var years = new SortedDictionary<int, int>();
        foreach (var range in ranges)
        {
            var first = new DateOnly(range.StartYear, range.StartMonth, 1);
            var last = new DateOnly(range.EndYear, range.EndMonth, 1);
            var month = first;
            for (var i = 0; i < MaxMonthsPerEvent && month <= last; i++, month = month.AddMonths(1))
            {
                months[month] = months.GetValueOrDefault(month) + range.Count;
            }
            var yearCount = Math.Min(range.EndYear - range.StartYear + 1, MaxYearsPerEvent);
            for (var year = range.StartYear; year < range.StartYear + yearCount; year++)
            {
                years[year] = years.GetValueOrDefault(year) + range.Count;
            }
        }

        return new EventFacets(
            byCategory.Sum(c => c.Count),
            categories,
            companies,
            [.. months.Select(m => new MonthFacet(
                m.Key.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                Projections.Iso(m.Key),
                Projections.Iso(m.Key.AddMonths(1).AddDays(-1)),
                m.Value))],
            [.. years.Select(y => new MonthFacet(
                y.Key.ToString(CultureInfo.InvariantCulture),
                Projections.Iso(new DateOnly(y.Key, 1, 1)),
                Projections.Iso(new DateOnly(y.Key, 12, 31)),
                y.Value))]);
    }
}
