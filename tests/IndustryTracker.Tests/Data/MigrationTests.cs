using System.Text.Json;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Export;
using IndustryTracker.Core.Queries;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;

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
    public async Task A_database_made_by_the_hand_written_scripts_upgrades_in_place_on_start_with_every_row_kept()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await LegacyDatabase.CreateSchemaAsync(database);
        await using (var db = database.CreateContext())
        {
            await TestData.SeedAsync(db, Ct);
        }
        var exportBefore = await ExportJsonAsync(database);
        var historyBefore = await CountHistoryAsync(database);

        await using (var factory = new TrackerWebApplicationFactory(database))
        {
            using var client = factory.CreateClient();
            using var response = await client.GetAsync("/health", Ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(exportBefore, await ExportJsonAsync(database));
        Assert.Equal(historyBefore, await CountHistoryAsync(database));
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

    private static async Task<string> ExportJsonAsync(TestDatabase database) =>
        JsonSerializer.Serialize(await new ExportService(database.Factory).BuildAsync(Ct), EnumNames.JsonOptions);

    private static async Task<int> CountHistoryAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        return await context.Set<Core.History.HistoryEntry>().CountAsync(Ct);
    }
}
