namespace IndustryTracker.Web.Components.Pages.Investments;

/// <summary>
/// The US dollar total of a company (recipient, or the spender of a plan) or of a month ("2025-02", "Undated"), as
/// the database sums them (InvestmentQueries.TotalsByCompanyAsync / TotalsByMonthAsync).
/// </summary>
public sealed record InvestmentTotal(string Label, decimal Usd);
