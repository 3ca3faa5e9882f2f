using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Queries;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Tests.Queries;

/// <summary>
/// The aggregates the app keeps in its <see cref="QueryCache"/> until the next write (the home page's counts and
/// largest investments, a profile as its page reads it (with its first relations), a filter's company names, a list's
/// event rows) show that write on the next read, as the app wires them.
/// </summary>
public sealed class CachedAggregatesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TrackerWebApplicationFactory _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestData.CreateDatabaseAsync();
        _app = new TrackerWebApplicationFactory(_database);
        _ = _app.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_home_pages_counts_and_largest_investments_follow_a_write()
    {
        var (overview, largest) = await ReadAsync(async s =>
            (await s.GetRequiredService<CompanyQueries>().OverviewAsync(Ct), await s.GetRequiredService<InvestmentQueries>().LargestAsync(1, Ct)));
        Assert.Equal(overview, (await ReadAsync(s => s.GetRequiredService<CompanyQueries>().OverviewAsync(Ct))));

        await WriteAsync(async db =>
        {
            var baidu = await db.Companies.SingleAsync(c => c.Slug == "baidu", Ct);
            var round = new Investment(InvestmentKind.FundingRound, baidu) { Money = new Money(9_000_000_000_000m, "USD", "$9 trillion") };
            round.SetReportedUsd(9_000_000_000_000m);
            db.Add(round);
            var ev = new TimelineEvent("Baidu raises $9 trillion", FuzzyDate.Day(new DateOnly(2025, 3, 3)), EventCategory.Investment, EventOrigin.Editor);
            ev.Involve(baidu);
            db.Add(ev);
        });

        var after = await ReadAsync(s => s.GetRequiredService<CompanyQueries>().OverviewAsync(Ct));
        Assert.Equal(overview.Events + 1, after.Events);
        Assert.Equal(overview.Investments + 1, after.Investments);
        var largestAfter = await ReadAsync(s => s.GetRequiredService<InvestmentQueries>().LargestAsync(1, Ct));
        Assert.DoesNotContain(largest, i => i.AmountUsd == 9_000_000_000_000m);
        Assert.Equal(9_000_000_000_000m, Assert.Single(largestAfter).AmountUsd);
    }

    [Fact]
    public async Task The_landscape_follows_a_write()
    {
        Task<IReadOnlyList<LandscapeCategory>> LandscapeAsync() => ReadAsync(s => s.GetRequiredService<CompanyPagedQueries>().LandscapeAsync(2, Ct));
        var before = await LandscapeAsync();
        Assert.Equal(Shape(before), Shape(await LandscapeAsync()));

        await WriteAsync(db =>
        {
            db.Add(new Company("Aaa Chip Works", CompanyCategory.Chipmaker));
            return Task.CompletedTask;
        });

        var after = await LandscapeAsync();
        var chipmakers = Assert.Single(after, c => c.Category == EnumNames.Of(CompanyCategory.Chipmaker));
        Assert.Equal((before.SingleOrDefault(c => c.Category == chipmakers.Category)?.Count ?? 0) + 1, chipmakers.Count);
        Assert.Equal("Aaa Chip Works", chipmakers.Companies[0].Name);
    }

    [Fact]
    public async Task A_profiles_first_relations_follow_a_write()
    {
        Task<List<string>> RelatedAsync() => ReadAsync(async s =>
            (await s.GetRequiredService<CompanyQueries>().ProfileAsync("deepseek", 30, Ct))!.Relations.Select(r => r.Company.Slug).ToList());

        Assert.DoesNotContain("baidu", await RelatedAsync());
        await WriteAsync(async db =>
        {
            var meeting = new TimelineEvent("Baidu and DeepSeek meet", FuzzyDate.Day(new DateOnly(2025, 3, 3)), EventCategory.Partnership, EventOrigin.Editor);
            meeting.Involve(await db.Companies.SingleAsync(c => c.Slug == "baidu", Ct));
            meeting.Involve(await db.Companies.SingleAsync(c => c.Slug == "deepseek", Ct));
            db.Add(meeting);
        });

        Assert.Contains("baidu", await RelatedAsync());
    }

    [Fact]
    public async Task A_profile_as_its_page_reads_it_is_kept_and_follows_a_write_and_so_does_an_unknown_slug()
    {
        Task<CompanyProfile?> ProfileAsync(string slug) => ReadAsync(s => s.GetRequiredService<CompanyQueries>().ProfileAsync(slug, 30, Ct));
        var first = await ProfileAsync("deepseek");
        Assert.Same(first, await ProfileAsync("deepseek")); // kept, not read again
        Assert.Null(await ProfileAsync("aaa-chip-works"));

        await WriteAsync(async db =>
        {
            (await db.Companies.SingleAsync(c => c.Slug == "deepseek", Ct)).RenameKeepingSlug("DeepSeek Renamed");
            db.Add(new Company("Aaa Chip Works", CompanyCategory.Chipmaker));
        });

        var renamed = await ProfileAsync("deepseek");
        Assert.Equal("DeepSeek Renamed", renamed!.Company.Name);
        Assert.NotEmpty(renamed.Events);
        Assert.All(renamed.Events, e => Assert.Contains("DeepSeek Renamed", e.Companies));
        Assert.Equal(first!.Events.Select(e => e.Id), renamed.Events.Select(e => e.Id));
        Assert.Equal("Aaa Chip Works", (await ProfileAsync("aaa-chip-works"))?.Company.Name);
    }

    [Fact]
    public async Task The_names_of_a_filters_companies_are_kept_and_follow_a_rename()
    {
        Task<IReadOnlyList<CompanyLink>> NamesAsync() => ReadAsync(s => s.GetRequiredService<CompanyQueries>().NamesAsync(["deepseek", "baidu"], Ct));
        var first = await NamesAsync();
        Assert.Same(first, await NamesAsync());

        await WriteAsync(async db => (await db.Companies.SingleAsync(c => c.Slug == "deepseek", Ct)).RenameKeepingSlug("DeepSeek Renamed"));

        Assert.Equal(["baidu", "deepseek"], first.Select(l => l.Slug).Order());
        Assert.Equal("DeepSeek Renamed", Assert.Single(await NamesAsync(), l => l.Slug == "deepseek").Name);
    }

    [Fact]
    public async Task A_lists_event_rows_are_kept_and_follow_an_edit_of_the_event_or_its_company_and_a_deletion()
    {
        var query = new EventQuery { Companies = ["deepseek"], PageSize = 5 };
        Task<PagedResult<EventDto>> ListAsync() => ReadAsync(s => s.GetRequiredService<EventQueries>().ListAsync(query, Ct));
        var first = await ListAsync();
        var shown = first.Items[0];
        Assert.Equal(first.Items, (await ListAsync()).Items); // the same rows, now kept

        await WriteAsync(async db => (await db.Events.SingleAsync(e => e.Id == shown.Id, Ct)).Retitle("DeepSeek, retitled"));
        Assert.Equal("DeepSeek, retitled", (await ListAsync()).Items.Single(e => e.Id == shown.Id).Title);

        await WriteAsync(async db => (await db.Companies.SingleAsync(c => c.Slug == "deepseek", Ct)).RenameKeepingSlug("DeepSeek Renamed"));
        Assert.All((await ListAsync()).Items, e => Assert.Contains("DeepSeek Renamed", e.Companies));

        await WriteAsync(async db => (await db.Events.SingleAsync(e => e.Id == shown.Id, Ct)).SoftDelete("ed@example.com", DateTimeOffset.UnixEpoch));
        Assert.DoesNotContain((await ListAsync()).Items, e => e.Id == shown.Id);
    }

    private static string Shape(IReadOnlyList<LandscapeCategory> landscape) =>
        string.Join(";", landscape.Select(c => $"{c.Category}:{c.Count}:{string.Join(",", c.Companies.Select(l => l.Slug))}"));

    private async Task<T> ReadAsync<T>(Func<IServiceProvider, Task<T>> read)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider);
    }

    /// <summary>A write through the app's own context factory, with its interceptors (history, cache stamp).</summary>
    private async Task WriteAsync(Func<IndustryTrackerDbContext, Task> write)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<IndustryTrackerDbContext>>().CreateDbContextAsync(Ct);
        await write(db);
        await db.SaveChangesAsync(Ct);
    }
}
