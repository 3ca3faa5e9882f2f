using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Queries;

/// <summary>Lists AI models and reads one model with its sources and events.</summary>
public sealed class ModelQueries(IDbContextFactory<IndustryTrackerDbContext> contextFactory)
{
    public async Task<PagedResult<ModelDto>> ListAsync(ModelQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.ThrowIfInvalid();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var models = db.AiModels.AsNoTracking();
        var developers = query.Developers.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim().ToLowerInvariant()).Distinct().ToList();
        if (developers.Count > 0)
        {
            models = models.Where(m => m.Developer != null && developers.Contains(m.Developer.Slug));
        }
        if (query.Kinds.Count > 0)
        {
            var kinds = query.Kinds.Distinct().ToList();
            models = models.Where(m => kinds.Contains(m.Kind));
        }
        if (query.Statuses.Count > 0)
        {
            var statuses = query.Statuses.Distinct().ToList();
            models = models.Where(m => statuses.Contains(m.Status));
        }
        var total = await models.CountAsync(cancellationToken);
        var ordered = (query.Sort switch
        {
            ModelSort.Developer => models.SortByNullsLast(m => m.Developer == null ? null : m.Developer.Name, query.Descending),
            ModelSort.Kind => models.SortBy(m => m.Kind, query.Descending),
            ModelSort.Status => models.SortBy(m => m.Status, query.Descending),
            ModelSort.Accessibility => models.SortBy(m => m.Accessibility, query.Descending),
            ModelSort.Released => models.SortByNullsLast(m => m.ReleaseDate == null ? (DateOnly?)null : m.ReleaseDate.Start, query.Descending),
            _ => models.SortBy(m => m.Name, query.Descending),
        }).ThenBy(m => m.Name).ThenBy(m => m.Id);
        var rows = await ordered
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(Projections.Model(db))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new PagedResult<ModelDto>([.. rows.Select(r => r.ToDto())], total, query.Page, query.PageSize);
    }

    /// <summary>Every model developer with at least one model, by name: the choices of a developer filter.</summary>
    public async Task<IReadOnlyList<CompanyLink>> DevelopersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Companies.AsNoTracking().IgnoreAutoIncludes()
            .Where(c => db.AiModels.Any(m => m.DeveloperId == c.Id))
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new CompanyLink(c.Name, c.Slug))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every model as a name and slug, by name: the choices of a model filter.</summary>
    public async Task<IReadOnlyList<CompanyLink>> NamesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.AiModels.AsNoTracking()
            .OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new CompanyLink(m.Name, m.Slug))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The model with this slug and every event it appears in (the API), or null.</summary>
    public Task<ModelDetail?> DetailAsync(string slug, CancellationToken cancellationToken = default) =>
        LoadDetailAsync(slug, null, cancellationToken);

    /// <summary>
    /// The model with this slug and at most <paramref name="eventLimit"/> of its events (the first by date): what a page
    /// renders at once; <see cref="ModelDetail.EventCount"/> counts them all and the timeline pages through them.
    /// </summary>
    public Task<ModelDetail?> DetailAsync(string slug, int eventLimit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eventLimit);
        return LoadDetailAsync(slug, eventLimit, cancellationToken);
    }

    private async Task<ModelDetail?> LoadDetailAsync(string slug, int? eventLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var wanted = slug.Trim().ToLowerInvariant();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var model = await db.AiModels.AsNoTracking()
            .Where(m => m.Slug == wanted)
            .Select(m => new
            {
                m.Id,
                Developer = m.Developer == null ? null : new CompanyLink(m.Developer.Name, m.Developer.Slug),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (model is null)
        {
            return null;
        }
        var row = await db.AiModels.AsNoTracking().Where(m => m.Id == model.Id).Select(Projections.Model(db)).AsSplitQuery().SingleAsync(cancellationToken);
        // The model's events through the join table's model index, not a correlated EXISTS per event.
        var eventIds = EventQueries.EventModelLinks(db).Where(l => l.AiModelId == model.Id).Select(l => l.EventId);
        var ordered = db.Events.AsNoTracking()
            .Where(e => eventIds.Contains(e.Id))
            .OrderBy(e => e.Date.Start).ThenBy(e => e.Date.End).ThenBy(e => e.Id);
        List<EventRow> events;
        int eventCount;
        if (eventLimit is { } limit)
        {
            eventCount = await ordered.CountAsync(cancellationToken);
            events = await EventRows.ReadAsync(db, await ordered.Take(limit).Select(e => e.Id).ToListAsync(cancellationToken), cancellationToken);
        }
        else
        {
            events = await ordered.Select(Projections.Event(db)).AsSplitQuery().ToListAsync(cancellationToken);
            eventCount = events.Count;
        }
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in row.Sources.Concat(events.SelectMany(e => e.Sources)))
        {
            titles.TryAdd(source.Article, source.ArticleTitle);
        }
        return new ModelDetail(row.ToDto(), model.Developer, [.. row.Sources.Select(s => s.ToQuote())], [.. events.Select(e => e.ToDto())], titles, eventCount);
    }
}
