using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Queries;

/// <summary>
/// The company reads that stay small whatever the database holds: a search for pickers, the landscape (counts and
/// the first companies of each category), a profile without its long lists, and a profile's relations one page at a
/// time. A profile's events are <see cref="EventQueries.ListAsync"/> with the company's slug; its investments are
/// <see cref="InvestmentQueries.ListAsync"/> with the company's slug.
/// </summary>
public sealed class CompanyPagedQueries(IDbContextFactory<IndustryTrackerDbContext> contextFactory, QueryCache? cache = null)
{
    public const int MaxSearchResults = 50;

    /// <summary>
    /// At most <paramref name="limit"/> companies whose name or alias contains <paramref name="text"/> (case-insensitive),
    /// names that start with it first, then by name: the choices of a company picker. Empty text lists the first by name.
    /// </summary>
    public async Task<IReadOnlyList<CompanyLink>> SearchAsync(string? text, int limit = 20, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > MaxSearchResults)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"limit must be between 1 and {MaxSearchResults}.");
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var companies = db.Companies.AsNoTracking().IgnoreAutoIncludes();
        var wanted = text?.Trim().ToLower() ?? string.Empty;
        if (wanted.Length > 0)
        {
            var key = CompanyNames.Key(wanted);
            companies = key.Length == 0
                ? companies.Where(c => c.Name.ToLower().Contains(wanted) || c.Aliases.Any(a => a.Name.ToLower().Contains(wanted)))
                : companies.Where(c => c.Name.ToLower().Contains(wanted) || c.NameKey.Contains(key) || c.Aliases.Any(a => a.Name.ToLower().Contains(wanted) || a.NameKey.Contains(key)));
        }
        return await companies
            .OrderBy(c => wanted.Length > 0 && c.Name.ToLower().StartsWith(wanted) ? 0 : 1)
            .ThenBy(c => c.Name).ThenBy(c => c.Id)
            .Take(limit)
            .Select(c => new CompanyLink(c.Name, c.Slug))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The companies with these slugs (unknown slugs left out), by name: the chips of a picker's selection.</summary>
    public async Task<IReadOnlyList<CompanyLink>> LinksAsync(IEnumerable<string> slugs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slugs);
        var wanted = slugs.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).Take(500).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Companies.AsNoTracking().IgnoreAutoIncludes()
            .Where(c => wanted.Contains(c.Slug))
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new CompanyLink(c.Name, c.Slug))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Every category with its number of companies and its first <paramref name="perCategory"/> companies by name,
    /// in category order: two queries (a GROUP BY and a ranked window), whatever the number of companies. Both read
    /// every company (3 ms at 2,000), so the result is kept until the next write (here or, by the stamp, anywhere).
    /// </summary>
    public async Task<IReadOnlyList<LandscapeCategory>> LandscapeAsync(int perCategory = 12, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perCategory);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await CachedReads.ReadAsync(
            cache, db, "landscape|" + perCategory.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ct => ReadLandscapeAsync(db, perCategory, ct), cancellationToken);
    }

    private static async Task<IReadOnlyList<LandscapeCategory>> ReadLandscapeAsync(IndustryTrackerDbContext db, int perCategory, CancellationToken cancellationToken)
    {
        var counts = await db.Companies.AsNoTracking().IgnoreAutoIncludes()
            .GroupBy(c => c.Category)
            .Select(g => new { Category = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var top = await db.Database.SqlQuery<LandscapeRow>($"""
            SELECT "Name", "Slug", "Category" FROM (
                SELECT "Name", "Slug", "Category", ROW_NUMBER() OVER (PARTITION BY "Category" ORDER BY "Name", "Id") AS "Rank"
                FROM "Companies") AS "Ranked"
            WHERE "Rank" <= {perCategory}
            """).ToListAsync(cancellationToken);
        var byCategory = top.ToLookup(r => r.Category, StringComparer.Ordinal);
        return [.. counts
            .OrderBy(c => c.Category)
            .Select(c => new LandscapeCategory(
                EnumNames.Of(c.Category),
                c.Count,
                [.. byCategory[c.Category.ToString()].OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new CompanyLink(r.Name, r.Slug))]))];
    }

    /// <summary>
    /// The profile of the company with this slug without its long lists (events, investments and relations are empty;
    /// their totals are in the summary): read those a page at a time. Null when there is no such company.
    /// </summary>
    public async Task<CompanyProfileSummary?> SummaryAsync(string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var wanted = slug.Trim().ToLowerInvariant();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var id = await db.Companies.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Slug == wanted).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is not { } companyId)
        {
            return null;
        }
        // Three counts over the company's events: kept until the next write (here or, by the stamp, anywhere).
        return await CachedReads.ReadAsync(
            cache, db, "company-summary|" + companyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ct => CountSummaryAsync(db, companyId, ct), cancellationToken);
    }

    private static async Task<CompanyProfileSummary> CountSummaryAsync(IndustryTrackerDbContext db, int companyId, CancellationToken cancellationToken)
    {
        var events = await EventIds(db, companyId).CountAsync(cancellationToken);
        var investments = await db.Investments.AsNoTracking()
            .Where(i => i.RecipientId == companyId || db.Set<Investments.InvestmentParticipant>().Where(p => p.CompanyId == companyId).Select(p => p.InvestmentId).Contains(i.Id))
            .CountAsync(cancellationToken);
        var relations = await Relations(db, companyId).CountAsync(cancellationToken);
        return new CompanyProfileSummary(events, investments, relations);
    }

    /// <summary>One page of the company's relations (another company sharing an event), by that company's name, then event date and id.</summary>
    public async Task<PagedResult<CompanyRelation>?> RelationsAsync(string slug, int page = 1, int pageSize = PagedQuery.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        if (Paging.Errors(page, pageSize, PagedQuery.MaxPageSize).ToList() is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }
        var wanted = slug.Trim().ToLowerInvariant();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var id = await db.Companies.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Slug == wanted).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is not { } companyId)
        {
            return null;
        }
        return await RelationsPageAsync(db, companyId, page, pageSize, cancellationToken);
    }

    /// <summary>One page of the relations of the company with this id.</summary>
    internal static async Task<PagedResult<CompanyRelation>> RelationsPageAsync(IndustryTrackerDbContext db, int companyId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await Relations(db, companyId).CountAsync(cancellationToken);
        var items = await RelationsFromAsync(db, companyId, (page - 1) * pageSize, pageSize, cancellationToken);
        return new PagedResult<CompanyRelation>(items, total, page, pageSize);
    }

    /// <summary>
    /// <paramref name="count"/> relations of the company with this id from the <paramref name="skip"/>th on, without
    /// their total (for a page that has it already, such as the profile with its cached summary).
    /// </summary>
    internal static async Task<List<CompanyRelation>> RelationsFromAsync(IndustryTrackerDbContext db, int companyId, int skip, int count, CancellationToken cancellationToken)
    {
        var rows = await Relations(db, companyId)
            .OrderBy(r => r.OtherName.ToLower()).ThenBy(r => r.Start).ThenBy(r => r.EventId).ThenBy(r => r.OtherSlug)
            .Skip(skip).Take(count)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r =>
        {
            var (kind, label) = CompanyQueries.RelationKind(r.Category);
            return new CompanyRelation(kind, label, new CompanyLink(r.OtherName, r.OtherSlug), r.EventId, r.Title, Projections.Date(r.Label, r.Start, r.End, r.Precision)!);
        })];
    }

    /// <summary>Ids of the live events that involve the company, directly or through a model it develops.</summary>
    internal static IQueryable<int> EventIds(IndustryTrackerDbContext db, int companyId)
    {
        var direct = EventQueries.EventCompanyLinks(db).Where(l => l.CompanyId == companyId).Select(l => l.EventId);
        var viaModels = db.AiModels.Where(m => m.DeveloperId == companyId)
            .Join(EventQueries.EventModelLinks(db), m => m.Id, l => l.AiModelId, (m, l) => l.EventId);
        var candidates = direct.Concat(viaModels);
        return db.Events.AsNoTracking().Where(e => candidates.Contains(e.Id)).Select(e => e.Id);
    }

    /// <summary>(event, other company) pairs of the company's events, each pair once, with what the page shows.</summary>
    private static IQueryable<RelationRow> Relations(IndustryTrackerDbContext db, int companyId)
    {
        var events = EventIds(db, companyId);
        var direct = EventQueries.EventCompanyLinks(db)
            .Where(l => events.Contains(l.EventId) && l.CompanyId != companyId)
            .Select(l => new { l.EventId, l.CompanyId });
        var viaModels = EventQueries.EventModelLinks(db)
            .Where(l => events.Contains(l.EventId))
            .Join(db.AiModels.Where(m => m.DeveloperId != null && m.DeveloperId != companyId), l => l.AiModelId, m => m.Id, (l, m) => new { l.EventId, CompanyId = m.DeveloperId!.Value });
        return direct.Union(viaModels)
            .Join(db.Events.AsNoTracking(), p => p.EventId, e => e.Id, (p, e) => new { p.CompanyId, Event = e })
            .Join(db.Companies.IgnoreAutoIncludes(), x => x.CompanyId, c => c.Id, (x, c) => new RelationRow
            {
                OtherName = c.Name,
                OtherSlug = c.Slug,
                EventId = x.Event.Id,
                Title = x.Event.Title,
                Category = x.Event.Category,
                Label = x.Event.Date.Label,
                Start = x.Event.Date.Start,
                End = x.Event.Date.End,
                Precision = x.Event.Date.Precision,
            });
    }

    private sealed class LandscapeRow
    {
        public required string Name { get; init; }
        public required string Slug { get; init; }
        public required string Category { get; init; }
    }

    private sealed class RelationRow
    {
        public required string OtherName { get; init; }
        public required string OtherSlug { get; init; }
        public int EventId { get; init; }
        public required string Title { get; init; }
        public Timeline.EventCategory Category { get; init; }
        public required string Label { get; init; }
        public DateOnly Start { get; init; }
        public DateOnly End { get; init; }
        public Dates.DatePrecision Precision { get; init; }
    }
}

/// <summary>A category of the landscape: its number of companies and the first of them by name.</summary>
public sealed record LandscapeCategory(string Category, int Count, IReadOnlyList<CompanyLink> Companies);

/// <summary>How long each of a profile's lists is (read them with the paged queries).</summary>
public sealed record CompanyProfileSummary(int Events, int Investments, int Relations);
