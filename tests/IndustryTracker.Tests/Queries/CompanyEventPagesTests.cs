using IndustryTracker.Cli.Synthetic;
using IndustryTracker.Core.Queries;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Queries;

/// <summary>
/// One company's events read from its links in timeline order (<see cref="CompanyEventPages"/>) are the same pages as
/// the events filtered and sorted themselves.
/// </summary>
public sealed class CompanyEventPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_company_page_read_from_its_links_equals_the_page_the_events_give()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SyntheticDataset.GenerateAsync(database.Options, new SyntheticDatasetSize(Companies: 40, Events: 1200, Investments: 20, Seed: 11), cancellationToken: Ct);
        string busy, quiet, developer;
        await using (var db = database.CreateContext())
        {
            var byEvents = await db.Companies
                .Select(c => new { c.Slug, Events = db.Set<EventCompany>().Count(l => l.CompanyId == c.Id) })
                .Where(c => c.Events > 0).OrderByDescending(c => c.Events).ThenBy(c => c.Slug).ToListAsync(Ct);
            (busy, quiet) = (byEvents[0].Slug, byEvents[^1].Slug);
            // A developer whose models have events, some of them also linked to it directly: the two lists overlap.
            developer = await db.Companies
                .Where(c => db.AiModels.Any(m => m.DeveloperId == c.Id && db.Set<EventModel>().Any(l => l.AiModelId == m.Id
                    && db.Set<EventCompany>().Any(d => d.EventId == l.EventId && d.CompanyId == c.Id))))
                .OrderBy(c => c.Slug).Select(c => c.Slug).FirstAsync(Ct);
            // Deleted events drop out of both lists.
            var busyId = await db.Companies.Where(c => c.Slug == busy).Select(c => c.Id).SingleAsync(Ct);
            var deleted = await db.Events.Where(e => db.Set<EventCompany>().Any(l => l.EventId == e.Id && l.CompanyId == busyId)).OrderBy(e => e.Id).ToListAsync(Ct);
            foreach (var e in deleted.Where((_, i) => i % 5 == 0))
            {
                e.SoftDelete("test", database.Time.GetUtcNow());
            }
            await db.SaveChangesAsync(Ct);
        }

        var queries = new EventQueries(database.Factory);
        var everyCategory = Enum.GetValues<EventCategory>();
        var windows = new (DateOnly? From, DateOnly? To)[]
        {
            (null, null), (new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28)), (new DateOnly(2024, 7, 1), null), (null, new DateOnly(2023, 3, 31)),
        };
        var compared = 0;
        foreach (var slug in new[] { busy, quiet, developer })
        {
            foreach (var (from, to) in windows)
            {
                foreach (var page in new[] { 1, 2, 4 })
                {
                    var query = new EventQuery { Companies = [slug], From = from, To = to, Page = page, PageSize = 15 };
                    var fromLinks = await queries.ListAsync(query, Ct);
                    // Every category: the same events, but not "one company and nothing else", so the events are sorted themselves.
                    var fromEvents = await queries.ListAsync(query with { Categories = everyCategory }, Ct);

                    Assert.Equal(fromEvents.Total, fromLinks.Total);
                    Assert.Equal(fromEvents.Items.Select(e => e.Id), fromLinks.Items.Select(e => e.Id));
                    compared += fromLinks.Items.Count;
                }
            }
        }
        Assert.True(compared > 200, $"only {compared} events compared");
    }
}
