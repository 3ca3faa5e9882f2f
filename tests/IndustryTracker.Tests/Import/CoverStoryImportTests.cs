using System.Security.Cryptography;
using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static IndustryTracker.Tests.Import.ImportTestKit;

namespace IndustryTracker.Tests.Import;

/// <summary>Importing seed 000, the structured cover story, into a real SQLite file.</summary>
public sealed class CoverStoryImportTests
{
    private static readonly string[] ProfiledCompanies =
    [
        "DeepSeek", "Tencent", "Baidu", "Alibaba", "ByteDance", "Microsoft", "Amazon Web Services", "Nvidia", "SiliconFlow",
        "WuWen Xinqiong", "Huawei", "Lenovo", "Inspur", "Volcano Engine", "China National Petroleum Corp", "China Mobile",
        "Sinopec", "Sinochem Group",
    ];

    [Fact]
    public async Task Exactly_the_18_profiled_companies_have_summaries()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportSeedAsync(database, "000");

        await using var db = database.CreateContext();
        var summarised = await db.Companies.Where(c => c.Summary != null).Select(c => c.Name).ToListAsync(Ct);

        Assert.Equal(ProfiledCompanies.Order(), summarised.Order());
        var wuwen = await db.Companies.SingleAsync(c => c.Name == "WuWen Xinqiong", Ct);
        Assert.StartsWith("WuWen Xinqiong is a Model-as-a-Service (MaaS) provider", wuwen.Summary, StringComparison.Ordinal);
        Assert.Equal(CompanyCategory.CloudMaas, wuwen.Category);
    }

    [Fact]
    public async Task Reference_aliases_categories_and_parents_are_applied()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportSeedAsync(database, "000");

        await using var db = database.CreateContext();
        var aws = await db.Companies.SingleAsync(c => c.Name == "Amazon Web Services", Ct);
        var cnpc = await db.Companies.SingleAsync(c => c.Name == "China National Petroleum Corp", Ct);
        var volcano = await db.Companies.Include(c => c.Parent).SingleAsync(c => c.Name == "Volcano Engine", Ct);

        Assert.Contains(aws.Aliases, a => a is { Name: "AWS", Kind: AliasKind.Abbreviation });
        Assert.Contains(cnpc.Aliases, a => a is { Name: "CNPC", Kind: AliasKind.Abbreviation });
        Assert.Equal("ByteDance", volcano.Parent?.Name);
        Assert.Equal(CompanyCategory.ModelDeveloper, (await db.Companies.SingleAsync(c => c.Name == "DeepSeek", Ct)).Category);
        Assert.Equal("Hangzhou", (await db.Companies.SingleAsync(c => c.Name == "DeepSeek", Ct)).HeadquartersCity);
        Assert.DoesNotContain(await db.Companies.Select(c => c.Name).ToListAsync(Ct), n => n is "DIGEST HUB" or "PODCAST" or "MOST POPULAR");
    }

    [Fact]
    public async Task The_nine_timeline_events_have_exact_dates()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportSeedAsync(database, "000");

        await using var db = database.CreateContext();
        // Timeline events are the ones quoting timeline paragraphs 30–38 (in entry order); the rest are prose events.
        var events = await TimelineEventsAsync(db);
        var timelineIds = events.Select(e => e.Id).ToHashSet();
        foreach (var prose in await db.Events.Where(e => !timelineIds.Contains(e.Id)).ToListAsync(Ct))
        {
            Assert.DoesNotContain(await db.Mentions.Where(m => m.TimelineEventId == prose.Id).Select(m => m.Paragraph).ToListAsync(Ct), p => p >= 30);
        }

        var expected = new (string Label, DateOnly Start, DateOnly End, DatePrecision Precision)[]
        {
            ("February, 2025", new(2025, 2, 1), new(2025, 2, 28), DatePrecision.Month),
            ("On or After Lunar New Year, 2025", new(2025, 1, 29), new(2025, 12, 31), DatePrecision.Approximate),
            ("Mid-February, 2025", new(2025, 2, 11), new(2025, 2, 20), DatePrecision.PartOfMonth),
            ("Feb. 16, 2025", new(2025, 2, 16), new(2025, 2, 16), DatePrecision.Day),
            ("Feb. 16, 2025", new(2025, 2, 16), new(2025, 2, 16), DatePrecision.Day),
            ("Feb. 17, 2025", new(2025, 2, 17), new(2025, 2, 17), DatePrecision.Day),
            ("Feb. 18, 2025", new(2025, 2, 18), new(2025, 2, 18), DatePrecision.Day),
            ("Feb. 24, 2025", new(2025, 2, 24), new(2025, 2, 24), DatePrecision.Day),
            ("Late February, 2025", new(2025, 2, 21), new(2025, 2, 28), DatePrecision.PartOfMonth),
        };
        Assert.Equal(expected, events.Select(e => (e.Date.Label, e.Date.Start, e.Date.End, e.Date.Precision)));
        Assert.All(events, e => Assert.Equal(EventOrigin.Import, e.Origin));
        Assert.Equal(
            // Launches "powered by" (or "R1-powered") another company's model are that model's integration.
            [EventCategory.Hiring, EventCategory.IntegrationAdoption, EventCategory.ProductLaunch, EventCategory.IntegrationAdoption, EventCategory.IntegrationAdoption,
             EventCategory.Infrastructure, EventCategory.ProductLaunch, EventCategory.Investment, EventCategory.IntegrationAdoption],
            events.Select(e => e.Category));
        foreach (var timelineEvent in events)
        {
            var mention = await db.Mentions.SingleAsync(m => m.TimelineEventId == timelineEvent.Id && m.Paragraph >= 30, Ct);
            Assert.Equal(timelineEvent.Title, mention.Quote);
        }
    }

    [Fact]
    public async Task Tencent_is_in_exactly_the_two_events_that_name_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportSeedAsync(database, "000");

        await using var db = database.CreateContext();
        var tencentEvents = await db.Events.Where(e => e.Companies.Any(c => c.Name == "Tencent")).OrderBy(e => e.Id).ToListAsync(Ct);

        Assert.Equal(2, tencentEvents.Count);
        Assert.StartsWith("Tencent quietly rolled out an AI search function within its social media app WeChat", tencentEvents[0].Title, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 2, 16), tencentEvents[0].Date.Start);
        Assert.StartsWith("Tencent shifted AI search functions to its chatbot Yuanbao", tencentEvents[1].Title, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 2, 17), tencentEvents[1].Date.Start);
    }

    [Fact]
    public async Task Event_companies_and_models_are_the_ones_the_entry_names()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportSeedAsync(database, "000");

        await using var db = database.CreateContext();
        var events = await TimelineEventsAsync(db);

        Assert.Equal(["Huawei", "Ningxia Western Cloud Data", "SiliconFlow"], events[2].Companies.Select(c => c.Name).Order());
        Assert.Empty(events[1].Companies);
        Assert.Equal(["Alibaba"], events[7].Companies.Select(c => c.Name));
        Assert.Contains("ByteDance", events[0].Companies.Select(c => c.Name));
        Assert.Equal(
            [true, true, true, true, false, false, false, false],
            events.Skip(1).Select(e => e.Models.Any(m => m.Name == "DeepSeek-R1")));
    }

    [Fact]
    public async Task DeepSeek_R1_is_a_model_of_DeepSeek_with_mentions_and_R_1_is_the_same_model()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportSeedAsync(database, "000");

        await using var db = database.CreateContext();
        var r1 = await db.AiModels.Include(m => m.Developer).SingleAsync(m => m.Name == "DeepSeek-R1", Ct);
        var r2 = await db.AiModels.SingleAsync(m => m.Name == "DeepSeek-R2", Ct);

        Assert.Equal("DeepSeek", r1.Developer?.Name);
        Assert.True(await db.Mentions.CountAsync(m => m.AiModelId == r1.Id, Ct) >= 5);
        Assert.Equal(AiModelStatus.Anticipated, r2.Status);
        Assert.False(await db.AiModels.AnyAsync(m => m.Slug == "deepseek-r-1", Ct));
        Assert.Contains("Qwen2.5-Max", await db.AiModels.Select(m => m.Name).ToListAsync(Ct));
    }

    [Fact]
    public async Task Article_metadata_clean_text_and_paragraph_numbers()
    {
        await using var database = await TestDatabase.CreateAsync();
        var path = Seed("000");
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        await ImportSeedAsync(database, "000");

        await using var db = database.CreateContext();
        var article = await db.Articles.Include(a => a.Paragraphs).SingleAsync(Ct);

        Assert.Equal(Path.GetFileName(path), article.FileName);
        Assert.Equal("Cover Story: DeepSeek Sets Up Race for Chinese Dominance in AI", article.Title);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), article.Sha256);
        Assert.Equal("Caixin", article.Publisher);
        Assert.Equal(database.Time.GetUtcNow(), article.ImportedAt);
        Assert.DoesNotContain("Listen to the full version", article.CleanText, StringComparison.Ordinal);
        Assert.DoesNotContain("[para.", article.CleanText, StringComparison.Ordinal);
        Assert.DoesNotContain("DIGEST HUB", article.CleanText, StringComparison.Ordinal);
        Assert.StartsWith("A major move came from Tencent", article.Paragraphs.Single(p => p.Number == 3).Text, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 38), article.Paragraphs.Select(p => p.Number).Order());
        Assert.StartsWith("Tencent: Tencent integrated", article.Paragraphs.Single(p => p.Number == 13).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Company_mentions_are_one_per_company_per_paragraph_with_the_sentence()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportSeedAsync(database, "000");

        await using var db = database.CreateContext();
        var mentions = await db.Mentions.Where(m => m.CompanyId != null).ToListAsync(Ct);
        var tencent = await db.Companies.SingleAsync(c => c.Name == "Tencent", Ct);

        Assert.Equal(mentions.Count, mentions.Select(m => (m.CompanyId, m.Paragraph)).Distinct().Count());
        var para3 = Assert.Single(mentions, m => m.CompanyId == tencent.Id && m.Paragraph == 3);
        Assert.Equal("A major move came from Tencent, which quietly began an AI search function powered by DeepSeek-R1 within WeChat.", para3.Quote);
        Assert.Contains(mentions, m => m.CompanyId == tencent.Id && m.Paragraph == 13);
        var cnpc = await db.Companies.SingleAsync(c => c.Name == "China National Petroleum Corp", Ct);
        Assert.Contains(mentions, m => m.CompanyId == cnpc.Id && m.Paragraph == 26);
    }

    /// <summary>The events quoting seed 000's timeline paragraphs (30–38), in entry order, with companies and models.</summary>
    private static async Task<List<TimelineEvent>> TimelineEventsAsync(Core.Data.IndustryTrackerDbContext db)
    {
        var byParagraph = await db.Mentions
            .Where(m => m.TimelineEventId != null && m.Paragraph >= 30)
            .Select(m => new { m.Paragraph, Id = m.TimelineEventId!.Value })
            .ToListAsync(Ct);
        var events = await db.Events.Include(e => e.Companies).Include(e => e.Models).ToListAsync(Ct);
        return byParagraph.OrderBy(p => p.Paragraph).Select(p => events.Single(e => e.Id == p.Id)).ToList();
    }
}
