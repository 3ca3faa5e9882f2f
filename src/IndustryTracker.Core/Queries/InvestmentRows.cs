using IndustryTracker.Core.Data;
using IndustryTracker.Core.Investments;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Queries;

/// <summary>
/// The rows of a list of investments, read by their ids in three flat queries on one connection (the investments, then
/// their participants and quotes by investment id) and put together here, as <see cref="EventRows"/> does for events:
/// EF Core's async split query creates a delegate for every collection of every row (three per investment).
/// </summary>
internal static class InvestmentRows
{
    /// <summary>The rows of the investments with these ids, in the order of the ids (one deleted since its id was read is left out).</summary>
    public static async Task<List<InvestmentRow>> ReadAsync(IndustryTrackerDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var wanted = ids.ToList(); // one array parameter: the same SQL for every page (see EventRows.ReadAsync)
        return await OneConnection.ReadAsync(db, () => ReadOpenAsync(db, ids, wanted, cancellationToken), cancellationToken);
    }

    private static async Task<List<InvestmentRow>> ReadOpenAsync(IndustryTrackerDbContext db, IReadOnlyList<int> ids, List<int> wanted, CancellationToken cancellationToken)
    {
        var investments = await db.Investments.AsNoTracking()
            .Where(i => EF.Parameter(wanted).Contains(i.Id))
            .Select(i => new
            {
                i.Id,
                i.Kind,
                Recipient = i.Recipient == null ? null : i.Recipient.Name,
                i.RoundLabel,
                i.Purpose,
                i.Period,
                Amount = i.Money == null ? null : (decimal?)i.Money.Amount,
                Currency = i.Money == null ? null : i.Money.Currency,
                AsReported = i.Money == null ? null : i.Money.AsReported,
                IsLowerBound = i.Money != null && i.Money.IsLowerBound,
                i.AmountUsd,
                i.UsdIsReported,
                i.FxRate,
                i.FxRateDate,
                i.FxRateSource,
                DateLabel = i.Announced == null ? null : i.Announced.Label,
                DateStart = i.Announced == null ? null : (DateOnly?)i.Announced.Start,
                DateEnd = i.Announced == null ? null : (DateOnly?)i.Announced.End,
                DatePrecision = i.Announced == null ? null : (Dates.DatePrecision?)i.Announced.Precision,
            })
            .ToListAsync(cancellationToken);
        var participants = (await db.Set<InvestmentParticipant>().AsNoTracking()
            .Where(p => EF.Parameter(wanted).Contains(p.InvestmentId))
            .Join(db.Companies.IgnoreAutoIncludes(), p => p.CompanyId, c => c.Id, (p, c) => new { p.InvestmentId, p.IsLead, c.Name })
            .OrderBy(x => x.Name)
            .ToListAsync(cancellationToken)).ToLookup(x => x.InvestmentId);
        var sources = (await db.Mentions.AsNoTracking()
            .Where(m => m.InvestmentId != null && EF.Parameter(wanted).Contains(m.InvestmentId.Value))
            .OrderBy(m => m.Article.FileName).ThenBy(m => m.Paragraph).ThenBy(m => m.Id)
            .Select(m => new { InvestmentId = m.InvestmentId!.Value, Row = new SourceRow { Article = m.Article.FileName, ArticleTitle = m.Article.Title, Paragraph = m.Paragraph, Quote = m.Quote } })
            .ToListAsync(cancellationToken)).ToLookup(x => x.InvestmentId, x => x.Row);
        var byId = investments.ToDictionary(i => i.Id, i => new InvestmentRow
        {
            Id = i.Id,
            Kind = i.Kind,
            Investors = [.. participants[i.Id].Select(p => p.Name)],
            LeadInvestors = [.. participants[i.Id].Where(p => p.IsLead).Select(p => p.Name)],
            Recipient = i.Recipient,
            Round = i.RoundLabel,
            Purpose = i.Purpose,
            Period = i.Period,
            Amount = i.Amount,
            Currency = i.Currency,
            AsReported = i.AsReported,
            IsLowerBound = i.IsLowerBound,
            AmountUsd = i.AmountUsd,
            UsdIsReported = i.UsdIsReported,
            FxRate = i.FxRate,
            FxRateDate = i.FxRateDate,
            FxRateSource = i.FxRateSource,
            DateLabel = i.DateLabel,
            DateStart = i.DateStart,
            DateEnd = i.DateEnd,
            DatePrecision = i.DatePrecision,
            Sources = [.. sources[i.Id]],
        });
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }
}
