using IndustryTracker.Core.Queries;
using IndustryTracker.Tests.Support;

namespace IndustryTracker.Tests.Queries;

/// <summary>
/// Readers that miss the same key at once share one load (no stampede of the same aggregate query after a write);
/// a failed or abandoned load is never served to later readers; a result past its time holds up only the reader that
/// loads it again.
/// </summary>
public sealed class QueryCacheSharedLoadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static QueryCache NewCache() => new(new FixedTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task Readers_missing_the_same_key_at_once_run_the_load_once()
    {
        var cache = NewCache();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        async Task<int> Load(CancellationToken _)
        {
            Interlocked.Increment(ref loads);
            await gate.Task;
            return 42;
        }

        var readers = Enumerable.Range(0, 20).Select(_ => cache.GetOrAddAsync("facets", Load, Ct)).ToList();
        Assert.All(readers, r => Assert.False(r.IsCompleted));
        gate.SetResult();

        Assert.All(await Task.WhenAll(readers), value => Assert.Equal(42, value));
        Assert.Equal(1, loads);
        Assert.Equal(42, await cache.GetOrAddAsync("facets", Load, Ct));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task A_result_past_its_time_is_loaded_again_by_one_reader_while_the_others_are_answered_with_it()
    {
        var time = new FixedTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var cache = new QueryCache(time);
        static Func<CancellationToken, Task<int>> Returns(int value) => _ => Task.FromResult(value);
        Assert.Equal(1, await cache.GetOrAddAsync("landscape", Returns(1), Ct));

        time.Advance(QueryCache.TimeToLive);
        var reload = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reloading = cache.GetOrAddAsync("landscape", _ => reload.Task, Ct);
        Assert.False(reloading.IsCompleted);
        var meanwhile = cache.GetOrAddAsync("landscape", Returns(99), Ct);
        Assert.True(meanwhile.IsCompletedSuccessfully); // not held up by the reload
        Assert.Equal(1, await meanwhile); // nor loaded again
        reload.SetResult(2);
        Assert.Equal(2, await reloading);
        Assert.Equal(2, await cache.GetOrAddAsync("landscape", Returns(99), Ct));

        // A failed reload leaves the next reader to load it.
        time.Advance(QueryCache.TimeToLive);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrAddAsync<int>("landscape", _ => throw new InvalidOperationException(), Ct));
        Assert.Equal(3, await cache.GetOrAddAsync("landscape", Returns(3), Ct));

        // A write is never answered with the old result, and a reload it overlapped is not kept.
        time.Advance(QueryCache.TimeToLive);
        var overlapped = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stale = cache.GetOrAddAsync("landscape", _ => overlapped.Task, Ct);
        cache.Invalidate();
        Assert.Equal(5, await cache.GetOrAddAsync("landscape", Returns(5), Ct));
        overlapped.SetResult(4);
        Assert.Equal(4, await stale);
        Assert.Equal(5, await cache.GetOrAddAsync("landscape", Returns(99), Ct));
    }

    [Fact]
    public async Task A_load_abandoned_by_its_reader_is_run_again_for_a_reader_still_waiting()
    {
        var cache = NewCache();
        using var firstReaderGone = new CancellationTokenSource();
        var loads = 0;
        async Task<int> Load(CancellationToken token)
        {
            var n = Interlocked.Increment(ref loads);
            if (n == 1)
            {
                await Task.Delay(Timeout.Infinite, token); // the first reader's request ends before its load does
            }
            return n;
        }

        var first = cache.GetOrAddAsync("count", Load, firstReaderGone.Token);
        var second = cache.GetOrAddAsync("count", Load, Ct);
        Assert.False(second.IsCompleted);
        await firstReaderGone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(2, await second);
        Assert.Equal(2, await cache.GetOrAddAsync("count", Load, Ct));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task A_failed_load_fails_its_readers_and_the_next_reader_loads_again()
    {
        var cache = NewCache();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        async Task<int> Load(CancellationToken _)
        {
            if (Interlocked.Increment(ref loads) == 1)
            {
                await gate.Task;
                throw new InvalidOperationException("the database went away");
            }
            return 7;
        }

        var first = cache.GetOrAddAsync("count", Load, Ct);
        var waiting = cache.GetOrAddAsync("count", Load, Ct);
        gate.SetResult();

        Assert.Equal("the database went away", (await Assert.ThrowsAsync<InvalidOperationException>(() => first)).Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => waiting);
        Assert.Equal(7, await cache.GetOrAddAsync("count", Load, Ct));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task A_write_during_a_shared_load_keeps_its_result_from_later_readers()
    {
        var cache = NewCache();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        async Task<int> Load(CancellationToken _)
        {
            var n = Interlocked.Increment(ref loads);
            if (n == 1)
            {
                await gate.Task;
            }
            return n;
        }

        var before = cache.GetOrAddAsync("count", Load, Ct);
        cache.Invalidate(); // a write lands while the first load runs
        var after = cache.GetOrAddAsync("count", Load, Ct);
        gate.SetResult();

        Assert.Equal(1, await before);
        Assert.Equal(2, await after);
        Assert.Equal(2, await cache.GetOrAddAsync("count", Load, Ct));
    }
}
