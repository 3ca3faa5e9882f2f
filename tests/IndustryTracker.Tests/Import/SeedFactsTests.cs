using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Import;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static IndustryTracker.Tests.Import.ImportTestKit;

namespace IndustryTracker.Tests.Import;

/// <summary>What a reader would check after importing all five seeds.</summary>
public sealed class SeedFactsTests
{
    private static async Task<TestDatabase> ImportAllSeedsAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var results = await Importer(database).ImportPathsAsync([SeedsFolder], null, Ct);
        Assert.All(results, r => Assert.True(r.Outcome == ImportOutcome.Imported, r.Error));
        return database;
    }

    [Fact]
    public async Task Tencent_in_February_2025_is_exactly_the_WeChat_search_and_the_Yuanbao_shift()
    {
        await using var database = await ImportAllSeedsAsync();
        await using var db = database.CreateContext();

        var from = new DateOnly(2025, 2, 1);
        var to = new DateOnly(2025, 2, 28);
        var events = await db.Events
            .Where(e => e.Companies.Any(c => c.Name == "Tencent") && e.Date.End >= from && e.Date.Start <= to)
            .OrderBy(e => e.Date.Start)
            .ToListAsync(Ct);

        Assert.Equal(2, events.Count);
        Assert.StartsWith("Tencent quietly rolled out an AI search function", events[0].Title, StringComparison.Ordinal);
        Assert.StartsWith("Tencent shifted AI search functions to its chatbot Yuanbao", events[1].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prose_events_include_the_symposium_and_DeepSeeks_founding()
    {
        await using var database = await ImportAllSeedsAsync();
        await using var db = database.CreateContext();

        var symposium = await db.Events.Include(e => e.Companies).SingleAsync(e => e.Title.Contains("symposium with Chinese Premier Li Qiang"), Ct);
        Assert.Equal((new DateOnly(2025, 1, 20), new DateOnly(2025, 1, 20), DatePrecision.Day), (symposium.Date.Start, symposium.Date.End, symposium.Date.Precision));
        Assert.Contains(symposium.Companies, c => c.Name == "DeepSeek");
        var quote = await db.Mentions.Where(m => m.TimelineEventId == symposium.Id).Select(m => m.Quote).SingleAsync(Ct);
        Assert.Contains("on January 20, 2025", quote, StringComparison.Ordinal);

        var founded = await db.Events.Where(e => e.Title == "DeepSeek founded").ToListAsync(Ct);
        Assert.Contains(founded, e => e.Date.Start == new DateOnly(2023, 5, 1) && e.Date.End == new DateOnly(2023, 5, 31) && e.Date.Precision == DatePrecision.Month);
        var deepSeek = await db.Companies.SingleAsync(c => c.Name == "DeepSeek", Ct);
        Assert.NotNull(deepSeek.Founded);
        Assert.Equal(2023, deepSeek.Founded.Start.Year);

        // "In early February" (seed 001): the year comes from "January 20, 2025", so the date is approximate.
        var huawei = await db.Events.SingleAsync(e => e.Title.StartsWith("In early February telecoms giant Huawei"), Ct);
        Assert.Equal((new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 10), DatePrecision.Approximate), (huawei.Date.Start, huawei.Date.End, huawei.Date.Precision));
    }

    [Fact]
    public async Task Ernie_4_5_is_announced_for_16_March_2025()
    {
        await using var database = await ImportAllSeedsAsync();
        await using var db = database.CreateContext();

        var ernie = await db.AiModels.Include(m => m.Developer).SingleAsync(m => m.Name == "Ernie 4.5", Ct);

        Assert.Equal("Baidu", ernie.Developer?.Name);
        Assert.Equal(Core.AiModels.AiModelStatus.Announced, ernie.Status);
        Assert.Equal(new DateOnly(2025, 3, 16), ernie.ReleaseDate?.Start);
        Assert.Equal(DatePrecision.Approximate, ernie.ReleaseDate?.Precision);
    }

    [Fact]
    public async Task Alibabas_plan_is_one_capex_record_with_both_figures_and_its_sources()
    {
        await using var database = await ImportAllSeedsAsync();
        await using var db = database.CreateContext();

        var plans = await db.Investments.Include(i => i.Participants).ThenInclude(p => p.Company)
            .Where(i => i.Kind == Core.Investments.InvestmentKind.CapitalExpenditurePlan)
            .ToListAsync(Ct);

        var plan = Assert.Single(plans);
        Assert.Equal("Alibaba", Assert.Single(plan.Participants).Company.Name);
        Assert.Null(plan.Recipient);
        Assert.Equal((380_000_000_000m, "CNY", "380 billion yuan", false), (plan.Money!.Amount, plan.Money.Currency, plan.Money.AsReported, plan.Money.IsLowerBound));
        Assert.Equal(52_000_000_000m, plan.AmountUsd);
        Assert.True(plan.UsdIsReported);
        Assert.Null(plan.FxRate);
        Assert.Equal("over three years", plan.Period);
        Assert.Equal(new DateOnly(2025, 2, 24), plan.Announced?.Start);
        var quotes = await db.Mentions.Where(m => m.InvestmentId == plan.Id).Select(m => m.Quote).ToListAsync(Ct);
        Assert.Contains(quotes, q => q.Contains("$52 billion plan over three years", StringComparison.Ordinal));
        Assert.Contains(quotes, q => q.Contains("380 billion yuan investment over three years", StringComparison.Ordinal));
        var announcement = await db.Events.SingleAsync(e => e.Title.StartsWith("Alibaba announced a 380 billion yuan"), Ct);
        Assert.Equal(plan.Id, announcement.InvestmentId);
    }

    [Fact]
    public async Task SiliconFlows_round_has_a_lower_bound_two_leads_and_a_converted_usd_figure()
    {
        await using var database = await ImportAllSeedsAsync();
        await using var db = database.CreateContext();

        var round = await db.Investments.Include(i => i.Recipient).Include(i => i.Participants).ThenInclude(p => p.Company)
            .SingleAsync(i => i.Kind == Core.Investments.InvestmentKind.FundingRound, Ct);

        Assert.Equal("SiliconFlow", round.Recipient?.Name);
        Assert.Equal("pre-Series A", round.RoundLabel);
        Assert.Equal((100_000_000m, "CNY", "over 100 million yuan", true), (round.Money!.Amount, round.Money.Currency, round.Money.AsReported, round.Money.IsLowerBound));
        Assert.Equal(["China Growth Capital", "Puhua Capital"], round.Participants.Where(p => p.IsLead).Select(p => p.Company.Name).Order());
        Assert.False(round.UsdIsReported);
        Assert.NotNull(round.FxRate);
        Assert.NotNull(round.FxRateSource);
        Assert.Equal(decimal.Round(100_000_000m * round.FxRate!.Value, 2), round.AmountUsd);
        Assert.Equal(Core.Companies.CompanyCategory.Investor, (await db.Companies.SingleAsync(c => c.Name == "Puhua Capital", Ct)).Category);
    }

    [Fact]
    public async Task Training_costs_share_sell_offs_and_fund_aggregates_are_not_investments()
    {
        await using var database = await ImportAllSeedsAsync();
        await using var db = database.CreateContext();

        Assert.Equal(2, await db.Investments.CountAsync(Ct));
        Assert.False(await db.Investments.AnyAsync(i => i.Money != null && i.Money.Currency == "USD", Ct));
    }
}
