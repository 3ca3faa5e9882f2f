using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Sources;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Export;

/// <summary>Builds the complete export document (the CLI's <c>export --format json</c>), every fact with its sources.</summary>
public sealed class ExportService(IDbContextFactory<IndustryTrackerDbContext> contextFactory)
{
    /// <summary>The whole document; with <paramref name="confirmedOnly"/>, only the events, investments and valuations an editor confirmed.</summary>
    public async Task<ExportDocument> BuildAsync(CancellationToken cancellationToken = default) => await BuildAsync(confirmedOnly: false, cancellationToken);

    public async Task<ExportDocument> BuildAsync(bool confirmedOnly, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        var companies = await db.Companies.AsNoTracking().Include(c => c.Parent).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var models = await db.AiModels.AsNoTracking().Include(m => m.Developer).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var investments = await db.Investments.AsNoTracking()
            .Where(i => !confirmedOnly || i.ConfirmedAt != null)
            .Include(i => i.Recipient)
            .Include(i => i.Participants).ThenInclude(p => p.Company)
            .OrderBy(i => i.Id)
            .ToListAsync(cancellationToken);
        var events = await db.Events.AsNoTracking()
            .Where(e => !confirmedOnly || e.ConfirmedAt != null)
            .Include(e => e.Companies)
            .Include(e => e.Models)
            .AsSplitQuery()
            .OrderBy(e => e.Date.Start).ThenBy(e => e.Date.End).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var valuations = await new Queries.ValuationQueries(contextFactory).AllAsync(new Queries.ValuationQuery { ConfirmedOnly = confirmedOnly }, cancellationToken);
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.FileName).ToListAsync(cancellationToken);
        var mentions = await db.Mentions.AsNoTracking()
            .Where(m => m.InvestmentId != null || m.TimelineEventId != null)
            .OrderBy(m => m.Article.FileName).ThenBy(m => m.Paragraph).ThenBy(m => m.Id)
            .Select(m => new { m.InvestmentId, m.TimelineEventId, Source = new SourceDto(m.Article.FileName, m.Paragraph, m.Quote) })
            .ToListAsync(cancellationToken);
        var investmentSources = mentions.Where(m => m.InvestmentId != null).ToLookup(m => m.InvestmentId!.Value, m => m.Source);
        var eventSources = mentions.Where(m => m.TimelineEventId != null).ToLookup(m => m.TimelineEventId!.Value, m => m.Source);

        return new ExportDocument(
            [.. companies.Select(DtoMapping.ToDto)],
            [.. models.Select(DtoMapping.ToDto)],
            [.. investments.Select(i => i.ToDto([.. investmentSources[i.Id]]))],
            [.. events.Select(e => e.ToDto([.. eventSources[e.Id]]))],
            [.. articles.Select(DtoMapping.ToDto)],
            valuations);
    }
}
