using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Queries;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Data;

/// <summary>
/// The copy of each event's dates on its company and model links (migration EventLinkDates) follows the event however
/// it is written, and a date window read through it finds exactly the events whose range overlaps the window.
/// </summary>
public sealed class EventLinkDatesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Links_carry_their_events_dates_after_inserts_edits_and_sql_updates()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        await AssertLinksMatchTheirEventsAsync(database);

        // An edit through EF Core: a new range on one event, and a new company on another (an inserted link).
        await using (var db = database.CreateContext())
        {
            var r1 = await db.Events.Include(e => e.Companies).SingleAsync(e => e.Title == "DeepSeek releases R1", Ct);
            r1.Date = new FuzzyDate("March 2026", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), DatePrecision.Month);
            var weixin = await db.Events.Include(e => e.Companies).SingleAsync(e => e.Title.StartsWith("Tencent integrates"), Ct);
            weixin.Involve(await db.Companies.SingleAsync(c => c.Name == "Baidu", Ct));
            await db.SaveChangesAsync(Ct);
        }
        await AssertLinksMatchTheirEventsAsync(database);

        // An update by SQL, as another tool or a migration would write: every event moves by a year.
        await using (var db = database.CreateContext())
        {
            var events = await db.Events.AsNoTracking().Select(e => new { e.Id, e.Date.Start, e.Date.End }).ToListAsync(Ct);
            foreach (var e in events)
            {
                await db.Database.ExecuteSqlAsync(
                    $"""UPDATE "Events" SET "DateStart" = {e.Start.AddYears(1)}, "DateEnd" = {e.End.AddYears(1)} WHERE "Id" = {e.Id}""", Ct);
            }
        }
        await AssertLinksMatchTheirEventsAsync(database);
    }

    [Fact]
    public async Task A_company_or_model_in_a_date_window_lists_exactly_the_events_that_overlap_it()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        var queries = new EventQueries(database.Factory);
        var windows = new (DateOnly? From, DateOnly? To)[]
        {
            (new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28)),
            (new DateOnly(2025, 1, 20), new DateOnly(2025, 1, 20)),
            (new DateOnly(2025, 2, 15), null),
            (null, new DateOnly(2025, 1, 31)),
            (new DateOnly(2025, 12, 31), null),
        };
        await using var db = database.CreateContext();
        var all = await db.Events.AsNoTracking().Include(e => e.Companies).Include(e => e.Models).ToListAsync(Ct);
        var slugs = await db.Companies.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Slug, Ct);
        var (found, leftOut) = (0, 0);

        foreach (var (from, to) in windows)
        {
            foreach (var filter in new[] { new EventQuery { Companies = ["deepseek"] }, new EventQuery { Companies = ["alibaba-cloud"] }, new EventQuery { Models = ["deepseek-r1"] } })
            {
                var query = filter with { From = from, To = to };
                var involved = all
                    .Where(e => query.Companies.Count == 0
                        || e.Companies.Any(c => query.Companies.Contains(c.Slug))
                        || e.Models.Any(m => m.DeveloperId is { } d && query.Companies.Contains(slugs[d])))
                    .Where(e => query.Models.Count == 0 || e.Models.Any(m => query.Models.Contains(m.Slug)))
                    .ToList();
                var expected = involved
                    .Where(e => (from is null || e.Date.End >= from) && (to is null || e.Date.Start <= to))
                    .Select(e => e.Title).Order(StringComparer.Ordinal).ToList();
                found += expected.Count;
                leftOut += involved.Count - expected.Count;

                var page = await queries.ListAsync(query, Ct);

                Assert.True(
                    expected.SequenceEqual(page.Items.Select(i => i.Title).Order(StringComparer.Ordinal)),
                    $"{string.Join(",", query.Companies.Concat(query.Models))} {from}..{to}: expected [{string.Join("; ", expected)}], got [{string.Join("; ", page.Items.Select(i => i.Title))}]");
                Assert.Equal(expected.Count, page.Total);
            }
        }
        // The windows both keep and leave out some of each filter's events, or the comparison would prove little.
        Assert.True(found > 0 && leftOut > 0, $"found {found}, left out {leftOut}");
    }

    private static async Task AssertLinksMatchTheirEventsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var events = await db.Events.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(e => e.Id, e => (e.Date.Start, e.Date.End), Ct);
        var companyLinks = await db.Set<EventCompany>().AsNoTracking().Select(l => new { l.EventId, l.EventStart, l.EventEnd }).ToListAsync(Ct);
        var modelLinks = await db.Set<EventModel>().AsNoTracking().Select(l => new { l.EventId, l.EventStart, l.EventEnd }).ToListAsync(Ct);
        Assert.NotEmpty(companyLinks);
        Assert.NotEmpty(modelLinks);
        foreach (var link in companyLinks.Concat(modelLinks))
        {
            Assert.Equal((events[link.EventId].Start, events[link.EventId].End), (link.EventStart!.Value, link.EventEnd!.Value));
        }
    }
}
