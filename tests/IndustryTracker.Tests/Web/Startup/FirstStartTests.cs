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
            .Select(e => e.GetRawText())
            .ToList();
        Assert.True(warnings.Count == 0, string.Join(Environment.NewLine, warnings));
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
