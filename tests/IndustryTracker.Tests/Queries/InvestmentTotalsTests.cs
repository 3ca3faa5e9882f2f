using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Queries;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Queries;

/// <summary>
/// The investments page's totals come from one aggregate query (GROUP BY in the database, on SQLite and PostgreSQL):
/// by company (the recipient, else the alphabetically first spender) and by month announced.
/// </summary>
public sealed class InvestmentTotalsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestData.CreateDatabaseAsync();
        await using var db = _database.CreateContext();
        var tencent = await db.Companies.SingleAsync(c => c.Slug == "tencent", Ct);
        var deepSeek = await db.Companies.SingleAsync(c => c.Slug == "deepseek", Ct);
        var zhipu = new Company("Zhipu AI", CompanyCategory.ModelDeveloper);
        // Two rounds for DeepSeek in one month, a plan spent by Tencent and Zhipu (no recipient), one undated.
        db.AddRange(
            zhipu,
            Usd(new Investment(InvestmentKind.FundingRound, deepSeek), 100_000_000.25m, new DateOnly(2025, 3, 3)),
            Usd(new Investment(InvestmentKind.FundingRound, deepSeek), 50_000_000m, new DateOnly(2025, 3, 20)),
            Usd(Spent(new Investment(InvestmentKind.CapitalExpenditurePlan, null), zhipu, tencent), 7_000_000_000m, new DateOnly(2024, 11, 5)),
            Usd(new Investment(InvestmentKind.FundingRound, zhipu), 1_500_000m, null));
        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Totals_by_company_are_summed_by_the_database_largest_first()
    {
        var queries = new InvestmentQueries(_database.Factory);

        var totals = await queries.TotalsByCompanyAsync(new InvestmentQuery(), Ct);

        Assert.Equal(
            [new UsdTotal("Tencent", 7_000_000_000m), new UsdTotal("DeepSeek", 150_000_000.25m), new UsdTotal("Zhipu AI", 1_500_000m)],
            totals.Where(t => t.Label is "Tencent" or "DeepSeek" or "Zhipu AI"));
        Assert.Equal(await SumOfEveryAmountAsync(), totals.Sum(t => t.Usd));
        Assert.Equal(totals.OrderByDescending(t => t.Usd).Select(t => t.Label), totals.Select(t => t.Label));
    }

    [Fact]
    public async Task Totals_by_month_are_in_month_order_with_the_undated_last()
    {
        var queries = new InvestmentQueries(_database.Factory);

        var totals = await queries.TotalsByMonthAsync(new InvestmentQuery(), Ct);

        Assert.Contains(new UsdTotal("2024-11", 7_000_000_000m), totals);
        Assert.Contains(new UsdTotal("2025-03", 150_000_000.25m), totals);
        Assert.Equal(InvestmentQueries.Undated, totals[^1].Label);
        Assert.Equal(totals.Select(t => t.Label).Where(l => l != InvestmentQueries.Undated).Order(StringComparer.Ordinal), totals.SkipLast(1).Select(t => t.Label));
        Assert.Equal(await SumOfEveryAmountAsync(), totals.Sum(t => t.Usd));
    }

    [Fact]
    public async Task Totals_follow_the_list_filters()
    {
        var queries = new InvestmentQueries(_database.Factory);

        var march = await queries.TotalsByCompanyAsync(new InvestmentQuery { From = new DateOnly(2025, 3, 1), To = new DateOnly(2025, 3, 31) }, Ct);
        var deepSeek = await queries.TotalsByMonthAsync(new InvestmentQuery { Companies = ["deepseek"] }, Ct);

        Assert.Equal([new UsdTotal("DeepSeek", 150_000_000.25m)], march);
        Assert.Contains(new UsdTotal("2025-03", 150_000_000.25m), deepSeek);
        Assert.DoesNotContain(deepSeek, t => t.Label == "2024-11");
    }

    private async Task<decimal> SumOfEveryAmountAsync()
    {
        await using var db = _database.CreateContext();
        var amounts = await db.Investments.Where(i => i.AmountUsd != null).Select(i => i.AmountUsd!.Value).ToListAsync(Ct);
        return amounts.Sum();
    }

    private static Investment Usd(Investment investment, decimal amount, DateOnly? announced)
    {
        investment.SetReportedUsd(amount);
        investment.Announced = announced is { } day ? FuzzyDate.Day(day, day.ToString("MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture)) : null;
        return investment;
    }

    private static Investment Spent(Investment investment, params Company[] spenders)
    {
        foreach (var spender in spenders)
        {
            investment.AddParticipant(spender, isLead: false);
        }
        return investment;
    }
}
