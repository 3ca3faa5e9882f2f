using System.Text.Json.Nodes;
using IndustryTracker.Cli;
using Microsoft.Data.Sqlite;

namespace IndustryTracker.Tests.Cli;

/// <summary><c>backup</c> and <c>restore</c>: a round trip gives back the same data (compared as the JSON export), also while writes continue.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "industrytracker-backup-tests", Guid.NewGuid().ToString("N"));

    public BackupTests() => Directory.CreateDirectory(_folder);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static string Seed(string prefix) => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), prefix + "_*.txt").Single();

    [Fact]
    public async Task A_backup_restored_into_a_new_database_exports_the_same_json()
    {
        Assert.Equal(0, (await RunAsync("import", "--db", PathOf("live.db"), Seed("001"), Seed("002"))).ExitCode);
        var original = await ExportAsync("live.db");

        var backup = await RunAsync("backup", "--db", PathOf("live.db"), "--out", PathOf("backups/live.bak"));
        Assert.True(backup.ExitCode == 0, backup.Stderr);
        var restore = await RunAsync("restore", "--from", PathOf("backups/live.bak"), "--db", PathOf("restored.db"));
        Assert.True(restore.ExitCode == 0, restore.Stderr);

        Assert.True(JsonNode.DeepEquals(original, await ExportAsync("restored.db")), "the restored database exports different data");
        Assert.NotEmpty(original!["events"]!.AsArray());
    }

    [Fact]
    public async Task A_restore_replaces_later_changes_and_a_damaged_backup_changes_nothing()
    {
        Assert.Equal(0, (await RunAsync("import", "--db", PathOf("live.db"), Seed("001"))).ExitCode);
        var atBackup = await ExportAsync("live.db");
        Assert.Equal(0, (await RunAsync("backup", "--db", PathOf("live.db"), "--out", PathOf("live.bak"))).ExitCode);
        Assert.Equal(0, (await RunAsync("import", "--db", PathOf("live.db"), Seed("002"))).ExitCode);
        var later = await ExportAsync("live.db");
        Assert.False(JsonNode.DeepEquals(atBackup, later));

        await File.WriteAllTextAsync(PathOf("garbage.bak"), "not a database", TestContext.Current.CancellationToken);
        var refused = await RunAsync("restore", "--from", PathOf("garbage.bak"), "--db", PathOf("live.db"));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("not a usable backup", refused.Stderr, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(later, await ExportAsync("live.db")));

        Assert.Equal(0, (await RunAsync("restore", "--from", PathOf("live.bak"), "--db", PathOf("live.db"))).ExitCode);
        Assert.True(JsonNode.DeepEquals(atBackup, await ExportAsync("live.db")));
    }

    [Fact]
    public async Task A_backup_taken_while_writes_continue_is_intact_and_holds_only_whole_transactions()
    {
        Assert.Equal(0, (await RunAsync("import", "--db", PathOf("live.db"), Seed("001"))).ExitCode);
        using var stop = new CancellationTokenSource();
        var firstCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Each transaction changes every event's title to the same new value: a torn copy would show two values.
        var writer = Task.Run(async () =>
        {
            await using var connection = new SqliteConnection($"Data Source={PathOf("live.db")};Pooling=False");
            await connection.OpenAsync();
            await using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000;";
                await wal.ExecuteNonQueryAsync();
            }
            var round = 0;
            while (!stop.IsCancellationRequested)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using var update = connection.CreateCommand();
                update.Transaction = (SqliteTransaction)transaction;
                update.CommandText = $"UPDATE \"Events\" SET \"Title\" = 'round {++round}'";
                await update.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                firstCommit.TrySetResult();
            }
            return round;
        });

        await firstCommit.Task.WaitAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < 5; i++)
        {
            var result = await RunAsync("backup", "--db", PathOf("live.db"), "--out", PathOf($"during-{i}.bak"));
            Assert.True(result.ExitCode == 0, result.Stderr);
            await using var copy = new SqliteConnection($"Data Source={PathOf($"during-{i}.bak")};Mode=ReadOnly;Pooling=False");
            await copy.OpenAsync(TestContext.Current.CancellationToken);
            await using var titles = copy.CreateCommand();
            titles.CommandText = "SELECT count(DISTINCT \"Title\") FROM \"Events\"";
            Assert.Equal(1L, (long)(await titles.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        }
        await stop.CancelAsync();
        Assert.True(await writer > 0, "the writer never committed while the backups ran");
    }

    [Fact]
    public async Task A_cancelled_import_exits_130_and_writes_no_article()
    {
        Assert.Equal(0, (await RunAsync("import", "--db", PathOf("live.db"), Seed("001"))).ExitCode);
        var before = await ExportAsync("live.db");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["import", "--db", PathOf("live.db"), Seed("002")], stdout, stderr, TextReader.Null, new CancellationToken(canceled: true));

        Assert.Equal(130, code);
        Assert.StartsWith("cancelled:", stderr.ToString(), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(before, await ExportAsync("live.db")));
    }

    private async Task<JsonNode?> ExportAsync(string db)
    {
        var outFile = PathOf(db + ".json");
        var result = await RunAsync("export", "--db", PathOf(db), "--format", "json", "--out", outFile);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonNode.Parse(await File.ReadAllTextAsync(outFile, TestContext.Current.CancellationToken));
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, TextReader.Null, TestContext.Current.CancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platforms: the temp folder is cleaned by the OS.
        }
    }
}
