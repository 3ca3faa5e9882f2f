using IndustryTracker.Core;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.History;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Tests.Data;

/// <summary>
/// The app's contexts are pooled: a context handed out again must carry nothing of the unit of work that used it
/// before (whom it acted for, how its saves were recorded in history, what it tracked), on both providers.
/// </summary>
public sealed class ContextPoolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceProvider Services(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:IndustryTracker"] = database.Options.ConnectionString,
                ["Database:Provider"] = database.Options.Provider.ToString(),
            })
            .Build();
        return new ServiceCollection().AddLogging().AddIndustryTrackerCore(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task A_context_handed_out_again_starts_a_new_unit_of_work()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = Services(database);
        var factory = services.GetRequiredService<IDbContextFactory<IndustryTrackerDbContext>>();

        IndustryTrackerDbContext first;
        HistoryRecording firstRecording;
        await using (first = await factory.CreateDbContextAsync(Ct))
        {
            first.Actor = "alice";
            firstRecording = first.History;
            _ = first.History.As(ChangeKind.Merged); // a scope left open, as an exception would leave it
            first.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            Assert.NotEmpty(await first.CacheStamps.AsTracking().ToListAsync(Ct)); // the one stamp row every database has
        }

        await using var second = await factory.CreateDbContextAsync(Ct);

        Assert.Same(first, second); // from the pool
        Assert.Null(second.Actor);
        Assert.NotSame(firstRecording, second.History);
        Assert.Null(second.History.Kind);
        Assert.Null(second.History.Merge);
        Assert.Equal(QueryTrackingBehavior.TrackAll, second.ChangeTracker.QueryTrackingBehavior);
        Assert.Empty(second.ChangeTracker.Entries());
    }

    [Fact]
    public async Task The_scoped_context_comes_from_the_pool_and_goes_back_to_it_with_its_scope()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = Services(database);
        IndustryTrackerDbContext scoped;
        await using (var scope = services.CreateAsyncScope())
        {
            scoped = scope.ServiceProvider.GetRequiredService<IndustryTrackerDbContext>();
            scoped.Actor = "bob";
            Assert.True(await scoped.CacheStamps.AnyAsync(Ct));
        }

        await using var next = await services.GetRequiredService<IDbContextFactory<IndustryTrackerDbContext>>().CreateDbContextAsync(Ct);

        Assert.Same(scoped, next);
        Assert.Null(next.Actor);
    }
}
