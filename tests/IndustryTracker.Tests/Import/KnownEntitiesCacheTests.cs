using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Import;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static IndustryTracker.Tests.Import.ImportTestKit;

namespace IndustryTracker.Tests.Import;

public sealed class KnownEntitiesCacheTests
{
    [Fact]
    public async Task After_edits_of_every_kind_the_cache_hands_out_what_a_full_read_returns_and_reads_only_what_changed()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportSeedAsync(database, "001");
        await ImportSeedAsync(database, "002");
        await using (var db = database.CreateContext())
        {
            db.Companies.Add(new Company("Short Lived Holdings"));
            db.AiModels.Add(new AiModel("Short Lived Model", developer: null));
            await db.SaveChangesAsync(Ct);
        }
        var cache = new KnownEntitiesCache();
        await using (var db = database.CreateContext())
        {
            var first = await cache.LoadAsync(db, Ct);
            Assert.Equal(Describe(await KnownEntities.LoadAsync(db, Ct)), Describe(first));
            Assert.Equal(first.Companies.Count + first.Models.Count, cache.LastRead);
        }
        await using (var db = database.CreateContext())
        {
            Assert.Equal(await db.Companies.CountAsync(Ct), (await cache.LoadAsync(db, Ct)).Companies.Count);
            Assert.Equal(0, cache.LastRead);
        }

        // Five companies and two models change, in every way a save or a statement can change them.
        int renamed, aliased, revised, moved, movedTo, model;
        await using (var db = database.CreateContext())
        {
            var companies = await db.Companies.Where(c => c.Aliases.Count == 0).OrderBy(c => c.Id).Take(3).ToListAsync(Ct);
            var withAliases = await db.Companies.Where(c => c.Aliases.Count > 0).OrderBy(c => c.Id).Take(2).ToListAsync(Ct);
            (renamed, aliased, movedTo) = (companies[0].Id, companies[1].Id, companies[2].Id);
            (revised, moved) = (withAliases[0].Id, withAliases[1].Id);
            companies[0].Rename(companies[0].Name + " Renamed");
            companies[1].AddAlias("Cache Test Alias", AliasKind.Abbreviation);
            db.Companies.Remove(await db.Companies.SingleAsync(c => c.Name == "Short Lived Holdings", Ct));
            db.Companies.Add(new Company("Newly Stored Ventures"));
            var stored = await db.AiModels.OrderBy(m => m.Id).FirstAsync(Ct);
            model = stored.Id;
            stored.Rename(stored.Name + " Pro");
            db.AiModels.Remove(await db.AiModels.SingleAsync(m => m.Name == "Short Lived Model", Ct));
            await db.SaveChangesAsync(Ct);
        }
        // Statements the change tracker never sees: an alias respelt in place, an alias moved to another company.
        await database.ExecuteSqlAsync($"UPDATE \"CompanyAliases\" SET \"Name\" = upper(\"Name\") WHERE \"CompanyId\" = {revised}");
        await database.ExecuteSqlAsync($"UPDATE \"CompanyAliases\" SET \"CompanyId\" = {movedTo} WHERE \"CompanyId\" = {moved}");

