using System.Collections.Concurrent;

namespace IndustryTracker.Core.Queries;

/// <summary>
/// Results of expensive aggregate queries (event counts and facets), and the rows of records lists show (see
/// <see cref="TryGetRow{T}"/>), kept until the data changes. Every write through this
/// process's contexts bumps <see cref="Version"/> (<see cref="QueryCacheInvalidator"/>), which makes every cached
/// result stale at once; writes by another process or instance change the database's <see cref="CacheStamp"/>, which
/// readers pass to <see cref="Observe"/> before they ask for a result; <see cref="TimeToLive"/> bounds the rest (a
/// result past it is loaded again by one reader while the others are still answered with it). At most
/// <see cref="MaxEntries"/> results are kept. A result is stamped with the version its load started at, so a load
/// that overlaps a write is never served after it.
/// </summary>
public sealed class QueryCache(TimeProvider time)
{
    public const int MaxEntries = 2000;

    /// <summary>The most rows (<see cref="TryGetRow{T}"/>) kept; past this the rows start again from none.</summary>
    public const int MaxRows = 10_000;

    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Kind, int Id), RowEntry> _rows = new();
    private long _version;
    private long _stamp = long.MinValue;

    public long Version => Interlocked.Read(ref _version);

    /// <summary>Makes every cached result stale.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _entries.Clear();
        _rows.Clear();
    }

    /// <summary>
    /// Tells the cache the database's current <see cref="CacheStamp"/>: a value other than the last one seen means
    /// someone (this instance, another one, the CLI) wrote since, and every cached result is dropped.
    /// </summary>
    public void Observe(long stamp)
    {
        if (Interlocked.Exchange(ref _stamp, stamp) != stamp)
        {
            Invalidate();
        }
    }

    /// <summary>
    /// The cached result for <paramref name="key"/>, or the result of <paramref name="load"/>, then cached. Readers that
    /// miss the same key at the same time share one load: when a write (or the 30 s expiry) drops a result that many
    /// requests are asking for, the query runs once, not once per request. A load that fails is not kept; a reader
    /// whose shared load was cancelled by the reader that started it (its request ended) loads again itself.
    /// </summary>
    public async Task<T> GetOrAddAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(load);
        while (true)
        {
            var now = time.GetUtcNow();
            var version = Version;
            if (_entries.TryGetValue(key, out var found) && found.Version == version
                && found.Result.Task.IsCompletedSuccessfully && found.Result.Task.Result is T cached)
            {
                if (found.Expires > now || Interlocked.CompareExchange(ref found.Reloading, 1, 0) != 0)
                {
                    return cached; // the common case: a result already there, nothing to allocate
                }
                return await ReloadAsync(key, found, load, version, cancellationToken);
            }
            var mine = new Entry(new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously), version, now + TimeToLive);
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }
            var entry = _entries.AddOrUpdate(key, mine, (_, existing) => existing.Version == version && existing.Expires > now ? existing : mine);
            if (!ReferenceEquals(entry, mine))
            {
                object shared;
                try
                {
                    shared = await entry.Result.Task.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The reader that started the load went away before it finished; its entry is gone: try again.
                    continue;
                }
                // A key names one kind of result; should two ever share it, this reader's own load answers it.
                return shared is T value ? value : await load(cancellationToken);
            }
            try
            {
                var result = await load(cancellationToken);
                mine.Result.SetResult(result);
                if (Version != version)
                {
                    // A write overlapped the load: readers already waiting get this result, later ones a fresh one.
                    _entries.TryRemove(new KeyValuePair<string, Entry>(key, mine));
                }
                return result;
            }
            catch (Exception exception)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, mine));
                if (exception is OperationCanceledException)
                {
                    mine.Result.SetCanceled(CancellationToken.None);
                }
                else
                {
                    mine.Result.SetException(exception);
                    _ = mine.Result.Task.Exception; // observed here: readers that waited rethrow it; none may have
                }
                throw;
            }
        }
    }

    /// <summary>
    /// Loads again a result whose time is up though no write has been seen since it was read; readers that come
    /// meanwhile are answered with it, so a result many requests ask for (the home page's) does not hold them all up
    /// every <see cref="TimeToLive"/>. A write (a new version) is never answered this way. A failed reload leaves the
    /// next reader to try again.
    /// </summary>
    private async Task<T> ReloadAsync<T>(string key, Entry expired, Func<CancellationToken, Task<T>> load, long version, CancellationToken cancellationToken)
        where T : notnull
    {
        T result;
        try
        {
            result = await load(cancellationToken);
        }
        catch
        {
            Volatile.Write(ref expired.Reloading, 0);
            throw;
        }
        var fresh = new Entry(new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously), version, time.GetUtcNow() + TimeToLive);
        fresh.Result.SetResult(result);
        if (Version == version)
        {
            _entries.TryUpdate(key, fresh, expired); // unless a write or another load replaced it meanwhile
        }
        return result;
    }

    /// <summary>
    /// The row of one record (<paramref name="kind"/> names the table, e.g. a page's event with its companies, models and
    /// quotes) as <see cref="AddRow{T}"/> kept it, if no write has happened since its read began and it is under
    /// <see cref="TimeToLive"/> old: the same rule as the cached results. Rows are kept by record, so pages and lists
    /// that show the same records share them.
    /// </summary>
    public bool TryGetRow<T>(string kind, int id, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T row)
        where T : class
    {
        if (_rows.TryGetValue((kind, id), out var found) && found.Version == Version && found.Expires > time.GetUtcNow() && found.Row is T kept)
        {
            row = kept;
            return true;
        }
        row = null;
        return false;
    }

    /// <summary>Keeps <paramref name="row"/>, read from a read that began at <paramref name="version"/> (<see cref="Version"/> before it); a row read across a write is not kept.</summary>
    public void AddRow<T>(string kind, int id, T row, long version)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(row);
        if (version != Version)
        {
            return;
        }
        if (_rows.Count >= MaxRows)
        {
            _rows.Clear();
        }
        _rows[(kind, id)] = new RowEntry(row, version, time.GetUtcNow() + TimeToLive);
    }

    private sealed record RowEntry(object Row, long Version, DateTimeOffset Expires);

    /// <summary>A result, or the load of one in flight, for the cache version it started at.</summary>
    private sealed record Entry(TaskCompletionSource<object> Result, long Version, DateTimeOffset Expires)
    {
        /// <summary>1 while a reader loads this result again after its time is up (<see cref="ReloadAsync"/>).</summary>
        public int Reloading;
    }
}

