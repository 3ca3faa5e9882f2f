using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Editing;
using IndustryTracker.Tests.Support;

namespace IndustryTracker.Tests.Editing;

/// <summary>The pickers' server-side search, on a real database (SQLite, or PostgreSQL when configured).</summary>
public sealed class PickerSearchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestDatabase Database, PickerSearch Search)> SeededAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            await TestData.SeedAsync(db, Ct);
        }
        return (database, new PickerSearch(database.Factory));
    }

    [Fact]
    public async Task Companies_match_the_name_case_insensitively_or_the_slug_in_name_order()
    {
        var (database, search) = await SeededAsync();
        await using var _ = database;

        Assert.Equal(["Alibaba Cloud", "Alibaba Group Holding Ltd."], (await search.CompaniesAsync("ALI", cancellationToken: Ct)).Select(o => o.Name));
        Assert.Equal([new PickerOption("alibaba-group-holding-ltd", "Alibaba Group Holding Ltd.")], await search.CompaniesAsync("group-holding", cancellationToken: Ct));
        Assert.Empty(await search.CompaniesAsync("no such company", cancellationToken: Ct));
    }

    [Fact]
    public async Task An_empty_search_offers_the_first_names_up_to_the_limit()
    {
        var (database, search) = await SeededAsync();
        await using var _ = database;

        Assert.Equal(["Alibaba Cloud", "Alibaba Group Holding Ltd.", "Baidu"], (await search.CompaniesAsync(null, take: 3, Ct)).Select(o => o.Name));
        Assert.Equal(["DeepSeek-R1", "Qwen2.5-Max"], (await search.ModelsAsync("  ", cancellationToken: Ct)).Select(o => o.Name));
        Assert.Equal(["Qwen2.5-Max"], (await search.ModelsAsync("qwen", cancellationToken: Ct)).Select(o => o.Name));
    }

    [Fact]
    public async Task Chosen_slugs_are_named_in_the_order_given_and_unknown_ones_left_out()
    {
        var (database, search) = await SeededAsync();
        await using var _ = database;

        Assert.Equal(["tencent", "baidu"], (await search.CompaniesBySlugAsync(["tencent", "gone", "baidu", "tencent"], Ct)).Select(o => o.Slug));
        Assert.Equal([new PickerOption("deepseek-r1", "DeepSeek-R1")], await search.ModelsBySlugAsync(["deepseek-r1"], Ct));
        Assert.Empty(await search.CompaniesBySlugAsync([], Ct));
    }
}
