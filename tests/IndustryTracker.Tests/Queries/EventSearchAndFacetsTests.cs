using IndustryTracker.Core.Data.Migrations;
using IndustryTracker.Core.Queries;
using IndustryTracker.Core.Sources;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Queries;

/// <summary>Category, model and full-text filters and the facets, on the provider the tests run on (SQLite FTS5 or PostgreSQL tsvector).</summary>
public sealed class EventSearchAndFacetsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await TestData.CreateDatabaseAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private EventQueries Queries => new(_database.Factory);

    private async Task<IReadOnlyList<string>> TitlesAsync(EventQuery query) =>
        [.. (await Queries.ListAsync(query, Ct)).Items.Select(e => e.Title)];

    [Theory]
    [InlineData("Weixin", "Tencent integrates DeepSeek into Weixin")] // title
    [InlineData("choose", "Tencent integrates DeepSeek into Weixin")] // only in a quote behind the event
    [InlineData("ERNIE", "Baidu plans Ernie 5")] // case-insensitive
    [InlineData("spend", "Alibaba announces 380 billion yuan AI spending")] // a word's start
    [InlineData("tencent   weixin!", "Tencent integrates DeepSeek into Weixin")] // every word, punctuation ignored
    public async Task Full_text_search_matches_titles_summaries_and_quotes(string q, string expected)
    {
        Assert.Equal([expected], await TitlesAsync(new EventQuery { Q = q }));
    }

    [Theory]
    [InlineData("alibaba weixin")] // both words must occur in the same event
    [InlineData("yuanbao")]
    [InlineData("\"* OR")] // FTS syntax is not passed through
    public async Task Full_text_search_finds_nothing_when_a_word_is_missing(string q)
    {
        var result = await Queries.ListAsync(new EventQuery { Q = q }, Ct);

        Assert.Equal(0, result.Total);
    }

    [Fact]
    public async Task A_search_without_words_filters_nothing()
    {
        Assert.Equal(5, (await Queries.ListAsync(new EventQuery { Q = " - " }, Ct)).Total);
    }

    [Fact]
    public async Task The_search_index_follows_edits_new_quotes_and_deletions()
    {
        var weixinId = await IdOf("Tencent integrates DeepSeek into Weixin");
        await using (var db = _database.CreateContext())
        {
            var weixin = await db.Events.SingleAsync(e => e.Id == weixinId, Ct);
            weixin.Retitle("Tencent moves AI search to Yuanbao");
            weixin.Summary = "Load shifted from WeChat.";
            var ernie = await db.Events.SingleAsync(e => e.Title == "Baidu plans Ernie 5", Ct);
            var article = await db.Articles.SingleAsync(Ct);
            db.Mentions.Add(Mention.Of(ernie, article, 6, "Ernie 5 will be multimodal"));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(["Tencent moves AI search to Yuanbao"], await TitlesAsync(new EventQuery { Q = "yuanbao" }));
        Assert.Equal(["Tencent moves AI search to Yuanbao"], await TitlesAsync(new EventQuery { Q = "wechat" }));
        Assert.Empty(await TitlesAsync(new EventQuery { Q = "integrates" }));
        Assert.Equal(["Tencent moves AI search to Yuanbao"], await TitlesAsync(new EventQuery { Q = "choose" })); // its quotes stay
        Assert.Equal(["Baidu plans Ernie 5"], await TitlesAsync(new EventQuery { Q = "multimodal" }));

        await using (var db = _database.CreateContext())
        {
            await db.Mentions.Where(m => m.Quote == "Ernie 5 will be multimodal").ExecuteDeleteAsync(Ct);
            db.Events.Remove(await db.Events.SingleAsync(e => e.Id == weixinId, Ct));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Empty(await TitlesAsync(new EventQuery { Q = "multimodal" }));
        Assert.Empty(await TitlesAsync(new EventQuery { Q = "yuanbao" }));
        Assert.Empty(await TitlesAsync(new EventQuery { Q = "choose" }));
    }

    [Fact]
    public async Task Upgrading_an_existing_database_indexes_the_events_already_there()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        var shipped = SchemaMigrations.For(database.Options.Provider);
        // The migrations before the search one, and an event with a quote written in that schema: the search migration
        // must index it. (Later migrations such as 0007_Review rebuild "Mentions" with the search triggers, so they
        // follow 0003, as in a real upgrade.)
        await database.Migrator().MigrateAsync([.. shipped.Where(m => string.CompareOrdinal(m.Version, "0003") < 0)], Ct);
        await database.ExecuteSqlAsync("""
            INSERT INTO "Articles" ("FileName", "Title", "Sha256", "ImportedAt", "CleanText")
            VALUES ('old.txt', 'Old', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '2025-03-01T00:00:00+00:00', 'Users can choose DeepSeek.');
            INSERT INTO "Events" ("Title", "Category", "DateLabel", "DateStart", "DateEnd", "DatePrecision", "Origin", "CreatedAt", "UpdatedAt", "Version")
            VALUES ('Tencent integrates DeepSeek into Weixin', 'IntegrationAdoption', 'Feb. 16, 2025', '2025-02-16', '2025-02-16', 'Day', 'Import', '2025-03-01T00:00:00+00:00', '2025-03-01T00:00:00+00:00', 1);
            INSERT INTO "Mentions" ("ArticleId", "Paragraph", "Quote", "TimelineEventId")
            SELECT a."Id", 1, 'Users can choose DeepSeek.', e."Id" FROM "Articles" AS a, "Events" AS e;
            """);

        await database.Migrator().MigrateAsync(Ct);

        var result = await new EventQueries(database.Factory).ListAsync(new EventQuery { Q = "choose" }, Ct);
        Assert.Equal("Tencent integrates DeepSeek into Weixin", Assert.Single(result.Items).Title);
    }

    [Fact]
    public async Task Filters_by_any_of_several_categories()
    {
        Assert.Equal(["Tencent integrates DeepSeek into Weixin"], await TitlesAsync(new EventQuery { Categories = [EventCategory.IntegrationAdoption] }));
        Assert.Equal(
            ["Tencent integrates DeepSeek into Weixin", "Alibaba announces 380 billion yuan AI spending"],
            await TitlesAsync(new EventQuery { Categories = [EventCategory.IntegrationAdoption, EventCategory.Investment] }));
        Assert.Empty(await TitlesAsync(new EventQuery { Categories = [EventCategory.Hiring] }));
    }

    [Fact]
    public async Task Filters_by_model_slug()
    {
        Assert.Equal(["DeepSeek releases R1"], await TitlesAsync(new EventQuery { Models = ["DeepSeek-R1"] }));
        Assert.Equal(["Alibaba Cloud launches Qwen2.5-Max", "DeepSeek releases R1"], await TitlesAsync(new EventQuery { Models = ["qwen2-5-max", "deepseek-r1"] }));
        Assert.Empty(await TitlesAsync(new EventQuery { Models = ["no-such-model"] }));
    }

    [Fact]
    public async Task Combines_company_dates_category_model_and_text()
    {
        Assert.Equal(
            ["Tencent integrates DeepSeek into Weixin"],
            await TitlesAsync(new EventQuery
            {
                Companies = ["deepseek"],
                From = new DateOnly(2025, 2, 1),
                To = new DateOnly(2025, 2, 28),
                Categories = [EventCategory.IntegrationAdoption],
                Q = "weixin",
            }));
        Assert.Empty(await TitlesAsync(new EventQuery { Companies = ["tencent"], Models = ["deepseek-r1"] }));
        Assert.Empty(await TitlesAsync(new EventQuery { Companies = ["baidu"], Q = "weixin" }));
        Assert.Equal(["DeepSeek releases R1"], await TitlesAsync(new EventQuery { Categories = [EventCategory.ProductLaunch], Q = "R1" }));
    }

    [Fact]
    public async Task Facets_count_the_matching_events_by_category_company_month_and_year()
    {
        var facets = await Queries.FacetsAsync(new EventQuery(), Ct);

        Assert.Equal(5, facets.Total);
        Assert.Equal([("product-launch", 3), ("integration-adoption", 1), ("investment", 1)], facets.Categories.Select(c => (c.Value, c.Count)));
        Assert.Equal("Product launch", facets.Categories[0].Label);
        Assert.Equal(
            [("deepseek", 2), ("alibaba-cloud", 1), ("alibaba-group-holding-ltd", 1), ("baidu", 1), ("tencent", 1)],
            facets.Companies.Select(c => (c.Value, c.Count)));
        // "second half of 2025" overlaps July to December: it counts in each of those months, as the range filter selects it.
        Assert.Equal(
            [
                ("2025-01", "2025-01-01", "2025-01-31", 2), ("2025-02", "2025-02-01", "2025-02-28", 2), ("2025-07", "2025-07-01", "2025-07-31", 1),
                ("2025-08", "2025-08-01", "2025-08-31", 1), ("2025-09", "2025-09-01", "2025-09-30", 1), ("2025-10", "2025-10-01", "2025-10-31", 1),
                ("2025-11", "2025-11-01", "2025-11-30", 1), ("2025-12", "2025-12-01", "2025-12-31", 1),
            ],
            facets.Months.Select(m => (m.Label, m.From, m.To, m.Count)));
        Assert.Equal([("2025", "2025-01-01", "2025-12-31", 5)], facets.Years.Select(y => (y.Label, y.From, y.To, y.Count)));
    }

    [Fact]
    public async Task A_month_facet_counts_exactly_what_its_range_selects()
    {
        var facets = await Queries.FacetsAsync(new EventQuery(), Ct);

        foreach (var month in facets.Months.Concat(facets.Years))
        {
            var selected = await Queries.ListAsync(new EventQuery { From = DateOnly.Parse(month.From), To = DateOnly.Parse(month.To) }, Ct);
            Assert.True(month.Count == selected.Total, $"{month.Label}: facet {month.Count}, range {selected.Total}");
        }
    }

    [Fact]
    public async Task Facets_apply_the_active_filters()
    {
        var facets = await Queries.FacetsAsync(new EventQuery { Companies = ["deepseek"], Q = "deepseek" }, Ct);

        Assert.Equal(2, facets.Total);
        Assert.Equal([("product-launch", 1), ("integration-adoption", 1)], facets.Categories.Select(c => (c.Value, c.Count)));
        Assert.Equal([("deepseek", 2), ("tencent", 1)], facets.Companies.Select(c => (c.Value, c.Count)));
        Assert.Equal(["2025-01", "2025-02"], facets.Months.Select(m => m.Label));
    }

    [Fact]
    public async Task All_ignores_paging_and_can_list_newest_first_with_a_limit()
    {
        var all = await Queries.AllAsync(new EventQuery { PageSize = 1, Page = 3 }, cancellationToken: Ct);
        var newest = await Queries.AllAsync(new EventQuery(), limit: 2, newestFirst: true, cancellationToken: Ct);

        Assert.Equal(5, all.Count);
        Assert.Equal(["Baidu plans Ernie 5", "Alibaba announces 380 billion yuan AI spending"], newest.Select(e => e.Title));
    }

    private async Task<int> IdOf(string title)
    {
        await using var db = _database.CreateContext();
        return await db.Events.Where(e => e.Title == title).Select(e => e.Id).SingleAsync(Ct);
    }
}