/// <summary>The one way a query reads an aggregate through the (optional) <see cref="QueryCache"/>.</summary>
internal static class CachedReads
{
    /// <summary>
    /// The result of <paramref name="load"/>: read every time without a cache; with one, kept under
    /// <paramref name="key"/> until the next write, after the database's <see cref="CacheStamp"/> (read with
    /// <paramref name="db"/>) shows whether another instance wrote since the last read.
    /// </summary>
    public static async Task<T> ReadAsync<T>(
        QueryCache? cache, Data.IndustryTrackerDbContext db, string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : notnull
    {
        await ObserveAsync(cache, db, cancellationToken);
        return await GetAsync(cache, key, load, cancellationToken);
    }

    /// <summary>Reads the database's <see cref="CacheStamp"/> into <paramref name="cache"/> (nothing without a cache): once per request, before <see cref="GetAsync"/>.</summary>
    public static async Task ObserveAsync(QueryCache? cache, Data.IndustryTrackerDbContext db, CancellationToken cancellationToken)
    {
        if (cache is not null)
        {
            cache.Observe(await CacheStamp.ReadAsync(db, cancellationToken));
        }
    }

    /// <summary>The result of <paramref name="load"/>, kept under <paramref name="key"/> when there is a cache; the stamp was observed for this request.</summary>
    public static Task<T> GetAsync<T>(QueryCache? cache, string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : notnull =>
        cache is null ? load(cancellationToken) : cache.GetOrAddAsync(key, load, cancellationToken);
}
