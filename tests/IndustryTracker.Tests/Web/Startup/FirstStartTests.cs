using System.Net;
using System.Text.Json;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Web.Startup;

/// <summary>A first start on an empty database migrates, imports the seed articles and logs no warning.</summary>
public sealed class FirstStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_start_with_the_seed_import_logs_nothing_at_warning_or_above()
    {
        // The README's first start is on SQLite. On PostgreSQL the first start still logs two failed database commands
        // (left open in issue 11), so that pass reports this test as skipped rather than hiding them.
        Assert.SkipWhen(TestDatabase.Provider == IndustryTracker.Core.Data.DatabaseProvider.Postgres,
            "PostgreSQL's first start still logs failed database commands at Error (issue 11)");
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var factory = new TrackerWebApplicationFactory(database, realSeeds: true);
        using var client = factory.CreateClient();

        // The pages and API a first visitor reaches, so queries that load several collections run too.
        foreach (var path in new[] { "/health", "/", "/timeline", "/companies", "/companies/deepseek", "/models", "/investments", "/sources", "/api/events", "/api/companies/deepseek" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }

        await using (var db = database.CreateContext())
        {
            Assert.True(await db.Articles.CountAsync(Ct) >= 5, "the seed articles were imported");
            Assert.True(await db.Events.AnyAsync(Ct));
        }
        var events = await ReadEventsAsync(factory.LogsFolder);
        Assert.Contains(events, e => e.GetProperty("@mt").GetString()!.StartsWith("Seeded", StringComparison.Ordinal));
        var warnings = events
            .Where(e => e.TryGetProperty("@l", out var level) && level.GetString() is "Warning" or "Error" or "Fatal")
            .Select(e => $"{e.GetProperty("@l").GetString()} {e.GetProperty("@mt").GetString()}")
            .ToList();
        Assert.Empty(warnings);
    }

    private static async Task<IReadOnlyList<JsonElement>> ReadEventsAsync(string folder)
    {
        var events = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(folder))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync(Ct) is { } line)
            {
                events.Add(JsonDocument.Parse(line).RootElement);
            }
        }
        return events;
    }
}
