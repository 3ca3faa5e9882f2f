using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Investments;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Queries;

/// <summary>Lists investments, in announcement order, with their sources.</summary>
public sealed class InvestmentQueries(IDbContextFactory<IndustryTrackerDbContext> contextFactory, QueryCache? cache = null)
{
    public async Task<PagedResult<InvestmentDto>> ListAsync(InvestmentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.ThrowIfInvalid();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await CachedReads.ObserveAsync(cache, db, cancellationToken);
        var investments = Filter(db, db.Investments.AsNoTracking(), query);
        // A company's investments are counted through its recipient and participant links: cached until the next write.
        var total = await CachedReads.GetAsync(cache, CountKey(query), investments.CountAsync, cancellationToken);
        var ordered = query.Sort switch
        {
            InvestmentSort.Kind => investments.SortBy(i => i.Kind, query.Descending).ThenBy(i => i.Id),
            InvestmentSort.Recipient => investments.SortByNullsLast(i => i.Recipient == null ? null : i.Recipient.Name, query.Descending).ThenBy(i => i.Id),
            // SQLite stores decimals as text: it orders by the amount as a REAL (as LargestAsync does).
            InvestmentSort.AmountUsd when db.Database.IsSqlite() =>
                investments.SortByNullsLast(i => i.AmountUsd == null ? (double?)null : (double)i.AmountUsd.Value, query.Descending).ThenBy(i => i.Id),
            InvestmentSort.AmountUsd => investments.SortByNullsLast(i => i.AmountUsd, query.Descending).ThenBy(i => i.Id),
            _ when query.Descending => investments.OrderByDescending(i => i.Announced == null ? (DateOnly?)null : i.Announced.Start).ThenByDescending(i => i.Id),
            _ => Ordered(investments),
        };
        var ids = await ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(i => i.Id).ToListAsync(cancellationToken);
        var rows = await InvestmentRows.ReadAsync(db, ids, cancellationToken);
        return new PagedResult<InvestmentDto>([.. rows.Select(r => r.ToDto())], total, query.Page, query.PageSize);
    }

