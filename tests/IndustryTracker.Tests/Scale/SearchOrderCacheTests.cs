using IndustryTracker.Cli.Synthetic;
using IndustryTracker.Core.Contracts;
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
/// A text search keeps the timeline order of its matches in the app's <see cref="QueryCache"/> beside its count: its
/// pages are the same as the database gives them, the next page is read without searching again, and a write shows
/// on the next read. Over a generated dataset, through the app's own services and contexts.
/// </summary>
public sealed class SearchOrderCacheTests : IAsyncLifetime
{
    private const string Word = "lidar"; // one of the generator's topic words: in about 1% of titles, some summaries
    private TestDatabase _database = null!;
    private WebApplicationFactory<IndustryTracker.Web.Components.App> _app = null!;
    private readonly SqlCommandRecorder _recorder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await SyntheticDataset.GenerateAsync(_database.Options, new SyntheticDatasetSize(Companies: 40, Events: 800, Investments: 20, Seed: 5), cancellationToken: Ct);
        _app = _recorder.AppFor(_database);
        _ = _app.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(50)]
    public async Task Every_page_of_a_search_is_the_page_the_database_gives_without_the_cache(int pageSize)
    {
        var uncached = new EventQueries(_database.Factory);
        var first = await uncached.ListAsync(Search(1, pageSize), Ct);
        Assert.True(first.Total > 3, $"the dataset has only {first.Total} events with \"{Word}\"");

        var pages = (first.Total + pageSize - 1) / pageSize;
        for (var page = 1; page <= pages + 1; page++)
        {
            var expected = await uncached.ListAsync(Search(page, pageSize), Ct);
            var actual = await ReadAsync(Search(page, pageSize));
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Items.Select(e => e.Id), actual.Items.Select(e => e.Id));
        }
    }

    [Fact]
    public async Task After_its_first_page_a_search_reads_its_other_pages_without_searching_again()
    {
        _app.Services.GetRequiredService<QueryCache>().Invalidate();
        _recorder.Clear();
        var first = await ReadAsync(Search(1, 2));
        Assert.Contains(_recorder.Commands, IsSearch);

        _recorder.Clear();
        var second = await ReadAsync(Search(2, 2));

        Assert.Equal(2, second.Items.Count);
        Assert.Empty(first.Items.Select(e => e.Id).Intersect(second.Items.Select(e => e.Id)));
        Assert.DoesNotContain(_recorder.Commands, IsSearch);
    }

    [Fact]
    public async Task A_search_shows_a_new_match_and_loses_a_deleted_one_on_its_next_read()
    {
        var before = await ReadAsync(Search(1, 50));
        var id = await WriteAsync(async db =>
        {
            var company = await db.Companies.OrderBy(c => c.Id).FirstAsync(Ct);
            var ev = new TimelineEvent($"An early {Word} trial", FuzzyDate.Day(new DateOnly(1990, 1, 2)), EventCategory.ProductLaunch, EventOrigin.Editor);
            ev.Involve(company);
            db.Add(ev);
            return ev;
        });

        var added = await ReadAsync(Search(1, 50));
        Assert.Equal(before.Total + 1, added.Total);
        Assert.Equal(id, added.Items[0].Id); // the earliest event comes first

        await WriteAsync(async db =>
        {
            var ev = await db.Events.SingleAsync(e => e.Id == id, Ct);
            ev.SoftDelete("editor", _database.Time.GetUtcNow());
            return ev;
        });

        var deleted = await ReadAsync(Search(1, 50));
        Assert.Equal(before.Total, deleted.Total);
        Assert.Equal(before.Items.Select(e => e.Id), deleted.Items.Select(e => e.Id));
    }

    private static EventQuery Search(int page, int pageSize) => new() { Q = Word, Page = page, PageSize = pageSize };

    private static bool IsSearch(RecordedCommand command) =>
        command.Sql.Contains("MATCH", StringComparison.Ordinal) || command.Sql.Contains("@@", StringComparison.Ordinal);

    private async Task<PagedResult<EventDto>> ReadAsync(EventQuery query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventQueries>().ListAsync(query, Ct);
    }

    /// <summary>A write through the app's own context factory, with its interceptors (history, cache stamp).</summary>
    private async Task<int> WriteAsync(Func<IndustryTrackerDbContext, Task<TimelineEvent>> write)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<IndustryTrackerDbContext>>().CreateDbContextAsync(Ct);
        var ev = await write(db);
        await db.SaveChangesAsync(Ct);
        return ev.Id;
    }
}
