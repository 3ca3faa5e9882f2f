using System.Text.Json;
using IndustryTracker.Cli;

namespace IndustryTracker.Tests.Cli;

/// <summary>The command line is a contract that scripts depend on: verbs, exit codes, stderr lines, JSON shape.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "industrytracker-cli-tests", Guid.NewGuid().ToString("N"));

    public CliTests() => Directory.CreateDirectory(_folder);

    private string Db => Path.Combine(_folder, "tracker.db");

    private static string Seeds => Path.Combine(AppContext.BaseDirectory, "seeds");

    [Fact]
    public async Task Import_of_the_seed_folder_succeeds_and_a_second_import_changes_nothing()
    {
        var first = await RunAsync("import", "--db", Db, Seeds);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("5 imported, 0 unchanged, 0 rejected", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, first.Stderr);
        var lines = first.Stdout.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal(
            ["[1/5] 000_", "[2/5] 001_", "[3/5] 002_", "[4/5] 003_", "[5/5] 004_"],
            lines.Where(l => l.StartsWith('[')).Select(l => l[..10]));
        Assert.Equal(5, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(
            l, @"^\d{3}_\w+\.txt: \d+ paragraphs, \d+ companies, \d+ models, \d+ investments, \d+ events, \d+ mentions$")));
        Assert.Equal(5, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^imported in \d+\.\d{2} s$")));

        var second = await RunAsync("import", "--db", Db, Seeds);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 imported, 5 unchanged, 0 rejected", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reimporting_an_edited_file_says_it_replaces_the_previous_version()
    {
        var folder = Path.Combine(Path.GetDirectoryName(Db)!, "edited");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "note.txt");
        await File.WriteAllTextAsync(file, "Desk Note\n\nOn March 3, 2025, Tencent launched a new assistant for factory workers.\n", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await RunAsync("import", "--db", Db, file)).ExitCode);
        await File.WriteAllTextAsync(file, "Desk Note\n\nOn March 3, 2025, Tencent launched a new assistant for hospital staff.\n", TestContext.Current.CancellationToken);

        var again = await RunAsync("import", "--db", Db, file);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("note.txt: 1 paragraphs, 1 companies, 0 models, 0 investments, 1 events, 2 mentions (replaces the previous version of this file)", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 imported, 0 unchanged, 0 rejected", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_dry_run_prints_the_per_article_counts_and_writes_nothing()
    {
        var create = await RunAsync("import", "--db", Db, Path.Combine(Seeds, "000_3eebd8cd0d11a731.txt"));
        Assert.Equal(0, create.ExitCode);
        // In WAL mode committed pages sit in the -wal file until the last connection closes and checkpoints them.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(Db, TestContext.Current.CancellationToken);

        var dry = await RunAsync("import", "--dry-run", "--db", Db, Seeds);

        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("unchanged 000_3eebd8cd0d11a731.txt: already imported", dry.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"would import 001_ca37da5879743481\.txt: \d+ paragraphs, \d+ companies \(\d+ new\), \d+ models, \d+ investments, \d+ events, \d+ mentions", dry.Stdout);
        Assert.Contains("dry run: 4 would be imported, 1 unchanged, 0 rejected; nothing was written", dry.Stdout, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Db, TestContext.Current.CancellationToken));

        var real = await RunAsync("import", "--db", Db, Seeds);
        Assert.Contains("4 imported, 1 unchanged, 0 rejected", real.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_file_gives_a_non_zero_exit_and_one_clear_stderr_line_per_file()
    {
        var empty = Path.Combine(_folder, "empty.txt");
        await File.WriteAllTextAsync(empty, "   \n", TestContext.Current.CancellationToken);
        var binary = Path.Combine(_folder, "binary.txt");
        await File.WriteAllBytesAsync(binary, [0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02], TestContext.Current.CancellationToken);
        var good = Path.Combine(Seeds, "001_ca37da5879743481.txt");

        var result = await RunAsync("import", "--db", Db, empty, good, binary);

        Assert.NotEqual(0, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("rejected empty.txt: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("rejected binary.txt: ", StringComparison.Ordinal));
        Assert.Contains("1 imported, 0 unchanged, 2 rejected", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_the_documented_camelCase_json()
    {
        Assert.Equal(0, (await RunAsync("import", "--db", Db, Seeds)).ExitCode);
        var outFile = Path.Combine(_folder, "out", "export.json");

        var result = await RunAsync("export", "--db", Db, "--format", "json", "--out", outFile);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(outFile, TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal(["companies", "models", "investments", "events", "articles", "valuations"], root.EnumerateObject().Select(p => p.Name));

        var deepseek = root.GetProperty("companies").EnumerateArray().Single(c => c.GetProperty("slug").GetString() == "deepseek");
        Assert.Equal("DeepSeek", deepseek.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Array, deepseek.GetProperty("aliases").ValueKind);
        Assert.Equal("model-developer", deepseek.GetProperty("category").GetString());

        var volcano = root.GetProperty("companies").EnumerateArray().Single(c => c.GetProperty("slug").GetString() == "volcano-engine");
        Assert.Equal("ByteDance", volcano.GetProperty("parent").GetString());

        var events = root.GetProperty("events").EnumerateArray().ToList();
        var wechat = events.Single(e => e.GetProperty("title").GetString()!.Contains("WeChat", StringComparison.Ordinal));
        var date = wechat.GetProperty("date");
        Assert.Equal("Feb. 16, 2025", date.GetProperty("label").GetString());
        Assert.Equal("2025-02-16", date.GetProperty("start").GetString());
        Assert.Equal("2025-02-16", date.GetProperty("end").GetString());
        Assert.Equal("day", date.GetProperty("precision").GetString());
        Assert.Contains("Tencent", wechat.GetProperty("companies").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("import", wechat.GetProperty("origin").GetString());
        var source = Assert.Single(wechat.GetProperty("sources").EnumerateArray());
        Assert.Equal("000_3eebd8cd0d11a731.txt", source.GetProperty("article").GetString());
        Assert.True(source.GetProperty("paragraph").GetInt32() > 0);
        Assert.Contains("WeChat", source.GetProperty("quote").GetString(), StringComparison.Ordinal);

        var article = root.GetProperty("articles").EnumerateArray().First();
        foreach (var field in new[] { "file", "title", "publisher", "author", "url", "sha256", "importedAt" })
        {
            Assert.True(article.TryGetProperty(field, out _), $"article lacks '{field}'");
        }
        Assert.Matches("^[0-9a-f]{64}$", article.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Export_of_a_missing_database_fails_without_creating_one()
    {
        var result = await RunAsync("export", "--db", Db, "--format", "json", "--out", Path.Combine(_folder, "x.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"no database at '{Db}'", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Theory]
    [InlineData("import", "--db")]
    [InlineData("import", "--database", "x.db", "file.txt")]
    [InlineData("export", "--db", "x.db", "--format", "xml", "--out", "x.xml")]
    [InlineData("frobnicate")]
    public async Task Bad_arguments_exit_2_with_a_message(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_creates_an_editor_from_the_password_on_standard_input_and_users_list_shows_it()
    {
        await File.WriteAllBytesAsync(Db, [], TestContext.Current.CancellationToken);

        var added = await RunWithInputAsync("a long enough passphrase\n", "users", "add", "--db", Db, "--email", "ed@example.com", "--role", "editor");

        Assert.Equal(0, added.ExitCode);
        Assert.Equal(string.Empty, added.Stderr);
        Assert.Contains("created ed@example.com (Editor)", added.Stdout, StringComparison.Ordinal);
        var listed = await RunAsync("users", "list", "--db", Db);
        Assert.Equal(0, listed.ExitCode);
        Assert.Equal("ed@example.com\tEditor", listed.Stdout.Trim());
    }

    [Theory]
    [InlineData("short pass", "Editor", "at least 12 characters")]
    [InlineData("a long enough passphrase", "Reader", "unknown role 'Reader'")]
    [InlineData("", "Editor", "no password")]
    public async Task Users_add_refuses_bad_input_with_one_clear_line_and_creates_nothing(string password, string role, string message)
    {
        await File.WriteAllBytesAsync(Db, [], TestContext.Current.CancellationToken);

        var result = await RunWithInputAsync(password + "\n", "users", "add", "--db", Db, "--email", "ed@example.com", "--role", role);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, (await RunAsync("users", "list", "--db", Db)).Stdout.Trim());
    }

    [Fact]
    public async Task Users_add_refuses_a_taken_email()
    {
        await File.WriteAllBytesAsync(Db, [], TestContext.Current.CancellationToken);
        Assert.Equal(0, (await RunWithInputAsync("a long enough passphrase\n", "users", "add", "--db", Db, "--email", "ed@example.com", "--role", "Editor")).ExitCode);

        var again = await RunWithInputAsync("another long passphrase\n", "users", "add", "--db", Db, "--email", "ED@example.com", "--role", "Admin");

        Assert.Equal(1, again.ExitCode);
        var line = Assert.Single(again.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("error: an account with the email 'ED@example.com' already exists.", line);
        Assert.Equal("ed@example.com\tEditor", (await RunAsync("users", "list", "--db", Db)).Stdout.Trim());
    }

    [Fact]
    public async Task Users_add_on_a_missing_database_fails_without_creating_one()
    {
        var result = await RunWithInputAsync("a long enough passphrase\n", "users", "add", "--db", Db, "--email", "ed@example.com", "--role", "Editor");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: no database at '{Db}'.", result.Stderr.Trim());
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task Users_role_lock_unlock_reset_password_and_delete_manage_an_account()
    {
        await File.WriteAllBytesAsync(Db, [], TestContext.Current.CancellationToken);
        Assert.Equal(0, (await RunWithInputAsync("a long enough passphrase\n", "users", "add", "--db", Db, "--email", "admin@example.com", "--role", "Admin")).ExitCode);
        Assert.Equal(0, (await RunWithInputAsync("a long enough passphrase\n", "users", "add", "--db", Db, "--email", "ed@example.com", "--role", "Editor")).ExitCode);

        Assert.Equal((0, "ed@example.com is now Admin"), Outcome(await RunAsync("users", "role", "--db", Db, "--email", "ed@example.com", "--role", "admin")));
        Assert.Equal((0, "locked ed@example.com"), Outcome(await RunAsync("users", "lock", "--db", Db, "--email", "ed@example.com")));
        Assert.Matches(@"^ed@example\.com\tAdmin locked until \d{4}-", Lines(await RunAsync("users", "list", "--db", Db))[1]);
        Assert.Equal((0, "unlocked ed@example.com"), Outcome(await RunAsync("users", "unlock", "--db", Db, "--email", "ed@example.com")));
        Assert.Equal((0, "ed@example.com is now without a role"), Outcome(await RunAsync("users", "role", "--db", Db, "--email", "ed@example.com", "--role", "none")));
        var stampBefore = await StampAsync("ed@example.com");
        Assert.Equal((0, "set a new password for ed@example.com"), Outcome(await RunWithInputAsync("a brand new passphrase\n", "users", "reset-password", "--db", Db, "--email", "ed@example.com")));
        Assert.NotEqual(stampBefore, await StampAsync("ed@example.com"));
        Assert.Equal((0, "deleted ed@example.com"), Outcome(await RunAsync("users", "delete", "--db", Db, "--email", "ed@example.com")));

        Assert.Equal(["admin@example.com\tAdmin"], Lines(await RunAsync("users", "list", "--db", Db)));
    }

    [Theory]
    [InlineData("lock")]
    [InlineData("delete")]
    public async Task Users_refuses_to_lock_or_delete_the_last_admin_and_changes_nothing(string action)
    {
        await File.WriteAllBytesAsync(Db, [], TestContext.Current.CancellationToken);
        Assert.Equal(0, (await RunWithInputAsync("a long enough passphrase\n", "users", "add", "--db", Db, "--email", "admin@example.com", "--role", "Admin")).ExitCode);

        var refused = await RunAsync("users", action, "--db", Db, "--email", "admin@example.com");
        var demoted = await RunAsync("users", "role", "--db", Db, "--email", "admin@example.com", "--role", "Editor");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("it is the last admin", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, demoted.ExitCode);
        Assert.Contains("it is the last admin", demoted.Stderr, StringComparison.Ordinal);
        Assert.Equal(["admin@example.com\tAdmin"], Lines(await RunAsync("users", "list", "--db", Db)));
    }

    [Fact]
    public async Task Users_reset_password_refuses_a_weak_password_and_an_unknown_email()
    {
        await File.WriteAllBytesAsync(Db, [], TestContext.Current.CancellationToken);
        Assert.Equal(0, (await RunWithInputAsync("a long enough passphrase\n", "users", "add", "--db", Db, "--email", "ed@example.com", "--role", "Editor")).ExitCode);
        var stamp = await StampAsync("ed@example.com");

        var weak = await RunWithInputAsync("short\n", "users", "reset-password", "--db", Db, "--email", "ed@example.com");
        var unknown = await RunWithInputAsync("a brand new passphrase\n", "users", "reset-password", "--db", Db, "--email", "nobody@example.com");

        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("at least 12 characters", weak.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no account has the email 'nobody@example.com'", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(stamp, await StampAsync("ed@example.com"));
    }

    private static (int, string) Outcome((int ExitCode, string Stdout, string Stderr) result) => (result.ExitCode, result.Stdout.Trim() + result.Stderr.Trim());

    private static string[] Lines((int ExitCode, string Stdout, string Stderr) result) => result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task<string?> StampAsync(string email)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT SecurityStamp || PasswordHash FROM AspNetUsers WHERE Email = $email";
        command.Parameters.AddWithValue("$email", email);
        return (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunWithInputAsync(string input, params string[] args)
    {
        using var stdin = new StringReader(input);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, stdin, TestContext.Current.CancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, TextReader.Null, TestContext.Current.CancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