    /// <summary>Every investment matching the filters (paging ignored), in announcement order: for exports and charts.</summary>
    public async Task<IReadOnlyList<InvestmentDto>> AllAsync(InvestmentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        (query with { Page = 1, PageSize = PagedQuery.DefaultPageSize }).ThrowIfInvalid();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Ordered(Filter(db, db.Investments.AsNoTracking(), query))
            .Select(Projections.Investment(db))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToDto())];
    }

    /// <summary>
    /// US-dollar totals of the investments matching the filters (paging ignored; those without an amount left out) by
    /// company, largest first: the recipient, else (a plan, a purchase) the alphabetically first company that spends.
    /// One aggregate query: the database groups and sums, no investment is read.
    /// </summary>
    public async Task<IReadOnlyList<UsdTotal>> TotalsByCompanyAsync(InvestmentQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await TotalsContextAsync(query, cancellationToken);
        var rows = await Filter(db, db.Investments.AsNoTracking(), query)
            .Where(i => i.AmountUsd != null)
            .GroupBy(i => i.Recipient != null
                ? i.Recipient.Name
                : i.Participants.OrderBy(p => p.Company.Name).Select(p => p.Company.Name).FirstOrDefault() ?? NoCompany)
            .Select(g => new { Label = g.Key, Usd = g.Sum(i => i.AmountUsd!.Value) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new UsdTotal(r.Label, r.Usd)).OrderByDescending(t => t.Usd).ThenBy(t => t.Label, StringComparer.Ordinal)];
    }

    /// <summary>
    /// US-dollar totals of the investments matching the filters by the month they were announced in ("2025-02"), in
    /// month order, "Undated" last. One aggregate query.
    /// </summary>
    public async Task<IReadOnlyList<UsdTotal>> TotalsByMonthAsync(InvestmentQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await TotalsContextAsync(query, cancellationToken);
        var rows = await Filter(db, db.Investments.AsNoTracking(), query)
            .Where(i => i.AmountUsd != null)
            .GroupBy(i => i.Announced == null ? (int?)null : i.Announced.Start.Year * 100 + i.Announced.Start.Month)
            .Select(g => new { Month = g.Key, Usd = g.Sum(i => i.AmountUsd!.Value) })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Month is null ? 1 : 0).ThenBy(r => r.Month)
            .Select(r => new UsdTotal(r.Month is { } m ? $"{m / 100:D4}-{m % 100:D2}" : Undated, r.Usd))];
    }

    /// <summary>The label of the investments without a recipient or a spender.</summary>
    public const string NoCompany = "(no company)";

    /// <summary>The label of the investments without an announcement date.</summary>
    public const string Undated = "Undated";

    private async Task<IndustryTrackerDbContext> TotalsContextAsync(InvestmentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        (query with { Page = 1, PageSize = PagedQuery.DefaultPageSize }).ThrowIfInvalid();
        return await contextFactory.CreateDbContextAsync(cancellationToken);
    }

    /// <summary>
    /// The <paramref name="count"/> largest investments by USD amount (those without one left out): a top-N query
    /// (SQLite stores decimals as text, so it orders by the amount as a REAL; the few rows read are then ordered exactly).
    /// </summary>
    public async Task<IReadOnlyList<InvestmentDto>> LargestAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // A sort of every investment with an amount (no index serves it: 5 ms at 20,000): kept until the next write.
        return await CachedReads.ReadAsync(
            cache, db, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"largest-investments|{count}"),
            ct => ReadLargestAsync(db, count, ct), cancellationToken);
    }

    private static async Task<IReadOnlyList<InvestmentDto>> ReadLargestAsync(IndustryTrackerDbContext db, int count, CancellationToken cancellationToken)
    {
        var withAmount = db.Investments.AsNoTracking().Where(i => i.AmountUsd != null);
        var ids = db.Database.IsSqlite()
            ? await withAmount.OrderByDescending(i => (double)i.AmountUsd!.Value).ThenBy(i => i.Id).Select(i => i.Id).Take(count).ToListAsync(cancellationToken)
            : await withAmount.OrderByDescending(i => i.AmountUsd).ThenBy(i => i.Id).Select(i => i.Id).Take(count).ToListAsync(cancellationToken);
        var rows = await InvestmentRows.ReadAsync(db, ids, cancellationToken);
        return [.. rows.Select(r => r.ToDto()).OrderByDescending(i => i.AmountUsd).ThenBy(i => i.Id)];
    }

    /// <summary>The filters of <paramref name="query"/> in a canonical form (paging and sorting ignored): equal filters, equal keys.</summary>
    private static string CountKey(InvestmentQuery query) =>
        string.Join(
            "|",
            "investment-count",
            string.Join(",", Slugs(query.Companies).Order(StringComparer.Ordinal)),
            string.Join(",", query.Kinds.Distinct().Order()),
            query.ConfirmedOnly ? "confirmed" : "all",
            query.From?.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            query.To?.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-");

    private static List<string> Slugs(IEnumerable<string> companies) =>
        [.. companies.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim().ToLowerInvariant()).Distinct()];

    private static IQueryable<Investment> Filter(IndustryTrackerDbContext db, IQueryable<Investment> investments, InvestmentQuery query)
    {
        var slugs = Slugs(query.Companies);
        if (slugs.Count > 0)
        {
            var companies = db.Companies.IgnoreAutoIncludes();
            var participants = db.Set<InvestmentParticipant>();
            var recipients = db.Investments;
            // Indexed lookups (recipient index, participants' company index), not a correlated EXISTS per investment.
            var companyIds = companies.Where(c => slugs.Contains(c.Slug)).Select(c => c.Id);
            var asInvestor = participants.Where(p => companyIds.Contains(p.CompanyId)).Select(p => p.InvestmentId);
            var asRecipient = recipients.Where(i => i.RecipientId != null && companyIds.Contains(i.RecipientId.Value)).Select(i => i.Id);
            var matching = asRecipient.Concat(asInvestor);
            investments = investments.Where(i => matching.Contains(i.Id));
        }
        if (query.Kinds.Count > 0)
        {
            var kinds = query.Kinds.Distinct().ToList();
            investments = investments.Where(i => kinds.Contains(i.Kind));
        }
        if (query.ConfirmedOnly)
        {
            investments = investments.Where(i => i.ConfirmedAt != null);
        }
        if (query.From is { } from)
        {
            investments = investments.Where(i => i.Announced != null && i.Announced.End >= from);
        }
        if (query.To is { } to)
        {
            investments = investments.Where(i => i.Announced != null && i.Announced.Start <= to);
        }
        return investments;
    }

    private static IOrderedQueryable<Investment> Ordered(IQueryable<Investment> investments) =>
        investments.OrderBy(i => i.Announced == null ? (DateOnly?)null : i.Announced.Start).ThenBy(i => i.Id);
}

/// <summary>A US-dollar total and what it is the total of (a company name, a month "2025-02", or "Undated").</summary>
public sealed record UsdTotal(string Label, decimal Usd);
