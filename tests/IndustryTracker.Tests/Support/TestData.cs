using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Sources;
using IndustryTracker.Core.Timeline;

namespace IndustryTracker.Tests.Support;

/// <summary>
/// A small, known world written through the entities: five companies (one a subsidiary), two models, five events
/// of different date precisions, two investments and one article whose quotes back them all.
/// </summary>
/// <remarks>
/// Events in date order (start, end):
/// <list type="number">
/// <item>Qwen2.5-Max launches: "January 2025" (month, 1–31 Jan), model Qwen2.5-Max only (developer Alibaba Cloud).</item>
/// <item>DeepSeek releases R1: "Jan. 20, 2025" (day), DeepSeek + model DeepSeek-R1.</item>
/// <item>Tencent integrates DeepSeek: "Mid-February, 2025" (part of month, 11–20 Feb), Tencent + DeepSeek.</item>
/// <item>Alibaba's AI spending plan: "Feb. 24, 2025" (day), Alibaba Group.</item>
/// <item>Baidu plans Ernie 5: "second half of 2025" (half year, 1 Jul–31 Dec), Baidu.</item>
/// </list>
/// </remarks>
public static class TestData
{
    public const string ArticleFile = "001_test_article.txt";
    public const string ArticleTitle = "Cover Story: DeepSeek Sets Up Race";

    public static async Task SeedAsync(IndustryTrackerDbContext db, CancellationToken cancellationToken)
    {
        var article = new Article(ArticleFile, ArticleTitle, new string('a', 64), "text", new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        for (var i = 1; i <= 6; i++)
        {
            article.AddParagraph(i, $"Paragraph {i}");
        }

        var alibaba = new Company("Alibaba Group Holding Ltd.", CompanyCategory.BigTech) { Country = "China", HeadquartersCity = "Hangzhou", Summary = "E-commerce and cloud giant." };
        alibaba.AddAlias("BABA", AliasKind.Abbreviation);
        var alibabaCloud = new Company("Alibaba Cloud", CompanyCategory.CloudMaas) { Country = "China" };
        alibabaCloud.AddAlias("Aliyun", AliasKind.Alias);
        alibabaCloud.SetParent(alibaba);
        var deepSeek = new Company("DeepSeek", CompanyCategory.ModelDeveloper)
        {
            Country = "China",
            HeadquartersCity = "Hangzhou",
            Founded = new FuzzyDate("2023", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), DatePrecision.Year),
            Summary = "Hangzhou AI lab behind the R1 reasoning model.",
        };
        deepSeek.AddAlias("Hangzhou DeepSeek Artificial Intelligence", AliasKind.Alias);
        var tencent = new Company("Tencent", CompanyCategory.BigTech) { Country = "China", HeadquartersCity = "Shenzhen" };
        tencent.AddAlias("Weixin maker", AliasKind.Alias);
        var baidu = new Company("Baidu", CompanyCategory.BigTech) { Country = "China" };

        var r1 = new AiModel("DeepSeek-R1", deepSeek, AiModelKind.Reasoning)
        {
            Accessibility = Accessibility.OpenWeights,
            ReleaseDate = FuzzyDate.Day(new DateOnly(2025, 1, 20), "Jan. 20, 2025"),
        };
        var qwen = new AiModel("Qwen2.5-Max", alibabaCloud, AiModelKind.Llm) { Status = AiModelStatus.Released, Accessibility = Accessibility.Api };

        var qwenLaunch = new TimelineEvent("Alibaba Cloud launches Qwen2.5-Max",
            new FuzzyDate("January 2025", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31), DatePrecision.Month), EventCategory.ProductLaunch, EventOrigin.Import);
        qwenLaunch.Involve(qwen);
        var r1Release = new TimelineEvent("DeepSeek releases R1",
            FuzzyDate.Day(new DateOnly(2025, 1, 20), "Jan. 20, 2025"), EventCategory.ProductLaunch, EventOrigin.Import);
        r1Release.Involve(deepSeek);
        r1Release.Involve(r1);
        var weixin = new TimelineEvent("Tencent integrates DeepSeek into Weixin",
            new FuzzyDate("Mid-February, 2025", new DateOnly(2025, 2, 11), new DateOnly(2025, 2, 20), DatePrecision.PartOfMonth), EventCategory.IntegrationAdoption, EventOrigin.Import);
        weixin.Involve(tencent);
        weixin.Involve(deepSeek);

        var capex = new Investment(InvestmentKind.CapitalExpenditurePlan, alibaba)
        {
            Money = new Money(380_000_000_000m, "CNY", "380 billion yuan"),
            Period = "over three years",
            Purpose = "cloud and AI infrastructure",
            Announced = FuzzyDate.Day(new DateOnly(2025, 2, 24), "Feb. 24, 2025"),
        };
        var round = new Investment(InvestmentKind.FundingRound, deepSeek) { RoundLabel = "Series A" };
        round.AddParticipant(tencent, isLead: true);
        round.AddParticipant(alibaba, isLead: false);

        var spending = new TimelineEvent("Alibaba announces 380 billion yuan AI spending",
            FuzzyDate.Day(new DateOnly(2025, 2, 24), "Feb. 24, 2025"), EventCategory.Investment, EventOrigin.Import) { Investment = capex };
        spending.Involve(alibaba);
        var ernie = new TimelineEvent("Baidu plans Ernie 5",
            new FuzzyDate("second half of 2025", new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31), DatePrecision.HalfYear), EventCategory.ProductLaunch, EventOrigin.Import);
        ernie.Involve(baidu);

        db.AddRange(alibaba, alibabaCloud, deepSeek, tencent, baidu, r1, qwen, capex, round, qwenLaunch, r1Release, weixin, spending, ernie);
        db.Add(article);
        db.AddRange(
            Mention.Of(deepSeek, article, 1, "DeepSeek has shaken up the global tech industry"),
            Mention.Of(alibaba, article, 4, "Alibaba announced a significant investment"),
            Mention.Of(r1, article, 1, "DeepSeek's R1 reasoning model"),
            Mention.Of(qwen, article, 3, "Alibaba Cloud released Qwen2.5-Max"),
            Mention.Of(capex, article, 4, "Alibaba will invest 380 billion yuan over three years"),
            Mention.Of(qwenLaunch, article, 3, "Alibaba Cloud released Qwen2.5-Max in January"),
            Mention.Of(r1Release, article, 1, "DeepSeek released R1 on Jan. 20"),
            Mention.Of(weixin, article, 2, "In mid-February, Tencent integrated DeepSeek into Weixin"),
            Mention.Of(weixin, article, 5, "Weixin users can now choose DeepSeek"),
            Mention.Of(spending, article, 4, "Alibaba will invest 380 billion yuan over three years"),
            Mention.Of(ernie, article, 6, "Baidu plans to release Ernie 5 in the second half of the year"));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A migrated test database holding <see cref="SeedAsync"/>'s world.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await SeedAsync(db, TestContext.Current.CancellationToken);
        return database;
    }
}
