using IndustryTracker.Core.Queries;
using IndustryTracker.Tests.Support;

namespace IndustryTracker.Tests.Queries;

/// <summary>
/// The shared stamp: a cached result survives the same stamp and is dropped when another instance's write changed it;
/// kept rows follow the same rules.
/// </summary>
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

    [Fact]
    public void A_kept_row_is_served_until_a_write_a_new_stamp_or_its_time_is_up_and_a_row_read_across_a_write_is_not_kept()
    {
        var time = new FixedTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var cache = new QueryCache(time);
        cache.Observe(7);
        cache.AddRow("event", 1, "first", cache.Version);
        Assert.True(cache.TryGetRow<string>("event", 1, out var row));
        Assert.Equal("first", row);
        Assert.False(cache.TryGetRow<string>("investment", 1, out _)); // kept by table and id
        cache.Observe(7);
        Assert.True(cache.TryGetRow<string>("event", 1, out _));

        cache.Invalidate(); // this process wrote
        Assert.False(cache.TryGetRow<string>("event", 1, out _));

        var before = cache.Version;
        cache.AddRow("event", 2, "second", before);
        cache.Observe(8); // another instance wrote
        Assert.False(cache.TryGetRow<string>("event", 2, out _));

        var readStarted = cache.Version;
        cache.Invalidate(); // a write while the row was being read
        cache.AddRow("event", 3, "third", readStarted);
        Assert.False(cache.TryGetRow<string>("event", 3, out _));

        cache.AddRow("event", 4, "fourth", cache.Version);
        time.Advance(QueryCache.TimeToLive);
        Assert.False(cache.TryGetRow<string>("event", 4, out _));
    }
}
