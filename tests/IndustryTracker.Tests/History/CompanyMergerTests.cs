using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.History;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static IndustryTracker.Tests.History.HistoryTestKit;

namespace IndustryTracker.Tests.History;

public sealed class CompanyMergerTests
{
    [Fact]
    public async Task Merging_moves_everything_to_the_survivor_and_undo_restores_the_exact_state()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        var before = await StateAsync(database);

        // Alibaba Group: aliases, a subsidiary (Alibaba Cloud), a received investment (capex), a participation shared
        // with Tencent (the Series A), an event (the spending plan) and a mention.
        var merge = await Merger(database).MergeAsync("tencent", "alibaba-group-holding-ltd", Editor, Ct);

        Assert.Equal(HistoryResult.Done, merge.Result);
        await using (var db = database.CreateContext())
        {
            Assert.False(await db.Companies.AnyAsync(c => c.Slug == "alibaba-group-holding-ltd", Ct));
            var tencent = await db.Companies.Include(c => c.Subsidiaries).SingleAsync(c => c.Slug == "tencent", Ct);
            Assert.Equal(["Alibaba Group Holding Ltd.", "BABA", "Weixin maker"], tencent.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal));
            Assert.Equal(["Alibaba Cloud"], tencent.Subsidiaries.Select(c => c.Name));
            var spending = await db.Events.Include(e => e.Companies).SingleAsync(e => e.Title.StartsWith("Alibaba announces"), Ct);
            Assert.Equal(["Tencent"], spending.Companies.Select(c => c.Name));
            Assert.Equal(2, await db.Investments.CountAsync(i => i.RecipientId == tencent.Id || i.Participants.Any(p => p.CompanyId == tencent.Id), Ct));
            Assert.Equal(1, await db.Mentions.CountAsync(m => m.CompanyId == tencent.Id, Ct));
            var recorded = await db.Set<HistoryEntry>().Where(h => h.MergeId == merge.MergeId).ToListAsync(Ct);
            Assert.Contains(recorded, h => h.EntityLabel == "Tencent" && h.Field == "merge" && h.Kind == ChangeKind.Merged && h.Actor == Editor);
            Assert.Contains(recorded, h => h.EntityLabel == "Alibaba Group Holding Ltd." && h.Field == "merge" && h.Kind == ChangeKind.Merged);
            Assert.Contains(recorded, h => h.EntityLabel == "Alibaba Group Holding Ltd." && h.Field == HistoryEntry.RecordField && h.Kind == ChangeKind.Merged);
        }

        var undo = await Merger(database).UndoAsync(merge.MergeId!.Value, "undo@example.com", Ct);

        Assert.Equal(HistoryResult.Done, undo.Result);
        Assert.Equal(before, await StateAsync(database));
        var alibabaHistory = await EntriesAsync(database, HistoryEntities.Company, (await SlugIdAsync(database, "alibaba-group-holding-ltd")));
        Assert.Contains(alibabaHistory, h => h.Kind == ChangeKind.Unmerged && h.Field == "merge" && h.Actor == "undo@example.com");
    }

    [Fact]
    public async Task Undo_leaves_later_unrelated_changes_alone_and_events_shared_by_both_stay_linked()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        var merge = await Merger(database).MergeAsync("tencent", "deepseek", Editor, Ct);
        Assert.Equal(HistoryResult.Done, merge.Result);
        await using (var db = database.CreateContext())
        {
            db.Actor = Editor;
            var tencent = await db.Companies.SingleAsync(c => c.Slug == "tencent", Ct);
            var later = new TimelineEvent("Tencent opens a lab", FuzzyDate.Day(new DateOnly(2025, 3, 3)), EventCategory.Other, EventOrigin.Editor);
            later.Involve(tencent);
            db.Events.Add(later);
            tencent.Summary = "Edited after the merge.";
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(HistoryResult.Done, (await Merger(database).UndoAsync(merge.MergeId!.Value, Editor, Ct)).Result);

        await using var check = database.CreateContext();
        var lab = await check.Events.Include(e => e.Companies).SingleAsync(e => e.Title == "Tencent opens a lab", Ct);
        Assert.Equal(["Tencent"], lab.Companies.Select(c => c.Name));
        Assert.Equal("Edited after the merge.", (await check.Companies.SingleAsync(c => c.Slug == "tencent", Ct)).Summary);
        var weixin = await check.Events.Include(e => e.Companies).SingleAsync(e => e.Title == "Tencent integrates DeepSeek into Weixin", Ct);
        Assert.Equal(["DeepSeek", "Tencent"], weixin.Companies.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal("DeepSeek", (await check.AiModels.Include(m => m.Developer).SingleAsync(m => m.Slug == "deepseek-r1", Ct)).Developer!.Name);
    }

    [Fact]
    public async Task Undoing_twice_or_after_the_slug_was_reused_is_a_conflict_and_changes_nothing()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        var first = await Merger(database).MergeAsync("tencent", "baidu", Editor, Ct);
        Assert.Equal(HistoryResult.Done, (await Merger(database).UndoAsync(first.MergeId!.Value, Editor, Ct)).Result);
        var afterUndo = await StateAsync(database);

        var twice = await Merger(database).UndoAsync(first.MergeId.Value, Editor, Ct);

        Assert.Equal(HistoryOutcome.Conflict, twice.Result.Outcome);
        Assert.Contains("already undone", twice.Result.Message, StringComparison.Ordinal);
        Assert.Equal(afterUndo, await StateAsync(database));

        var second = await Merger(database).MergeAsync("tencent", "baidu", Editor, Ct);
        await using (var db = database.CreateContext())
        {
            db.Companies.Add(new Company("Baidu", CompanyCategory.BigTech));
            await db.SaveChangesAsync(Ct);
        }
        var reused = await StateAsync(database);

        var blocked = await Merger(database).UndoAsync(second.MergeId!.Value, Editor, Ct);

        Assert.Equal(HistoryOutcome.Conflict, blocked.Result.Outcome);
        Assert.Contains("'baidu' is used again", blocked.Result.Message, StringComparison.Ordinal);
        Assert.Equal(reused, await StateAsync(database));
        Assert.Equal(HistoryOutcome.NotFound, (await Merger(database).UndoAsync(12345, Editor, Ct)).Result.Outcome);
    }

    [Theory]
    [InlineData("tencent", "tencent", "cannot be merged into itself")]
    [InlineData("tencent", "no-such-company", "No company has the slug 'no-such-company'")]
    [InlineData("no-such-company", "tencent", "No company has the slug 'no-such-company'")]
    [InlineData("tencent", "", "Name the duplicate company")]
    [InlineData("alibaba-group-holding-ltd", "alibaba-cloud", "cannot be merged into its own parent")]
    [InlineData("alibaba-cloud", "alibaba-group-holding-ltd", "cannot be merged into its own subsidiary")]
    public async Task Invalid_merges_are_refused_with_a_clear_message_and_change_nothing(string survivor, string duplicate, string message)
    {
        await using var database = await TestData.CreateDatabaseAsync();
        var before = await StateAsync(database);
        var entries = (await AllEntriesAsync(database)).Count;

        var result = await Merger(database).MergeAsync(survivor, duplicate, Editor, Ct);

        Assert.Equal(HistoryOutcome.Invalid, result.Result.Outcome);
        Assert.Contains(message, result.Result.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(database));
        Assert.Equal(entries, (await AllEntriesAsync(database)).Count);
    }

    [Fact]
    public async Task The_preview_counts_what_would_move()
    {
        await using var database = await TestData.CreateDatabaseAsync();

        var (result, preview) = await Merger(database).PreviewAsync("tencent", "alibaba-group-holding-ltd", Ct);

        Assert.Equal(HistoryResult.Done, result);
        Assert.Equal(new MergePreview("Tencent", "tencent", "Alibaba Group Holding Ltd.", "alibaba-group-holding-ltd", 2, 1, 1, 0, 2, 1), preview);
    }

    private static async Task<int> SlugIdAsync(TestDatabase database, string slug)
    {
        await using var db = database.CreateContext();
        return await db.Companies.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync(Ct);
    }
}
