using System.Net;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Sources;
using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Startup;

namespace IndustryTracker.Tests.Web.Startup;

public sealed class StartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_empty_database_is_migrated_and_seeded_from_the_seed_folder()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var factory = new TrackerWebApplicationFactory(database);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([factory.SeedFolder], factory.Importer.ImportedPaths);
        Assert.NotEmpty(await database.Migrator().AppliedVersionsAsync(Ct));
    }

    [Fact]
    public async Task A_database_with_articles_is_not_seeded_again()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        await using var factory = new TrackerWebApplicationFactory(database);
        using var client = factory.CreateClient();

        await client.GetAsync("/health", Ct);

        Assert.Empty(factory.Importer.ImportedPaths);
    }

    [Fact]
    public async Task Without_an_importer_the_app_starts_and_skips_seeding()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var factory = new TrackerWebApplicationFactory(database, registerImporter: false);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/events", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var log = await ReadLogsAsync(factory.LogsFolder);
        Assert.Contains("No article importer is registered", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_are_logged_one_event_each_to_the_daily_file()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        await using var factory = new TrackerWebApplicationFactory(database);
        using var client = factory.CreateClient();

        await client.GetAsync("/api/events?company=tencent", Ct);

        var file = Assert.Single(Directory.GetFiles(factory.LogsFolder, "industrytracker-*.log"));
        var log = await ReadLogsAsync(factory.LogsFolder);
        Assert.Contains("\"Path\":\"/api/events\"", log, StringComparison.Ordinal);
        Assert.Contains("\"StatusCode\":200", log, StringComparison.Ordinal);
        Assert.Contains("\"Duration\":", log, StringComparison.Ordinal);
        Assert.Matches(@"industrytracker-\d{8}\.log$", file);
    }

    [Theory]
    [InlineData("Data Source=data/industrytracker.db", "Data Source=/srv/app/data/industrytracker.db")]
    [InlineData("Data Source=/var/lib/it.db", "Data Source=/var/lib/it.db")]
    [InlineData("Data Source=:memory:", "Data Source=:memory:")]
    public void Relative_sqlite_paths_resolve_against_the_content_root(string configured, string expected)
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = configured };

        DatabaseStartup.ResolveSqlitePath(options, "/srv/app");

        Assert.Equal(expected, options.ConnectionString);
    }

    [Fact]
    public void Postgres_connection_strings_are_left_alone()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=db;Database=it" };

        DatabaseStartup.ResolveSqlitePath(options, "/srv/app");

        Assert.Equal("Host=db;Database=it", options.ConnectionString);
    }

    private static async Task<string> ReadLogsAsync(string folder)
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(folder))
        {
            // The sink keeps the file open for writing; share it.
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            text.Append(await reader.ReadToEndAsync(Ct));
        }
        return text.ToString();
    }
}
