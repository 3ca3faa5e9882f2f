using System.Security.Cryptography;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IndustryTracker.Web.Startup;

/// <summary>
/// One generation of cached public responses: every response in it was rendered from the data as of
/// <see cref="Version"/> of the <see cref="QueryCache"/>, is keyed by <see cref="Id"/> and carries
/// <see cref="Nonce"/> as its Content-Security-Policy nonce (the cached HTML and the header must agree).
/// </summary>
public sealed record PublicCacheGeneration(long Id, long Version, DateTimeOffset Started, string Nonce)
{
    public string Tag => $"public-read-{Id}";
}

/// <summary>
/// Which generation a request for a cached public response belongs to. Before answering it learns of writes by other
/// instances and the CLI (the database's <see cref="CacheStamp"/>, read at most once per
/// <see cref="ResponseCacheOptions.StampCheckInterval"/>) and of this process's own writes (<see cref="QueryCache.Version"/>,
/// bumped by every write command); a new version, or a generation older than <see cref="ResponseCacheOptions.Duration"/>,
/// starts a new generation, so no response rendered before a write is served after the write is seen, and no nonce is
/// shown for longer than the cache lifetime.
/// </summary>
public sealed class PublicCacheGenerations(
    QueryCache queryCache,
    IDbContextFactory<IndustryTrackerDbContext> contextFactory,
    IOptions<ResponseCacheOptions> options,
    TimeProvider time)
{
    private PublicCacheGeneration _current = new(0, long.MinValue, DateTimeOffset.MinValue, NewNonce());
    private long _lastId;
    private long _lastStampCheckTicks = long.MinValue;

    /// <summary>The generation for a request starting now, and the one it replaced (whose responses can be evicted), if any.</summary>
    public async ValueTask<(PublicCacheGeneration Current, PublicCacheGeneration? Replaced)> CurrentAsync(CancellationToken cancellationToken)
    {
        await ObserveOtherWritersAsync(cancellationToken);
        var version = queryCache.Version;
        var now = time.GetUtcNow();
        while (true)
        {
            var current = Volatile.Read(ref _current);
            if (current.Version == version && now - current.Started < options.Value.Duration)
            {
                return (current, null);
            }
            var next = new PublicCacheGeneration(Interlocked.Increment(ref _lastId), version, now, NewNonce());
            if (current.Version > version)
            {
                // A write was seen after this request read the version: its response gets a generation of its own,
                // which no later request will look up.
                return (next, null);
            }
            if (Interlocked.CompareExchange(ref _current, next, current) == current)
            {
                return (next, current);
            }
        }
    }

    private async ValueTask ObserveOtherWritersAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.StampCheckInterval;
        var now = time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastStampCheckTicks);
        if (interval > TimeSpan.Zero && last != long.MinValue && now - last < interval.Ticks)
        {
            return;
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        queryCache.Observe(await CacheStamp.ReadAsync(db, cancellationToken));
        // Stamped with the time the read started: a write committed after that is caught by the next check.
        Interlocked.Exchange(ref _lastStampCheckTicks, now);
    }

    // Hex, like SecurityHeaders' own nonces: valid CSP syntax that no HTML encoder changes.
    private static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
