using System.Text.RegularExpressions;
using IndustryTracker.Cli.Synthetic;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Queries;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Tests.Scale;

/// <summary>
/// A date window is read from the earliest day an event overlapping it can start on (its lower end less the longest
/// event's length, kept in the app's <see cref="QueryCache"/>; see <see cref="EventSpans"/>). The bound must select
/// exactly what the window alone selects, also after a write makes some event longer than any before; and it must be
/// what bounds the index range read. Over a generated dataset, through the app's own services and contexts, compared
/// with the same queries without a cache (and so without the bound).
/// </summary>
public sealed partial class DateWindowBoundTests : IAsyncLifetime
{
    private static readonly DateOnly February = new(2025, 2, 1);
    private TestDatabase _database = null!;
    private WebApplicationFactory<IndustryTracker.Web.Components.App> _app = null!;
    private string _busy = null!;
    private int _longEvent;
    private readonly SqlCommandRecorder _recorder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await SyntheticDataset.GenerateAsync(_database.Options, new SyntheticDatasetSize(Companies: 30, Events: 1200, Investments: 10, Seed: 11), cancellationToken: Ct);
        _app = _recorder.AppFor(_database);
        _ = _app.Server;
        await using var db = _database.CreateContext();
        _busy = await db.Companies
            .OrderByDescending(c => db.Set<EventCompany>().Count(l => l.CompanyId == c.Id)).ThenBy(c => c.Slug)
            .Select(c => c.Slug).FirstAsync(Ct);
        // Longer than any generated event (a year at most), ending early in the window: only a bound taken from the
        // longest event, not from the usual lengths, keeps it.
        _longEvent = await WriteAsync(async db => Event("A two-year programme ends", new DateOnly(2023, 1, 10), February.AddDays(3), await BusyAsync(db)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    public static TheoryData<string> Windows => ["one month", "a year", "from a day on", "busy company and one month", "category and one month"];

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task A_window_lists_counts_and_exports_what_it_does_without_the_bound(string window)
    {
        var query = QueryFor(window);
        var uncached = new EventQueries(_database.Factory);
        var expected = await uncached.AllAsync(query, cancellationToken: Ct);
        Assert.True(expected.Count > 3, $"{window}: only {expected.Count} events");
        Assert.Contains(_longEvent, expected.Select(e => e.Id));

        await using var scope = _app.Services.CreateAsyncScope();
        var cached = scope.ServiceProvider.GetRequiredService<EventQueries>();
        var listed = new List<int>();
        for (var page = 1; page <= (expected.Count / 3) + 2; page++)
        {
            var result = await cached.ListAsync(query with { Page = page, PageSize = 3 }, Ct);
            Assert.Equal(expected.Count, result.Total);
            listed.AddRange(result.Items.Select(e => e.Id));
        }
        Assert.Equal(expected.Select(e => e.Id), listed);
        Assert.Equal(expected.Select(e => e.Id), (await cached.AllAsync(query, cancellationToken: Ct)).Select(e => e.Id));
        Assert.Equivalent(await uncached.FacetsAsync(query, Ct), await cached.FacetsAsync(query, Ct), strict: true);
    }

    [Fact]
    public async Task An_event_longer_than_any_before_is_in_the_window_on_the_next_read()
    {
        var query = QueryFor("one month");
        var before = await ReadAsync(query);

        var id = await WriteAsync(async db => Event("A decade-long plan closes", new DateOnly(2015, 2, 1), February.AddDays(1), await BusyAsync(db)));

        var after = await ReadAsync(query);
        Assert.Equal(before.Total + 1, after.Total);
        Assert.Equal(id, after.Items[0].Id); // it starts before every other event in the window
    }

    [Fact]
    public async Task A_month_is_read_as_a_range_of_first_days_that_starts_at_the_bound()
    {
        await ReadAsync(QueryFor("one month")); // the longest length, cached
        _recorder.Clear();

        await ReadAsync(QueryFor("one month"));

        var ids = Assert.Single(_recorder.Commands, c => c.Sql.Contains("LIMIT", StringComparison.Ordinal) && c.Sql.Contains("\"DateEnd\" >=", StringComparison.Ordinal));
        // The longest event is the two-year one (2023-01-10 to 2025-02-04): 756 days, so nothing in February starts earlier than 2023-01-07.
        var longest = February.AddDays(3).DayNumber - new DateOnly(2023, 1, 10).DayNumber;
        Assert.Contains(ids.Parameters, p => Equals(p.Value, February.AddDays(-longest)));
        var plan = string.Join("\n", await QueryPlans.ExplainAsync(_database, ids, pricedOut: true, Ct));
        Assert.Matches(
            _database.Options.Provider == DatabaseProvider.Postgres ? PostgresStartRange() : SqliteStartRange(),
            plan);
    }

    private EventQuery QueryFor(string window) => window switch
    {
        "one month" => new EventQuery { From = February, To = new DateOnly(2025, 2, 28) },
        "a year" => new EventQuery { From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 12, 31) },
        "from a day on" => new EventQuery { From = February },
        "busy company and one month" => new EventQuery { Companies = [_busy], From = February, To = new DateOnly(2025, 2, 28) },
        "category and one month" => new EventQuery { Categories = [EventCategory.Partnership], From = February, To = new DateOnly(2025, 2, 28) },
        _ => throw new ArgumentOutOfRangeException(nameof(window)),
    };

    private Task<Company> BusyAsync(IndustryTrackerDbContext db) => db.Companies.SingleAsync(c => c.Slug == _busy, Ct);

    private static TimelineEvent Event(string title, DateOnly start, DateOnly end, Company company)
    {
        var ev = new TimelineEvent(title, new FuzzyDate($"{start:yyyy-MM-dd} to {end:yyyy-MM-dd}", start, end, DatePrecision.Approximate), EventCategory.Partnership, EventOrigin.Editor);
        ev.Involve(company);
        return ev;
    }

    private async Task<Core.Contracts.PagedResult<Core.Contracts.EventDto>> ReadAsync(EventQuery query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventQueries>().ListAsync(query, Ct);
    }

    /// <summary>A write through the app's own context factory, with its interceptors (history, cache stamp).</summary>
    private async Task<int> WriteAsync(Func<IndustryTrackerDbContext, Task<TimelineEvent>> write)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<IndustryTrackerDbContext>>().CreateDbContextAsync(Ct);
        var ev = await write(db);
        db.Add(ev);
        await db.SaveChangesAsync(Ct);
        return ev.Id;
    }

    [GeneratedRegex(@"SEARCH \w+ USING (?:COVERING )?INDEX \w+ \(DateStart>\? AND DateStart<\?\)")]
    private static partial Regex SqliteStartRange();

    [GeneratedRegex("Index Cond: .*\"DateStart\" >= .*\"DateStart\" <= ")]
    private static partial Regex PostgresStartRange();
}
