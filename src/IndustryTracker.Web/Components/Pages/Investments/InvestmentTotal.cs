using IndustryTracker.Core.Contracts;

namespace IndustryTracker.Web.Components.Pages.Investments;

/// <summary>The US dollar total of a company (recipient, or the spender of a plan) or of a month ("2025-02", "Undated").</summary>
public sealed record InvestmentTotal(string Label, decimal Usd)
{
    /// <summary>Totals by company, largest first: a plan or a purchase has no recipient, so it counts for the company that spends.</summary>
    public static IReadOnlyList<InvestmentTotal> ByCompany(IEnumerable<InvestmentDto> investments) =>
        [.. investments.Where(i => i.AmountUsd is not null)
            .GroupBy(i => i.Recipient ?? (i.Investors.Count > 0 ? i.Investors[0] : "(no company)"))
            .Select(g => new InvestmentTotal(g.Key, g.Sum(i => i.AmountUsd!.Value)))
            .OrderByDescending(t => t.Usd)];

    /// <summary>Totals by month announced, in month order, undated last.</summary>
    public static IReadOnlyList<InvestmentTotal> ByMonth(IEnumerable<InvestmentDto> investments) =>
        [.. investments.Where(i => i.AmountUsd is not null)
            .GroupBy(i => i.Date is null ? "Undated" : i.Date.Start[..7])
            .Select(g => new InvestmentTotal(g.Key, g.Sum(i => i.AmountUsd!.Value)))
            .OrderBy(t => t.Label == "Undated" ? 1 : 0).ThenBy(t => t.Label, StringComparer.Ordinal)];
}
