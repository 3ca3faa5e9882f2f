using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Queries;
using IndustryTracker.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Tests.Scale;

/// <summary>
/// A filtered investment list counts its matches once until the next write (the company filter walks the company's
/// recipient and participant links for every request otherwise): the count is not sent again for the next page or
/// the same list, and a new investment shows in it on the next read. Through the app's own services and contexts.
/// </summary>
public sealed class InvestmentCountCacheTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private WebApplicationFactory<IndustryTracker.Web.Components.App> _app = null!;
    private readonly SqlCommandRecorder _recorder = new();
    private string _company = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestData.CreateDatabaseAsync();
        await using (var db = _database.CreateContext())
        {
            _company = await db.Investments.Where(i => i.Recipient != null).GroupBy(i => i.Recipient!.Slug)
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

    [Fact]
    public async Task A_companys_list_is_counted_once_and_a_new_investment_shows_in_the_next_count()
    {
        var query = new InvestmentQuery { Companies = [_company], PageSize = 1 };
        _app.Services.GetRequiredService<QueryCache>().Invalidate();
        _recorder.Clear();
        var first = await ReadAsync(query);
        Assert.Contains(_recorder.Commands, IsCount);

        _recorder.Clear();
        var second = await ReadAsync(query with { Page = 2, Companies = [_company.ToUpperInvariant()] });
        Assert.DoesNotContain(_recorder.Commands, IsCount);
        Assert.Equal(first.Total, second.Total);

        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<IndustryTrackerDbContext>>().CreateDbContextAsync(Ct))
        {
            db.Add(new Investment(InvestmentKind.FundingRound, await db.Companies.SingleAsync(c => c.Slug == _company, Ct)));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(first.Total + 1, (await ReadAsync(query)).Total);
    }

    // SQLite is sent COUNT(*), PostgreSQL count(*)::int.
    private static bool IsCount(RecordedCommand command) => command.Sql.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase);

    private async Task<PagedResult<InvestmentDto>> ReadAsync(InvestmentQuery query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InvestmentQueries>().ListAsync(query, Ct);
    }
}
