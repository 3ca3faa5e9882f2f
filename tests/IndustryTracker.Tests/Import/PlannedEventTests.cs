using System.Text;
using System.Text.Json;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Import;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static IndustryTracker.Tests.Import.ImportTestKit;

namespace IndustryTracker.Tests.Import;

/// <summary>
/// A future-tense statement ("plans to", "is expected to", "will") is stored as a planned event; a later article
/// reporting the same happening as done makes it a plain event. The API/JSON shape says "isPlanned": true only for
/// planned events.
/// </summary>
public sealed class PlannedEventTests
{
    private const string Plan = """
        Orbital Labs sets a launch date
        Published: March 2, 2026

        Orbital Labs, a Shenzhen-based startup, plans to launch its Vega 2 reasoning model in June 2026.

        In January 2026, Orbital Labs opened a research office in Singapore.
        """;

    private const string Done = """
        Orbital Labs ships on time
        Published: June 20, 2026

        Orbital Labs launched its Vega 2 reasoning model in June 2026, as it had said it would.
        """;

    [Fact]
    public async Task A_plan_is_stored_as_planned_and_becomes_a_plain_event_when_an_article_reports_it_done()
    {
        await using var database = await TestDatabase.CreateAsync();

        var first = await Importer(database).ImportAsync(new ArticleSource("plan.txt", Encoding.UTF8.GetBytes(Plan)), Ct);
        Assert.Equal(ImportOutcome.Imported, first.Outcome);
        await using (var db = database.CreateContext())
        {
            var events = await db.Events.OrderBy(e => e.Date.Start).ToListAsync(Ct);
            Assert.Contains(events, e => e.Title.Contains("opened a research office", StringComparison.Ordinal) && !e.IsPlanned);
            var launch = Assert.Single(events, e => e.Title.Contains("launch", StringComparison.Ordinal));
            Assert.True(launch.IsPlanned);
        }

        var second = await Importer(database).ImportAsync(new ArticleSource("done.txt", Encoding.UTF8.GetBytes(Done)), Ct);
        Assert.Equal(ImportOutcome.Imported, second.Outcome);
        await using (var db = database.CreateContext())
        {
            var launch = Assert.Single(await db.Events.Where(e => e.Title.Contains("launch")).ToListAsync(Ct));
            Assert.False(launch.IsPlanned);
            Assert.Equal(2, await db.Mentions.CountAsync(m => m.TimelineEventId == launch.Id, Ct));
        }
    }

    [Fact]
    public void The_json_shape_says_isPlanned_only_for_planned_events()
    {
        var done = new EventDto(1, "Launch", null, "model-release", new DateDto("June 2026", "2026-06-01", "2026-06-30", "month"), [], [], "import", []);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        Assert.DoesNotContain("isPlanned", JsonSerializer.Serialize(done, options), StringComparison.Ordinal);
        Assert.Contains("\"isPlanned\":true", JsonSerializer.Serialize(done with { IsPlanned = true }, options), StringComparison.Ordinal);
    }
}
