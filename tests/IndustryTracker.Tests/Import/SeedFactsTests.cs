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
        // Seeds 001 ("founded in 2023") and 004 ("founded in May 2023") state it: one event, the narrower date, both sources.
        var once = Assert.Single(founded);
        Assert.Equal((new DateOnly(2023, 5, 1), new DateOnly(2023, 5, 31), DatePrecision.Month), (once.Date.Start, once.Date.End, once.Date.Precision));
        Assert.Equal(2, await db.Mentions.Where(m => m.TimelineEventId == once.Id).Select(m => m.ArticleId).Distinct().CountAsync(Ct));
        var deepSeek = await db.Companies.SingleAsync(c => c.Name == "DeepSeek", Ct);
        Assert.NotNull(deepSeek.Founded);
        Assert.Equal((new DateOnly(2023, 5, 1), new DateOnly(2023, 5, 31)), (deepSeek.Founded.Start, deepSeek.Founded.End));

        // "In early February" (seed 001): the year comes from "January 20, 2025", so the date is approximate.
        var huawei = await db.Events.SingleAsync(e => e.Title.StartsWith("In early February telecoms giant Huawei"), Ct);
        Assert.Equal((new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 10), DatePrecision.Approximate), (huawei.Date.Start, huawei.Date.End, huawei.Date.Precision));
    }

    [Fact]
    public async Task Companies_that_integrated_DeepSeek_R1_are_found_by_category_and_model_and_relate_to_DeepSeek()
    {
        await using var database = await ImportAllSeedsAsync();
        var queries = new Core.Queries.EventQueries(database.Factory);

        var integrations = await queries.AllAsync(new Core.Queries.EventQuery { Categories = [Core.Timeline.EventCategory.IntegrationAdoption], Models = ["deepseek-r1"] }, cancellationToken: Ct);

        var companies = integrations.SelectMany(e => e.Companies).ToHashSet();
        Assert.Contains("Tencent", companies);
        Assert.Contains("Baidu", companies);
        var tencent = await new Core.Queries.CompanyQueries(database.Factory).ProfileAsync("tencent", Ct);
        Assert.Contains(tencent!.Relations, r => r.Kind == "integrated" && r.Company.Slug == "deepseek" && r.EventTitle.Contains("powered by DeepSeek-R1", StringComparison.Ordinal));
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

        Assert.Equal(2, await db.Investments.CountAsync(i => i.Money != null, Ct));
        Assert.False(await db.Investments.AnyAsync(i => i.Money != null && i.Money.Currency == "USD", Ct));
    }

    [Fact]
    public async Task Tencent_backed_Enflame_is_an_investor_relation_not_a_parent()
    {
        await using var database = await ImportAllSeedsAsync();
        await using var db = database.CreateContext();

        var enflame = await db.Companies.Include(c => c.Parent).SingleAsync(c => c.Name == "Enflame", Ct);
        var relation = await db.Investments.Include(i => i.Participants).ThenInclude(p => p.Company).SingleAsync(i => i.RecipientId == enflame.Id, Ct);

        Assert.Null(enflame.Parent);
        Assert.Equal(Core.Investments.InvestmentKind.Other, relation.Kind);
        Assert.Null(relation.Money);
        Assert.Equal("Tencent", Assert.Single(relation.Participants).Company.Name);
        Assert.Equal("Baidu", (await db.Companies.Include(c => c.Parent).SingleAsync(c => c.Name == "Kunlunxin", Ct)).Parent?.Name);
    }

    [Theory]
    [InlineData("000", "Caixin", null, null)]
    [InlineData("002", "TechTarget", "Makenzie Holland and Esther Shittu", null)]
    [InlineData("003", "FinTech Weekly", null, null)]
    [InlineData("004", "INSEAD Knowledge", "Chengyi Lin", "https://knowledge.insead.edu/strategy/deeper-deepseek-chinas-ai-ascendancy")]
    public async Task Article_metadata_comes_from_boilerplate_bylines_bios_and_urls(string seed, string publisher, string? author, string? url)
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportSeedAsync(database, seed);
        await using var db = database.CreateContext();

        var article = await db.Articles.SingleAsync(Ct);

        Assert.Equal((publisher, author, url), (article.Publisher, article.Author, article.Url));
        Assert.DoesNotContain("**", article.CleanText, StringComparison.Ordinal);
        Assert.DoesNotContain("](#)", article.CleanText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_have_their_developers_and_statuses()
    {
        await using var database = await ImportAllSeedsAsync();
        await using var db = database.CreateContext();

        var models = await db.AiModels.Include(m => m.Developer).ToDictionaryAsync(m => m.Name, Ct);

        var expected = new Dictionary<string, string>
        {
            ["DeepSeek-R1"] = "DeepSeek", ["DeepSeek-R2"] = "DeepSeek", ["DeepSeek-V3"] = "DeepSeek", ["Qwen2.5-Max"] = "Alibaba",
            ["Qwen2.5-Turbo"] = "Alibaba", ["Qwen-72B"] = "Alibaba", ["Ernie 4.5"] = "Baidu", ["Ernie 4.0"] = "Baidu",
            ["Yi-Lightning"] = "01.AI", ["GPT-4"] = "OpenAI", ["GPT-4 Turbo"] = "OpenAI", ["Llama 3.1"] = "Meta", ["Claude"] = "Anthropic",
        };
        foreach (var (name, developer) in expected)
        {
            Assert.True(models.ContainsKey(name), name);
            Assert.Equal(developer, models[name].Developer?.Name);
        }
        Assert.Equal(Core.AiModels.AiModelStatus.Anticipated, models["DeepSeek-R2"].Status);
        Assert.Equal(Core.AiModels.Accessibility.OpenWeights, models["DeepSeek-R1"].Accessibility);
    }
}
