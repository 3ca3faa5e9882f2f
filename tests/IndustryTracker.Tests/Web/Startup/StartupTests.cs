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
        await using var context = database.CreateContext();
        Assert.NotEmpty(await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetAppliedMigrationsAsync(context.Database, Ct));
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
    public async Task A_request_is_logged_as_one_compact_json_event_with_its_route_template_and_status()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        await using var factory = new TrackerWebApplicationFactory(database);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/companies/tencent", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = Assert.Single(Directory.GetFiles(factory.LogsFolder, "industrytracker-*.clef"));
        Assert.Matches(@"industrytracker-\d{8}\.clef$", file);
        // The middleware writes its event once the response is complete, which can be just after the client has it.
        var events = await WaitForAsync(factory.LogsFolder, e => IsRequestEvent(e, "/api/companies/tencent"));
        var request = Assert.Single(events);
        Assert.Equal("GET", request.GetProperty("RequestMethod").GetString());
        Assert.Equal("/api/companies/{slug}", request.GetProperty("RouteTemplate").GetString());
        Assert.Equal(200, request.GetProperty("StatusCode").GetInt32());
        Assert.True(request.GetProperty("Elapsed").GetDouble() > 0);
        Assert.Equal("anonymous", request.GetProperty("UserName").GetString());
        Assert.True(request.TryGetProperty("ClientAddress", out _));
        Assert.False(request.TryGetProperty("@l", out _)); // Compact JSON leaves the level out when it is Information.
    }

    [Fact]
    public async Task Health_checks_are_logged_at_debug_so_the_default_level_leaves_them_out()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        await using var factory = new TrackerWebApplicationFactory(database);
        using var client = factory.CreateClient();

        await client.GetAsync("/health", Ct);
        await client.GetAsync("/api/events", Ct);

        Assert.NotEmpty(await WaitForAsync(factory.LogsFolder, e => IsRequestEvent(e, "/api/events")));
        Assert.DoesNotContain(await ReadEventsAsync(factory.LogsFolder), e => IsRequestEvent(e, "/health"));
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

    /// <summary>The request logging middleware's own event (other events logged during a request carry its path too).</summary>
    private static bool IsRequestEvent(System.Text.Json.JsonElement e, string path) =>
        e.GetProperty("SourceContext").GetString() == "Serilog.AspNetCore.RequestLoggingMiddleware" &&
        e.TryGetProperty("RequestPath", out var requestPath) && requestPath.GetString() == path;

    private static async Task<IReadOnlyList<System.Text.Json.JsonElement>> WaitForAsync(string folder, Func<System.Text.Json.JsonElement, bool> match)
    {
        for (var attempt = 0; ; attempt++)
        {
            var found = (await ReadEventsAsync(folder)).Where(match).ToList();
            if (found.Count > 0 || attempt == 100)
            {
                return found;
            }
            await Task.Delay(100, Ct);
        }
    }

    private static async Task<IReadOnlyList<System.Text.Json.JsonElement>> ReadEventsAsync(string folder) =>
        [.. (await ReadLogsAsync(folder)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)];

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
