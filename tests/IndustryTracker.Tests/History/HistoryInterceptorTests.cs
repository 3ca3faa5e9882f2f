using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.History;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Tests.Import;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static IndustryTracker.Tests.History.HistoryTestKit;

namespace IndustryTracker.Tests.History;

public sealed class HistoryInterceptorTests
{
    [Fact]
    public async Task Creating_records_writes_one_created_entry_per_record_and_nothing_per_field()
    {
        await using var database = await TestData.CreateDatabaseAsync();

        var entries = await AllEntriesAsync(database);

        // TestData: 5 companies, 2 models, 2 investments, 5 events; aliases, links and mentions add no entries.
        Assert.Equal(14, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(ChangeKind.Created, e.Kind);
            Assert.Equal(HistoryEntry.RecordField, e.Field);
            Assert.Equal("import", e.Actor);
            Assert.True(e.EntityId > 0);
        });
        Assert.Single(entries.Select(e => e.ChangeSetId).Distinct());
        Assert.Equal([.. Enumerable.Repeat(HistoryEntities.Company, 5)], entries.Where(e => e.EntityType == HistoryEntities.Company).Select(e => e.EntityType));
        await using var db = database.CreateContext();
        var deepSeek = await db.Companies.SingleAsync(c => c.Slug == "deepseek", Ct);
        Assert.Contains(entries, e => e.EntityType == HistoryEntities.Company && e.EntityId == deepSeek.Id && e.EntityLabel == "DeepSeek" && e.NewValue == "DeepSeek");
    }

    [Fact]
    public async Task A_field_change_is_recorded_with_actor_time_and_old_and_new_values()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        int id;
        await using (var db = database.CreateContext())
        {
            db.Actor = Editor;
            var ernie = await db.Events.SingleAsync(e => e.Title == "Baidu plans Ernie 5", Ct);
            id = ernie.Id;
            ernie.Summary = "Baidu's next model.";
            ernie.Category = EventCategory.Partnership;
            ernie.Date = new FuzzyDate("July 2025", new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 31), DatePrecision.Month);
            await db.SaveChangesAsync(Ct);
        }

        var changes = (await EntriesAsync(database, HistoryEntities.Event, id)).Where(e => e.Kind == ChangeKind.Updated).ToList();

        Assert.Equal(["category", "date", "summary"], changes.Select(c => c.Field).Order(StringComparer.Ordinal));
        Assert.All(changes, c =>
        {
            Assert.Equal(Editor, c.Actor);
            Assert.Equal(database.Time.GetUtcNow(), c.At);
            Assert.Equal("Baidu plans Ernie 5", c.EntityLabel);
        });
        Assert.Single(changes.Select(c => c.ChangeSetId).Distinct());
        var summary = changes.Single(c => c.Field == "summary");
        Assert.Null(summary.OldValue);
        Assert.Equal("Baidu's next model.", summary.NewValue);
        var category = changes.Single(c => c.Field == "category");
        Assert.Equal(("ProductLaunch", "Partnership"), (category.OldValue, category.NewValue));
        var date = changes.Single(c => c.Field == "date");
        Assert.Equal("""{"label":"second half of 2025","end":"2025-12-31","precision":"HalfYear","start":"2025-07-01"}""", date.OldValue);
        Assert.Equal("July 2025", HistoryValues.Display(date.NewValue));
    }

    [Fact]
    public async Task Event_companies_and_models_are_recorded_as_lists_of_names()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        int id;
        await using (var db = database.CreateContext())
        {
            db.Actor = Editor;
            var weixin = await db.Events.Include(e => e.Companies).Include(e => e.Models).SingleAsync(e => e.Title == "Tencent integrates DeepSeek into Weixin", Ct);
            id = weixin.Id;
            weixin.Involve(await db.Companies.SingleAsync(c => c.Slug == "baidu", Ct));
            weixin.Involve(await db.AiModels.SingleAsync(m => m.Slug == "deepseek-r1", Ct));
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = database.CreateContext())
        {
            db.Actor = "other@example.com";
            var link = await db.Set<EventCompany>()
                .SingleAsync(j => j.EventId == id && j.CompanyId == db.Companies.Single(c => c.Slug == "deepseek").Id, Ct);
            db.Remove(link);
            await db.SaveChangesAsync(Ct);
        }

        var changes = (await EntriesAsync(database, HistoryEntities.Event, id)).Where(e => e.Kind == ChangeKind.Updated).ToList();

        Assert.Equal(3, changes.Count);
        Assert.Equal(("""["DeepSeek","Tencent"]""", """["Baidu","DeepSeek","Tencent"]"""), (changes[0].OldValue, changes[0].NewValue));
        Assert.Equal("companies", changes[0].Field);
        Assert.Equal(("models", "[]", """["DeepSeek-R1"]"""), (changes[1].Field, changes[1].OldValue, changes[1].NewValue));
        Assert.Equal(("companies", """["Baidu","DeepSeek","Tencent"]""", """["Baidu","Tencent"]""", "other@example.com"), (changes[2].Field, changes[2].OldValue, changes[2].NewValue, changes[2].Actor));
    }

    [Fact]
    public async Task Company_aliases_and_parent_changes_are_recorded_on_the_company()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        int id;
        await using (var db = database.CreateContext())
        {
            db.Actor = Editor;
            var cloud = await db.Companies.Include(c => c.Parent).SingleAsync(c => c.Slug == "alibaba-cloud", Ct);
            id = cloud.Id;
            cloud.AddAlias("Alibaba Cloud Intelligence", AliasKind.Former);
            cloud.SetParent(null);
            await db.SaveChangesAsync(Ct);
        }

        var changes = (await EntriesAsync(database, HistoryEntities.Company, id)).Where(e => e.Kind == ChangeKind.Updated).ToDictionary(e => e.Field);

        Assert.Equal(["aliases", "parent"], changes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("""["Aliyun"]""", """["Alibaba Cloud Intelligence","Aliyun"]"""), (changes["aliases"].OldValue, changes["aliases"].NewValue));
        Assert.Equal(("Alibaba Group Holding Ltd.", null), (changes["parent"].OldValue, changes["parent"].NewValue));
    }

    [Fact]
    public async Task A_failed_save_records_nothing()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        var before = (await AllEntriesAsync(database)).Count;
        await using (var db = database.CreateContext())
        {
            var baidu = await db.Companies.SingleAsync(c => c.Slug == "baidu", Ct);
            baidu.Summary = "changed";
            db.Companies.Add(new Company("Tencent")); // duplicate slug: the save fails
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }

        Assert.Equal(before, (await AllEntriesAsync(database)).Count);
    }

    [Fact]
    public async Task The_importer_records_each_new_record_once_as_created()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportTestKit.ImportSeedAsync(database, "001");

        var entries = await AllEntriesAsync(database);
        await using var db = database.CreateContext();
        var records = await db.Companies.CountAsync(Ct) + await db.AiModels.CountAsync(Ct) + await db.Investments.CountAsync(Ct) + await db.Events.CountAsync(Ct);

        Assert.Equal(records, entries.Count(e => e.Kind == ChangeKind.Created));
        Assert.All(entries, e => Assert.Equal("import", e.Actor));
        Assert.All(entries.GroupBy(e => (e.EntityType, e.EntityId)), g => Assert.Single(g, e => e.Kind == ChangeKind.Created));
        // Compact: at most a couple of follow-up fields (a founding date found later in the article) beside the creations.
        Assert.True(entries.Count <= records * 2, $"{entries.Count} history entries for {records} records");
    }
}
