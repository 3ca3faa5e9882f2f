using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Queries;
using IndustryTracker.Tests.Support;

namespace IndustryTracker.Tests.Queries;

public sealed class CompanyQueriesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await TestData.CreateDatabaseAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private CompanyQueries Queries => new(_database.Factory);

    private async Task<IReadOnlyList<string>> NamesAsync(CompanyListQuery query) =>
        [.. (await Queries.ListAsync(query, Ct)).Items.Select(c => c.Name)];

    [Fact]
    public async Task Lists_every_company_by_name_with_aliases_category_and_parent()
    {
        var result = await Queries.ListAsync(new CompanyListQuery(), Ct);

        Assert.Equal(["Alibaba Cloud", "Alibaba Group Holding Ltd.", "Baidu", "DeepSeek", "Tencent"], result.Items.Select(c => c.Name));
        Assert.Equal(5, result.Total);
        var cloud = result.Items[0];
        Assert.Equal(("alibaba-cloud", "cloud-maas", "China", "Alibaba Group Holding Ltd."), (cloud.Slug, cloud.Category, cloud.Country, cloud.Parent));
        Assert.Equal(["Aliyun"], cloud.Aliases);
    }

    [Theory]
    [InlineData("aliyun", "Alibaba Cloud")] // alias only
    [InlineData("WEIXIN", "Tencent")] // alias, any case
    [InlineData("artificial intelligence", "DeepSeek")] // inside an alias
    [InlineData("baid", "Baidu")] // inside the name
    public async Task Search_matches_names_and_aliases(string q, string expected)
    {
        Assert.Equal([expected], await NamesAsync(new CompanyListQuery { Q = q }));
    }

    [Fact]
    public async Task Search_and_category_combine()
    {
        Assert.Equal(["Alibaba Group Holding Ltd.", "Baidu", "Tencent"], await NamesAsync(new CompanyListQuery { Category = CompanyCategory.BigTech }));
        Assert.Equal(["Alibaba Group Holding Ltd."], await NamesAsync(new CompanyListQuery { Q = "alibaba", Category = CompanyCategory.BigTech }));
        Assert.Empty(await NamesAsync(new CompanyListQuery { Q = "zzz" }));
    }

    [Fact]
    public async Task Sorts_by_category_descending_then_name()
    {
        var names = await NamesAsync(new CompanyListQuery { Sort = CompanySort.Category, Descending = true });

        // Stored category names: ModelDeveloper > CloudMaas > BigTech.
        Assert.Equal(["DeepSeek", "Alibaba Cloud", "Alibaba Group Holding Ltd.", "Baidu", "Tencent"], names);
    }

    [Fact]
    public async Task Pages_a_list()
    {
        var second = await Queries.ListAsync(new CompanyListQuery { Page = 2, PageSize = 2 }, Ct);

        Assert.Equal(["Baidu", "DeepSeek"], second.Items.Select(c => c.Name));
        Assert.Equal((5, 2, 2), (second.Total, second.Page, second.PageSize));
    }

    [Fact]
    public async Task Profile_has_the_company_its_family_and_its_quotes()
    {
        var profile = await Queries.ProfileAsync("alibaba-group-holding-ltd", Ct);

        Assert.NotNull(profile);
        Assert.Equal("Alibaba Group Holding Ltd.", profile.Company.Name);
        Assert.Equal("big-tech", profile.Company.Category);
        Assert.Equal(["BABA"], profile.Company.Aliases);
        Assert.Equal("Hangzhou", profile.HeadquartersCity);
        Assert.Null(profile.Parent);
        Assert.Equal([new CompanyLink("Alibaba Cloud", "alibaba-cloud")], profile.Subsidiaries);
        Assert.Equal([new QuoteDto(TestData.ArticleFile, TestData.ArticleTitle, 4, "Alibaba announced a significant investment")], profile.Sources);
        Assert.Equal(TestData.ArticleTitle, profile.ArticleTitles[TestData.ArticleFile]);
    }

    [Fact]
    public async Task Profile_lists_investments_as_recipient_and_as_participant()
    {
        var profile = await Queries.ProfileAsync("alibaba-group-holding-ltd", Ct);

        Assert.NotNull(profile);
        Assert.Equal(2, profile.Investments.Count);
        var round = Assert.Single(profile.Investments, i => i.Kind == "funding-round");
        Assert.Equal("DeepSeek", round.Recipient);
        Assert.Equal(["Alibaba Group Holding Ltd.", "Tencent"], round.Investors);
        Assert.Equal(["Tencent"], round.LeadInvestors);
        var capex = Assert.Single(profile.Investments, i => i.Kind == "capital-expenditure-plan");
        Assert.Equal((380_000_000_000m, "CNY", "380 billion yuan"), (capex.Amount, capex.Currency, capex.AsReported));
        Assert.Equal("Feb. 24, 2025", capex.Date?.Label);
        Assert.Equal([new SourceDto(TestData.ArticleFile, 4, "Alibaba will invest 380 billion yuan over three years")], capex.Sources);
    }

    [Fact]
    public async Task Profile_events_include_those_of_the_companys_models_in_date_order()
    {
        var deepSeek = await Queries.ProfileAsync("deepseek", Ct);
        var cloud = await Queries.ProfileAsync("alibaba-cloud", Ct);

        Assert.NotNull(deepSeek);
        Assert.NotNull(cloud);
        Assert.Equal(["DeepSeek releases R1", "Tencent integrates DeepSeek into Weixin"], deepSeek.Events.Select(e => e.Title));
        Assert.Equal(["Alibaba Cloud launches Qwen2.5-Max"], cloud.Events.Select(e => e.Title));
        Assert.Equal(new CompanyLink("Alibaba Group Holding Ltd.", "alibaba-group-holding-ltd"), cloud.Parent);
        Assert.All(deepSeek.Events, e => Assert.NotEmpty(e.Sources));
    }

    [Fact]
    public async Task Profile_lists_the_models_the_company_develops_with_their_sources()
    {
        var profile = await Queries.ProfileAsync("DeepSeek", Ct);

        Assert.NotNull(profile);
        Assert.Equal(new DateDto("2023", "2023-01-01", "2023-12-31", "year"), profile.Founded);
        var model = Assert.Single(profile.Models);
        Assert.Equal(new ModelDto("DeepSeek-R1", "deepseek-r1", "DeepSeek", "reasoning", "released", "open-weights", new DateDto("Jan. 20, 2025", "2025-01-20", "2025-01-20", "day")), model.Model);
        Assert.Equal([new QuoteDto(TestData.ArticleFile, TestData.ArticleTitle, 1, "DeepSeek's R1 reasoning model")], model.Sources);
    }

    [Fact]
    public async Task Profile_of_an_unknown_slug_is_null()
    {
        Assert.Null(await Queries.ProfileAsync("no-such-company", Ct));
    }

    [Fact]
    public async Task Overview_counts_what_is_stored()
    {
        Assert.Equal(new Overview(Companies: 5, Models: 2, Events: 5, Investments: 2, Articles: 1), await Queries.OverviewAsync(Ct));
    }
}
