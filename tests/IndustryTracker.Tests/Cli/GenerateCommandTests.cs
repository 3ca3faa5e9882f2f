using IndustryTracker.Cli;
using Microsoft.Data.Sqlite;

namespace IndustryTracker.Tests.Cli;

/// <summary><c>generate</c>: a deterministic synthetic dataset in a new SQLite file, never over real data.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "industrytracker-generate-tests", Guid.NewGuid().ToString("N"));

    public GenerateCommandTests() => Directory.CreateDirectory(_folder);

    private static string Seeds => Path.Combine(AppContext.BaseDirectory, "seeds");

    [Fact]
    public async Task The_same_seed_gives_the_same_data_with_every_date_precision_and_shared_events()
    {
        var first = Path.Combine(_folder, "a.db");
        var second = Path.Combine(_folder, "b.db");

        var run = await RunAsync("generate", "--db", first, "--companies", "30", "--events", "400", "--investments", "40", "--seed", "5");
        await RunAsync("generate", "--db", second, "--companies", "30", "--events", "400", "--investments", "40", "--seed", "5");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("generated 30 companies", run.Stdout, StringComparison.Ordinal);
        const string fingerprint = """SELECT group_concat("Title" || "DateLabel" || "Category", '|') FROM (SELECT * FROM "Events" ORDER BY "Id")""";
        Assert.Equal(Scalar(first, fingerprint), Scalar(second, fingerprint));
        Assert.Equal("400", Scalar(first, """SELECT count(*) FROM "Events" """));
        Assert.Equal("400", Scalar(first, """SELECT count(*) FROM "EventSearch" """)); // the FTS triggers ran
        Assert.Equal("7", Scalar(first, """SELECT count(DISTINCT "DatePrecision") FROM "Events" """));
        Assert.NotEqual("0", Scalar(first, """SELECT count(*) FROM (SELECT "EventId" FROM "EventCompanies" GROUP BY "EventId" HAVING count(*) > 1)"""));
        Assert.Equal("0", Scalar(first, """SELECT count(*) FROM "Events" e WHERE NOT EXISTS (SELECT 1 FROM "Mentions" m WHERE m."TimelineEventId" = e."Id")"""));
        Assert.Equal("0", Scalar(first, """SELECT count(*) FROM "HistoryEntries" """));
        // Skewed: the busiest fifth of the companies holds most of the involvements.
        var busiestFifth = int.Parse(Scalar(first, """
            SELECT sum(n) FROM (SELECT count(*) AS n FROM "EventCompanies" GROUP BY "CompanyId" ORDER BY n DESC LIMIT 6)
            """), System.Globalization.CultureInfo.InvariantCulture);
        var all = int.Parse(Scalar(first, """SELECT count(*) FROM "EventCompanies" """), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(busiestFifth > all * 0.6, $"{busiestFifth} of {all}");
    }

    [Fact]
    public async Task A_database_with_imported_articles_is_refused_and_left_unchanged()
    {
        var db = Path.Combine(_folder, "real.db");
        Assert.Equal(0, (await RunAsync("import", "--db", db, Seeds)).ExitCode);
        var events = Scalar(db, """SELECT count(*) FROM "Events" """);

        var result = await RunAsync("generate", "--db", db, "--companies", "20", "--events", "50", "--investments", "5");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("imported articles", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(events, Scalar(db, """SELECT count(*) FROM "Events" """));
        Assert.Equal("0", Scalar(db, """SELECT count(*) FROM "Companies" WHERE "CreatedBy" = 'generate'"""));
    }

    [Fact]
    public async Task Bad_sizes_are_refused_with_a_clear_message()
    {
        var result = await RunAsync("generate", "--db", Path.Combine(_folder, "x.db"), "--events", "many");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--events must be a whole number", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "x.db")));
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
            // A file still open: the temp folder is cleaned by the OS.
        }
    }

    private static string Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, TextReader.Null, TestContext.Current.CancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
