using IndustryTracker.Core.Queries;
using IndustryTracker.Tests.Support;

namespace IndustryTracker.Tests.Queries;

/// <summary>The shared stamp: a cached result survives the same stamp and is dropped when another instance's write changed it.</summary>
public sealed class QueryCacheStampTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_stamp_keeps_a_cached_result_and_a_new_stamp_drops_it()
    {
        var cache = new QueryCache(new FixedTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        var loads = 0;
        Task<int> Load(CancellationToken _) => Task.FromResult(++loads);

        cache.Observe(7);
        Assert.Equal(1, await cache.GetOrAddAsync("count", Load, Ct));
        cache.Observe(7);
        Assert.Equal(1, await cache.GetOrAddAsync("count", Load, Ct));
        cache.Observe(-3);
        Assert.Equal(2, await cache.GetOrAddAsync("count", Load, Ct));
        Assert.Equal(2, loads);
    }
}
