using IndustryTracker.Core;
using IndustryTracker.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace IndustryTracker.Tests.Data;

/// <summary>
/// The SQLite settings hold on every open, and a pooled connection gets them once: EF Core opens and closes the
/// connection around each query, and re-running the three statements on each open was a measurable part of a request.
/// </summary>
public sealed class SqlitePragmasTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"industrytracker-pragmas-{Guid.NewGuid():N}.db");

    private string ConnectionString(bool pooling) => new SqliteConnectionStringBuilder { DataSource = _path, Pooling = pooling }.ToString();

    private IndustryTrackerDbContext CreateContext(bool pooling)
    {
        var connectionString = ConnectionString(pooling);
        var builder = new DbContextOptionsBuilder<IndustryTrackerDbContext>();
        DependencyInjection.ConfigureProvider(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = connectionString });
        return new IndustryTrackerDbContext(builder.Options);
    }

    private static async Task<string> PragmaAsync(SqliteConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public async Task A_pooled_connection_is_configured_on_its_first_open_only_and_keeps_the_settings()
    {
        var statements = new List<string>();
        sqlite3? first = null;
        for (var open = 0; open < 3; open++)
        {
            await using var db = CreateContext(pooling: true);
            await db.Database.OpenConnectionAsync(Ct);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            if (first is null)
            {
                first = connection.Handle!;
                raw.sqlite3_trace(first, (_, sql) => statements.Add(sql.utf8_to_string()), null);
            }
            Assert.Same(first, connection.Handle); // the pool handed out the same native connection again

            Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
            Assert.Equal("2", await PragmaAsync(connection, "synchronous")); // FULL
            Assert.Equal("10000", await PragmaAsync(connection, "busy_timeout"));
            await db.Database.CloseConnectionAsync();
        }

        // Traced from just after the first open: the test's own nine reads, and no setting run again on a reused connection.
        Assert.Equal(9, statements.Count);
        Assert.All(statements, s => Assert.DoesNotContain('=', s));
    }

    [Fact]
    public async Task Without_pooling_every_new_connection_is_configured()
    {
        for (var open = 0; open < 2; open++)
        {
            await using var db = CreateContext(pooling: false);
            await db.Database.OpenConnectionAsync(Ct);
            var connection = (SqliteConnection)db.Database.GetDbConnection();

            Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
            Assert.Equal("2", await PragmaAsync(connection, "synchronous"));
            Assert.Equal("10000", await PragmaAsync(connection, "busy_timeout"));
        }
    }

    public void Dispose()
    {
        using (var pooled = new SqliteConnection(ConnectionString(pooling: true)))
        {
            SqliteConnection.ClearPool(pooled);
        }
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