        await using (var db = database.CreateContext())
        {
            var cached = await cache.LoadAsync(db, Ct);
            Assert.Equal(Describe(await KnownEntities.LoadAsync(db, Ct)), Describe(cached));
            Assert.Contains(cached.Companies, c => c.Name == "Newly Stored Ventures");
            Assert.DoesNotContain(cached.Companies, c => c.Name == "Short Lived Holdings");
            Assert.Contains(cached.Companies.Single(c => c.Id == aliased).Aliases, a => a.Name == "Cache Test Alias");
            Assert.EndsWith(" Pro", cached.Models.Single(m => m.Id == model).Name, StringComparison.Ordinal);
            // renamed, aliased, revised, moved, movedTo and the new company; the renamed model.
            Assert.Equal(7, cache.LastRead);
            Assert.Contains(cached.Companies, c => c.Id == renamed && c.Name.EndsWith(" Renamed", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_company_a_write_tracked_is_read_again_and_a_failed_write_makes_the_next_article_read_everything()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportSeedAsync(database, "001");
        var cache = new KnownEntitiesCache();
        Company handedOut;
        await using (var db = database.CreateContext())
        {
            // Attached unchanged, as the writer attaches a stored company; a new unit under it changes the instance
            // (EF Core adds the unit to its subsidiaries) but not its row or version.
            handedOut = (await cache.LoadAsync(db, Ct)).Companies[0];
            db.Attach(handedOut);
            var unit = new Company("Cache Test Unit");
            unit.SetParent(handedOut);
            db.Companies.Add(unit);
            await db.SaveChangesAsync(Ct);
            cache.Written(db);
            Assert.Contains(unit, handedOut.Subsidiaries);
        }
        Company again;
        await using (var db = database.CreateContext())
        {
            again = (await cache.LoadAsync(db, Ct)).Companies.Single(c => c.Id == handedOut.Id);
            Assert.NotSame(handedOut, again);
            Assert.Empty(again.Subsidiaries);
            Assert.Equal(2, cache.LastRead);

            // A write that fails leaves its changes on the instances it attached; they must not be handed out again.
            db.Attach(again);
            again.Summary = "Rolled back.";
            cache.Forget();
        }
        await using (var db = database.CreateContext())
        {
            var fresh = await cache.LoadAsync(db, Ct);
            Assert.NotEqual("Rolled back.", fresh.Companies.Single(c => c.Id == handedOut.Id).Summary);
            Assert.Equal(fresh.Companies.Count + fresh.Models.Count, cache.LastRead);
        }
    }

    [Fact]
    public async Task A_folder_imported_in_one_run_gives_the_facts_of_its_articles_imported_one_at_a_time()
    {
        await using var oneRun = await TestDatabase.CreateAsync();
        await using var oneByOne = await TestDatabase.CreateAsync();
        var results = await Importer(oneRun).ImportPathsAsync([SeedsFolder], cancellationToken: Ct);
        Assert.All(results, r => Assert.Equal(ImportOutcome.Imported, r.Outcome));
        foreach (var path in Directory.GetFiles(SeedsFolder, "*.txt").Order(StringComparer.Ordinal))
        {
            var result = await Importer(oneByOne).ImportAsync(new ArticleSource(Path.GetFileName(path), await File.ReadAllBytesAsync(path, Ct)), Ct);
            Assert.Equal(ImportOutcome.Imported, result.Outcome);
        }

        Assert.Equal(await RowCountsAsync(oneByOne), await RowCountsAsync(oneRun));
        Assert.Equal(await FactsAsync(oneByOne), await FactsAsync(oneRun));
    }

    private static async Task<List<string>> FactsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var companies = await db.Companies.OrderBy(c => c.Id).Select(c => c.Name + "|" + c.ParentId + "|" + c.Category).ToListAsync(Ct);
        var aliases = await db.Set<CompanyAlias>().OrderBy(a => a.Id).Select(a => a.CompanyId + "|" + a.Name).ToListAsync(Ct);
        var models = await db.AiModels.OrderBy(m => m.Id).Select(m => m.Name + "|" + m.DeveloperId).ToListAsync(Ct);
        var events = await db.Events.OrderBy(e => e.Id).Select(e => e.Title + "|" + e.Companies.Count).ToListAsync(Ct);
        return [.. companies, .. aliases, .. models, .. events];
    }

    private static List<string> Describe(KnownEntities known)
    {
        foreach (var model in known.Models.Where(m => m.DeveloperId is not null))
        {
            Assert.Same(known.Companies.Single(c => c.Id == model.DeveloperId), model.Developer);
        }
        return
        [
            .. known.Companies.Select(c => $"{c.Id}|{c.Name}|{c.Version}|{c.Summary}|"
                + string.Join(",", c.Aliases.OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.Name}:{a.Kind}"))),
            .. known.Models.Select(m => $"{m.Id}|{m.Name}|{m.Version}|{m.DeveloperId}"),
        ];
    }
}
