using IndustryTracker.Core.Data;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IndustryTracker.Tests.Data;

/// <summary>
/// On PostgreSQL the app lets Npgsql prepare the commands a connection repeats, unless the connection string says
/// otherwise: parsing and planning each command again was half of the database's CPU for a filtered timeline page.
/// </summary>
public sealed class PostgresConnectionDefaultsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_connection_string_without_the_setting_gets_automatic_preparation()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Database=it;Username=app"));

        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.Equal(("db", "it", "app"), (applied.Host, applied.Database, applied.Username));
    }

    [Theory]
    [InlineData("Host=db;Database=it;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=it;maxautoprepare=5", 5)]
    [InlineData("Host=db;MAX AUTO PREPARE=12;Database=it", 12)]
    public void A_setting_the_connection_string_names_is_kept(string connectionString, int expected)
    {
        var applied = PostgresConnectionDefaults.Apply(connectionString);

        Assert.Equal(connectionString, applied);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(applied).MaxAutoPrepare);
    }

    [Fact]
    public async Task A_query_a_connection_repeats_is_prepared_on_the_server()
    {
        if (TestDatabase.Provider != DatabaseProvider.Postgres)
        {
            Assert.Equal(DatabaseProvider.Sqlite, TestDatabase.Provider); // Microsoft.Data.Sqlite keeps its own statements
            return;
        }
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync(Ct);

        for (var i = 0; i < 6; i++)
        {
            await db.Companies.AsNoTracking().Where(c => c.Slug != "x").CountAsync(Ct);
        }

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM "Companies"%'""";
        Assert.Equal(1L, await command.ExecuteScalarAsync(Ct));
    }
}
