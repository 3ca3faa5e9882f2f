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
}
