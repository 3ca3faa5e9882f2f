using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.History;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static IndustryTracker.Tests.History.HistoryTestKit;

namespace IndustryTracker.Tests.History;

/// <summary>
/// An edit and its history are one write: when the database refuses the history rows (a trigger raising an error
/// stands in for any failure: a full disk, a constraint, a lost connection), the edit is rolled back with them.
/// </summary>
public sealed class HistoryAtomicityTests
{
    [Fact]
    public async Task A_refused_history_row_rolls_back_the_edit_of_an_existing_record()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        var before = (await AllEntriesAsync(database)).Count;
        string? summary;
        await using (var db = database.CreateContext())
        {
            summary = await db.Companies.Where(c => c.Slug == "baidu").Select(c => c.Summary).SingleAsync(Ct);
        }
        await RefuseHistoryAsync(database, "INSERT");

        await using (var db = database.CreateContext())
        {
            db.Actor = Editor;
            var baidu = await db.Companies.SingleAsync(c => c.Slug == "baidu", Ct);
            baidu.Summary = "An edit whose history cannot be written.";
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(summary, await db.Companies.Where(c => c.Slug == "baidu").Select(c => c.Summary).SingleAsync(Ct));
        }
        Assert.Equal(before, (await AllEntriesAsync(database)).Count);
    }

    [Fact]
    public async Task A_refused_history_row_rolls_back_a_new_record()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        // A new record's entry is written right after the save's commands, once the record has its id: refuse it.
        await RefuseHistoryAsync(database, "INSERT");

        await using (var db = database.CreateContext())
        {
            db.Actor = Editor;
            db.Companies.Add(new Company("Moonshot AI"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync(Ct));
        }

        await using (var db = database.CreateContext())
        {
            Assert.False(await db.Companies.AnyAsync(c => c.Slug == "moonshot-ai", Ct));
            Assert.DoesNotContain(await db.Set<HistoryEntry>().Select(h => h.EntityLabel).ToListAsync(Ct), label => label == "Moonshot AI");
        }
    }

    [Fact]
    public async Task Without_the_refusal_the_same_edits_are_saved_with_their_history()
    {
        await using var database = await TestData.CreateDatabaseAsync();

        await using (var db = database.CreateContext())
        {
            db.Actor = Editor;
            (await db.Companies.SingleAsync(c => c.Slug == "baidu", Ct)).Summary = "Saved.";
            db.Companies.Add(new Company("Moonshot AI"));
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = database.CreateContext())
        {
            var moonshot = await db.Companies.SingleAsync(c => c.Slug == "moonshot-ai", Ct);
            var baidu = await db.Companies.SingleAsync(c => c.Slug == "baidu", Ct);
            Assert.Equal("Saved.", baidu.Summary);
            Assert.Single(await EntriesAsync(database, HistoryEntities.Company, moonshot.Id), e => e.Kind == ChangeKind.Created);
            Assert.Single(await EntriesAsync(database, HistoryEntities.Company, baidu.Id), e => e.Field == "summary");
        }
    }

    /// <summary>Makes the database raise an error on every <paramref name="operation"/> of a history row.</summary>
    private static async Task RefuseHistoryAsync(TestDatabase database, string operation)
    {
        await using var db = database.CreateContext();
        if (TestDatabase.Provider == DatabaseProvider.Sqlite)
        {
            var trigger = $"""CREATE TRIGGER "RefuseHistory" BEFORE {operation} ON "HistoryEntries" BEGIN SELECT RAISE(ABORT, 'history refused'); END;""";
            await db.Database.ExecuteSqlRawAsync(trigger, Ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(
                """CREATE FUNCTION refuse_history() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'history refused'; END $$;""", Ct);
            var trigger = $"""CREATE TRIGGER "RefuseHistory" BEFORE {operation} ON "HistoryEntries" FOR EACH ROW EXECUTE FUNCTION refuse_history();""";
            await db.Database.ExecuteSqlRawAsync(trigger, Ct);
        }
    }
}
