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
/// A text search, a category or a model filter keeps the timeline order of its matches in the app's
/// <see cref="QueryCache"/> beside its count: its pages are the same as the database gives them, the next page is
/// read without filtering again, and a write shows on the next read. Over a generated dataset, through the app's own
/// services and contexts.
/// </summary>
public sealed class ListOrderCacheTests : IAsyncLifetime
{
    private const string Word = "lidar"; // one of the generator's topic words: in about 1% of titles, some summaries
    private TestDatabase _database = null!;
    private string _busiestModel = null!;
    private WebApplicationFactory<IndustryTracker.Web.Components.App> _app = null!;
    private readonly SqlCommandRecorder _recorder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await SyntheticDataset.GenerateAsync(_database.Options, new SyntheticDatasetSize(Companies: 40, Events: 800, Investments: 20, Seed: 5), cancellationToken: Ct);
        await using (var db = _database.CreateContext())
        {
            _busiestModel = await db.Events.SelectMany(e => e.Models).GroupBy(m => m.Slug)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync(Ct);
        }
        _app = _recorder.AppFor(_database);
        _ = _app.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData(Filter.Search, 1)]
    [InlineData(Filter.Search, 3)]
    [InlineData(Filter.Search, 50)]
    [InlineData(Filter.Category, 1)]
    [InlineData(Filter.Category, 50)]
    [InlineData(Filter.CategoryInYears, 7)]
    [InlineData(Filter.Model, 2)]
    public async Task Every_page_is_the_page_the_database_gives_without_the_cache(Filter filter, int pageSize)
    {
        var uncached = new EventQueries(_database.Factory);
        var first = await uncached.ListAsync(Query(filter, 1, pageSize), Ct);
        Assert.True(first.Total > 3, $"the dataset has only {first.Total} events for {filter}");

        var pages = (first.Total + pageSize - 1) / pageSize;
        for (var page = 1; page <= pages + 1; page++)
        {
            var expected = await uncached.ListAsync(Query(filter, page, pageSize), Ct);
            var actual = await ReadAsync(Query(filter, page, pageSize));
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Items.Select(e => e.Id), actual.Items.Select(e => e.Id));
        }
    }

    [Theory]
    [InlineData(Filter.Search)]
    [InlineData(Filter.Category)]
    [InlineData(Filter.CategoryInYears)]
    [InlineData(Filter.Model)]
    public async Task After_its_first_page_a_list_reads_its_other_pages_without_filtering_again(Filter filter)
    {
        _app.Services.GetRequiredService<QueryCache>().Invalidate();
        _recorder.Clear();
        var first = await ReadAsync(Query(filter, 1, 2));
        Assert.Contains(_recorder.Commands, command => Filters(filter, command));

        _recorder.Clear();
        var second = await ReadAsync(Query(filter, 2, 2));

        Assert.Equal(2, second.Items.Count);
        Assert.Empty(first.Items.Select(e => e.Id).Intersect(second.Items.Select(e => e.Id)));
        Assert.DoesNotContain(_recorder.Commands, command => Filters(filter, command));
    }

    [Theory]
    [InlineData(Filter.Search)]
    [InlineData(Filter.Category)]
    public async Task A_list_shows_a_new_match_and_loses_a_deleted_one_on_its_next_read(Filter filter)
    {
        var before = await ReadAsync(Query(filter, 1, 50));
        var id = await WriteAsync(async db =>
        {
            var company = await db.Companies.OrderBy(c => c.Id).FirstAsync(Ct);
            var ev = new TimelineEvent($"An early {Word} trial", FuzzyDate.Day(new DateOnly(1990, 1, 2)), Category, EventOrigin.Editor);
            ev.Involve(company);
            db.Add(ev);
            return ev;
        });

        var added = await ReadAsync(Query(filter, 1, 50));
        Assert.Equal(before.Total + 1, added.Total);
        Assert.Equal(id, added.Items[0].Id); // the earliest event comes first

        await WriteAsync(async db =>
        {
            var ev = await db.Events.SingleAsync(e => e.Id == id, Ct);
            ev.SoftDelete("editor", _database.Time.GetUtcNow());
            return ev;
        });

        var deleted = await ReadAsync(Query(filter, 1, 50));
        Assert.Equal(before.Total, deleted.Total);
        Assert.Equal(before.Items.Select(e => e.Id), deleted.Items.Select(e => e.Id));
    }

    public enum Filter
    {
        Search,
        Category,
        CategoryInYears,
        Model,
    }

    private const EventCategory Category = EventCategory.ProductLaunch;

    private EventQuery Query(Filter filter, int page, int pageSize) => filter switch
    {
        Filter.Search => new() { Q = Word, Page = page, PageSize = pageSize },
        Filter.Category => new() { Categories = [Category], Page = page, PageSize = pageSize },
        Filter.CategoryInYears => new() { Categories = [Category], From = new DateOnly(2023, 1, 1), To = new DateOnly(2024, 12, 31), Page = page, PageSize = pageSize },
        _ => new() { Models = [_busiestModel], Page = page, PageSize = pageSize },
    };

    /// <summary>
    /// Whether the command applies the list's filter: the search, the category or the model's slug (a row read only
    /// selects the category and the models' names).
    /// </summary>
    private static bool Filters(Filter filter, RecordedCommand command) => filter switch
    {
        Filter.Search => command.Sql.Contains("MATCH", StringComparison.Ordinal) || command.Sql.Contains("@@", StringComparison.Ordinal),
        Filter.Model => Condition("Slug").IsMatch(command.Sql),
        _ => Condition("Category").IsMatch(command.Sql),
    };

    private static System.Text.RegularExpressions.Regex Condition(string column) => new($@"""{column}""\s*(=|IN\b)");

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
