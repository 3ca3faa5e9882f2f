using IndustryTracker.Core.Dates;
using IndustryTracker.Core.History;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static IndustryTracker.Tests.History.HistoryTestKit;

namespace IndustryTracker.Tests.History;

public sealed class RevertTests
{
    private static async Task<(int EventId, List<HistoryEntry> Changes)> EditErnieAsync(TestDatabase database)
    {
        int id;
        await using (var db = database.CreateContext())
        {
            db.Actor = Editor;
            var ernie = await db.Events.Include(e => e.Companies).SingleAsync(e => e.Title == "Baidu plans Ernie 5", Ct);
            id = ernie.Id;
            ernie.Retitle("Baidu to launch Ernie 5");
            ernie.Summary = "Next flagship.";
            ernie.Date = new FuzzyDate("July 2025", new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 31), DatePrecision.Month);
            ernie.Involve(await db.Companies.SingleAsync(c => c.Slug == "tencent", Ct));
            await db.SaveChangesAsync(Ct);
        }
        return (id, [.. (await EntriesAsync(database, HistoryEntities.Event, id)).Where(e => e.Kind == ChangeKind.Updated)]);
    }

    [Fact]
    public async Task Reverting_fields_restores_the_old_values_and_records_reverted_entries()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        var (id, changes) = await EditErnieAsync(database);

        foreach (var change in changes)
        {
            Assert.Equal(HistoryResult.Done, await Histories(database).RevertAsync(change.Id, "rev@example.com", Ct));
        }

        await using var db = database.CreateContext();
        var ernie = await db.Events.Include(e => e.Companies).SingleAsync(e => e.Id == id, Ct);
        Assert.Equal("Baidu plans Ernie 5", ernie.Title);
        Assert.Null(ernie.Summary);
        Assert.Equal(new FuzzyDate("second half of 2025", new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31), DatePrecision.HalfYear), ernie.Date);
        Assert.Equal(["Baidu"], ernie.Companies.Select(c => c.Name));
        var reverted = (await EntriesAsync(database, HistoryEntities.Event, id)).Where(e => e.Kind == ChangeKind.Reverted).ToList();
        Assert.Equal(changes.Select(c => (c.Field, c.NewValue, c.OldValue)).Order(), reverted.Select(r => (r.Field, r.OldValue, r.NewValue)).Order());
        Assert.All(reverted, r => Assert.Equal("rev@example.com", r.Actor));
    }

    [Fact]
    public async Task Reverting_a_field_that_changed_again_since_is_a_conflict_and_changes_nothing()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        var (id, changes) = await EditErnieAsync(database);
        await using (var db = database.CreateContext())
        {
            db.Actor = "later@example.com";
            (await db.Events.SingleAsync(e => e.Id == id, Ct)).Summary = "Changed again.";
            await db.SaveChangesAsync(Ct);
        }
        var before = await StateAsync(database);
        var entriesBefore = (await AllEntriesAsync(database)).Count;

        var result = await Histories(database).RevertAsync(changes.Single(c => c.Field == "summary").Id, Editor, Ct);

        Assert.Equal(HistoryOutcome.Conflict, result.Outcome);
        Assert.Contains("changed since", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(database));
        Assert.Equal(entriesBefore, (await AllEntriesAsync(database)).Count);
    }

    [Fact]
    public async Task A_creation_entry_cannot_be_reverted()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        var created = (await AllEntriesAsync(database)).First(e => e.Kind == ChangeKind.Created);
        var before = await StateAsync(database);

        var result = await Histories(database).RevertAsync(created.Id, Editor, Ct);

        Assert.Equal(HistoryOutcome.Invalid, result.Outcome);
        Assert.Contains("creation cannot be reverted", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(database));
        Assert.Equal(HistoryOutcome.NotFound, (await Histories(database).RevertAsync(999_999, Editor, Ct)).Outcome);
    }

    [Fact]
    public async Task A_company_category_and_a_model_release_date_revert()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        int companyId, modelId;
        await using (var db = database.CreateContext())
        {
            db.Actor = Editor;
            var baidu = await db.Companies.SingleAsync(c => c.Slug == "baidu", Ct);
            companyId = baidu.Id;
            baidu.Category = Core.Companies.CompanyCategory.ModelDeveloper;
            var r1 = await db.AiModels.SingleAsync(m => m.Slug == "deepseek-r1", Ct);
            modelId = r1.Id;
            r1.ReleaseDate = null;
            await db.SaveChangesAsync(Ct);
        }

        foreach (var entry in (await EntriesAsync(database, HistoryEntities.Company, companyId)).Concat(await EntriesAsync(database, HistoryEntities.Model, modelId)).Where(e => e.Kind == ChangeKind.Updated))
        {
            Assert.Equal(HistoryResult.Done, await Histories(database).RevertAsync(entry.Id, Editor, Ct));
        }

        await using var check = database.CreateContext();
        Assert.Equal(Core.Companies.CompanyCategory.BigTech, (await check.Companies.SingleAsync(c => c.Id == companyId, Ct)).Category);
        Assert.Equal(FuzzyDate.Day(new DateOnly(2025, 1, 20), "Jan. 20, 2025"), (await check.AiModels.SingleAsync(m => m.Id == modelId, Ct)).ReleaseDate);
    }
}
