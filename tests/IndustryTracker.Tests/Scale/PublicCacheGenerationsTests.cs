using IndustryTracker.Core.Queries;
using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IndustryTracker.Tests.Scale;

/// <summary>
/// The generation of cached public responses a request belongs to: the same until a write is seen (this process's
/// write counter, or the shared stamp changed by another writer) or the generation is older than the cache lifetime.
/// </summary>
public sealed class PublicCacheGenerationsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly FixedTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private QueryCache _queryCache = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestData.CreateDatabaseAsync();
        _queryCache = new QueryCache(_time);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private PublicCacheGenerations Generations(TimeSpan stampCheckInterval = default) =>
        new(_queryCache, _database.Factory, Options.Create(new ResponseCacheOptions { StampCheckInterval = stampCheckInterval }), _time);

    [Fact]
    public async Task Requests_share_a_generation_and_its_nonce_until_this_process_writes()
    {
        var generations = Generations();
        var (first, _) = await generations.CurrentAsync(Ct);
        var (same, replacedNothing) = await generations.CurrentAsync(Ct);

        _queryCache.Invalidate();
        var (next, replaced) = await generations.CurrentAsync(Ct);

        Assert.Same(first, same);
        Assert.Null(replacedNothing);
        Assert.NotEqual(first.Id, next.Id);
        Assert.NotEqual(first.Nonce, next.Nonce);
        Assert.NotEqual(first.Tag, next.Tag);
        Assert.Same(first, replaced);
    }

    [Fact]
    public async Task A_generation_ends_after_the_cache_lifetime()
    {
        var generations = Generations();
        var (first, _) = await generations.CurrentAsync(Ct);

        _time.Advance(new ResponseCacheOptions().Duration - TimeSpan.FromSeconds(1));
        var (stillFirst, _) = await generations.CurrentAsync(Ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        var (next, _) = await generations.CurrentAsync(Ct);

        Assert.Same(first, stillFirst);
        Assert.NotEqual(first.Id, next.Id);
    }

    [Fact]
    public async Task A_write_by_another_instance_is_seen_at_once_by_default_and_after_the_interval_when_one_is_set()
    {
        var everyRequest = Generations();
        var (before, _) = await everyRequest.CurrentAsync(Ct);
        await ChangeStampAsync(41);
        var (after, _) = await everyRequest.CurrentAsync(Ct);
        Assert.NotEqual(before.Id, after.Id);

        var everySecond = Generations(TimeSpan.FromSeconds(1));
        var (first, _) = await everySecond.CurrentAsync(Ct);
        await ChangeStampAsync(42);
        var (withinInterval, _) = await everySecond.CurrentAsync(Ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        var (afterInterval, _) = await everySecond.CurrentAsync(Ct);

        Assert.Equal(first.Id, withinInterval.Id);
        Assert.NotEqual(first.Id, afterInterval.Id);
    }

    private async Task ChangeStampAsync(long value)
    {
        await using var db = _database.CreateContext();
        var stamp = await db.CacheStamps.SingleAsync(s => s.Id == CacheStamp.SharedId, Ct);
        stamp.Value = value;
        await db.SaveChangesAsync(Ct);
    }
}
