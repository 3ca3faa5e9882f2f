using System.Diagnostics;
using System.Net;
using System.Text.Json;
using IndustryTracker.Core.Data;
using IndustryTracker.Tests.Support;
using IndustryTracker.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Data;

/// <summary>
/// Every connection gets write-ahead logging, synchronous=FULL and a busy timeout, so a reader of the timeline
/// never waits for a writer holding the database (a long import).
/// </summary>
public sealed class SqliteDurabilityTests : WebAppTest
{
    private static async Task<string> PragmaAsync(System.Data.Common.DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public async Task Every_connection_the_app_opens_is_in_wal_mode_with_full_sync_and_a_busy_timeout()
    {
        if (TestDatabase.Provider != DatabaseProvider.Sqlite)
        {
            Assert.Equal(DatabaseProvider.Postgres, TestDatabase.Provider); // PostgreSQL has its own write-ahead log; nothing to set
            return;
        }
        await using var db = Database.CreateContext();
        await db.Database.OpenConnectionAsync(Ct);
        var connection = db.Database.GetDbConnection();

        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
        Assert.Equal("2", await PragmaAsync(connection, "synchronous")); // FULL
        Assert.Equal("10000", await PragmaAsync(connection, "busy_timeout"));
    }

    [Fact]
    public async Task The_timeline_api_answers_while_a_writer_holds_the_database()
    {
        var title = (await Client.GetFromJsonElementAsync("/api/events?pageSize=1")).GetProperty("items")[0].GetProperty("title").GetString();
        await using var writer = Database.CreateContext();
        await writer.Database.OpenConnectionAsync(Ct);
        var connection = writer.Database.GetDbConnection();
        await using (var begin = connection.CreateCommand())
        {
            // The strongest lock a writer takes: without WAL it keeps every reader out until it ends.
            begin.CommandText = TestDatabase.Provider == DatabaseProvider.Sqlite ? "BEGIN EXCLUSIVE" : "BEGIN";
            await begin.ExecuteNonQueryAsync(Ct);
        }
        await using (var update = connection.CreateCommand())
        {
            update.CommandText = "UPDATE \"Events\" SET \"Title\" = 'Being rewritten'";
            await update.ExecuteNonQueryAsync(Ct);
        }

        try
        {
            var clock = Stopwatch.StartNew();
            using var response = await Client.GetAsync("/api/events?pageSize=1", Ct);
            clock.Stop();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
            Assert.Equal(title, json.GetProperty("items")[0].GetProperty("title").GetString()); // the last committed state
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the reader waited {clock.Elapsed} for the writer");
        }
        finally
        {
            await using var rollback = connection.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync(Ct);
        }
    }
}

internal static class JsonClientExtensions
{
    public static async Task<JsonElement> GetFromJsonElementAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }
}
