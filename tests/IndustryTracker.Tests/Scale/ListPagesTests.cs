using AngleSharp.Html.Parser;
using IndustryTracker.Cli.Synthetic;
using IndustryTracker.Core.Editing;
using IndustryTracker.Core.Queries;
using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Components.Pages.Models;
using IndustryTracker.Web.Components.Shared;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace IndustryTracker.Tests.Scale;

/// <summary>
/// The list pages over a generated dataset bigger than a page: the URL's sort reaches the database (the rendered rows
/// are the query service's rows for that sort, and the two directions differ) and a page renders at most its page size;
/// the model page renders at most <see cref="ModelPage.MaxRows"/> events of a model that has more.
/// </summary>
public sealed class ListPagesTests : IAsyncLifetime
{
    private const int PageSize = 25;

    private TestDatabase _database = null!;
    private WebApplicationFactory<IndustryTracker.Web.Components.App> _factory = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await SyntheticDataset.GenerateAsync(_database.Options, new SyntheticDatasetSize(Companies: 80, Events: 300, Investments: 120, Seed: 17), cancellationToken: Ct);
        _factory = new TrackerWebApplicationFactory(_database, testAuthentication: true);
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).ActingAs("ed@example.com", Roles.Editor);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<List<string>> FirstCellsAsync(string path, string grid)
    {
        var html = await _client.GetStringAsync(path, Ct);
        var document = await new HtmlParser().ParseDocumentAsync(html, Ct);
        return [.. document.QuerySelectorAll($"#{grid} tbody tr.mud-table-row").Select(row => row.QuerySelector("td")!.TextContent.Trim())];
    }

    private async Task AssertSortedPageAsync(string path, string grid, IReadOnlyList<string> ascending, IReadOnlyList<string> descending)
    {
        var shownAscending = await FirstCellsAsync($"{path}&pageSize={PageSize}", grid);
        var shownDescending = await FirstCellsAsync($"{path}&dir=desc&pageSize={PageSize}", grid);

        Assert.Equal(ascending, shownAscending);
        Assert.Equal(descending, shownDescending);
        Assert.NotEqual(shownAscending, shownDescending);
        Assert.InRange(shownAscending.Count, 1, PageSize);
    }

    [Fact]
    public async Task The_companies_page_sorts_by_parent_on_the_server()
    {
        var queries = new CompanyQueries(_database.Factory);
        async Task<List<string>> Names(bool descending) =>
            [.. (await queries.ListAsync(new CompanyListQuery { Sort = CompanySort.Parent, Descending = descending, PageSize = PageSize }, Ct)).Items.Select(c => c.Name)];

        await AssertSortedPageAsync("/companies?sort=parent", "company-grid", await Names(false), await Names(true));
    }

    [Fact]
    public async Task The_models_page_sorts_by_developer_on_the_server()
    {
        var queries = new ModelQueries(_database.Factory);
        async Task<List<string>> Names(bool descending) =>
            [.. (await queries.ListAsync(new ModelQuery { Sort = ModelSort.Developer, Descending = descending, PageSize = PageSize }, Ct)).Items.Select(m => m.Name)];

        await AssertSortedPageAsync("/models?sort=developer", "model-table", await Names(false), await Names(true));
    }

    [Fact]
    public async Task The_investments_page_sorts_by_amount_on_the_server()
    {
        var queries = new InvestmentQueries(_database.Factory);
        // The first column is the date as written, "Undated" when there is none.
        async Task<List<string>> Dates(bool descending) =>
            [.. (await queries.ListAsync(new InvestmentQuery { Sort = InvestmentSort.AmountUsd, Descending = descending, PageSize = PageSize }, Ct)).Items.Select(i => i.Date?.Label ?? "Undated")];

        var ascending = await Dates(false);
        var descending = await Dates(true);
        var shownAscending = await FirstCellsAsync($"/investments?sort=amountusd&pageSize={PageSize}", "investment-table");
        var shownDescending = await FirstCellsAsync($"/investments?sort=amountusd&dir=desc&pageSize={PageSize}", "investment-table");

        Assert.Equal(ascending.Count, shownAscending.Count);
        Assert.Equal(PageSize, shownAscending.Count);
        Assert.All(ascending.Zip(shownAscending), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        Assert.All(descending.Zip(shownDescending), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sources_page_sorts_by_title_on_the_server()
    {
        var queries = new SourceQueries(_database.Factory);
        async Task<List<string>> Titles(bool descending) =>
            [.. (await queries.ListAsync(new SourceListQuery { Sort = SourceSort.Title, Descending = descending, PageSize = PageSize }, Ct)).Items.Select(s => s.Title)];

        var ascending = await Titles(false);
        var shown = await FirstCellsAsync($"/sources?sort=title&pageSize={PageSize}", "source-list");
        var shownDescending = await FirstCellsAsync($"/sources?sort=title&dir=desc&pageSize={PageSize}", "source-list");

        // The cell holds the title and, under it, the file name.
        Assert.Equal(ascending.Count, shown.Count);
        Assert.All(ascending.Zip(shown), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        Assert.All((await Titles(true)).Zip(shownDescending), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        Assert.NotEqual(shown, shownDescending);
    }

    [Fact]
    public async Task The_deleted_events_page_is_paged_and_sorted_on_the_server()
    {
        var editor = new EventEditor(_database.Factory, _database.Time, NullLogger<EventEditor>.Instance);
        await using (var db = _database.CreateContext())
        {
            foreach (var e in await db.Events.OrderBy(e => e.Id).Select(e => new { e.Id, e.Version }).Take(PageSize + 10).ToListAsync(Ct))
            {
                Assert.Equal(EditOutcome.Saved, (await editor.DeleteAsync(e.Id, e.Version, "editor", Ct)).Outcome);
            }
        }
        var html = await _client.GetStringAsync($"/events/deleted?sort=title&pageSize={PageSize}", Ct);
        var document = await new HtmlParser().ParseDocumentAsync(html, Ct);
        var titles = document.QuerySelectorAll("#deleted-list .event-title").Select(t => t.TextContent.Trim()).ToList();
        var expected = (await editor.ListDeletedAsync(new DeletedEventQuery { Sort = DeletedEventSort.Title, Descending = false, PageSize = PageSize }, Ct)).Items.Select(e => e.Title);

        Assert.Equal(expected, titles);
        Assert.Equal(PageSize, titles.Count);
        Assert.Contains($"{PageSize + 10} deleted events", document.QuerySelector("#deleted-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_model_page_renders_at_most_its_limit_of_events_and_counts_them_all()
    {
        int modelId;
        string slug;
        await using (var db = _database.CreateContext())
        {
            var model = await db.AiModels.OrderBy(m => m.Id).Select(m => new { m.Id, m.Slug }).FirstAsync(Ct);
            (modelId, slug) = (model.Id, model.Slug);
        }
        // The model appears in every live event: more than a page renders.
        await _database.ExecuteSqlAsync($"""
            INSERT INTO "EventModels" ("EventId", "AiModelId")
            SELECT "Id", {modelId} FROM "Events" WHERE "DeletedAt" IS NULL AND "Id" NOT IN (SELECT "EventId" FROM "EventModels" WHERE "AiModelId" = {modelId})
            """);
        int total;
        await using (var db = _database.CreateContext())
        {
            total = await db.Events.CountAsync(Ct);
        }
        Assert.True(total > ModelPage.MaxRows, $"{total} events");

        var html = await _client.GetStringAsync($"/models/{slug}", Ct);
        var document = await new HtmlParser().ParseDocumentAsync(html, Ct);

        Assert.Equal(ModelPage.MaxRows, document.QuerySelectorAll("#model-events-heading ~ ol.timeline-list > li").Length);
        Assert.Equal(Display.Count(total, "event", "events"), document.QuerySelector("#model-event-count")!.TextContent.Trim());
        Assert.Equal(total, (await new ModelQueries(_database.Factory).DetailAsync(slug, Ct))!.EventCount);
    }
}
