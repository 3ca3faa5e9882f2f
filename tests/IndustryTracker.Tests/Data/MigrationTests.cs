using System.Text.Json;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Export;
using IndustryTracker.Core.Queries;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace IndustryTracker.Tests.Data;

/// <summary>EF Core migrations, one set per provider; run on SQLite and (with INDUSTRYTRACKER_TEST_POSTGRES) PostgreSQL.</summary>
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
    public async Task The_model_has_no_changes_the_migrations_lack()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: true);
        await using var context = database.CreateContext();

        Assert.False(context.Database.HasPendingModelChanges());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync(Ct));
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: true);
        var before = await DatabaseSchema.ReadAsync(database);

        var appliedAgain = await database.Upgrader().MigrateAsync(Ct);

        Assert.Empty(appliedAgain);
        Assert.Equal(before, await DatabaseSchema.ReadAsync(database));
    }

    [Fact]
    public async Task The_start_up_check_knows_the_same_migrations_EF_Core_applies()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var context = database.CreateContext();

        var ids = database.Upgrader().MigrationIds();

        Assert.NotEmpty(ids);
        Assert.Equal(context.Database.GetMigrations().Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_database_one_migration_behind_gets_that_migration_on_start()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        string latest;
        await using (var context = database.CreateContext())
        {
            var migrations = context.Database.GetMigrations().ToList();
            latest = migrations[^1];
            await context.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(migrations[^2], Ct);
        }

        var applied = await database.Upgrader().MigrateAsync(Ct);

        Assert.Equal([latest], applied);
        await using var after = database.CreateContext();
        Assert.Empty(await after.Database.GetPendingMigrationsAsync(Ct));
    }

    [Fact]
    public async Task A_database_made_by_the_hand_written_scripts_upgrades_in_place_on_start_with_every_row_kept()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await LegacyDatabase.CreateSchemaAsync(database);
        // Rows written in the old schema by its own SQL (today's model has columns the old schema lacks).
        await database.ExecuteSqlAsync("""
            INSERT INTO "Articles" ("FileName", "Title", "Sha256", "ImportedAt", "CleanText")
            VALUES ('old.txt', 'Old', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '2025-03-01T00:00:00+00:00', 'Users can choose DeepSeek.');
            INSERT INTO "Companies" ("Name", "Slug", "NameKey", "Category", "CreatedAt", "UpdatedAt", "Version")
            VALUES ('High-Flyer', 'high-flyer', 'high flyer', 'Investor', '2025-03-01T00:00:00+00:00', '2025-03-01T00:00:00+00:00', 1);
            INSERT INTO "Companies" ("Name", "Slug", "NameKey", "Category", "ParentId", "CreatedAt", "UpdatedAt", "Version")
            SELECT 'DeepSeek', 'deepseek', 'deepseek', 'ModelDeveloper', c."Id", '2025-03-01T00:00:00+00:00', '2025-03-01T00:00:00+00:00', 1 FROM "Companies" AS c;
            INSERT INTO "Events" ("Title", "Category", "DateLabel", "DateStart", "DateEnd", "DatePrecision", "Origin", "CreatedAt", "UpdatedAt", "Version")
            VALUES ('Tencent integrates DeepSeek into Weixin', 'IntegrationAdoption', 'Feb. 16, 2025', '2025-02-16', '2025-02-16', 'Day', 'Import', '2025-03-01T00:00:00+00:00', '2025-03-01T00:00:00+00:00', 1);
            INSERT INTO "EventCompanies" ("EventId", "CompanyId")
            SELECT e."Id", c."Id" FROM "Events" AS e, "Companies" AS c WHERE c."Slug" = 'deepseek';
            INSERT INTO "Mentions" ("ArticleId", "Paragraph", "Quote", "TimelineEventId")
            SELECT a."Id", 1, 'Users can choose DeepSeek.', e."Id" FROM "Articles" AS a, "Events" AS e;
            """);
        var rowsBefore = await RowCountsAsync(database);

        await using (var factory = new TrackerWebApplicationFactory(database))
        {
            using var client = factory.CreateClient();
            using var response = await client.GetAsync("/health", Ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        // Every table keeps its rows (the start adds the account roles, nothing else).
        var rowsAfter = await RowCountsAsync(database);
        Assert.All(rowsBefore, table => Assert.True(rowsAfter[table.Key] >= table.Value, $"{table.Key}: {table.Value} rows before, {rowsAfter[table.Key]} after"));
        Assert.Equal(
            [("Articles", 1L), ("Companies", 2L), ("EventCompanies", 1L), ("Events", 1L), ("Mentions", 1L)],
            new[] { "Articles", "Companies", "EventCompanies", "Events", "Mentions" }.Select(t => (t, rowsAfter[t])));
        var export = await new ExportService(database.Factory).BuildAsync(Ct);
        Assert.Equal("High-Flyer", Assert.Single(export.Companies, c => c.Name == "DeepSeek").Parent);
        var exported = Assert.Single(export.Events);
        Assert.Equal(("Tencent integrates DeepSeek into Weixin", "2025-02-16"), (exported.Title, exported.Date.Start));
        Assert.Equal(["DeepSeek"], exported.Companies);
        Assert.Equal("Users can choose DeepSeek.", Assert.Single(exported.Sources).Quote);
        await using (var context = database.CreateContext())
        {
            Assert.False(context.Database.HasPendingModelChanges());
            Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync(Ct));
        }
        // The schema is the one a new database gets, and the search index made by the old scripts still answers.
        await using var fresh = await TestDatabase.CreateAsync(migrate: true);
        Assert.Equal(await DatabaseSchema.ReadAsync(fresh), await DatabaseSchema.ReadAsync(database));
        var found = await new EventQueries(database.Factory).ListAsync(new EventQuery { Q = "choose" }, Ct);
        Assert.Equal("Tencent integrates DeepSeek into Weixin", Assert.Single(found.Items).Title);
    }

    [Fact]
    public async Task A_partly_upgraded_hand_written_database_is_refused_with_a_clear_message_and_left_unchanged()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await LegacyDatabase.CreateSchemaAsync(database, version => string.CompareOrdinal(version, "0005") < 0);
        var before = await DatabaseSchema.ReadAsync(database);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => database.Upgrader().MigrateAsync(Ct));

        Assert.Contains("0005_EventEditing, 0006_History", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSchema.ReadAsync(database));
    }

    /// <summary>How many rows each table of the old schema holds.</summary>
    private static async Task<Dictionary<string, long>> RowCountsAsync(TestDatabase database)
    {
        // "column Table.Column …" lines name every table on both providers.
        var tables = (await DatabaseSchema.ReadAsync(database)).Where(l => l.StartsWith("column ", StringComparison.Ordinal))
            .Select(l => l["column ".Length..].Split('.')[0]).Distinct().ToList();
        var counts = new Dictionary<string, long>();
        await using var context = database.CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }
}
