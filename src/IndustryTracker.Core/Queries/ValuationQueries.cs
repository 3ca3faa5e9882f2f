using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Valuations;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Queries;

/// <summary>A company's valuations: the latest (by date) and the history, oldest first.</summary>
public sealed record ValuationHistory(ValuationDto? Latest, IReadOnlyList<ValuationDto> History);

/// <summary>Lists valuations in date order with their sources; shared by the API, the JSON export and the company profile.</summary>
public sealed class ValuationQueries(IDbContextFactory<IndustryTrackerDbContext> contextFactory)
{
    public async Task<PagedResult<ValuationDto>> ListAsync(ValuationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.ThrowIfInvalid();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var valuations = Filter(db.Valuations.AsNoTracking(), query);
        var total = await valuations.CountAsync(cancellationToken);
        var page = await Ordered(valuations).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Include(v => v.Company).ToListAsync(cancellationToken);
        return new PagedResult<ValuationDto>(await WithSourcesAsync(db, page, cancellationToken), total, query.Page, query.PageSize);
    }

    /// <summary>Every valuation matching the filters (paging ignored), in date order: for exports.</summary>
    public async Task<IReadOnlyList<ValuationDto>> AllAsync(ValuationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        (query with { Page = 1, PageSize = PagedQuery.DefaultPageSize }).ThrowIfInvalid();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var all = await Ordered(Filter(db.Valuations.AsNoTracking(), query)).Include(v => v.Company).ToListAsync(cancellationToken);
        return await WithSourcesAsync(db, all, cancellationToken);
    }

    /// <summary>The valuations of the company with <paramref name="slug"/>: the latest dated one and the whole history.</summary>
    public async Task<ValuationHistory> ForCompanyAsync(string slug, CancellationToken cancellationToken = default)
    {
        var history = await AllAsync(new ValuationQuery { Companies = [slug] }, cancellationToken);
        var latest = history.LastOrDefault(v => v.Date is not null) ?? (history.Count > 0 ? history[^1] : null);
        return new ValuationHistory(latest, history);
    }

    private static IQueryable<Valuation> Filter(IQueryable<Valuation> valuations, ValuationQuery query)
    {
        var slugs = query.Companies.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim().ToLowerInvariant()).Distinct().ToList();
        if (slugs.Count > 0)
        {
            valuations = valuations.Where(v => slugs.Contains(v.Company.Slug));
        }
        if (query.ConfirmedOnly)
        {
            valuations = valuations.Where(v => v.ConfirmedAt != null);
        }
        if (query.From is { } from)
        {
            valuations = valuations.Where(v => v.Date != null && v.Date.End >= from);
        }
        if (query.To is { } to)
        {
            valuations = valuations.Where(v => v.Date != null && v.Date.Start <= to);
        }
        return valuations;
    }

    private static IOrderedQueryable<Valuation> Ordered(IQueryable<Valuation> valuations) =>
        valuations.OrderBy(v => v.Date == null ? (DateOnly?)null : v.Date.Start).ThenBy(v => v.Id);

    private static async Task<IReadOnlyList<ValuationDto>> WithSourcesAsync(IndustryTrackerDbContext db, List<Valuation> valuations, CancellationToken cancellationToken)
    {
        var ids = valuations.Select(v => v.Id).ToList();
        var sources = (await db.Mentions.AsNoTracking()
                .Where(m => m.ValuationId != null && ids.Contains(m.ValuationId.Value))
                .OrderBy(m => m.Article.FileName).ThenBy(m => m.Paragraph).ThenBy(m => m.Id)
                .Select(m => new { ValuationId = m.ValuationId!.Value, Source = new SourceDto(m.Article.FileName, m.Paragraph, m.Quote) })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.ValuationId, m => m.Source);
        return [.. valuations.Select(v => v.ToDto([.. sources[v.Id]]))];
    }
}
