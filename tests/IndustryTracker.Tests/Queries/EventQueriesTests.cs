using IndustryTracker.Core.Queries;
using IndustryTracker.Tests.Support;

namespace IndustryTracker.Tests.Queries;

public sealed class EventQueriesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await TestData.CreateDatabaseAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<IReadOnlyList<string>> TitlesAsync(EventQuery query) =>
        [.. (await new EventQueries(_database.Factory).ListAsync(query, Ct)).Items.Select(e => e.Title)];

    [Fact]
    public async Task Lists_every_event_ordered_by_start_then_end_then_id()
    {
        var titles = await TitlesAsync(new EventQuery());

        Assert.Equal(
        [
            "Alibaba Cloud launches Qwen2.5-Max",
            "DeepSeek releases R1",
            "Tencent integrates DeepSeek into Weixin",
            "Alibaba announces 380 billion yuan AI spending",
            "Baidu plans Ernie 5",
        ], titles);
    }

    [Fact]
    public async Task Maps_an_event_with_its_date_companies_models_and_sources()
    {
        var result = await new EventQueries(_database.Factory).ListAsync(new EventQuery { Companies = ["tencent"] }, Ct);

        var weixin = Assert.Single(result.Items);
        Assert.Equal("Tencent integrates DeepSeek into Weixin", weixin.Title);
        Assert.Equal("integration-adoption", weixin.Category);
        Assert.Equal("import", weixin.Origin);
        Assert.Equal(new Core.Contracts.DateDto("Mid-February, 2025", "2025-02-11", "2025-02-20", "part-of-month"), weixin.Date);
        Assert.Equal(["DeepSeek", "Tencent"], weixin.Companies);
        Assert.Empty(weixin.Models);
        Assert.Equal(
        [
            new Core.Contracts.SourceDto(TestData.ArticleFile, 2, "In mid-February, Tencent integrated DeepSeek into Weixin"),
            new Core.Contracts.SourceDto(TestData.ArticleFile, 5, "Weixin users can now choose DeepSeek"),
        ], weixin.Sources);
    }

    [Fact]
    public async Task A_company_filter_finds_events_involving_the_company_or_its_models()
    {
        Assert.Equal(["DeepSeek releases R1", "Tencent integrates DeepSeek into Weixin"], await TitlesAsync(new EventQuery { Companies = ["deepseek"] }));
        Assert.Equal(["Alibaba Cloud launches Qwen2.5-Max"], await TitlesAsync(new EventQuery { Companies = ["alibaba-cloud"] }));
    }

    [Fact]
    public async Task Several_companies_find_events_involving_any_of_them()
    {
        var titles = await TitlesAsync(new EventQuery { Companies = ["baidu", "tencent"] });

        Assert.Equal(["Tencent integrates DeepSeek into Weixin", "Baidu plans Ernie 5"], titles);
    }

    [Fact]
    public async Task An_unknown_company_finds_nothing_rather_than_everything()
    {
        var result = await new EventQueries(_database.Factory).ListAsync(new EventQuery { Companies = ["no-such-company"] }, Ct);

        Assert.Empty(result.Items);
        Assert.Equal(0, result.Total);
    }

    [Theory]
    [InlineData("2025-02-20", null, true)] // from = last day of the range
    [InlineData("2025-02-21", null, false)] // from = the day after
    [InlineData(null, "2025-02-11", true)] // to = first day of the range
    [InlineData(null, "2025-02-10", false)] // to = the day before
    [InlineData("2025-02-01", "2025-02-12", true)] // window overlaps the start
    [InlineData("2025-02-15", "2025-02-16", true)] // window inside the range
    [InlineData("2025-02-01", "2025-02-28", true)] // range inside the window
    public async Task Date_filters_select_by_range_overlap_at_the_edges(string? from, string? to, bool matches)
    {
        var query = new EventQuery
        {
            Companies = ["tencent"],
            From = from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            To = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        };

        var titles = await TitlesAsync(query);

        Assert.Equal(matches ? ["Tencent integrates DeepSeek into Weixin"] : [], titles);
    }

    [Fact]
    public async Task A_month_precision_event_matches_a_window_inside_its_month()
    {
        var titles = await TitlesAsync(new EventQuery { From = new DateOnly(2025, 1, 5), To = new DateOnly(2025, 1, 10) });

        Assert.Equal(["Alibaba Cloud launches Qwen2.5-Max"], titles);
    }

    [Fact]
    public async Task Company_and_date_filters_combine()
    {
        var titles = await TitlesAsync(new EventQuery { Companies = ["deepseek", "alibaba-group-holding-ltd"], From = new DateOnly(2025, 2, 1), To = new DateOnly(2025, 2, 28) });

        Assert.Equal(["Tencent integrates DeepSeek into Weixin", "Alibaba announces 380 billion yuan AI spending"], titles);
    }

    [Fact]
    public async Task Pages_keep_the_order_and_report_the_total()
    {
        var queries = new EventQueries(_database.Factory);

        var first = await queries.ListAsync(new EventQuery { PageSize = 2, Page = 1 }, Ct);
        var third = await queries.ListAsync(new EventQuery { PageSize = 2, Page = 3 }, Ct);
        var beyond = await queries.ListAsync(new EventQuery { PageSize = 2, Page = 4 }, Ct);

        Assert.Equal(["Alibaba Cloud launches Qwen2.5-Max", "DeepSeek releases R1"], first.Items.Select(e => e.Title));
        Assert.Equal((5, 1, 2), (first.Total, first.Page, first.PageSize));
        Assert.Equal(["Baidu plans Ernie 5"], third.Items.Select(e => e.Title));
        Assert.Empty(beyond.Items);
        Assert.Equal(5, beyond.Total);
    }

    [Theory]
    [InlineData(0, 50, "page")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, 501, "pageSize")]
    public async Task Out_of_bounds_paging_is_refused(int page, int pageSize, string parameter)
    {
        var query = new EventQuery { Page = page, PageSize = pageSize };

        Assert.Contains(query.Validate(), e => e.StartsWith(parameter + " ", StringComparison.Ordinal));
        await Assert.ThrowsAsync<ArgumentException>(() => new EventQueries(_database.Factory).ListAsync(query, Ct));
    }

    [Fact]
    public void A_window_that_ends_before_it_starts_is_refused()
    {
        var query = new EventQuery { From = new DateOnly(2025, 3, 1), To = new DateOnly(2025, 2, 1) };

        Assert.Contains(query.Validate(), e => e.StartsWith("from ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_largest_page_size_is_allowed()
    {
        var result = await new EventQueries(_database.Factory).ListAsync(new EventQuery { PageSize = EventQuery.MaxPageSize }, Ct);

        Assert.Equal(5, result.Items.Count);
        Assert.Equal(500, result.PageSize);
    }
}
