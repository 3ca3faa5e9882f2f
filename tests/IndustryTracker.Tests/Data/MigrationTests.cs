using System.Data.Common;
using IndustryTracker.Core.Data.Migrations;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Data;

public sealed class MigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrated_database_has_exactly_the_schema_the_EF_model_generates()
    {
        await using var migrated = await TestDatabase.CreateAsync(migrate: true);
        await using var modelBuilt = await TestDatabase.CreateAsync(migrate: false);
        await using (var context = modelBuilt.CreateContext())
        {
            await context.Database.EnsureCreatedAsync(Ct);
        }

        var expected = await DatabaseSchema.ReadAsync(modelBuilt);
        var actual = await DatabaseSchema.ReadAsync(migrated);

        Assert.Contains(expected, line => line.StartsWith("column Events.DateStart", StringComparison.Ordinal));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Migrating_twice_applies_nothing_the_second_time()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: true);

        var appliedAgain = await database.Migrator().MigrateAsync(Ct);

        Assert.Empty(appliedAgain);
        Assert.Equal(SchemaMigrations.For(database.Options.Provider).Select(m => m.Version), await database.Migrator().AppliedVersionsAsync(Ct));
    }

    [Fact]
    public async Task Upgrading_keeps_existing_data()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        var shipped = SchemaMigrations.For(database.Options.Provider);
        await database.Migrator().MigrateAsync([shipped[0]], Ct);
        await database.ExecuteSqlAsync("""
            INSERT INTO "Companies" ("Name", "Slug", "NameKey", "Category", "CreatedAt", "UpdatedAt", "Version")
            VALUES ('DeepSeek', 'deepseek', 'deepseek', 'ModelDeveloper', '2025-01-01T00:00:00+00:00', '2025-01-01T00:00:00+00:00', 1);
            INSERT INTO "CompanyAliases" ("CompanyId", "Name", "Kind", "NameKey")
            SELECT "Id", 'Deepseek AI', 'Alias', 'deepseek ai' FROM "Companies";
            """);

        // Every shipped migration after the first, plus one more a future release might add.
        var upgrade = shipped.Skip(1).Append(new SchemaMigration("9999_TestOnly_AddColumn", """ALTER TABLE "Companies" ADD COLUMN "Website" TEXT NULL;""")).ToList();
        var applied = await database.Migrator().MigrateAsync(upgrade, Ct);

        Assert.Equal(upgrade.Select(m => m.Version), applied);
        await using var context = database.CreateContext();
        var company = await context.Companies.SingleAsync(Ct);
        Assert.Equal("DeepSeek", company.Name);
        Assert.Equal("Deepseek AI", Assert.Single(company.Aliases).Name);
    }

    [Fact]
    public async Task Upgrading_a_0003_database_with_data_to_0004_Identity_keeps_the_data_and_adds_accounts()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        var shipped = SchemaMigrations.For(database.Options.Provider);
        await database.Migrator().MigrateAsync([.. shipped.Where(m => string.CompareOrdinal(m.Version, "0004") < 0)], Ct);
        await database.ExecuteSqlAsync("""
            INSERT INTO "Companies" ("Name", "Slug", "NameKey", "Category", "CreatedAt", "UpdatedAt", "Version")
            VALUES ('Tencent', 'tencent', 'tencent', 'BigTech', '2025-01-01T00:00:00+00:00', '2025-01-01T00:00:00+00:00', 1);
            """);

        var applied = await database.Migrator().MigrateAsync(Ct);

        Assert.Contains("0004_Identity", applied);
        await using var context = database.CreateContext();
        Assert.Equal("Tencent", (await context.Companies.SingleAsync(Ct)).Name);
        context.Users.Add(new Microsoft.AspNetCore.Identity.IdentityUser("ed@example.com") { Email = "ed@example.com", NormalizedEmail = "ED@EXAMPLE.COM", NormalizedUserName = "ED@EXAMPLE.COM" });
        await context.SaveChangesAsync(Ct);
        Assert.Equal(1, await context.Users.CountAsync(Ct));
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_and_not_recorded()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: true);
        var before = await DatabaseSchema.ReadAsync(database);
        var broken = new SchemaMigration("9999_Broken", """
            CREATE TABLE "Half" ("Id" INTEGER);
            THIS IS NOT SQL;
            """);

        await Assert.ThrowsAnyAsync<DbException>(() => database.Migrator().MigrateAsync([broken], Ct));

        Assert.DoesNotContain("9999_Broken", await database.Migrator().AppliedVersionsAsync(Ct));
        Assert.Equal(before, await DatabaseSchema.ReadAsync(database));
    }
}
